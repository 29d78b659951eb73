/**
 * The agent's calls from the softphone's own figures in the log (amazon-connect-streams src/softphone.js):
 * - "Softphone call detected: contactId C agent connectionId A" when a call starts;
 * - "sendSoftphoneMetrics success[...]" every 30 s: per-second RTPStreamStats `{ softphoneStreamType,
 *   timestamp, packetsLost, packetsCount, audioLevel, jitterBufferMillis, roundTripTimeMillis }` whose packet
 *   counts are per-second deltas (`getTimeSeriesStats`);
 * - "sendSoftphoneReport success{...}" and "sent TelemetryCallReport {...}" when it ends (callStartTime,
 *   callEndTime, failure flags, rtcJsVersion, streamJsVersion, skewTimeMillis).
 * The metric lines do not name the contact: samples belong to the call whose start precedes them.
 */
import { percentile, mean } from '../stats/math.js';
import { mos as mosOf } from '../stats/mos.js';
import { callQualityVerdict, type QualityFinding } from '../stats/verdict.js';
import { DEFAULT_THRESHOLDS as T } from '../stats/thresholds.js';
import { worstVerdict } from '../report/schema.js';
import type { CcpLogCall, DirectionFigures, DirectionSample, JitterMeaning, LogQualityFinding, SoftphoneErrorEntry, StreamType, Summary3 } from './types.js';

/** Charts draw at most this many points per direction (a 3-hour call has 10 800 seconds). */
export const MAX_SERIES = 400;
/** Samples more than this far apart, with no call start between them, are two calls. */
export const CALL_GAP_MS = 60_000;
/** Samples up to this long after a call's reported end still belong to it (stats timers and clocks differ). */
export const END_SLACK_MS = 5_000;

export interface RawSample {
  t: number;
  stream: StreamType;
  lost: number;
  count: number;
  jb: number | null;
  rtt: number | null;
}

export interface CallStart {
  t: number;
  contactId: string | null;
  agentConnectionId: string | null;
}

export interface CallEnd {
  t: number;
  startT: number;
  endT: number;
  failures: string[];
  /** The report's flag names of `failures`, in the same order. */
  failureCodes: string[];
}

const finiteOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The per-second samples of one "sendSoftphoneMetrics success[...]" array. */
export function samplesFrom(value: unknown, fallbackT: number): RawSample[] {
  if (!Array.isArray(value)) return [];
  const out: RawSample[] = [];
  for (const s of value) {
    if (!s || typeof s !== 'object') continue;
    const o = s as Record<string, unknown>;
    const stream = o.softphoneStreamType;
    if (stream !== 'audio_input' && stream !== 'audio_output') continue;
    const ts = typeof o.timestamp === 'string' ? Date.parse(o.timestamp) : finiteOrNull(o.timestamp);
    const lost = finiteOrNull(o.packetsLost);
    const count = finiteOrNull(o.packetsCount);
    out.push({
      t: ts !== null && Number.isFinite(ts) ? ts : fallbackT,
      stream,
      lost: lost !== null && lost > 0 ? lost : 0,
      count: count !== null && count > 0 ? count : 0,
      jb: finiteOrNull(o.jitterBufferMillis),
      rtt: finiteOrNull(o.roundTripTimeMillis),
    });
  }
  return out;
}

export const FAILURE_FLAGS: Readonly<Record<string, string>> = {
  iceCollectionFailure: 'ICE candidates could not be gathered',
  signallingConnectionFailure: 'the signaling connection failed',
  handshakingFailure: 'the call setup handshake failed',
  gumOtherFailure: 'the microphone could not be opened',
  gumTimeoutFailure: 'the microphone did not open in time',
  createOfferFailure: 'the browser could not create the call offer',
  setLocalDescriptionFailure: 'the browser refused its own call description',
  userBusyFailure: 'the softphone was busy with another call',
  invalidRemoteSDPFailure: 'the answer from Amazon Connect was invalid',
  noRemoteIceCandidateFailure: 'Amazon Connect sent no ICE candidates',
  setRemoteDescriptionFailure: "the browser refused Amazon Connect's call description",
  iceConnectionsFailed: 'the ICE connection failed',
  peerConnectionFailed: 'the peer connection failed',
  iceRestartFailed: 'restarting ICE failed',
};

