// Page script of bench:overhead (Chromium part): the same simulated shift as in Node.
import { runShift, baseline } from './overhead-core.js';
import { CallQualityMonitor, PeerConnectionSampler } from '../../src/ccp/call-quality.ts';

async function shift(opts) {
  const mem = performance.memory;
  return runShift({
    ...opts,
    hooks: {
      now: () => performance.now(),
      cpu: null,
      heap: mem ? () => mem.usedJSHeapSize : null,
      gc: typeof globalThis.gc === 'function' ? () => { globalThis.gc?.(); globalThis.gc?.(); } : undefined,
    },
  });
}

function base(opts) {
  return baseline({ ...opts, hooks: { now: () => performance.now(), cpu: null } });
}

globalThis.__bench = { shift, base, crossOriginIsolated: globalThis.crossOriginIsolated, hasGc: typeof globalThis.gc === 'function', hasMemory: !!performance.memory };
globalThis.__benchReady = true;

// ---- A real poll on a live call: the browser's getStats plus our code, on a loopback audio call ----
let live = null;

/** Starts a loopback audio call (fake microphone) between two peer connections in this page. */
async function startCall() {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  const a = new RTCPeerConnection();
  const b = new RTCPeerConnection();
  a.onicecandidate = (e) => e.candidate && b.addIceCandidate(e.candidate);
  b.onicecandidate = (e) => e.candidate && a.addIceCandidate(e.candidate);
  for (const t of stream.getTracks()) a.addTrack(t, stream);
  const got = new Promise((r) => { b.ontrack = r; });
  await a.setLocalDescription();
  await b.setRemoteDescription(/** @type {RTCSessionDescription} */ (a.localDescription));
  await b.setLocalDescription();
  await a.setRemoteDescription(/** @type {RTCSessionDescription} */ (b.localDescription));
  await got;
  const deadline = performance.now() + 10000;
  while (a.connectionState !== 'connected' && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (a.connectionState !== 'connected') throw new Error(`the loopback call did not connect (${a.connectionState})`);
  live = { a, b, stream, monitor: new CallQualityMonitor({ onQuality: (d) => document.dispatchEvent(new CustomEvent('ccp-preflight-call-quality', { detail: d })) }), sampler: new PeerConnectionSampler(a) };
  await live.sampler.sample();
  return true;
}

/** Polls every `everyMs` for `forMs` (or just waits when `poll` is false); returns the number of polls. */
async function pollFor({ forMs, everyMs, poll }) {
  const end = performance.now() + forMs;
  let n = 0;
  while (performance.now() < end) {
    if (poll) {
      const s = await live.sampler.sample();
      if (s) live.monitor.ingestPeerConnectionSample('live-1', { atMs: Date.now(), ...s });
      n++;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return n;
}

function stopCall() {
  if (!live) return;
  live.a.close();
  live.b.close();
  for (const t of live.stream.getTracks()) t.stop();
  live = null;
}

Object.assign(globalThis.__bench, { startCall, pollFor, stopCall });
