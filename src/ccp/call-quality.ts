/**
 * Live call quality of the agent's real softphone calls, per call, with bounded memory.
 *
 * Two sources:
 * - `softphone-stats`: the framed CCP publishes SOFTPHONE_STATS on the Streams event bus
 *   (`{ contactId, ccpVersion, stats }`, every 30 s in the real CCP). `stats` is a list of per-second
 *   RTPStreamStats entries `{ softphoneStreamType: 'audio_input' | 'audio_output', timestamp, packetsLost,
 *   packetsCount, audioLevel, jitterBufferMillis, roundTripTimeMillis }` whose packet counts are already
 *   per-second deltas (amazon-connect-streams 2.28.2 softphone.js `getTimeSeriesStats`). In 2.28.2
 *   `jitterBufferMillis` is a jitter-buffer figure, not interarrival jitter, so jitter stays null from this
 *   source and MOS is computed with jitter 0 (the E-model then assumes the minimum one-frame buffer).
 * - `peer-connection`: when the softphone runs in this page (the host called initSoftphoneManager), the
 *   session's RTCPeerConnection is sampled with getStats every {@link PC_POLL_MS} while the call is up.
 *
 * Bounds for an 8-hour shift: at most {@link MAX_CALLS_KEPT} calls are kept (oldest dropped, counted in
 * `droppedCalls`), each with a CallQualityAccumulator of {@link MAX_SAMPLES_PER_CALL} samples; at most
 * {@link MAX_RECENT_ENDED} ended contact ids are remembered to fold late stats into their call.
 */
import type { CallSample, CallSummary, Verdict } from '../report/schema.js';
import type { CallQualityDetail } from '../events.js';
import { CallQualityAccumulator } from '../stats/rolling.js';
import { mos as mosOf } from '../stats/mos.js';
import { callQualityVerdict } from '../stats/verdict.js';
import { audioSnapshot, snapshotDelta, type AudioSnapshot, type StatsPayload } from '../stats/getstats.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../stats/thresholds.js';

export const MAX_CALLS_KEPT = 50;
export const MAX_SAMPLES_PER_CALL = 120;
export const MAX_RECENT_ENDED = 20;
/** Peer-connection polling interval while a call is up (ms). */
export const PC_POLL_MS = 2000;

export interface SoftphoneStatsEntry {
  softphoneStreamType?: string;
  timestamp?: string | number | Date;
  packetsLost?: number | null;
  packetsCount?: number | null;
  audioLevel?: number | null;
  jitterBufferMillis?: number | null;
  roundTripTimeMillis?: number | null;
}

export interface SoftphoneStatsPayload {
  contactId?: string;
  ccpVersion?: string;
  stats?: SoftphoneStatsEntry[];
}

function ms(t: SoftphoneStatsEntry['timestamp']): number | null {
  if (t instanceof Date) return t.getTime();
  if (typeof t === 'number' && Number.isFinite(t)) return t;
  if (typeof t === 'string') {
    const v = Date.parse(t);
    return Number.isFinite(v) ? v : null;
  }
  return null;
}

const finiteOrNull = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/**
 * Turns one SOFTPHONE_STATS payload into per-second samples (grouped by timestamp second): loss is the worse
 * of the two directions (lost / (lost + received) of that second), RTT the entry's roundTripTimeMillis.
 * Returns samples with absolute times in `atMs`.
 */
export function samplesFromSoftphoneStats(payload: SoftphoneStatsPayload): { atMs: number; rttMs: number | null; lossPct: number | null }[] {
  // Streams reads the two directions a few ms apart each second: cluster entries that lie within 500 ms of
  // a group's first entry (rounding to whole seconds would split pairs that straddle a boundary).
  const timed: { t: number; e: SoftphoneStatsEntry }[] = [];
  const untimed: SoftphoneStatsEntry[][] = [];
  for (const e of payload.stats ?? []) {
    if (!e || typeof e !== 'object') continue;
    const t = ms(e.timestamp);
    if (t === null) untimed.push([e]);
    else timed.push({ t, e });
  }
  timed.sort((a, b) => a.t - b.t);
  const groups: [number, SoftphoneStatsEntry[]][] = [];
  for (const { t, e } of timed) {
    const last = groups.at(-1);
    if (last && t - last[0] < 500) last[1].push(e);
    else groups.push([t, [e]]);
  }
  for (const g of untimed) groups.push([-1, g]);
  const out: { atMs: number; rttMs: number | null; lossPct: number | null }[] = [];
  for (const [key, entries] of groups) {
    let loss: number | null = null;
    let rtt: number | null = null;
    for (const e of entries) {
      const lost = finiteOrNull(e.packetsLost);
      const count = finiteOrNull(e.packetsCount);
      if (lost !== null && count !== null && lost + count > 0) {
        const pct = (100 * Math.max(0, lost)) / (Math.max(0, lost) + Math.max(0, count));
        loss = loss === null ? pct : Math.max(loss, pct);
      }
      const r = finiteOrNull(e.roundTripTimeMillis);
      if (r !== null && r >= 0) rtt = rtt === null ? r : Math.max(rtt, r);
    }
    if (loss === null && rtt === null) continue;
    out.push({ atMs: key < 0 ? Number.NaN : key, rttMs: rtt, lossPct: loss });
  }
  return out;
}

