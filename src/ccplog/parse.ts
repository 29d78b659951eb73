/**
 * `parseCcpLog(text)`: a CCP log (`agent-log.txt`) into calls, errors and a timeline. DOM-free, never throws,
 * the same result in Node, a page and a Web Worker.
 */
import { worstVerdict } from '../report/schema.js';
import { readEntries, type Entry } from './entries.js';
import { buildCalls, callEndFrom, samplesFrom, type CallEnd, type CallStart, type RawSample } from './calls.js';
import { SignalReader } from './signals.js';
import { jitterMeaning } from './versions.js';
import { buildProblems } from './problems.js';
import type { CcpLog, LogMessage, ParseCcpLogOptions, ProgressStep } from './types.js';
export { looksLikeCcpLog } from './sniff.js';

/** Larger inputs are refused with a message (a 30-60 minute log is a few MB to a few tens of MB). */
export const MAX_LOG_CHARS = 200_000_000;

const RE_DETECTED = /Softphone call detected:?\s+contactId\s+([\w-]+)(?:\s+agent connectionId\s+([\w-]+))?/;
const METRICS = 'sendSoftphoneMetrics success';
const REPORT = 'sendSoftphoneReport success';
const TELEMETRY = 'sent TelemetryCallReport ';

function jsonAfter(text: string, marker: string): unknown {
  const i = text.indexOf(marker);
  if (i < 0) return undefined;
  try {
    return JSON.parse(text.slice(i + marker.length));
  } catch {
    return undefined;
  }
}

/** The notices of a result, in English (`messages`) and as codes (`messageCodes`). */
const NOTICE: Readonly<Record<string, (p: Record<string, number | string>) => string>> = {
  'no-text': () => 'There is no text to read: paste the CCP log, or drop the agent-log.txt file.',
  'too-large': (p) => `The file is too large (${(Number(p.chars) / 1e6).toFixed(0)} million characters; at most ${Number(p.maxChars) / 1e6} million are read). A CCP log covers about an hour; check that this is the agent's agent-log.txt.`,
  'not-a-log': () => 'This is not a CCP log: no log entries were found. Ask the agent for the file the CCP saves with "Download logs" (agent-log.txt).',
  empty: () => 'The log is empty. Ask the agent to download the CCP log again (agent-log.txt).',
  'read-error': (p) => `The log could not be read (${p.error}). Ask the agent to download it again.`,
  cancelled: () => 'Reading the log was cancelled.',
  truncated: () => 'The file ends in the middle of an entry (it was cut off); everything before the cut was read.',
  unreadable: (p) => `${Number(p.count).toLocaleString('en-US')} part(s) of the file could not be read as log entries and were skipped.`,
  'no-calls': () => 'No softphone call is in this log (it covers only the last 30 to 60 minutes of the CCP).',
};

/** One notice: its code and figures, and its English sentence. */
export function notice(code: keyof typeof NOTICE & string, params: Record<string, number | string> = {}): { message: string; code: LogMessage } {
  return { message: NOTICE[code]!(params), code: { code, params } };
}

function addNotice(log: CcpLog, code: string, params: Record<string, number | string> = {}): void {
  const n = notice(code, params);
  log.messages.push(n.message);
  log.messageCodes.push(n.code);
}

/** An empty result with a notice (input that is not a CCP log); `code` is one of the `messageCodes` codes. */
export function emptyLog(code: string, params: Record<string, number | string> = {}, format: CcpLog['format'] = 'none'): CcpLog {
  const n = notice(code, params);
  const message = n.message;
  return {
    kind: 'ccp-log',
    ok: false,
    format,
    entries: 0,
    duplicatesRemoved: 0,
    unreadable: 0,
    truncated: false,
    from: null,
    to: null,
    versions: { streams: null, rtcJs: null, userAgent: null, jitterMeaning: 'rtp-jitter', jitterMeaningReason: '', jitterMeaningCode: '' },
    calls: [],
    softphoneErrors: [],
    mediaFailures: [],
    api: { calls: 0, failures: [], slow: [] },
    websocket: { heartbeats: 0, gaps: [], lost: [] },
    states: [],
    missedCalls: 0,
    skew: { maxAbsMs: null, samples: 0 },
    problems: [],
    verdict: 'skip',
    messages: [message],
    messageCodes: [n.code],
  };
}

