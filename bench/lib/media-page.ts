// Benchmark page: exposes the real `media` check (through runPreflight) to the driver script.
import { runPreflight } from '../../src/runner.js';
import { mos } from '../../src/stats/mos.js';
import type { CheckId } from '../../src/report/schema.js';

declare global {
  interface Window {
    __benchReady: boolean;
    __runMedia: (iceServers: RTCIceServer[], durationS: number, opts?: { mic?: boolean }) => Promise<unknown>;
    __runChecks: (checks: CheckId[], iceServers: RTCIceServer[], durationS: number) => Promise<unknown>;
    __mos: (rttMs: number, jitterMs: number, lossPct: number) => number | null;
  }
}

window.__runMedia = async (iceServers, durationS, opts = {}) => {
  // opts.mic: use the (fake) microphone instead of the WebAudio tone.
  const report = await runPreflight({ checks: ['media'], iceServers, durationS, ...(opts.mic ? { deps: { createAudioContext: undefined } } : {}) });
  return report.checks[0];
};
window.__runChecks = async (checks, iceServers, durationS) => (await runPreflight({ checks, iceServers, durationS })).checks;
window.__mos = (rttMs, jitterMs, lossPct) => mos({ rttMs, jitterMs, lossPct });
window.__benchReady = true;

// Recorder for test fixtures (bench/lib/record-getstats.mjs): a relayed call with audio both ways; returns
// both peers' getStats payloads (as arrays) at `firstMs` and `secondMs` after connecting.
import { openRelayPair } from '../../src/checks/relay-pair.js';
import { defaultDeps } from '../../src/internal/deps.js';

declare global {
  interface Window {
    __recordStats: (iceServers: RTCIceServer[], firstMs: number, secondMs: number) => Promise<unknown>;
  }
}

window.__recordStats = async (iceServers, firstMs, secondMs) => {
  const deps = defaultDeps();
  const opened = await openRelayPair(deps, { iceServers, iceTransportPolicy: 'relay' }, new AbortController().signal, { audio: true, dc: { ordered: false, maxRetransmits: 0 }, timeoutMs: 8000 });
  if (!opened.ok) throw new Error(`call failed: ${opened.reason}`);
  const { a, b } = opened.pair;
  const dump = async (pc: RTCPeerConnection) => [...(await pc.getStats()).values()];
  try {
    await new Promise((r) => setTimeout(r, firstMs));
    const first = { a: await dump(a), b: await dump(b) };
    await new Promise((r) => setTimeout(r, secondMs - firstMs));
    const second = { a: await dump(a), b: await dump(b) };
    return { first, second };
  } finally {
    opened.pair.close();
  }
};