interface CallState {
  contactId: string;
  startedAtMs: number;
  endedAtMs?: number;
  source: CallSummary['source'];
  acc: CallQualityAccumulator;
  lastVerdict: Verdict;
}

export interface CallQualityMonitorOptions {
  thresholds?: Thresholds;
  onQuality?: (detail: CallQualityDetail) => void;
  now?: () => number;
  maxCalls?: number;
  maxSamplesPerCall?: number;
}

/** Per-call rolling quality. Pure logic: feed it samples, read summaries. */
export class CallQualityMonitor {
  private readonly calls: CallState[] = [];
  private readonly active = new Map<string, CallState>();
  private readonly recentEnded: string[] = [];
  private dropped = 0;
  private readonly t: Thresholds;
  private readonly now: () => number;
  private readonly maxCalls: number;
  private readonly maxSamples: number;

  constructor(private readonly opts: CallQualityMonitorOptions = {}) {
    this.t = opts.thresholds ?? DEFAULT_THRESHOLDS;
    this.now = opts.now ?? (() => Date.now());
    this.maxCalls = opts.maxCalls ?? MAX_CALLS_KEPT;
    this.maxSamples = opts.maxSamplesPerCall ?? MAX_SAMPLES_PER_CALL;
  }

  /** Calls dropped because more than maxCalls were kept. */
  get droppedCalls(): number {
    return this.dropped;
  }

  get activeContactIds(): string[] {
    return [...this.active.keys()];
  }

  /** Starts tracking a call (idempotent). */
  startCall(contactId: string, source: CallSummary['source'], atMs = this.now()): void {
    if (this.active.has(contactId)) return;
    const call: CallState = {
      contactId,
      startedAtMs: atMs,
      source,
      acc: new CallQualityAccumulator({ maxSamples: this.maxSamples }),
      lastVerdict: 'skip',
    };
    this.active.set(contactId, call);
    this.calls.push(call);
    while (this.calls.length > this.maxCalls) {
      const old = this.calls.shift()!;
      this.active.delete(old.contactId);
      this.dropped++;
    }
  }

  /** Ends a call; emits the final summary when it had samples. */
  endCall(contactId: string, atMs = this.now()): void {
    const call = this.active.get(contactId);
    if (!call) return;
    this.active.delete(contactId);
    call.endedAtMs = atMs;
    this.recentEnded.push(contactId);
    while (this.recentEnded.length > MAX_RECENT_ENDED) this.recentEnded.shift();
    if (call.acc.count > 0) {
      const summary = this.summarize(call);
      const last = call.acc.samples().at(-1);
      this.opts.onQuality?.({
        contactId,
        sample: last ?? { tMs: summary.durationMs },
        verdict: summary.verdict === 'skip' ? 'pass' : summary.verdict,
        summary,
        ended: true,
      });
    }
  }

  /** Ends every active call (disconnect). */
  endAll(atMs = this.now()): void {
    for (const id of [...this.active.keys()]) this.endCall(id, atMs);
  }

  /** Feeds a SOFTPHONE_STATS payload (framed CCP). Late stats of a recently ended call go into that call. */
  ingestSoftphoneStats(payload: SoftphoneStatsPayload): void {
    const contactId = typeof payload?.contactId === 'string' && payload.contactId ? payload.contactId : 'unknown';
    const samples = samplesFromSoftphoneStats(payload ?? {});
    if (!samples.length) return;
    let call = this.active.get(contactId);
    let live = true;
    if (!call) {
      if (this.recentEnded.includes(contactId)) {
        call = [...this.calls].reverse().find((c) => c.contactId === contactId);
        live = false;
      }
      if (!call) {
        const first = samples.find((s) => Number.isFinite(s.atMs))?.atMs;
        this.startCall(contactId, 'softphone-stats', first !== undefined ? Math.min(first - 1000, this.now()) : this.now());
        call = this.active.get(contactId)!;
      }
    }
    for (const s of samples) {
      const at = Number.isFinite(s.atMs) ? s.atMs : this.now();
      this.addSample(call, { atMs: at, rttMs: s.rttMs, jitterMs: null, lossPct: s.lossPct }, live);
    }
  }