/** An end-of-call report's times and failure flags. */
export function callEndFrom(value: unknown, entryT: number): CallEnd | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const o = value as Record<string, unknown>;
  const start = typeof o.callStartTime === 'string' || typeof o.callStartTime === 'number' ? new Date(o.callStartTime).getTime() : NaN;
  const end = typeof o.callEndTime === 'string' || typeof o.callEndTime === 'number' ? new Date(o.callEndTime).getTime() : NaN;
  const failures = Object.keys(FAILURE_FLAGS).filter((k) => o[k] === true || (typeof o[k] === 'number' && (o[k] as number) > 0 && k !== 'iceConnectionsLost'));
  return { t: entryT, startT: start, endT: Number.isFinite(end) ? end : entryT, failures: failures.map((k) => FAILURE_FLAGS[k]!), failureCodes: failures };
}

function summary3(xs: number[]): Summary3 {
  if (!xs.length) return { avg: null, p95: null, max: null };
  return { avg: mean(xs), p95: percentile(xs, 95), max: Math.max(...xs.slice(0, 100_000)) };
}

/** Figures of one direction; `rttFallback` is the other direction's per-second RTT (one path, one round trip). */
export function directionFigures(stream: StreamType, samples: RawSample[], meaning: JitterMeaning, rttFallback: Map<number, number>, t0: number): DirectionFigures {
  let packets = 0;
  let lost = 0;
  let silent = 0;
  const rtts: number[] = [];
  const jbs: number[] = [];
  const moses: number[] = [];
  const series: DirectionSample[] = [];
  const step = Math.max(1, Math.ceil(samples.length / MAX_SERIES));
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    packets += s.count;
    lost += s.lost;
    if (s.count === 0 && s.lost === 0) silent++;
    const rtt = s.rtt ?? rttFallback.get(Math.round(s.t / 1000)) ?? null;
    if (rtt !== null) rtts.push(rtt);
    if (s.jb !== null) jbs.push(s.jb);
    // Loss of this second: lost over expected (received + lost) for what the agent hears; lost over sent for the caller.
    const expected = stream === 'audio_output' ? s.count + s.lost : s.count;
    const lossPct = expected > 0 ? Math.min(100, (100 * s.lost) / expected) : null;
    const jitter = meaning === 'rtp-jitter' ? s.jb : null;
    const m = rtt !== null && lossPct !== null ? mosOf({ rttMs: rtt, jitterMs: jitter ?? 0, lossPct }) : null;
    if (m !== null) moses.push(m);
    if (i % step === 0) series.push({ tMs: s.t - t0, rttMs: rtt, jitterMs: jitter, lossPct, mos: m });
  }
  const expectedAll = stream === 'audio_output' ? packets + lost : packets;
  const lossPct = expectedAll > 0 ? Math.min(100, (100 * lost) / expectedAll) : null;
  const rttS = summary3(rtts);
  const jbS = summary3(jbs);
  const jitterMs = meaning === 'rtp-jitter' ? (jbs.length ? jbS : null) : null;
  const overallMos = rttS.avg !== null && lossPct !== null ? mosOf({ rttMs: rttS.avg, jitterMs: jitterMs?.avg ?? 0, lossPct }) : null;
  const figures = { rttMs: rttS.p95, jitterMs: jitterMs?.p95 ?? null, lossPct, mos: overallMos };
  const v = callQualityVerdict(figures);
  return {
    stream,
    seconds: samples.length,
    packets,
    lost,
    lossPct,
    rttMs: rttS,
    jitterMs,
    jitterBufferMs: meaning === 'jitter-buffer-delay' && jbs.length ? jbS : null,
    mos: { avg: overallMos, min: moses.length ? Math.min(...moses.slice(0, 100_000)) : null },
    silentSeconds: silent,
    verdict: v.verdict,
    findings: v.findings.map((f) => withFigures(f, figures)),
    series,
  };
}

