/**
 * The result of reading a CCP log (`agent-log.txt`, the JSON array written by amazon-connect-streams'
 * `connect.getLog().download()`). Plain data: the same shape in Node, a browser and a Web Worker
 * (structured-clone safe: no classes, no functions, no Dates).
 */
import type { Remedy, Verdict } from '../report/schema.js';
import type { QualityFinding } from '../stats/verdict.js';

/** What `jitterBufferMillis` in the softphone's per-second stats means in this log. */
export type JitterMeaning = 'rtp-jitter' | 'jitter-buffer-delay';

/** Which stream: `audio_output` is what the agent hears, `audio_input` is what the caller hears. */
export type StreamType = 'audio_output' | 'audio_input';

export interface Summary3 {
  avg: number | null;
  p95: number | null;
  max: number | null;
}

/** One second of one direction, as figures (ms and percent). */
export interface DirectionSample {
  /** ms since the call's first sample. */
  tMs: number;
  rttMs: number | null;
  jitterMs: number | null;
  lossPct: number | null;
  mos: number | null;
}

export interface DirectionFigures {
  stream: StreamType;
  /** Per-second samples seen. */
  seconds: number;
  /** Packets received (agent hears) or sent (caller hears) and lost, summed over the call. */
  packets: number;
  lost: number;
  lossPct: number | null;
  rttMs: Summary3;
  /** RTP interarrival jitter (null when the log's field means the jitter-buffer delay). */
  jitterMs: Summary3 | null;
  /** The jitter-buffer delay (when the field means that). */
  jitterBufferMs: Summary3 | null;
  mos: { avg: number | null; min: number | null };
  /** Seconds with no packets at all (one-way audio, muted, or on hold). */
  silentSeconds: number;
  verdict: Verdict;
  findings: QualityFinding[];
  /** Bounded time series for the charts (at most MAX_SERIES points, evenly thinned). */
  series: DirectionSample[];
}

export interface CcpLogCall {
  /** The Amazon Connect contact id, when the log names it ("Softphone call detected: contactId ..."). */
  contactId: string | null;
  agentConnectionId: string | null;
  /** ISO 8601. */
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  verdict: Verdict;
  /** What the agent hears (audio_output) and what the caller hears (audio_input). */
  agentHears: DirectionFigures | null;
  callerHears: DirectionFigures | null;
  /** Failures the softphone's end-of-call report flags (ICE collection, signaling, handshake, ...). */
  failures: string[];
  /** Softphone errors logged during the call. */
  errors: SoftphoneErrorEntry[];
  /** True when the call's end-of-call report is in the log. */
  reported: boolean;
  /** One plain sentence: which direction was bad and why (or that it was fine). */
  summary: string;
}

export interface SoftphoneErrorEntry {
  /** `connect.SoftphoneErrorTypes` value, e.g. `ice_collection_timeout`. */
  type: string;
  message: string;
  at: string | null;
  contactId: string | null;
  remedies: Remedy[];
}

export interface MediaFailure {
  kind: 'ice' | 'signaling' | 'media';
  text: string;
  at: string | null;
  contactId: string | null;
}

export interface ApiCall {
  operation: string;
  at: string | null;
  /** Time between "Calling operation" and its answer, when both are in the log. */
  latencyMs: number | null;
  error?: string;
}

export interface HeartbeatGap {
  from: string;
  to: string;
  gapMs: number;
}

export interface StateChange {
  at: string;
  name: string;
  type: string;
}

export interface Problem {
  severity: 'fail' | 'warn';
  /** Stable code, e.g. `call-quality`, `softphone-error`, `heartbeat-gap`. */
  code: string;
  title: string;
  detail: string;
  at: string | null;
  contactId: string | null;
  remedies: Remedy[];
}

export interface CcpLogVersions {
  streams: string | null;
  rtcJs: string | null;
  userAgent: string | null;
  jitterMeaning: JitterMeaning;
  /** Why that meaning was chosen, in plain words. */
  jitterMeaningReason: string;
}

export interface CcpLog {
  kind: 'ccp-log';
  /** False when nothing in the text is a CCP log entry (`messages` says why). */
  ok: boolean;
  format: 'json-array' | 'json-lines' | 'recovered' | 'text-lines' | 'none';
  /** Entries read, after duplicates were removed. */
  entries: number;
  /** Entries logged twice (by the CCP and the embedding page's CRM layer) and counted once. */
  duplicatesRemoved: number;
  /** Parts of the text that could not be read as entries. */
  unreadable: number;
  /** The text ended in the middle of an entry (a cut-off file). */
  truncated: boolean;
  from: string | null;
  to: string | null;
  versions: CcpLogVersions;
  calls: CcpLogCall[];
  softphoneErrors: SoftphoneErrorEntry[];
  mediaFailures: MediaFailure[];
  api: { calls: number; failures: ApiCall[]; slow: ApiCall[] };
  websocket: { heartbeats: number; gaps: HeartbeatGap[]; lost: { at: string | null; text: string }[] };
  states: StateChange[];
  missedCalls: number;
  skew: { maxAbsMs: number | null; samples: number };
  problems: Problem[];
  verdict: Verdict;
  /** Notices for the reader (a cut-off file, an input that is not a log). */
  messages: string[];
}

export interface ParseCcpLogOptions {
  /** Progress 0..1 with a phrase; called a few dozen times at most. */
  onProgress?: (fraction: number, phase: string) => void;
}
