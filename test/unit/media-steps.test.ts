/**
 * The media check's steps (src/checks/media-steps.ts) on REAL getStats payloads recorded from Debian Chromium
 * (test/unit/fixtures/getstats, bench/lib/record-getstats.mjs): a relayed call behind the impairment proxy
 * (40 ms ± 10 ms, 3 % loss each way). The counters quoted below are the payloads' own (see
 * stats-getstats.test.ts); probes are synthesized with a known transit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { audioSnapshot } from '../../src/stats/getstats.js';
import { DEFAULT_THRESHOLDS } from '../../src/stats/thresholds.js';
import { ProbeLog } from '../../src/stats/probes.js';
import { computeFigures, emptyMedia, figuresConclusive, fillMediaData, mediaOutcome, PAGE_BLOCK_MS, ProbeSession, SENDER_JITTER_EXCESS_MS, SampleSeries, StatsAccumulator } from '../../src/checks/media-steps.js';

const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/getstats/${name}.json`, import.meta.url), 'utf8')) as {
    first: { a: unknown[]; b: unknown[] };
    second: { a: unknown[]; b: unknown[] };
  };

/** Probes every 10 ms from `from` to `to`, each arriving `transitMs` later except every `lossEvery`-th. */
/** Probes every 10 ms with a fixed transit, or one alternating by ± `wobbleMs` (jitter 2 × wobble, no reordering below 5). */
function probeLog(from: number, to: number, transitMs: number, lossEvery = 0, wobbleMs = 0): ProbeLog {
  const log = new ProbeLog();
  for (let t = from, i = 0; t < to; t += 10, i++) {
    const seq = log.send(t);
    if (!(lossEvery && i % lossEvery === lossEvery - 1)) log.receive(seq, t, t + transitMs + (i % 2 ? wobbleMs : -wobbleMs));
  }
  return log;
}

