import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { runAlone } from '../support/run-lock-client.js';
import { runPreflight } from '../../src/runner.js';
import type { MediaData } from '../../src/report/schema.js';

interface TurnConfig { host: string; port: number; username: string; credential: string; iceServers: RTCIceServer[] }
interface ProxyInfo { port: number; iceServers: RTCIceServer[]; expected: { rttMs: number; jitterMs: number; lossPct: number } }
interface DirStats { packetsIn: number; dropped: number; forwarded: number; meanDelayMs: number | null; lossPct: number }
interface ProxyStats { up: DirStats; down: DirStats }

async function media(iceServers: RTCIceServer[], durationS = 4) {
  const report = await runPreflight({ checks: ['media'], iceServers, durationS });
  const r = report.checks[0]!;
  return { r, d: r.data as MediaData, text: JSON.stringify(report) };
}

describe('media check: a relayed test call through real coturn', () => {
  let turn: TurnConfig;
  runAlone(); // measures time
  before(async () => {
    turn = await executeServerCommand<TurnConfig, undefined>('turn-config');
  });

  it('yields finite RTT, jitter, loss and MOS on a clean loopback path', async () => {
    const { r, d, text } = await media(turn.iceServers, 3);
    expect(r.verdict, r.summary).to.equal('pass');
    expect(d.serverUrl).to.equal(`turn:${turn.host}:${turn.port}?transport=udp`);
    expect(d.transport).to.equal('udp');
    for (const v of [d.rttMs, d.jitterMs, d.lossPct, d.mos]) expect(Number.isFinite(v), JSON.stringify(d)).to.equal(true);
    expect(d.rttMs!).to.be.below(20);
    expect(d.lossPct!).to.be.below(1);
    expect(d.mosBand).to.equal('good');
    expect(d.samples.length).to.be.within(1, 60);
    expect(d.packetsSent).to.be.above(100);
    expect(text).not.to.contain(turn.credential);
  });

  it('rttMs follows 40 ms imposed each way (expected 80 ms: one loop crosses the proxy up and down)', async () => {
    // The loop A -> proxy(up, 40 ms) -> coturn -> proxy(down, 40 ms) -> B is the workstation <-> relay round
    // trip: 80 ms imposed. Target (issue 5): within max(5 ms, 5 %). This machine is shared, so one retry
    // is allowed when a run misses (both runs are logged).
    let last = '';
    for (let attempt = 1; attempt <= 2; attempt++) {
      const proxy = await executeServerCommand<ProxyInfo, { profile: object }>('proxy-start', { profile: { delayMs: 40, seed: 7 + attempt } });
      try {
        const { r, d } = await media(proxy.iceServers, 3);
        const st = await executeServerCommand<ProxyStats, { port: number }>('proxy-stats', { port: proxy.port });
        const truth = (st.up.meanDelayMs ?? 40) + (st.down.meanDelayMs ?? 40);
        last = JSON.stringify({ attempt, rttMs: d.rttMs, ci: d.rttCi95, src: d.rttSources, truth, jitter: d.jitterMs, blocked: d.probesPageBlocked, verdict: r.verdict });
        console.log('40ms each way:', last);
        // Judged against the delay the proxy really added (a user-space proxy on a busy machine adds some of
        // its own), as bench:accuracy does; the nominal 80 ms only bounds a proxy gone wrong.
        const ok = r.verdict === 'pass' && truth >= 75 && truth <= 130 && Math.abs(d.rttMs! - truth) <= Math.max(5, 0.05 * truth);
        if (ok) return;
      } finally {
        await executeServerCommand('proxy-stop', { port: proxy.port });
      }
    }
    expect.fail(`rttMs missed the proxy's real delay (80 ms imposed) by more than max(5 ms, 5 %) twice: ${last}`);
  });

  it('lossPct follows imposed loss (3 % each way: 5.9 % on the loop) within 1 point or its interval', async () => {
    // Target (issue 5): within 1 point or inside the reported 95 % interval, judged against the imposed loop
    // loss or the loss the proxy really applied on this run (chance moves it by about a point over a few
    // hundred packets). A 95 % interval misses its truth one run in twenty by design, so one retry is
    // allowed, as for RTT (both runs are logged).
    const loop = 100 * (1 - (1 - 0.03) * (1 - 0.03));
    let last = '';
    for (let attempt = 1; attempt <= 2; attempt++) {
      const proxy = await executeServerCommand<ProxyInfo, { profile: object }>('proxy-start', { profile: { delayMs: 5, lossPct: 3, seed: 10 + attempt } });
      try {
        const { d } = await media(proxy.iceServers, 5);
        const st = await executeServerCommand<ProxyStats, { port: number }>('proxy-stats', { port: proxy.port });
        const actual = 100 * (1 - (1 - st.up.lossPct / 100) * (1 - st.down.lossPct / 100));
        last = JSON.stringify({ attempt, lossPct: d.lossPct, ci: d.lossCi95, src: d.lossSources, loop, actual });
        console.log('3% each way:', last);
        const within = (truth: number): boolean =>
          Math.abs(d.lossPct! - truth) <= 1 || (!!d.lossCi95 && d.lossCi95.lo <= truth && truth <= d.lossCi95.hi);
        if (d.lossPct !== null && d.lossPct !== undefined && (within(loop) || within(actual))) return;
      } finally {
        await executeServerCommand('proxy-stop', { port: proxy.port });
      }
    }
    expect.fail(`lossPct missed both the imposed loop loss (${loop.toFixed(2)} %) and the applied loss by more than 1 point and its interval twice: ${last}`);
  });

  it('meets the issue-5 targets with 30 ± 10 ms and 1 % loss each way (RTT, jitter, loss)', async () => {
    // Expected on the loop (two proxy legs): rttMs 60, RFC 3550 jitter of two uniform ±10 ms legs for
    // 20 ms packets (Monte Carlo of the proxy's own model, about 9.4 ms), loss 1 - 0.99^2 = 1.99 %.
    // Targets: RTT within max(5 ms, 5 %), jitter within 3 ms, loss within 1 point or inside its interval.
    // Three attempts: a shared CI machine's load spikes show up as jitter (every attempt is logged).
    let last = '';
    for (let attempt = 1; attempt <= 3; attempt++) {
      const proxy = await executeServerCommand<ProxyInfo, { profile: object }>('proxy-start', { profile: { delayMs: 30, jitterMs: 10, lossPct: 1, seed: 20 + attempt } });
      try {
        const { d } = await media(proxy.iceServers, 5);
        const st = await executeServerCommand<ProxyStats, { port: number }>('proxy-stats', { port: proxy.port });
        const rttTruth = (st.up.meanDelayMs ?? 30) + (st.down.meanDelayMs ?? 30);
        const e = proxy.expected;
        last = JSON.stringify({ attempt, rttMs: d.rttMs, rttTruth, jitterMs: d.jitterMs, jitterSources: d.jitterSources, jitterTruth: e.jitterMs, lossPct: d.lossPct, lossCi95: d.lossCi95, lossTruth: e.lossPct });
        console.log('30±10 ms, 1 %:', last);
        const rttOk = Math.abs(d.rttMs! - rttTruth) <= Math.max(5, 0.05 * rttTruth);
        const jitterOk = Math.abs(d.jitterMs! - e.jitterMs) <= 3;
        const inCi = !!d.lossCi95 && d.lossCi95.lo <= e.lossPct && e.lossPct <= d.lossCi95.hi;
        const lossOk = Math.abs(d.lossPct! - e.lossPct) <= 1 || inCi;
        if (rttOk && jitterOk && lossOk) return;
      } finally {
        await executeServerCommand('proxy-stop', { port: proxy.port });
      }
    }
    expect.fail(`missed a target three times: ${last}`);
  });

  it('closes every peer connection and stops promptly when the run is aborted', async () => {
    const made: RTCPeerConnection[] = [];
    const ctl = new AbortController();
    const t0 = performance.now();
    setTimeout(() => ctl.abort(), 1500);
    const report = await runPreflight({
      checks: ['media'],
      iceServers: turn.iceServers,
      durationS: 10,
      signal: ctl.signal,
      deps: { createPeerConnection: (c) => { const pc = new RTCPeerConnection(c); made.push(pc); return pc; } },
    });
    expect(report.checks[0]!.verdict).to.equal('skip');
    expect(report.checks[0]!.code).to.equal('aborted');
    expect(performance.now() - t0).to.be.below(3000);
    // The check's finally block runs right after the abort; give it a tick.
    await new Promise((r) => setTimeout(r, 200));
    expect(made.length).to.equal(2);
    for (const pc of made) expect(pc.connectionState).to.equal('closed');
  });

  it('skips with a reason when only STUN is configured', async () => {
    const { r } = await media([{ urls: `stun:${turn.host}:${turn.port}` }]);
    expect(r.verdict).to.equal('skip');
    expect(r.code).to.equal('no-turn-url');
  });
});