/** A finding with the figure it judged and the threshold it crossed (the same thresholds callQualityVerdict used). */
function withFigures(f: QualityFinding, x: { rttMs: number | null; jitterMs: number | null; lossPct: number | null; mos: number | null }): LogQualityFinding {
  const fail = f.verdict === 'fail';
  const judged = f.verdict === 'fail' || f.verdict === 'warn';
  switch (f.metric) {
    case 'rtt':
      return { ...f, value: x.rttMs ?? 0, limit: judged ? (fail ? T.rttFailMs : T.rttWarnMs) : null };
    case 'jitter':
      return { ...f, value: x.jitterMs ?? 0, limit: judged ? T.jitterWarnMs : null };
    case 'loss':
      return { ...f, value: x.lossPct ?? 0, limit: judged ? (fail ? T.lossFailPct : T.lossWarnPct) : null };
    default:
      return { ...f, value: x.mos ?? 0, limit: judged ? (fail ? T.mosFail : T.mosGood) : null };
  }
}

interface Window {
  start: CallStart | null;
  firstT: number;
  lastT: number;
  end: CallEnd | null;
  samples: RawSample[];
}

/** Dedupes samples (the same second logged by two layers) and sorts them by time. */
function uniqueSorted(samples: RawSample[]): RawSample[] {
  const seen = new Set<string>();
  const out: RawSample[] = [];
  for (const s of samples) {
    const k = `${s.stream}|${s.t}|${s.count}|${s.lost}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(s);
    }
  }
  return out.sort((a, b) => a.t - b.t);
}

const SIDE: Readonly<Record<StreamType, string>> = { audio_output: 'what the agent hears', audio_input: 'what the caller hears' };

function callSentence(c: Pick<CcpLogCall, 'agentHears' | 'callerHears' | 'failures' | 'errors' | 'verdict'>): { code: CcpLogCall['summaryCode']; text: string } {
  const parts: string[] = [];
  for (const d of [c.agentHears, c.callerHears]) {
    if (!d || d.verdict === 'pass' || d.verdict === 'skip') continue;
    const bad = d.findings.filter((f) => f.verdict === 'fail' || f.verdict === 'warn').map((f) => f.text);
    parts.push(`${SIDE[d.stream]}: ${bad.join(', ')}`);
  }
  if (c.failures.length) parts.push(`the softphone reported that ${c.failures.join('; ')}`);
  if (c.errors.length) parts.push(`softphone errors: ${[...new Set(c.errors.map((e) => e.type))].join(', ')}`);
  if (!parts.length) return c.verdict === 'skip' ? { code: 'no-figures', text: 'No call-quality figures for this call in the log.' } : { code: 'good', text: 'Good in both directions.' };
  return { code: 'issues', text: parts.map((p) => p.replace(/^./, (x) => x.toUpperCase())).join('. ') + '.' };
}

/** Assembles calls from call starts, metric samples, end-of-call reports and softphone errors. */
export function buildCalls(startsIn: CallStart[], samplesIn: RawSample[], ends: CallEnd[], errors: SoftphoneErrorEntry[], meaning: JitterMeaning): CcpLogCall[] {
  const starts = [...startsIn].sort((a, b) => a.t - b.t).filter((s, i, a) => i === 0 || s.contactId !== a[i - 1]!.contactId || s.t - a[i - 1]!.t > 5000);
  const samples = uniqueSorted(samplesIn);
  const started: Window[] = starts.map((s) => ({ start: s, firstT: s.t, lastT: s.t, end: null, samples: [] }));
  const windows: Window[] = [...started];
  // Ends first: a report belongs to the latest call started before it.
  const sortedEnds = [...ends].sort((a, b) => a.t - b.t);
  const unmatched: CallEnd[] = [];
  for (const e of sortedEnds) {
    let best: Window | null = null;
    for (const w of started) if (w.firstT <= e.t + 1000) best = w;
    if (best && !best.end) best.end = e;
    else unmatched.push(e);
  }
  // Samples go to the latest call started at or before them (1 s of slack for clocks), else to an anonymous call.
  let wi = -1;
  let anon: Window | null = null;
  for (const s of samples) {
    while (wi + 1 < started.length && started[wi + 1]!.firstT <= s.t + 1000) wi++;
    let w: Window | undefined = wi >= 0 ? started[wi] : undefined;
    if (w && w.end && s.t > w.end.endT + END_SLACK_MS) w = undefined; // after that call's end: not its sample
    if (!w) {
      if (!anon || s.t - anon.lastT > CALL_GAP_MS || (wi >= 0 && anon.firstT < started[wi]!.firstT)) {
        anon = { start: null, firstT: s.t, lastT: s.t, end: null, samples: [] };
        windows.push(anon);
      }
      w = anon;
    }
    w.samples.push(s);
    w.lastT = Math.max(w.lastT, s.t);
  }
  // Reports no started call claimed: the anonymous call they close (the log lost its start when it rolled).
  for (const e of unmatched) {
    const w = windows.find((x) => !x.start && !x.end && x.firstT <= e.t + 1000 && x.lastT >= e.t - END_SLACK_MS);
    if (w) w.end = e;
  }
  windows.sort((a, b) => a.firstT - b.firstT);
  return windows.map((w) => {
    const byStream = { audio_output: [] as RawSample[], audio_input: [] as RawSample[] };
    for (const s of w.samples) byStream[s.stream].push(s);
    const t0 = w.samples.length ? w.samples[0]!.t : w.firstT;
    const rttOf = (xs: RawSample[]) => new Map(xs.filter((s) => s.rtt !== null).map((s) => [Math.round(s.t / 1000), s.rtt!]));
    const agentHears = byStream.audio_output.length ? directionFigures('audio_output', byStream.audio_output, meaning, rttOf(byStream.audio_input), t0) : null;
    const callerHears = byStream.audio_input.length ? directionFigures('audio_input', byStream.audio_input, meaning, rttOf(byStream.audio_output), t0) : null;
    const startT = w.end && Number.isFinite(w.end.startT) ? Math.min(w.end.startT, w.firstT) : w.firstT;
    const endT = w.end ? w.end.endT : w.lastT;
    const iso = (t: number) => (Number.isFinite(t) ? new Date(t).toISOString() : null);
    const contactId = w.start?.contactId ?? null;
    const callErrors = errors.filter((e) => {
      const t = e.at ? Date.parse(e.at) : NaN;
      return (contactId !== null && e.contactId === contactId) || (Number.isFinite(t) && t >= startT - 1000 && t <= endT + 1000);
    });
    const failures = w.end?.failures ?? [];
    const failureCodes = w.end?.failureCodes ?? [];
    const verdict = worstVerdict([agentHears?.verdict ?? 'skip', callerHears?.verdict ?? 'skip', failures.length || callErrors.length ? 'fail' : 'skip']);
    const call: CcpLogCall = {
      contactId,
      agentConnectionId: w.start?.agentConnectionId ?? null,
      startedAt: iso(startT),
      endedAt: w.end ? iso(endT) : null,
      durationMs: Number.isFinite(endT - startT) && endT >= startT ? endT - startT : null,
      verdict,
      agentHears,
      callerHears,
      failures,
      failureCodes,
      errors: callErrors,
      reported: !!w.end,
      summary: '',
      summaryCode: 'good',
    };
    const sentence = callSentence(call);
    call.summary = sentence.text;
    call.summaryCode = sentence.code;
    return call;
  });
}

export const DIRECTION_LABEL = SIDE;
