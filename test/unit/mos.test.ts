import { describe, expect, it } from 'vitest';
import { delayImpairment, lossImpairment, mos, mosBand, mosFromR, mouthToEarMs, rFactor } from '../../src/stats/mos.js';
import { MOS_FAIL, MOS_GOOD } from '../../src/stats/thresholds.js';

describe('E-model MOS (ITU-T G.107, Cole-Rosenbluth delay term, G.711+PLC loss term)', () => {
  it('maps R to MOS with the G.107 clamps', () => {
    expect(mosFromR(-5)).toBe(1);
    expect(mosFromR(0)).toBe(1);
    expect(mosFromR(100)).toBeCloseTo(4.5, 10);
    expect(mosFromR(120)).toBe(4.5);
    expect(mosFromR(93.2)).toBeCloseTo(4.41, 2);
    expect(mosFromR(80)).toBeCloseTo(4.02, 2);
    expect(mosFromR(60)).toBeCloseTo(3.1, 2);
  });

  it('delay impairment: 0.024 d below 177.3 ms, plus 0.11 (d - 177.3) above', () => {
    expect(delayImpairment(100)).toBeCloseTo(2.4, 10);
    expect(delayImpairment(177.3)).toBeCloseTo(4.2552, 4);
    expect(delayImpairment(200)).toBeCloseTo(0.024 * 200 + 0.11 * 22.7, 10);
  });

  it('loss impairment with Ie 0 and Bpl 25.1; burstiness makes it worse', () => {
    expect(lossImpairment(0)).toBe(0);
    expect(lossImpairment(25.1)).toBeCloseTo(47.5, 10);
    expect(lossImpairment(2)).toBeCloseTo((95 * 2) / (2 + 25.1), 10);
    expect(lossImpairment(2, 2)).toBeGreaterThan(lossImpairment(2, 1));
  });

  it('mouth-to-ear delay: half the RTT, jitter buffer (2x jitter, >= 20 ms), one 20 ms frame, all ms', () => {
    expect(mouthToEarMs(80, 5)).toBe(40 + 20 + 20);
    expect(mouthToEarMs(80, 30)).toBe(40 + 60 + 20);
  });

  it('a clean path is good, a bad one poor; units matter (jitter in ms, loss in percent)', () => {
    const clean = mos({ rttMs: 20, jitterMs: 2, lossPct: 0 })!;
    expect(clean).toBeGreaterThan(4.3);
    expect(mosBand(clean)).toBe('good');
    expect(rFactor({ rttMs: 20, jitterMs: 2, lossPct: 0 })).toBeCloseTo(93.2 - 0.024 * 50, 10);
    const bad = mos({ rttMs: 600, jitterMs: 40, lossPct: 10 })!;
    expect(mosBand(bad)).toBe('poor');
    // 0.05 (a fraction) is not 5 %: the function takes percent.
    expect(mos({ rttMs: 50, jitterMs: 5, lossPct: 5 })!).toBeLessThan(mos({ rttMs: 50, jitterMs: 5, lossPct: 0.05 })!);
    expect(mos({ rttMs: Number.NaN, jitterMs: 1, lossPct: 0 })).toBeNull();
  });

  it('bands leave no gaps: good >= 4.0, fair [3.1, 4.0), poor < 3.1', () => {
    expect(mosBand(MOS_GOOD)).toBe('good');
    expect(mosBand(MOS_GOOD - 1e-9)).toBe('fair');
    expect(mosBand(MOS_FAIL)).toBe('fair');
    expect(mosBand(MOS_FAIL - 1e-9)).toBe('poor');
    expect(mosBand(4.5)).toBe('good');
    expect(mosBand(1)).toBe('poor');
    expect(mosBand(null)).toBeNull();
    for (let m = 1; m <= 4.5; m += 0.001) expect(mosBand(m)).not.toBeNull();
    // The ceiling of the model is about 4.41, so "good" is reachable.
    expect(mosFromR(93.2)).toBeGreaterThan(MOS_GOOD);
  });
});
