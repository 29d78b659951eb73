/**
 * A CCP log's words in the reader's language (DOM-free: the log view and `ccp-preflight log` both use it).
 * The parser (src/ccplog) writes English sentences into its result for the JSON output and older readers, and
 * beside each one a stable code with its figures (Problem `code` + `params`, CcpLogCall `summaryCode`,
 * CcpLog `messageCodes`, versions `jitterMeaningCode`, progress steps, MediaFailure `code`). Here each sentence is
 * made again from the code and the figures in the active language; a code this version does not know (a result
 * from a newer parser) shows the English words of the data. In English the data's own sentence is shown.
 * The log's own words (a softphone error message, a log line, an operation name) are never translated.
 */
import { listText, plural } from './format-texts.js';
import { msg, str } from '@lit/localize';
import type { CcpLog, CcpLogCall, CcpLogVersions, DirectionFigures, LogMessage, MediaFailure, Problem, ProgressStep, StreamType, TextParam, TextParams } from '../ccplog/types.js';
import { STREAMS_JITTER_SINCE } from '../ccplog/versions.js';
import { fmt, fmtDate, fmtDuration, VERDICT_WORDS, type Loose } from '../report/definition/format.js';
import type { Verdict } from '../report/schema.js';
import { getLocale } from './runtime.js';
import { remedyText } from './remedy-texts.js';

const en = (): boolean => getLocale() === 'en';
const s = (v: TextParam | undefined): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const n = (v: TextParam | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const strings = (v: TextParam | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const objs = (v: TextParam | undefined): TextParams[] => (Array.isArray(v) ? v.filter((x): x is TextParams => !!x && typeof x === 'object' && !Array.isArray(x)) : []);
const obj = (v: TextParam | undefined): TextParams => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});

/** "a, b and c" in the active language (one formatter: src/i18n/format-texts.ts). */
export const list = listText;

/** A whole number in the active language ("12,345"; "–" for none). */
export const count = (v: unknown): string => (typeof v === 'number' && Number.isFinite(v) ? v.toLocaleString(getLocale(), { maximumFractionDigits: 0 }) : '–');

/** A figure with its unit, or "–" when there is none (tables). */
export const figure = (v: number | null | undefined, unit: string, digits: number): string => (typeof v === 'number' && Number.isFinite(v) ? fmt(v, unit, digits) : '–');

/** A time in the reader's own zone, with the zone ("4 Mar 2026, 10:00:05 CET"); a word when unknown. */
export const when = (iso: string | null | undefined): string => (iso ? fmtDate(iso) : msg('unknown time'));

/** A length: "850 ms", "42 s", "3 min 5 s" (units as the active language writes them). */
export function duration(ms: number | null | undefined): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return msg('unknown length');
  if (ms < 60_000) return ms < 1000 ? fmtDuration(ms) : fmt(Math.round(ms / 1000), 's');
  const loc = getLocale();
  const unit = (v: number, u: 'minute' | 'second'): string => {
    try {
      return new Intl.NumberFormat(loc, { style: 'unit', unit: u, unitDisplay: 'short' }).format(v);
    } catch {
      return `${v} ${u === 'minute' ? 'min' : 's'}`;
    }
  };
  if (ms >= 3_600_000) return unit(Math.round(ms / 60_000), 'minute');
  const sec = Math.round((ms % 60_000) / 1000);
  return list([unit(Math.floor(ms / 60_000), 'minute'), ...(sec ? [unit(sec, 'second')] : [])], 'unit');
}

/** A verdict word ("Fail"), as the report shows it. */
export const verdictWord = (v: Verdict): string => VERDICT_WORDS[v] ?? v;

/** Which direction, as a phrase inside a sentence. */
export function directionPhrase(stream: StreamType | string): string {
  return stream === 'audio_input' ? msg('what the caller hears') : msg('what the agent hears');
}

/** Which direction, as a heading. */
export function directionTitle(stream: StreamType | string): string {
  return stream === 'audio_input' ? msg('What the caller hears') : msg('What the agent hears');
}

