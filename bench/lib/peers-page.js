// Page script of bench:peers (bundled by esbuild, run in Chromium). Each runner takes the ICE servers
// (a TURN server behind the impairment proxy), runs one tool as published, and returns its own figures
// and the wall time from start to result. Nothing here changes how a peer measures.
import PreCallTest from '@jitsi/precall-test';
// webrtc-troubleshoot's package.json `main` (src/index.js) is not in the published package; its
// published, loadable build is the UMD bundle in dist/.
import * as Genesys from 'webrtc-troubleshoot/dist/webrtc-troubleshooter.js';
import { testMediaConnectionBitrate } from '@twilio/rtc-diagnostics';
import { runPreflight } from '../../src/runner.ts';

const silent = { log() {}, info() {}, warn() {}, error() {}, debug() {} };

function withTimeout(promise, ms, what) {
  let t;
  return Promise.race([
    promise.finally(() => clearTimeout(t)),
    new Promise((_, reject) => { t = setTimeout(() => reject(new Error(`${what}: no result within ${ms / 1000} s`)), ms); }),
  ]);
}

const errText = (e) => (e && (e.message || e.name)) || String(e);

/** @jitsi/precall-test: RTT (median of 10 data-channel pings), "jitter" (their std of RTT), loss (bytes), throughput. */
async function jitsi(iceServers) {
  const t0 = performance.now();
  try {
    const test = new PreCallTest();
    const r = await withTimeout(test.start(iceServers), 90000, 'precall-test');
    return {
      ok: true,
      wallMs: performance.now() - t0,
      rttMs: r.rtt,
      jitterMs: r.jitter,
      lossPct: typeof r.fractionalLoss === 'number' ? r.fractionalLoss * 100 : null,
      kbps: r.throughput,
      raw: r,
    };
  } catch (e) {
    return { ok: false, wallMs: performance.now() - t0, error: errText(e) };
  }
}

/** webrtc-troubleshoot AudioBandwidthTest: RTT average, packet loss, send bitrate, over its fixed 40 s. */
async function genesys(iceServers) {
  const t0 = performance.now();
  const Test = Genesys.AudioBandwidthTest ?? Genesys.default?.AudioBandwidthTest;
  if (!Test) return { ok: false, wallMs: 0, error: 'AudioBandwidthTest not exported by the dist bundle' };
  const test = new Test({ iceConfig: { iceServers, iceTransportPolicy: 'relay' }, mediaOptions: { audio: {} }, logger: silent });
  try {
    const r = await withTimeout(test.start(), 90000, 'AudioBandwidthTest');
    const s = r?.stats ?? {};
    return {
      ok: true,
      wallMs: performance.now() - t0,
      rttMs: s.rttAverage,
      rttMaxMs: s.rttMax,
      jitterMs: null,
      lossPct: typeof s.packetLoss === 'number' ? s.packetLoss * 100 : null,
      kbps: typeof s.mbpsAvg === 'number' ? s.mbpsAvg * 8 : null, // their mbpsAvg is bytes/s ÷ 1000 (kB/s)
      raw: { ...s },
    };
  } catch (e) {
    return { ok: false, wallMs: performance.now() - t0, error: errText(e) };
  } finally {
    try { test.destroy(); } catch { /* already gone */ }
  }
}

/** @twilio/rtc-diagnostics MediaConnectionBitrateTest: bitrate only; runs until stop() (they advise >= 8 s). */
async function twilio(iceServers, { durationMs = 10000 } = {}) {
  const t0 = performance.now();
  try {
    const test = /** @type {any} */ (testMediaConnectionBitrate({ iceServers }));
    const errors = [];
    test.on('error', (e) => errors.push(errText(e)));
    const report = await withTimeout(new Promise((resolve) => {
      test.on('end', resolve);
      setTimeout(() => test.stop(), durationMs);
    }), durationMs + 30000, 'MediaConnectionBitrateTest');
    const pair = report.selectedIceCandidatePairStats;
    return {
      ok: !report.errors?.length,
      wallMs: performance.now() - t0,
      rttMs: null,
      jitterMs: null,
      lossPct: null,
      kbps: report.averageBitrate,
      error: report.errors?.length ? report.errors.map(errText).join('; ') : undefined,
      raw: { values: report.values, local: pair?.localCandidate?.candidateType, remote: pair?.remoteCandidate?.candidateType },
    };
  } catch (e) {
    return { ok: false, wallMs: performance.now() - t0, error: errText(e) };
  }
}

/** ccp-preflight's own `media` check, through the runner, as the widget runs it. */
/** @param {RTCIceServer[]} iceServers @param {{ durationS?: number }} [opts] */
async function ours(iceServers, { durationS } = {}) {
  const t0 = performance.now();
  try {
    const report = await runPreflight({ checks: ['media'], iceServers, ...(durationS ? { durationS } : {}) });
    const c = report.checks.find((x) => x.id === 'media');
    const d = /** @type {Record<string, any>} */ (c?.data ?? {});
    return {
      ok: c?.verdict !== 'skip' && !c?.error,
      wallMs: performance.now() - t0,
      verdict: c?.verdict,
      summary: c?.summary,
      rttMs: d.rttMs ?? null,
      jitterMs: d.jitterMs ?? null,
      lossPct: d.lossPct ?? null,
      mos: d.mos ?? null,
      kbps: d.recvKbps ?? d.sendKbps ?? null,
      durationMs: d.durationMs ?? null,
      error: c?.verdict === 'skip' ? c?.summary : c?.error?.message,
      raw: { ...d, samples: undefined },
    };
  } catch (e) {
    return { ok: false, wallMs: performance.now() - t0, error: errText(e) };
  }
}

globalThis.__bench = { jitsi, genesys, twilio, ours };
globalThis.__benchReady = true;