describe('media steps on a recorded proxied call (40 ms ± 10 ms, 3 % loss each way)', () => {
  const f = load('relay-proxy-d40-j10-l3');
  const first = { a: audioSnapshot(f.first.a), b: audioSnapshot(f.first.b) };
  const second = { a: audioSnapshot(f.second.a), b: audioSnapshot(f.second.b) };

  it('polls before the warm-up are not measured; later ones give deltas, cross-check RTTs and samples', () => {
    const acc = new StatsAccumulator(0, 1000);
    acc.ingest(first.a, first.b, 500); // warm-up: not counted
    expect(acc.jitterPolls).toEqual([]);
    expect(acc.samples.items).toEqual([]);
    acc.ingest(first.a, first.b, 1500);
    acc.ingest(second.a, second.b, 4500);
    // A received 82 -> 228, lost 5 -> 9; B received +140, lost +9: 13 lost of 299 expected, both directions.
    expect(acc.rtpLoss()).toEqual({ expected: 299, lost: 13 });
    // currentRoundTripTime 0.175 s is the loop's round trip; half of it is workstation <-> relay.
    expect(acc.rttPairPolls).toContain(87.5);
    expect(acc.jitterPolls).toContain(8);
    const [s1, s2] = acc.samples.items;
    expect(s1).toMatchObject({ tMs: 1500, lossPct: null, rttMs: null }); // the same payload twice: nothing new
    // Interval loss from counter deltas, not cumulative ratios: 13 / 299 = 4.35 %; A's send rate 12150 B in 3.002 s.
    expect(s2).toMatchObject({ tMs: 4500, lossPct: 4.35, sendKbps: 32.4 });
  });

  it('pools probes with RTP for loss, takes RTT from the probes, fills the data and warns on the loss', () => {
    const acc = new StatsAccumulator(0, 1000);
    acc.ingest(first.a, first.b, 1000);
    acc.ingest(second.a, second.b, 4000);
    // Probes that see the path's jitter too (the recorded call had ± 10 ms): inbound-rtp.jitter is the figure.
    const ab = probeLog(1000, 4000, 80, 0, 4);
    const ba = probeLog(1000, 4000, 82, 0, -4); // opposite phase: each round trip stays 162 ms
    const fig = computeFigures([ab, ba], acc, 1000, 4000);
    expect(fig.probes.reorderedPct).toBe(0);
    expect(Math.abs(fig.rtpJitterMs! - fig.probes.jitterMs!)).toBeLessThanOrEqual(SENDER_JITTER_EXCESS_MS);
    expect(fig.probes.lost).toBe(0);
    expect(fig.trials).toBe(fig.probes.trials + 299);
    expect(fig.lost).toBe(13);
    expect(fig.lossPct).toBeCloseTo((100 * 13) / fig.trials, 10);
    expect(fig.jitterFrom).toBe('inbound-rtp');

    const data = emptyMedia();
    fillMediaData(data, fig, acc, DEFAULT_THRESHOLDS);
    expect(data.rttMs).toBe(81);
    expect(data.sendKbps).toBe(32.4);
    expect(data.codec).toBe('audio/opus');
    expect(data.lossSources).toEqual({ rtp: { expected: 299, lost: 13 }, dataChannel: { sent: fig.probes.trials, lost: 0 } });
    expect(data.mos).toBeGreaterThan(1);
    const out = mediaOutcome(data, 'turn:127.0.0.1:3478?transport=udp', DEFAULT_THRESHOLDS);
    expect(out.verdict).toBe('warn');
    expect(out.code).toBe('high-loss');
    expect(data.lossPct).toBe(Math.round((100 * 13 * 100) / fig.trials) / 100);
    expect(out.summary).toMatch(/^Test call through turn:127\.0\.0\.1:3478\?transport=udp: packet loss .* is above 1 % \(round trip 81 ms, jitter .* ms, loss /);
    expect(out.summary).toContain(`loss ${data.lossPct} %`);
  });

  it('takes jitter from the probes when inbound-rtp reads far above them on the same path (the sender\'s own timing)', () => {
    const acc = new StatsAccumulator(0, 1000);
    acc.ingest(first.a, first.b, 1000);
    acc.ingest(second.a, second.b, 4000);
    // Steady probes (jitter 0) beside RTP that reads the recorded ~10 ms: the excess is not the network's.
    const fig = computeFigures([probeLog(1000, 4000, 80), probeLog(1000, 4000, 82)], acc, 1000, 4000);
    expect(fig.rtpJitterMs! - fig.probes.jitterMs!).toBeGreaterThan(SENDER_JITTER_EXCESS_MS);
    expect(fig.jitterFrom).toBe('data-channel');
    expect(fig.jitterMs).toBe(fig.probes.jitterMs);
    expect(fig.jitterCi).toEqual(fig.probes.jitterCi95);
  });

  it('a connected call whose probes never come back fails as call-failed', () => {
    const acc = new StatsAccumulator(0, 0);
    const fig = computeFigures([new ProbeLog(), new ProbeLog()], acc, 0, 3000);
    const data = emptyMedia();
    fillMediaData(data, fig, acc, DEFAULT_THRESHOLDS);
    expect(mediaOutcome(data, 'turn:x', DEFAULT_THRESHOLDS)).toMatchObject({ verdict: 'fail', code: 'call-failed' });
  });
});

describe('media steps on a recorded clean call', () => {
  const f = load('relay-clean');

  it('a clean path with many probes is conclusive and passes', () => {
    const acc = new StatsAccumulator(0, 0);
    acc.ingest(audioSnapshot(f.first.a), audioSnapshot(f.first.b), 0);
    acc.ingest(audioSnapshot(f.second.a), audioSnapshot(f.second.b), 3000);
    const logs = [probeLog(0, 3000, 2), probeLog(0, 3000, 2)];
    const fig = computeFigures(logs, acc, 0, 3000);
    expect(fig.lost).toBe(acc.rtpLoss().lost);
    expect(figuresConclusive(fig, DEFAULT_THRESHOLDS)).toBe(true);
    const data = emptyMedia();
    fillMediaData(data, fig, acc, DEFAULT_THRESHOLDS);
    expect(mediaOutcome(data, 'turn:x', DEFAULT_THRESHOLDS).verdict).toBe('pass');
  });

  it('too few samples are not conclusive', () => {
    const acc = new StatsAccumulator(0, 0);
    const fig = computeFigures([probeLog(0, 40, 2), probeLog(0, 40, 2)], acc, 0, 300);
    expect(figuresConclusive(fig, DEFAULT_THRESHOLDS)).toBe(false);
  });
});

describe('probe session and sample series', () => {
  it('marks arrivals right after a blocked page, and never reads a malformed probe', () => {
    let now = 0;
    const s = new ProbeSession(() => now, 10);
    const buf = s.next(s.ab)!;
    now = 5;
    s.receive(s.ab, buf);
    expect(s.ab.transitMs[0]).toBe(5);
    expect(s.ab.lateFlag[0]).toBe(0);
    const late = s.next(s.ab)!;
    now = 5 + 10 + PAGE_BLOCK_MS + 30; // the page stalled: no tick for 52 ms
    s.receive(s.ab, late);
    expect(s.ab.lateFlag[1]).toBe(1);
    s.receive(s.ab, new ArrayBuffer(4));
    expect(s.ab.duplicates + s.ab.reordered).toBe(0);
  });

  it('keeps at most the maximum of samples, spread over the whole call', () => {
    const series = new SampleSeries(4);
    for (let i = 0; i < 20; i++) series.push({ tMs: i, rttMs: null, jitterMs: null, lossPct: null, sendKbps: null, recvKbps: null });
    expect(series.items.length).toBeLessThanOrEqual(4);
    expect(series.items[0]!.tMs).toBe(0);
    expect(series.items.at(-1)!.tMs).toBeGreaterThan(10);
  });
});