/** One call-quality finding from its figures ("packet loss 11.2 % is above 5 %"); its English text without them. */
export function findingPhrase(f: { metric?: TextParam; value?: TextParam; limit?: TextParam; text?: TextParam }): string {
  const value = n(f.value);
  if (en() || value === null) return s(f.text);
  const limit = n(f.limit);
  switch (f.metric) {
    case 'rtt':
      return limit === null ? msg(str`round trip ${fmt(value, 'ms')}`) : msg(str`round trip ${fmt(value, 'ms')} is above ${fmt(limit, 'ms')}`);
    case 'jitter':
      return limit === null ? msg(str`jitter ${fmt(value, 'ms', 1)}`) : msg(str`jitter ${fmt(value, 'ms', 1)} is above ${fmt(limit, 'ms')}`);
    case 'loss':
      return limit === null ? msg(str`packet loss ${fmt(value, '%', 1)}`) : msg(str`packet loss ${fmt(value, '%', 1)} is above ${fmt(limit, '%')}`);
    case 'mos':
      return limit === null ? msg(str`estimated MOS ${fmt(value, '', 2)}`) : msg(str`estimated MOS ${fmt(value, '', 2)} is below ${fmt(limit, '', 1)}`);
    default:
      return s(f.text);
  }
}

/** A failure flag of the softphone's end-of-call report (`iceCollectionFailure`...), as a clause. */
export function failurePhrase(code: string): string | undefined {
  switch (code) {
    case 'iceCollectionFailure':
      return msg('ICE candidates could not be gathered');
    case 'signallingConnectionFailure':
      return msg('the signaling connection failed');
    case 'handshakingFailure':
      return msg('the call setup handshake failed');
    case 'gumOtherFailure':
      return msg('the microphone could not be opened');
    case 'gumTimeoutFailure':
      return msg('the microphone did not open in time');
    case 'createOfferFailure':
      return msg('the browser could not create the call offer');
    case 'setLocalDescriptionFailure':
      return msg('the browser refused its own call description');
    case 'userBusyFailure':
      return msg('the softphone was busy with another call');
    case 'invalidRemoteSDPFailure':
      return msg('the answer from Amazon Connect was invalid');
    case 'noRemoteIceCandidateFailure':
      return msg('Amazon Connect sent no ICE candidates');
    case 'setRemoteDescriptionFailure':
      return msg("the browser refused Amazon Connect's call description");
    case 'iceConnectionsFailed':
      return msg('the ICE connection failed');
    case 'peerConnectionFailed':
      return msg('the peer connection failed');
    case 'iceRestartFailed':
      return msg('restarting ICE failed');
    default:
      return undefined;
  }
}

/** The failure flags as clauses (a flag this version does not know: its name). */
const failures = (codes: readonly string[]): string => list(codes.map((c) => failurePhrase(c) ?? c));

/** What an ICE, signaling or call failure was (a log line stays the log's own words). */
export function mediaFailureText(f: Pick<MediaFailure, 'text'> & { code?: string; params?: TextParams }): string {
  if (en()) return f.text;
  const p = f.params ?? {};
  switch (f.code) {
    case 'ice-timeout':
      return msg('ICE candidates were not gathered in time');
    case 'signaling':
      return msg(str`signaling failed (${s(p.type)})`);
    case 'call-failed':
      return s(p.reason) ? msg(str`the softphone call failed (${s(p.reason)})`) : msg('the softphone call failed (unknown reason)');
    default:
      return f.text;
  }
}

/** The first letter in capitals (a clause used as a sentence); scripts without case are left as they are. */
const cap = (x: string): string => x.replace(/^\p{Ll}/u, (c) => c.toLocaleUpperCase(getLocale()));


/** A problem's title in the active language; the data's English title for an unknown code or missing figures. */
export function problemTitle(p: Pick<Problem, 'code' | 'title'> & { params?: TextParams }): string {
  if (en() || !p.params) return p.title;
  return problemTitleFromCode(p.code, p.params) ?? p.title;
}

/** A problem's detail in the active language; the data's English detail for an unknown code or missing figures. */
export function problemDetail(p: Pick<Problem, 'code' | 'detail'> & { params?: TextParams }): string {
  if (en() || !p.params) return p.detail;
  return problemDetailFromCode(p.code, p.params) ?? p.detail;
}

