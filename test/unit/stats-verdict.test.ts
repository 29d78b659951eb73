import { describe, expect, it } from 'vitest';
import { callQualityVerdict, intervalConclusive } from '../../src/stats/verdict.js';
import { CallQualityAccumulator, MAX_CALL_SAMPLES } from '../../src/stats/rolling.js';
import { ProbeLog, summarizeProbes } from '../../src/stats/probes.js';

const v = (f: Partial<{ rttMs: number; jitterMs: number; lossPct: number; mos: number }>) =>
  callQualityVerdict({ rttMs: null, jitterMs: null, lossPct: null, mos: null, ...f }).verdict;

describe('call-quality verdict (thresholds.ts)', () => {
  it('RTT: warn above 300 ms, fail above 600 ms', () => {
    expect(v({ rttMs: 300 })).toBe('pass');
    expect(v({ rttMs: 300.1 })).toBe('warn');
    expect(v({ rttMs: 600 })).toBe('warn');
    expect(v({ rttMs: 600.1 })).toBe('fail');
  });
  it('loss: warn above 1 %, fail above 5 %; jitter warn above 30 ms', () => {
    expect(v({ lossPct: 1 })).toBe('pass');
    expect(v({ lossPct: 1.01 })).toBe('warn');
    expect(v({ lossPct: 5 })).toBe('warn');
    expect(v({ lossPct: 5.01 })).toBe('fail');
    expect(v({ jitterMs: 30 })).toBe('pass');
    expect(v({ jitterMs: 30.1 })).toBe('warn');
  });
  it('MOS: fail below 3.1, warn below 4.0; worst metric wins; nothing measured is skip', () => {
    expect(v({ mos: 4 })).toBe('pass');
    expect(v({ mos: 3.99 })).toBe('warn');
    expect(v({ mos: 3.1 })).toBe('warn');
    expect(v({ mos: 3.09 })).toBe('fail');
    expect(v({ rttMs: 50, lossPct: 6 })).toBe('fail');
    expect(v({})).toBe('skip');
  });
  it('an interval is conclusive only when it sits in one band', () => {
    expect(intervalConclusive('loss', 0, 0.8)).toBe(true);
    expect(intervalConclusive('loss', 0.5, 1.5)).toBe(false);
    expect(intervalConclusive('rtt', 350, 590)).toBe(true);
    expect(intervalConclusive('rtt', 590, 610)).toBe(false);
  });
});

describe('CallQualityAccumulator', () => {
  it('keeps at most maxSamples, avg/max over everything, p95 over the window', () => {
    const acc = new CallQualityAccumulator({ maxSamples: 10 });
    for (let i = 1; i <= 25; i++) acc.add({ tMs: i * 1000, rttMs: i, jitterMs: 2, lossPct: i === 3 ? 50 : 0, mos: 4.2 });
    expect(acc.count).toBe(25);
    const s = acc.samples();
    expect(s).toHaveLength(10);
    expect(s[0]!.rttMs).toBe(16);
    expect(s[9]!.rttMs).toBe(25);
    const sum = acc.summary();
    expect(sum.rttMs.avg).toBe(13);
    expect(sum.rttMs.max).toBe(25);
    expect(sum.rttMs.p95).toBeCloseTo(24.55, 10);
    expect(sum.lossPct.max).toBe(50);
    expect(sum.mos.min).toBe(4.2);
    acc.reset();
    expect(acc.summary().rttMs.avg).toBeNull();
    expect(acc.samples()).toHaveLength(0);
  });
  it('ignores missing metrics and validates its bound', () => {
    const acc = new CallQualityAccumulator();
    expect(acc.maxSamples).toBe(MAX_CALL_SAMPLES);
    acc.add({ tMs: 0, rttMs: null, jitterMs: Number.NaN });
    expect(acc.summary().rttMs).toEqual({ avg: null, p95: null, max: null });
    expect(() => new CallQualityAccumulator({ maxSamples: 0 })).toThrow(RangeError);
  });
  it('stays flat in memory over an 8-hour shift of 1 s polls', () => {
    const acc = new CallQualityAccumulator({ maxSamples: 120 });
    for (let i = 0; i < 8 * 3600; i++) acc.add({ tMs: i * 1000, rttMs: 50 + (i % 7), jitterMs: 3, lossPct: 0, mos: 4.3 });
    expect(acc.samples()).toHaveLength(120);
    expect(acc.summary().rttMs.max).toBe(56);
  });
});

describe('data-channel probes', () => {
  it('loop transit, loss and jitter from same-clock probes, excluding warm-up and in-flight tail', () => {
    const log = new ProbeLog();
    // 100 probes every 20 ms from t=0; transit alternates 80/84 ms; every 10th lost.
    for (let i = 0; i < 100; i++) {
      const t = i * 20;
      const seq = log.send(t);
      if (i % 10 !== 9) log.receive(seq, t, t + (i % 2 ? 84 : 80));
    }
    log.receive(5, 100, 999); // duplicate is ignored
    expect(log.duplicates).toBe(1);
    const s = summarizeProbes([log], 200, 2000, 300); // trials: sent in [200, 1700)
    expect(s.trials).toBe(75);
    expect(s.lost).toBe(7); // i = 19, 29, ..., 79; 89 (sent at 1780) may still be in flight: excluded
    expect(s.lossPct).toBeCloseTo((100 * 7) / 75, 10);
    // median: more 80 ms probes arrived than 84 ms ones (the lost ones are all odd = 84 ms)
    expect(s.rttMs).toBe(80);
    expect(s.jitterMs).toBe(4);
    expect(s.rttCi95!.lo).toBeLessThanOrEqual(80);
    expect(s.rttCi95!.hi).toBeGreaterThanOrEqual(80);
  });

  it('arrivals spoiled by a blocked page count for loss but not for RTT', () => {
    const log = new ProbeLog();
    for (let i = 0; i < 50; i++) {
      const seq = log.send(i * 10);
      const blocked = i >= 20 && i < 25; // a 50 ms block: these five arrived late by up to 50 ms
      log.receive(seq, i * 10, i * 10 + 40 + (blocked ? 50 - (i - 20) * 10 : 0), blocked);
    }
    const s = summarizeProbes([log], 0, 1000, 0);
    expect(s.trials).toBe(50);
    expect(s.lost).toBe(0);
    expect(s.pageBlocked).toBe(5);
    expect(s.transitsMs).toHaveLength(45);
    expect(Math.max(...s.transitsMs)).toBe(40);
  });

  it('counts reordered arrivals; jitter pairs consecutive sequence numbers whatever the arrival order', () => {
    const log = new ProbeLog();
    for (let i = 0; i < 4; i++) log.send(i * 10);
    // transits 50, 30, 50, 30: probe 1 overtakes probe 0, probe 3 overtakes probe 2
    log.receive(1, 10, 40);
    log.receive(0, 0, 50);
    log.receive(3, 30, 60);
    log.receive(2, 20, 70);
    expect(log.reordered).toBe(2);
    const s = summarizeProbes([log], 0, 1000, 0);
    expect(s.reorderedPct).toBe(50);
    expect(s.jitterMs).toBe(20);
  });
});
