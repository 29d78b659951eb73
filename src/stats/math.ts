/**
 * Small, pure statistics helpers. Every function sorts numbers numerically (never as text) and ignores
 * non-finite inputs where it says so.
 */
import type { Interval } from '../report/schema.js';

/** Finite numbers only, in their original order. */
export function finite(xs: Iterable<number | null | undefined>): number[] {
  const out: number[] = [];
  for (const x of xs) if (typeof x === 'number' && Number.isFinite(x)) out.push(x);
  return out;
}

export function mean(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Sample standard deviation (n - 1); null below two values. */
export function stddev(xs: readonly number[]): number | null {
  if (xs.length < 2) return null;
  const m = mean(xs)!;
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return Math.sqrt(s / (xs.length - 1));
}

/** Ascending numeric sort into a new array (Array.prototype.sort alone compares as text). */
export function sortNumeric(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

/**
 * The p-th percentile (0..100) by linear interpolation between closest ranks (the "R-7" / Excel
 * PERCENTILE.INC definition). Null for an empty input.
 */
export function percentile(xs: readonly number[], p: number): number | null {
  if (!xs.length) return null;
  const s = sortNumeric(xs);
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return s[lo]! + (s[hi]! - s[lo]!) * (rank - lo);
}

export function median(xs: readonly number[]): number | null {
  return percentile(xs, 50);
}

/**
 * Mean of the values between the `trim` and `1 - trim` quantiles (0.25 gives the interquartile mean):
 * robust to a few wild values like a median, but keeps the resolution of a mean on coarse (quantized)
 * inputs. Null for an empty input.
 */
export function trimmedMean(xs: readonly number[], trim = 0.25): number | null {
  if (!xs.length) return null;
  const s = sortNumeric(xs);
  const k = Math.floor(s.length * Math.min(0.49, Math.max(0, trim)));
  return mean(s.slice(k, s.length - k));
}

// Two-sided 97.5 % quantiles of Student's t for 1..30 degrees of freedom; beyond 30 a smooth approximation.
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12,
  2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** Student's t 97.5 % quantile for `df` degrees of freedom (df >= 1). */
export function tQuantile975(df: number): number {
  if (df < 1) return Infinity;
  if (df <= 30) return T975[Math.floor(df) - 1]!;
  // Cornish-Fisher expansion around the normal quantile 1.95996; accurate to 1e-3 above 30 df.
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}

/**
 * 95 % interval for the mean of `xs` (Student's t). `effectiveN` (<= n) widens it when the samples are
 * correlated (e.g. consecutive RTT pings); by default the samples are taken as independent.
 */
export function meanInterval95(xs: readonly number[], effectiveN = xs.length): Interval | null {
  const m = mean(xs);
  const sd = stddev(xs);
  if (m === null || sd === null) return null;
  const n = Math.max(2, Math.min(xs.length, effectiveN));
  const half = tQuantile975(n - 1) * (sd / Math.sqrt(n));
  return { lo: m - half, hi: m + half };
}

/**
 * Distribution-free 95 % interval for the median (order statistics: ranks n/2 -/+ 1.96 sqrt(n)/2), with
 * `effectiveN` (<= n) widening it for correlated samples. Null below 3 values.
 */
export function medianInterval95(xs: readonly number[], effectiveN = xs.length): Interval | null {
  if (xs.length < 3) return null;
  const s = sortNumeric(xs);
  const n = s.length;
  const ne = Math.max(2, Math.min(n, effectiveN));
  // Half-width in ranks of the effective sample, scaled back to the full sample.
  const half = (1.959964 * Math.sqrt(ne)) / 2 * (n / ne);
  const lo = Math.max(0, Math.floor(n / 2 - half));
  const hi = Math.min(n - 1, Math.ceil(n / 2 + half));
  return { lo: s[lo]!, hi: s[hi]! };
}

/**
 * Wilson score 95 % interval for a proportion, returned in PERCENT (0..100). `designEffect` >= 1 divides
 * the sample size for clustered (bursty) events: the interval of `k` of `n` then uses n / designEffect.
 */
export function wilsonInterval95Pct(k: number, n: number, designEffect = 1): Interval | null {
  if (!(n > 0) || k < 0 || k > n) return null;
  const z = 1.959964;
  const neff = n / Math.max(1, designEffect);
  const p = k / n;
  const z2 = (z * z) / neff;
  const centre = (p + z2 / 2) / (1 + z2);
  const half = (z * Math.sqrt((p * (1 - p)) / neff + z2 / (4 * neff))) / (1 + z2);
  return { lo: Math.max(0, centre - half) * 100, hi: Math.min(1, centre + half) * 100 };
}

/**
 * Lag-1 autocorrelation of a 0/1 (or numeric) sequence; 0 when undefined. Used for the design effect
 * (1 + r) / (1 - r) of a Markov (Gilbert-Elliott-like) loss process.
 */
export function lag1Autocorrelation(xs: readonly number[]): number {
  if (xs.length < 3) return 0;
  const m = mean(xs)!;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    const d = xs[i]! - m;
    den += d * d;
    if (i > 0) num += d * (xs[i - 1]! - m);
  }
  if (den === 0) return 0;
  return num / den;
}

/** Variance inflation of the mean of an AR(1)-like series with lag-1 correlation r, clamped to [1, 50]. */
export function designEffect(r: number): number {
  const c = Math.max(0, Math.min(0.96, r));
  return Math.min(50, (1 + c) / (1 - c));
}

/** Rounds to `digits` decimals, keeping null. */
export function round(x: number | null | undefined, digits = 1): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function roundInterval(iv: Interval | null | undefined, digits = 1): Interval | null {
  if (!iv) return null;
  return { lo: round(iv.lo, digits)!, hi: round(iv.hi, digits)! };
}