/** The problem codes this version writes (for tests and readers). */
export const PROBLEM_CODES = ['call-quality', 'call-setup', 'softphone-error', 'ice-failure', 'signaling-failure', 'websocket', 'api-failure', 'api-slow', 'missed-call', 'clock-skew'] as const;

/** Exported for tests: the title from code and figures, undefined for a code this version does not know. */
export function problemTitleFromCode(code: string, p: TextParams): string | undefined {
  const id = s(p.contactId);
  switch (code) {
    case 'call-quality':
      return id ? msg(str`Call ${id}: poor audio in ${directionPhrase(s(p.stream))}`) : msg(str`A call: poor audio in ${directionPhrase(s(p.stream))}`);
    case 'call-setup':
      return id ? msg(str`Call ${id}: the softphone could not set up the call audio`) : msg('A call: the softphone could not set up the call audio');
    case 'softphone-error': {
      const times = n(p.count) ?? 1;
      return times > 1 ? msg(str`Softphone error "${s(p.type)}" (${count(times)} times)`) : msg(str`Softphone error "${s(p.type)}"`);
    }
    case 'ice-failure':
      return msg(str`ICE failures (${count(p.count)})`);
    case 'signaling-failure':
      return msg(str`Signaling or call failures (${count(p.count)})`);
    case 'websocket': {
      const lost = n(p.lost) ?? 0;
      if (lost) return plural(lost, () => msg('The CCP lost its websocket once'), () => msg(str`The CCP lost its websocket (${count(lost)} times)`));
      const gaps = n(p.gaps) ?? 0;
      return plural(gaps, () => msg('Websocket heartbeats stopped once'), () => msg(str`Websocket heartbeats stopped (${count(gaps)} gaps)`));
    }
    case 'api-failure':
      return msg(str`CCP requests failed (${count(p.count)})`);
    case 'api-slow':
      return msg(str`Slow CCP requests (${count(p.count)})`);
    case 'missed-call':
      return msg(str`Missed calls (${count(p.count)})`);
    case 'clock-skew':
      return msg(str`The workstation clock is off by ${duration(n(p.skewMs))}`);
    default:
      return undefined;
  }
}

/** Exported for tests: the detail from code and figures, undefined for a code this version does not know. */
export function problemDetailFromCode(code: string, p: TextParams): string | undefined {
  switch (code) {
    case 'call-quality':
      return msg(str`${cap(list(objs(p.findings).map(findingPhrase)))} (${fmt(n(p.seconds), 's')} measured).`);
    case 'call-setup':
      return msg(str`The softphone's end-of-call report says ${failures(strings(p.failures))}.`);
    case 'softphone-error':
      return s(p.message) ? msg(str`The softphone said: ${s(p.message)}`) : msg('The softphone reported this error.');
    case 'ice-failure':
    case 'signaling-failure': {
      const f = obj(p.first);
      return cap(mediaFailureText({ code: s(f.code), params: obj(f.params), text: s(f.text) }));
    }
    case 'websocket': {
      const longest = n(p.longestMs) ?? 0;
      return longest ? msg(str`The longest gap without a heartbeat answer was ${duration(longest)}; during a gap the CCP gets no agent or contact updates.`) : s(p.lostText);
    }
    case 'api-failure': {
      const error = s(p.error);
      return `${msg(str`Failed: ${list(strings(p.operations))}.`)}${error ? ` ${error}` : ''}`;
    }
    case 'api-slow':
      return msg(str`The slowest, ${s(p.operation)}, took ${duration(n(p.latencyMs))}.`);
    case 'missed-call':
      return msg('The agent did not answer a call in time and was set to Missed; no calls arrive until the status is set back to Available.');
    case 'clock-skew':
      return msg("Amazon Connect's clock and the workstation's differ; timers in the CCP are wrong and, from 5 minutes, signed requests are refused.");
    default:
      return undefined;
  }
}

