/**
 * `CallQualityAccumulator`: a bounded rolling summary of call-quality samples for live calls (reused by
 * the CCP live-call monitor) and the media test.
 *
 * - Memory is fixed: a ring buffer of at most `maxSamples` samples (default {@link MAX_CALL_SAMPLES}); the
 *   oldest sample is overwritten. An 8-hour shift polled every second stays at `maxSamples` entries.
 * - `avg` and `max` cover EVERY sample ever added (running sums, O(1) per add); `p95` covers the samples in
 *   the window (the last `maxSamples`), because a percentile needs the values.
 * - `add()` is O(1); `summary()` is O(maxSamples log maxSamples) (one numeric sort per metric).
 * - Units are in the field names: rttMs, jitterMs (milliseconds), lossPct (percent), mos (1..4.5).
 *
 * ```ts
 * const acc = new CallQualityAccumulator({ maxSamples: 120 });
 * acc.add({ tMs: 1000, rttMs: 80, jitterMs: 4, lossPct: 0, mos: 4.3 });
 * acc.summary().rttMs; // { avg: 80, p95: 80, max: 80 }
 * acc.samples();       // chronological, at most 120
 * ```
 */
import type { CallSample, MetricSummary } from '../report/schema.js';
import { percentile } from './math.js';

/** Default bound of the sample window. */
export const MAX_CALL_SAMPLES = 120;

type Metric = 'rttMs' | 'jitterMs' | 'lossPct' | 'mos';
const METRICS: readonly Metric[] = ['rttMs', 'jitterMs', 'lossPct', 'mos'];

interface Running {
  n: number;
  sum: number;
  max: number;
  min: number;
}

export interface CallQualitySummary {
  count: number;
  rttMs: MetricSummary;
  jitterMs: MetricSummary;
  lossPct: { avg: number | null; max: number | null };
  mos: { avg: number | null; min: number | null };
}

export class CallQualityAccumulator {
  readonly maxSamples: number;
  private readonly ring: (CallSample | undefined)[];
  private next = 0;
  private size = 0;
  private total = 0;
  private readonly running: Record<Metric, Running>;

  constructor(opts: { maxSamples?: number } = {}) {
    const m = Math.floor(opts.maxSamples ?? MAX_CALL_SAMPLES);
    if (!(m >= 1)) throw new RangeError('CallQualityAccumulator: maxSamples must be at least 1.');
    this.maxSamples = m;
    this.ring = new Array<CallSample | undefined>(m);
    this.running = {
      rttMs: { n: 0, sum: 0, max: -Infinity, min: Infinity },
      jitterMs: { n: 0, sum: 0, max: -Infinity, min: Infinity },
      lossPct: { n: 0, sum: 0, max: -Infinity, min: Infinity },
      mos: { n: 0, sum: 0, max: -Infinity, min: Infinity },
    };
  }

  /** Adds one sample; non-finite or missing metrics are ignored for that metric. */
  add(sample: CallSample): void {
    this.ring[this.next] = { ...sample };
    this.next = (this.next + 1) % this.maxSamples;
    if (this.size < this.maxSamples) this.size++;
    this.total++;
    for (const k of METRICS) {
      const v = sample[k];
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      const r = this.running[k];
      r.n++;
      r.sum += v;
      if (v > r.max) r.max = v;
      if (v < r.min) r.min = v;
    }
  }

  /** Number of samples added over the accumulator's life (not bounded). */
  get count(): number {
    return this.total;
  }

  /** The window's samples, oldest first (at most maxSamples). */
  samples(): CallSample[] {
    const out: CallSample[] = [];
    const start = this.size < this.maxSamples ? 0 : this.next;
    for (let i = 0; i < this.size; i++) {
      const s = this.ring[(start + i) % this.maxSamples];
      if (s) out.push({ ...s });
    }
    return out;
  }

  private windowValues(k: Metric): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.size; i++) {
      const v = this.ring[i]?.[k];
      if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
    }
    return out;
  }

  private metric(k: Metric): MetricSummary {
    const r = this.running[k];
    return {
      avg: r.n ? r.sum / r.n : null,
      p95: percentile(this.windowValues(k), 95),
      max: r.n ? r.max : null,
    };
  }

  summary(): CallQualitySummary {
    const loss = this.running.lossPct;
    const m = this.running.mos;
    return {
      count: this.total,
      rttMs: this.metric('rttMs'),
      jitterMs: this.metric('jitterMs'),
      lossPct: { avg: loss.n ? loss.sum / loss.n : null, max: loss.n ? loss.max : null },
      mos: { avg: m.n ? m.sum / m.n : null, min: m.n ? m.min : null },
    };
  }

  /** Forgets everything (a new call). */
  reset(): void {
    this.ring.fill(undefined);
    this.next = 0;
    this.size = 0;
    this.total = 0;
    for (const k of METRICS) this.running[k] = { n: 0, sum: 0, max: -Infinity, min: Infinity };
  }
}
