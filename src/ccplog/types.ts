/**
 * The result of reading a CCP log (`agent-log.txt`, the JSON array written by amazon-connect-streams'
 * `connect.getLog().download()`). Plain data: the same shape in Node, a browser and a Web Worker
 * (structured-clone safe: no classes, no functions, no Dates).
 */
import type { Remedy, Verdict } from '../report/schema.js';
import type { QualityFinding } from '../stats/verdict.js';

/**
 * A figure or a name a sentence is made from (plain data): with the stable codes below, a reader rebuilds each
 * English sentence of this result in another language (src/i18n/ccplog-texts.ts).
 */
export type TextParam = string | number | boolean | null | TextParam[] | { [key: string]: TextParam };
export type TextParams = { [key: string]: TextParam };

/** What `jitterBufferMillis` in the softphone's per-second stats means in this log. */
export type JitterMeaning = 'rtp-jitter' | 'jitter-buffer-delay';

/** Which stream: `audio_output` is what the agent hears, `audio_input` is what the caller hears. */
export type StreamType = 'audio_output' | 'audio_input';

export interface Summary3 {
  avg: number | null;
  p95: number | null;
  max: number | null;
}

/**
 * A call-quality finding (src/stats/verdict.ts) with its figures: `value` is the measured figure the verdict
 * judged (RTT p95 ms, jitter p95 ms, loss %, MOS) and `limit` the threshold it crossed (null for `pass`).
 */
export interface LogQualityFinding extends QualityFinding {
  value: number;
  limit: number | null;
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
  findings: LogQualityFinding[];
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
  /** Failures the softphone's end-of-call report flags (ICE collection, signaling, handshake, ...), in English. */
  failures: string[];
  /** The same failures as the report's flag names, e.g. `iceCollectionFailure`, `handshakingFailure`. */
  failureCodes: string[];
  /** Softphone errors logged during the call. */
  errors: SoftphoneErrorEntry[];
  /** True when the call's end-of-call report is in the log. */
  reported: boolean;
  /** One plain sentence in English: which direction was bad and why (or that it was fine). */
  summary: string;
  /**
   * What `summary` says: `good` (both directions fine), `no-figures` (no quality figures), `issues` (the
   * sentence lists the directions' warn/fail `findings`, then `failureCodes`, then the `errors`' types).
   */
  summaryCode: 'good' | 'no-figures' | 'issues';
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
  /** In English; for `log-line` the log's own line. */
  text: string;
  /**
   * `ice-timeout` (ICE candidates not gathered in time), `signaling` (params `type`: the softphone error type),
   * `call-failed` (params `reason`: the softphone's reason, or null), `log-line` (the text is the log's own words).
   */
  code: 'ice-timeout' | 'signaling' | 'call-failed' | 'log-line';
  params: TextParams;
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
  /** Stable code: see `params`. */
  code: string;
  /** In English (for the JSON output and older readers); a reader rebuilds it from `code` and `params`. */
  title: string;
  detail: string;
  /**
   * The figures and names `title` and `detail` use, by `code`:
   * - `call-quality`: `contactId` (or null), `stream` (`audio_output` | `audio_input`), `seconds` measured,
   *   `findings` (the warn/fail ones: `{ metric, verdict, code, value, limit }`);
   * - `call-setup`: `contactId`, `failures` (end-of-call report flag names, as `CcpLogCall.failureCodes`);
   * - `softphone-error`: `type`, `count`, `message` (the softphone's own words, '' for none);
   * - `ice-failure`, `signaling-failure`: `count`, `first` (`{ code, params, text }` of the first MediaFailure);
   * - `websocket`: `lost` (times the websocket was lost), `gaps` (heartbeat gaps), `longestMs` (0: none),
   *   `lostText` (the log's words for the first loss, '' for none);
   * - `api-failure`: `count`, `operations` (up to 6 names), `error` (the first failure's own words, '' for none);
   * - `api-slow`: `count`, `operation` (the slowest), `latencyMs`;
   * - `missed-call`: `count`;
   * - `clock-skew`: `skewMs` (the largest absolute skew).
   */
  params: TextParams;
  at: string | null;
  contactId: string | null;
  remedies: Remedy[];
}

export interface CcpLogVersions {
  streams: string | null;
  rtcJs: string | null;
  userAgent: string | null;
  jitterMeaning: JitterMeaning;
  /** Why that meaning was chosen, in plain words (English). */
  jitterMeaningReason: string;
  /**
   * The reason as a code (with `streams` and STREAMS_JITTER_SINCE its figures): `streams-rtp-jitter`,
   * `streams-buffer-delay` (the Streams version decides), `no-version-growing`, `no-version-jitter` (no version
   * in the log: the data's shape decides); '' when nothing was read.
   */
  jitterMeaningCode: '' | 'streams-rtp-jitter' | 'streams-buffer-delay' | 'no-version-growing' | 'no-version-jitter';
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
  /** Notices for the reader (a cut-off file, an input that is not a log), in English. */
  messages: string[];
  /** The same notices as codes and figures, in the same order as `messages`. */
  messageCodes: LogMessage[];
}

/**
 * A notice as a code: `no-text`, `too-large` (`chars`, `maxChars`), `not-a-log`, `empty`, `read-error`
 * (`error`: the error's own words), `cancelled`, `truncated`, `unreadable` (`count`), `no-calls`.
 */
export interface LogMessage {
  code: string;
  params: TextParams;
}

/**
 * A step of reading, as a code with its figures: `opening` (the file), `reading` (`pct` when known),
 * `finding` (`done` and `total` entries when known), `measuring`, `done`.
 */
export interface ProgressStep {
  code: 'opening' | 'reading' | 'finding' | 'measuring' | 'done';
  params: TextParams;
}

export interface ParseCcpLogOptions {
  /** Progress 0..1 with a phrase (English) and the same step as a code; called a few dozen times at most. */
  onProgress?: (fraction: number, phase: string, step: ProgressStep) => void;
}