/** A remedy's text in the active language (the remedy catalogue's translation; the data's words for an unknown id). */
export const remedyLine = (r: { id?: string; text: string }): string => remedyText(r as unknown as Loose);

/** One call's plain sentence in the active language, from its code and figures. */
export function callSummary(c: Pick<CcpLogCall, 'summary' | 'agentHears' | 'callerHears' | 'errors'> & { summaryCode?: string; failureCodes?: string[] }): string {
  if (en()) return c.summary;
  switch (c.summaryCode) {
    case 'good':
      return msg('Good in both directions.');
    case 'no-figures':
      return msg('No call-quality figures for this call in the log.');
    case 'issues': {
      const parts: string[] = [];
      for (const d of [c.agentHears, c.callerHears] as (DirectionFigures | null)[]) {
        if (!d || d.verdict === 'pass' || d.verdict === 'skip') continue;
        const bad = d.findings.filter((f) => f.verdict === 'fail' || f.verdict === 'warn').map(findingPhrase);
        parts.push(msg(str`${directionTitle(d.stream)}: ${list(bad)}.`));
      }
      if (c.failureCodes?.length) parts.push(msg(str`The softphone reported that ${failures(c.failureCodes)}.`));
      if (c.errors.length) parts.push(msg(str`Softphone errors: ${[...new Set(c.errors.map((e) => e.type))].join(', ')}.`));
      return parts.length ? parts.join(' ') : c.summary;
    }
    default:
      return c.summary;
  }
}

/** One notice of the result (`messages[i]`) in the active language. */
export function messageText(m: LogMessage | undefined, english: string): string {
  if (en() || !m) return english;
  const p = m.params ?? {};
  switch (m.code) {
    case 'no-text':
      return msg('There is no text to read: paste the CCP log, or drop the agent-log.txt file.');
    case 'too-large':
      return msg(str`The file is too large (${count(Math.round((n(p.chars) ?? 0) / 1e6))} million characters; at most ${count((n(p.maxChars) ?? 0) / 1e6)} million are read). A CCP log covers about an hour; check that this is the agent's agent-log.txt.`);
    case 'not-a-log':
      return msg('This is not a CCP log: no log entries were found. Ask the agent for the file the CCP saves with "Download logs" (agent-log.txt).');
    case 'empty':
      return msg('The log is empty. Ask the agent to download the CCP log again (agent-log.txt).');
    case 'read-error':
      return msg(str`The log could not be read (${s(p.error)}). Ask the agent to download it again.`);
    case 'cancelled':
      return msg('Reading the log was cancelled.');
    case 'truncated':
      return msg('The file ends in the middle of an entry (it was cut off); everything before the cut was read.');
    case 'unreadable':
      return plural(n(p.count) ?? 0, () => msg('One part of the file could not be read as log entries and was skipped.'), () => msg(str`${count(p.count)} parts of the file could not be read as log entries and were skipped.`));
    case 'no-calls':
      return msg('No softphone call is in this log (it covers only the last 30 to 60 minutes of the CCP).');
    default:
      return english;
  }
}

/** All notices of a result, in the active language. */
export const messagesOf = (log: Pick<CcpLog, 'messages'> & { messageCodes?: LogMessage[] }): string[] => log.messages.map((m, i) => messageText(log.messageCodes?.[i], m));

/** Why `jitterBufferMillis` was read as it was, in the active language. */
export function jitterReason(v: Pick<CcpLogVersions, 'streams' | 'jitterMeaningReason'> & { jitterMeaningCode?: string }): string {
  if (en()) return v.jitterMeaningReason;
  const streams = v.streams ?? '';
  switch (v.jitterMeaningCode) {
    case 'streams-rtp-jitter':
      return msg(str`Streams ${streams} reports jitterBufferMillis as RTP jitter (versions ${STREAMS_JITTER_SINCE} and later).`);
    case 'streams-buffer-delay':
      return msg(str`Streams ${streams} reports jitterBufferMillis as the jitter buffer's delay, not as jitter (versions before ${STREAMS_JITTER_SINCE}); jitter is not shown and MOS assumes the smallest buffer.`);
    case 'no-version-growing':
      return msg('The log names no Streams version; jitterBufferMillis only grows, so it is read as a buffer delay, not jitter.');
    case 'no-version-jitter':
      return msg('The log names no Streams version; jitterBufferMillis is read as RTP jitter.');
    default:
      return v.jitterMeaningReason;
  }
}

