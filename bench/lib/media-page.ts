// Benchmark page: exposes the real `media` check (through runPreflight) to the driver script.
import { runPreflight } from '../../src/runner.js';
import { mos } from '../../src/stats/mos.js';

declare global {
  interface Window {
    __benchReady?: boolean;
    __runMedia?: (iceServers: RTCIceServer[], durationS: number) => Promise<unknown>;
    __mos?: (rttMs: number, jitterMs: number, lossPct: number) => number | null;
  }
}

window.__runMedia = async (iceServers, durationS) => {
  const report = await runPreflight({ checks: ['media'], iceServers, durationS });
  return report.checks[0];
};
window.__mos = (rttMs, jitterMs, lossPct) => mos({ rttMs, jitterMs, lossPct });
window.__benchReady = true;