  /** Feeds one peer-connection sample (the softphone in this page). */
  ingestPeerConnectionSample(contactId: string, s: { atMs: number; rttMs: number | null; jitterMs: number | null; lossPct: number | null }): void {
    let call = this.active.get(contactId);
    if (!call) {
      this.startCall(contactId, 'peer-connection', s.atMs);
      call = this.active.get(contactId)!;
    }
    this.addSample(call, s, true);
  }

  private addSample(call: CallState, s: { atMs: number; rttMs: number | null; jitterMs: number | null; lossPct: number | null }, live: boolean): void {
    const m =
      s.rttMs !== null || s.lossPct !== null
        ? mosOf({ rttMs: s.rttMs ?? 0, jitterMs: s.jitterMs ?? 0, lossPct: s.lossPct ?? 0 })
        : null;
    const sample: CallSample = {
      tMs: Math.max(0, Math.round(s.atMs - call.startedAtMs)),
      rttMs: s.rttMs === null ? null : round1(s.rttMs),
      jitterMs: s.jitterMs === null ? null : round1(s.jitterMs),
      lossPct: s.lossPct === null ? null : round2(s.lossPct),
      mos: m === null ? null : round2(m),
    };
    call.acc.add(sample);
    const sv = callQualityVerdict(
      { rttMs: sample.rttMs ?? null, jitterMs: sample.jitterMs ?? null, lossPct: sample.lossPct ?? null, mos: sample.mos ?? null },
      this.t,
    ).verdict;
    call.lastVerdict = sv;
    if (!live || !this.opts.onQuality) return;
    const summary = this.summarize(call);
    this.opts.onQuality?.({
      contactId: call.contactId,
      sample,
      verdict: sv === 'skip' ? 'pass' : sv,
      summary,
      ended: false,
    });
  }

  private summarize(call: CallState): CallSummary {
    const q = call.acc.summary();
    const end = call.endedAtMs ?? this.now();
    const samples = call.acc.samples();
    const lastT = samples.at(-1)?.tMs ?? 0;
    const verdict = callQualityVerdict(
      { rttMs: q.rttMs.p95 ?? q.rttMs.avg, jitterMs: q.jitterMs.p95 ?? q.jitterMs.avg, lossPct: q.lossPct.avg, mos: q.mos.avg },
      this.t,
    ).verdict;
    return {
      ...(call.contactId !== 'unknown' ? { contactId: call.contactId } : {}),
      startedAt: new Date(call.startedAtMs).toISOString(),
      ...(call.endedAtMs !== undefined ? { endedAt: new Date(call.endedAtMs).toISOString() } : {}),
      durationMs: Math.max(lastT, Math.round(end - call.startedAtMs)),
      source: call.source,
      rttMs: roundMetric(q.rttMs),
      jitterMs: roundMetric(q.jitterMs),
      lossPct: { avg: r2(q.lossPct.avg), max: r2(q.lossPct.max) },
      mos: { avg: r2(q.mos.avg), min: r2(q.mos.min) },
      verdict,
      samples,
    };
  }

  /** Per-call summaries, oldest first (bounded: at most maxCalls). Calls without samples are left out. */
  summaries(): CallSummary[] {
    return this.calls.filter((c) => c.acc.count > 0).map((c) => this.summarize(c));
  }

  /** The live summary of an active call. */
  current(contactId?: string): CallSummary | null {
    const call = contactId ? this.active.get(contactId) : [...this.active.values()].at(-1);
    return call && call.acc.count > 0 ? this.summarize(call) : null;
  }

  clear(): void {
    this.calls.length = 0;
    this.active.clear();
    this.recentEnded.length = 0;
    this.dropped = 0;
  }
}

/**
 * Samples a softphone session's peer connection: one AudioSnapshot per call of `sample()`, deltas against
 * the previous one. Loss from counter deltas (not cumulative ratios); RTT from remote-inbound-rtp, else the
 * candidate pair; jitter from inbound-rtp.
 */
export class PeerConnectionSampler {
  private prev: AudioSnapshot | null = null;
  constructor(private readonly pc: { getStats(): Promise<StatsPayload | RTCStatsReport> }) {}

  async sample(): Promise<{ rttMs: number | null; jitterMs: number | null; lossPct: number | null } | null> {
    const snap = audioSnapshot((await this.pc.getStats()) as StatsPayload);
    const prev = this.prev;
    this.prev = snap;
    if (!prev) return null;
    const d = snapshotDelta(prev, snap);
    return { rttMs: snap.remoteInboundRttMs ?? snap.candidatePairRttMs, jitterMs: snap.jitterMs, lossPct: d.lossPct };
  }
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
function r2(x: number | null): number | null {
  return x === null ? null : round2(x);
}
function roundMetric(m: { avg: number | null; p95: number | null; max: number | null }) {
  return { avg: r2(m.avg), p95: r2(m.p95), max: r2(m.max) };
}