/** The step of reading being done, in the active language (the worker's English phrase for an unknown step). */
export function phaseText(step: ProgressStep | undefined, english = ''): string {
  const p = step?.params ?? {};
  switch (step?.code) {
    case 'opening':
      return msg('Opening the file');
    case 'reading': {
      const pct = n(p.pct);
      return pct === null ? msg('Reading the log') : msg(str`Reading the log (${(pct / 100).toLocaleString(getLocale(), { style: 'percent' })})`);
    }
    case 'finding': {
      const total = n(p.total);
      return total === null ? msg('Finding calls and errors') : msg(str`Finding calls and errors (${count(p.done)} of ${count(total)} entries)`);
    }
    case 'measuring':
      return msg('Measuring each call');
    case 'done':
      return msg('Done');
    default:
      return english || msg('Reading the log');
  }
}

/** One event of the timeline: what happened, in the active language (the log's own words kept). */
export type TimelineEvent = { at: string; verdict: Verdict; what: string };

/** The log's events in time order: agent states, calls, softphone errors, failures, websocket gaps, requests. */
export function timelineEvents(log: CcpLog): TimelineEvent[] {
  const ev: TimelineEvent[] = [
    ...log.states.map((x) => ({ at: x.at, what: msg(str`Agent state: ${x.name}`), verdict: (/missed/i.test(x.name) ? 'warn' : 'skip') as Verdict })),
    ...log.calls.filter((c) => c.startedAt).map((c) => ({ at: c.startedAt!, what: c.contactId ? msg(str`Call ${c.contactId} started (${duration(c.durationMs)})`) : msg(str`A call started (${duration(c.durationMs)})`), verdict: c.verdict })),
    ...log.softphoneErrors.filter((e) => e.at).map((e) => ({ at: e.at!, what: e.message ? msg(str`Softphone error ${e.type}: ${e.message}`) : msg(str`Softphone error ${e.type}`), verdict: 'fail' as Verdict })),
    ...log.mediaFailures.filter((e) => e.at).map((e) => {
      const t = mediaFailureText(e);
      return { at: e.at!, what: e.kind === 'ice' ? msg(str`ICE failure: ${t}`) : e.kind === 'signaling' ? msg(str`Signaling failure: ${t}`) : msg(str`Call failure: ${t}`), verdict: 'fail' as Verdict };
    }),
    ...log.websocket.gaps.map((g) => ({ at: g.from, what: msg(str`No websocket heartbeat answer for ${duration(g.gapMs)}`), verdict: 'warn' as Verdict })),
    ...log.websocket.lost.filter((w) => w.at).map((w) => ({ at: w.at!, what: msg(str`Websocket: ${w.text}`), verdict: 'fail' as Verdict })),
    ...log.api.failures.filter((a) => a.at).map((a) => ({ at: a.at!, what: a.error ? msg(str`Request ${a.operation} failed: ${a.error}`) : msg(str`Request ${a.operation} failed`), verdict: 'warn' as Verdict })),
    ...log.api.slow.filter((a) => a.at).map((a) => ({ at: a.at!, what: msg(str`Request ${a.operation} took ${duration(a.latencyMs)}`), verdict: 'warn' as Verdict })),
  ];
  return ev.sort((a, b) => a.at.localeCompare(b.at));
}

/** The one-line answer of a log: how many calls were poor and how many problems were found. */
export function logAnswer(log: Pick<CcpLog, 'calls' | 'problems' | 'verdict'>): string {
  const total = log.calls.length;
  const bad = log.calls.filter((c) => c.verdict === 'fail' || c.verdict === 'warn').length;
  const calls = plural(total, () => msg('1 call in the log'), () => msg(str`${count(total)} calls in the log`));
  if (log.verdict !== 'fail' && log.verdict !== 'warn') return msg(str`${calls}, no problems found.`);
  const first = bad ? plural(total, () => msg(str`${count(bad)} of 1 call had poor audio`), () => msg(str`${count(bad)} of ${count(total)} calls had poor audio`)) : calls;
  const problems = plural(log.problems.length, () => msg('1 problem found'), () => msg(str`${count(log.problems.length)} problems found`));
  return msg(str`${first}; ${problems}.`);
}

