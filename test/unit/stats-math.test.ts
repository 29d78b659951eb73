import { describe, expect, it } from 'vitest';
import { designEffect, lag1Autocorrelation, mean, meanInterval95, median, medianInterval95, percentile, sortNumeric, stddev, tQuantile975, wilsonInterval95Pct } from '../../src/stats/math.js';

describe('stats math', () => {
  it('sorts numbers numerically, not as text', () => {
    expect(sortNumeric([10, 9, 100, 2])).toEqual([2, 9, 10, 100]);
    expect(percentile([10, 9, 100, 2], 0)).toBe(2);
    expect(percentile([10, 9, 100, 2], 100)).toBe(100);
    expect(median([1, 10, 2])).toBe(2);
  });

  it('interpolates percentiles between ranks (R-7)', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([0, 10], 95)).toBeCloseTo(9.5, 10);
    expect(percentile([], 50)).toBeNull();
  });

  it('mean, sample sd and the t interval', () => {
    const xs = [1, 2, 3, 4, 5];
    expect(mean(xs)).toBe(3);
    expect(stddev(xs)).toBeCloseTo(1.5811388, 6);
    const ci = meanInterval95(xs)!;
    // t(4) = 2.776; half width 2.776 * 1.5811 / sqrt(5) = 1.963
    expect(ci.lo).toBeCloseTo(3 - 1.963, 2);
    expect(ci.hi).toBeCloseTo(3 + 1.963, 2);
    expect(tQuantile975(1000)).toBeCloseTo(1.962, 3);
    expect(meanInterval95([1])).toBeNull();
  });

  it('Wilson interval in percent, with a design effect for bursty loss', () => {
    const z = wilsonInterval95Pct(0, 100)!;
    expect(z.lo).toBe(0);
    expect(z.hi).toBeCloseTo(3.7, 1);
    const five = wilsonInterval95Pct(5, 100)!;
    expect(five.lo).toBeCloseTo(2.15, 1);
    expect(five.hi).toBeCloseTo(11.18, 1);
    const wider = wilsonInterval95Pct(5, 100, 3)!;
    expect(wider.hi - wider.lo).toBeGreaterThan(five.hi - five.lo);
    expect(wilsonInterval95Pct(1, 0)).toBeNull();
  });

  it('median interval from order statistics contains the median', () => {
    const xs = Array.from({ length: 101 }, (_, i) => i);
    const ci = medianInterval95(xs)!;
    expect(ci.lo).toBeLessThan(50);
    expect(ci.hi).toBeGreaterThan(50);
    expect(ci.hi - ci.lo).toBeLessThan(25);
  });

  it('lag-1 autocorrelation and design effect: bursts widen, independent does not', () => {
    const bursty = [0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0];
    expect(lag1Autocorrelation(bursty)).toBeGreaterThan(0.4);
    expect(designEffect(lag1Autocorrelation(bursty))).toBeGreaterThan(2);
    expect(designEffect(-0.3)).toBe(1);
  });
});