function parse(text: string, opts: ParseCcpLogOptions): CcpLog {
  const report = opts.onProgress ?? (() => {});
  const progress = (fraction: number, phase: string, code: ProgressStep['code'], params: ProgressStep['params'] = {}): void => report(fraction, phase, { code, params });
  progress(0.05, 'Reading the log', 'reading');
  const read = readEntries(text, (fr) => progress(0.05 + 0.3 * fr, `Reading the log (${Math.round(fr * 100)} %)`, 'reading', { pct: Math.round(fr * 100) }));
  if (!read.entries.length) return emptyLog(text.trim() ? 'not-a-log' : 'empty', {}, read.format);
  progress(0.4, 'Finding calls and errors', 'finding');
  const entries: Entry[] = read.entries;
  // Sort by time (stable), keeping entries without a time where they were.
  if (entries.some((e, i) => i > 0 && e.t < entries[i - 1]!.t)) entries.sort((a, b) => (Number.isFinite(a.t) && Number.isFinite(b.t) ? a.t - b.t : 0));
  const starts: CallStart[] = [];
  const samples: RawSample[] = [];
  const endsByKey = new Map<string, CallEnd>();
  const reader = new SignalReader();
  let from = NaN;
  let to = NaN;
  const n = entries.length;
  const every = Math.max(1000, Math.ceil(n / 20));
  for (let i = 0; i < n; i++) {
    if (i % every === 0 && i) progress(0.4 + (0.5 * i) / n, `Finding calls and errors (${i.toLocaleString('en-US')} of ${n.toLocaleString('en-US')} entries)`, 'finding', { done: i, total: n });
    const e = entries[i]!;
    if (Number.isFinite(e.t)) {
      if (!(e.t >= from)) from = e.t;
      if (!(e.t <= to)) to = e.t;
    }
    const text = e.text;
    if (text.includes(METRICS)) {
      for (const s of samplesFrom(jsonAfter(text, METRICS), e.t)) samples.push(s);
      continue;
    }
    if (text.includes(REPORT) || text.includes(TELEMETRY)) {
      const v = jsonAfter(text, text.includes(REPORT) ? REPORT : TELEMETRY);
      const end = callEndFrom(v, e.t);
      if (v && typeof v === 'object') reader.report(v as Record<string, unknown>);
      if (end) {
        const key = `${end.startT}|${end.endT}`;
        const prev = endsByKey.get(key);
        if (prev) {
          prev.failures = [...new Set([...prev.failures, ...end.failures])];
          prev.failureCodes = [...new Set([...prev.failureCodes, ...end.failureCodes])];
        }
        else endsByKey.set(key, end);
      }
      continue;
    }
    if (text.includes('Softphone call detected')) {
      const m = RE_DETECTED.exec(text);
      if (m) {
        starts.push({ t: e.t, contactId: m[1]!.slice(0, 64), agentConnectionId: m[2]?.slice(0, 64) ?? null });
        reader.setContact(m[1]!.slice(0, 64));
      }
      continue;
    }
    reader.read(e);
  }
  progress(0.9, 'Measuring each call', 'measuring');
  const s = reader.s;
  const jbSample = samples.filter((x) => x.stream === 'audio_output' && x.jb !== null).slice(0, 200).map((x) => x.jb!);
  const meaning = jitterMeaning(s.streams, jbSample);
  const calls = buildCalls(starts, samples, [...endsByKey.values()], s.errors, meaning.meaning);
  const missedCalls = s.states.filter((x) => /missed/i.test(x.name)).length;
  const maxAbs = s.skews.length ? s.skews.reduce((m, x) => Math.max(m, Math.abs(x)), 0) : null;
  const log: CcpLog = {
    kind: 'ccp-log',
    ok: true,
    format: read.format,
    entries: n,
    duplicatesRemoved: read.duplicatesRemoved,
    unreadable: read.unreadable,
    truncated: read.truncated,
    from: Number.isFinite(from) ? new Date(from).toISOString() : null,
    to: Number.isFinite(to) ? new Date(to).toISOString() : null,
    versions: { streams: s.streams, rtcJs: s.rtcJs, userAgent: s.userAgent, jitterMeaning: meaning.meaning, jitterMeaningReason: meaning.reason, jitterMeaningCode: meaning.code },
    calls,
    softphoneErrors: s.errors,
    mediaFailures: s.mediaFailures,
    api: { calls: s.apiCalls, failures: s.apiFailures, slow: s.apiSlow },
    websocket: { heartbeats: s.heartbeats, gaps: s.gaps, lost: s.wsLost },
    states: s.states,
    missedCalls,
    skew: { maxAbsMs: maxAbs, samples: s.skews.length },
    problems: [],
    verdict: 'skip',
    messages: [],
    messageCodes: [],
  };
  if (read.truncated) addNotice(log, 'truncated');
  if (read.unreadable) addNotice(log, 'unreadable', { count: read.unreadable });
  if (!calls.length) addNotice(log, 'no-calls');
  log.problems = buildProblems(log);
  log.verdict = worstVerdict([...calls.map((c) => c.verdict), ...log.problems.map((p) => p.severity), 'pass']);
  progress(1, 'Done', 'done');
  return log;
}

/**
 * Reads a CCP log. Accepts the downloaded JSON array (also cut off or damaged), one entry per line, or the
 * console form. Never throws: input that is not a log gives `ok: false` and a message.
 */
export function parseCcpLog(text: unknown, opts: ParseCcpLogOptions = {}): CcpLog {
  if (typeof text !== 'string') return emptyLog('no-text');
  if (text.length > MAX_LOG_CHARS) return emptyLog('too-large', { chars: text.length, maxChars: MAX_LOG_CHARS });
  try {
    return parse(text, opts);
  } catch (e) {
    return emptyLog('read-error', { error: e instanceof Error ? e.message : String(e) });
  }
}