const pad = (x: string, w: number): string => x + ' '.repeat(Math.max(0, w - [...x].length));

/** One direction's figures on one line (terminal text). */
function directionLine(d: DirectionFigures | null, name: string): string {
  if (!d) return `    ${name} ${msg('no figures')}`;
  const jitter = d.jitterMs
    ? msg(str`jitter ${figure(d.jitterMs.avg, 'ms', 1)} (p95 ${figure(d.jitterMs.p95, 'ms', 1)})`)
    : d.jitterBufferMs
      ? msg(str`jitter buffer ${figure(d.jitterBufferMs.avg, 'ms', 0)}`)
      : msg('jitter –');
  const rtt = msg(str`RTT ${figure(d.rttMs.avg, 'ms', 0)} (p95 ${figure(d.rttMs.p95, 'ms', 0)})`);
  const loss = msg(str`loss ${figure(d.lossPct, '%', 1)}`);
  const mos = msg(str`MOS ${figure(d.mos.avg, '', 2)} (min ${figure(d.mos.min, '', 2)})`);
  return `    ${name} ${upper(d.verdict)}  ${rtt}  ${jitter}  ${loss}  ${mos}  ${fmt(d.seconds, 's')}`;
}

const upper = (v: Verdict): string => verdictWord(v).toLocaleUpperCase(getLocale());

/** The terminal text of a log (`ccp-preflight log FILE`): problems first, then the calls, in the active language. */
export function ccpLogText(log: CcpLog, file: string): string {
  const out: string[] = [];
  const v = log.versions;
  out.push(msg(str`CCP log ${file}: ${upper(log.verdict)}`));
  const span = msg(str`${count(log.entries)} entries from ${when(log.from)} to ${when(log.to)}`);
  out.push(`  ${span}${log.duplicatesRemoved ? ` ${msg(str`(${count(log.duplicatesRemoved)} duplicates from the CCP and page layers removed)`)}` : ''}`);
  out.push(`  ${msg(str`Streams ${v.streams ?? msg('unknown')}, rtc-js ${v.rtcJs ?? msg('unknown')}.`)} ${jitterReason(v)}`);
  for (const m of messagesOf(log)) out.push(`  ${msg(str`Note: ${m}`)}`);
  out.push('');
  out.push(log.problems.length ? msg(str`Problems (${count(log.problems.length)}):`) : msg('No problems found.'));
  for (const p of log.problems) {
    out.push(`  [${upper(p.severity)}] ${problemTitle(p)}${p.at ? ` (${when(p.at)})` : ''}`);
    const detail = problemDetail(p);
    if (detail) out.push(`      ${detail}`);
    for (const r of p.remedies.slice(0, 3)) out.push(`      - ${remedyLine(r)} (${r.source})`);
  }
  out.push('');
  out.push(msg(str`Calls (${count(log.calls.length)}):`));
  const agent = `${directionTitle('audio_output')}:`;
  const caller = `${directionTitle('audio_input')}:`;
  const w = Math.max([...agent].length, [...caller].length);
  for (const c of log.calls) {
    out.push(`  ${upper(c.verdict)}  ${c.contactId ?? msg('(contact id not in the log)')}  ${msg(str`started ${when(c.startedAt)}`)}  ${duration(c.durationMs)}`);
    out.push(directionLine(c.agentHears, pad(agent, w)));
    out.push(directionLine(c.callerHears, pad(caller, w)));
    out.push(`    ${callSummary(c)}`);
  }
  if (log.states.length) {
    out.push('');
    out.push(msg('Agent states:'));
    for (const x of log.states.slice(0, 50)) out.push(`  ${when(x.at)}  ${x.name}`);
  }
  return out.join('\n') + '\n';
}
