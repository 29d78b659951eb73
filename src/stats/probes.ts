/**
 * Data-channel probes of the media test, and their summary (pure; the browser part lives in
 * checks/media.ts).
 *
 * Geometry: both ends of the test call live in the same page, so a probe's send time and arrival time come
 * from the same clock. A probe sent on peer A's unreliable, unordered data channel travels
 * A -> relay (TURN server) -> B: out from the workstation to the relay and back to the workstation. That one
 * "loop" takes exactly the workstation <-> relay round trip. (The loop's own round trip A -> relay -> B ->
 * relay -> A, which is what a ping/echo, the candidate pair's currentRoundTripTime and RTCP's roundTripTime
 * measure, is twice that; the media check reports half of it: one loop.) Each probe is also one loss trial
 * on the path workstation -> relay -> workstation.
 */
import type { Interval } from '../report/schema.js';
import { designEffect, finite, lag1Autocorrelation, mean, meanInterval95, median, medianInterval95, percentile, stddev } from './math.js';

/** Hard bound on the probes kept per direction (60 s at one probe every 10 ms is 6000). */
export const MAX_PROBES = 6500;

/** One direction's probe log: send times and transit times by sequence number. Memory is fixed. */
export class ProbeLog {
  readonly sentAt = new Float64Array(MAX_PROBES);
  /** Transit time in ms, NaN until received. */
  readonly transitMs = new Float64Array(MAX_PROBES).fill(Number.NaN);
  /** 1 when the arrival time is unreliable: the page's main thread was blocked when the probe came in. */
  readonly lateFlag = new Uint8Array(MAX_PROBES);
  sent = 0;
  duplicates = 0;
  /** Arrivals after a probe with a higher sequence number had already arrived (the path reorders). */
  reordered = 0;
  private maxSeqSeen = -1;

  /** Records a send; returns the sequence number, or -1 when the log is full. */
  send(nowMs: number): number {
    if (this.sent >= MAX_PROBES) return -1;
    this.sentAt[this.sent] = nowMs;
    return this.sent++;
  }

  /**
   * Records an arrival of probe `seq` sent at `sentAtMs` (as carried in the probe). `pageBlocked` marks an
   * arrival handled right after the page's main thread was blocked: it arrived, but its time is late by
   * the block, so it counts for loss and not for RTT or jitter.
   */
  receive(seq: number, sentAtMs: number, nowMs: number, pageBlocked = false): void {
    if (!(seq >= 0 && seq < this.sent)) return;
    if (!Number.isNaN(this.transitMs[seq]!)) {
      this.duplicates++;
      return;
    }
    this.transitMs[seq] = nowMs - sentAtMs;
    if (pageBlocked) this.lateFlag[seq] = 1;
    if (seq < this.maxSeqSeen) this.reordered++;
    else this.maxSeqSeen = seq;
  }
}

export interface ProbeSummary {
  /** Probes counted as trials (sent in the window and old enough to have arrived). */
  trials: number;
  lost: number;
  lossPct: number | null;
  /** Lag-1 autocorrelation of the loss indicator (bursty loss > 0). */
  lossAutocorrelation: number;
  /** Share of arrivals that came after a later probe, percent (all logs, whole run). */
  reorderedPct: number;
  /** Arrivals whose time was spoiled by a blocked page (counted for loss, not for RTT/jitter). */
  pageBlocked: number;
  /** One-loop transit (the workstation <-> relay round trip) of received probes, ms; rttMs is their median. */
  transitsMs: number[];
  rttMs: number | null;
  rttCi95: Interval | null;
  rttSdMs: number | null;
  rttP95Ms: number | null;
  /** RFC 3550-style jitter from probes: mean |T(i) - T(i-1)| over consecutive sequence numbers, ms. */
  jitterMs: number | null;
  jitterCi95: Interval | null;
}

/**
 * Summarizes probes sent in [fromMs, toMs - graceMs): later ones may still be in flight and are not trials.
 * Several logs (both directions) are pooled.
 */
export function summarizeProbes(logs: readonly ProbeLog[], fromMs: number, toMs: number, graceMs: number): ProbeSummary {
  const transits: number[] = [];
  const lossSeqs: number[][] = [];
  const diffs: number[] = [];
  const rttSeries: number[][] = [];
  let trials = 0;
  let lost = 0;
  let blocked = 0;
  let received = 0;
  for (const log of logs) for (let i = 0; i < log.sent; i++) {
    const s = log.sentAt[i]!;
    if (s >= fromMs && s < toMs - graceMs && !Number.isNaN(log.transitMs[i]!)) {
      received++;
      if (log.lateFlag[i]) blocked++;
    }
  }
  // Drop spoiled arrivals from the timing figures unless they are most of them (then the page was busy
  // throughout and every figure carries the load; keeping them all at least says so through the spread).
  const useFlags = blocked <= received / 2;
  for (const log of logs) {
    const ind: number[] = [];
    const ser: number[] = [];
    let prev = Number.NaN;
    for (let i = 0; i < log.sent; i++) {
      const s = log.sentAt[i]!;
      if (s < fromMs || s >= toMs - graceMs) {
        prev = Number.NaN;
        continue;
      }
      trials++;
      const t = log.transitMs[i]!;
      if (Number.isNaN(t)) {
        lost++;
        ind.push(1);
      } else {
        ind.push(0);
        if (useFlags && log.lateFlag[i]) {
          prev = Number.NaN;
          continue;
        }
        transits.push(t);
        ser.push(t);
        if (!Number.isNaN(prev)) diffs.push(Math.abs(t - prev));
      }
      prev = t;
    }
    lossSeqs.push(ind);
    rttSeries.push(ser);
  }
  // Pooled lag-1 autocorrelations, weighted by length.
  const weighted = (seqs: number[][]) => {
    let w = 0;
    let s = 0;
    for (const q of seqs) {
      if (q.length < 3) continue;
      s += lag1Autocorrelation(q) * q.length;
      w += q.length;
    }
    return w ? s / w : 0;
  };
  const lossRho = weighted(lossSeqs);
  const rttRho = weighted(rttSeries);
  const n = transits.length;
  // The median, not the mean: a busy page delivers some probes late (main-thread stalls), a one-sided error
  // the median ignores; the imposed delay distributions are symmetric, so median and mean coincide there.
  const rttCi = medianInterval95(transits, n / designEffect(rttRho));
  // |differences| of consecutive transits overlap pairwise; a design effect of 2 is the usual allowance.
  const jitterCi = meanInterval95(diffs, diffs.length / 2);
  return {
    trials,
    lost,
    lossPct: trials ? (100 * lost) / trials : null,
    lossAutocorrelation: lossRho,
    pageBlocked: blocked,
    reorderedPct: (() => {
      let n = 0;
      let r = 0;
      for (const log of logs) {
        r += log.reordered;
        for (let i = 0; i < log.sent; i++) if (!Number.isNaN(log.transitMs[i]!)) n++;
      }
      return n ? (100 * r) / n : 0;
    })(),
    transitsMs: transits,
    rttMs: median(transits),
    rttCi95: rttCi,
    rttSdMs: stddev(transits),
    rttP95Ms: percentile(transits, 95),
    jitterMs: mean(finite(diffs)),
    jitterCi95: jitterCi,
  };
}
