/**
 * The agent's answer, as data: one plain sentence (will calls work in this browser?), then at most a few
 * problems, worst first, each with one thing the agent can do now. Pure and defensive (a pasted report may hold
 * anything); the element renders it. The full findings, remedies and measurements go to the "For IT" part.
 */
import { CHECK_IDS, type Verdict } from '../../report/schema.js';
import { msg, str } from '@lit/localize';
import { arr, obj, str as asStr, verdictOf } from './format.js';
import { checkTitle } from '../../i18n/check-titles.js';

/** At most this many problems are shown to the agent (the rest are in "For IT"). */
export const MAX_PROBLEMS = 3;

export interface Problem {
  checkId: string;
  verdict: Verdict;
  /** What is wrong, in words an agent knows. */
  headline: string;
  /** One thing the agent can do now. */
  action: string;
}

export interface Answer {
  /** One plain sentence: whether calls will work in this browser. */
  sentence: string;
  /** The tone of the sentence: pass, warn, fail, or skip (unknown). */
  tone: Verdict;
  problems: Problem[];
  /** Problems beyond MAX_PROBLEMS (shown under "For IT"). */
  more: number;
  /** Said when not every check ran (cancelled, or a subset was chosen). Empty when every check ran. */
  partial: string;
  /** Checks that describe the machine that ran a headless CLI and do not set the verdict. */
  described: string[];
}

/** Checks of the network path: a failed one is the agent's first problem (it is rarely theirs to fix). */
const NETWORK = new Set(['ccp', 'endpoints', 'ice-udp', 'ice-tcp', 'ice-tls', 'media', 'bandwidth']);

const SEND_TO_IT = (): string => msg('Send this report to IT (Copy share code).');

/** In the active language (@lit/localize), so a function: msg() runs at render time. */
const HEADLINES = (): Record<string, { fail: string; warn: string }> => ({
  browser: { fail: msg('This browser cannot make softphone calls.'), warn: msg('This browser is not one of the latest versions.') },
  workstation: { fail: msg('This computer is too slow or too busy for calls.'), warn: msg('This computer is slow or busy, so calls may break up.') },
  devices: { fail: msg('Your microphone does not work here.'), warn: msg('Your microphone or headset needs attention.') },
  ccp: { fail: msg('The Contact Control Panel is not connected.'), warn: msg('The Contact Control Panel needs attention.') },
  endpoints: { fail: msg('This network cannot reach Amazon Connect.'), warn: msg('Amazon Connect is slow to reach from this network.') },
  'ice-udp': { fail: msg('The network blocks the usual path for call audio.'), warn: msg('The usual path for call audio is slow.') },
  'ice-tcp': { fail: msg('The network blocks the backup path for call audio.'), warn: msg('The backup path for call audio is slow.') },
  'ice-tls': { fail: msg('The network blocks the encrypted backup path for call audio.'), warn: msg('The encrypted backup path for call audio is slow.') },
  media: { fail: msg('The test call sounded too poor for calls.'), warn: msg('Calls may sound choppy on this network.') },
  bandwidth: { fail: msg('The connection is too slow for calls.'), warn: msg('The connection is only just fast enough for calls.') },
});

function action(checkId: string, verdict: Verdict, code: string): string {
  switch (checkId) {
    case 'browser':
      return msg('Open the agent desktop in the latest Chrome or Firefox.');
    case 'workstation':
      return msg('Close other heavy apps (video calls, extra tabs), then run the check again.');
    case 'devices':
      if (/permission|denied|not-allowed/.test(code)) return msg('Allow the microphone for this site (the icon in the address bar), then run again.');
      if (/no-microphone|no-capture|not-found|capture/.test(code)) return msg('Plug in your headset, then run the check again.');
      if (/busy/.test(code)) return msg('Close other apps that use the microphone, then run again.');
      if (/silent|clipping|level/.test(code)) return msg('Check the headset is not muted and its microphone sits near your mouth.');
      if (/bluetooth|builtin|virtual|headset/.test(code)) return msg('Use a wired USB headset if you have one.');
      return msg('Check your headset is plugged in and allowed, then run again.');
    case 'ccp':
      if (/login|auth|sign/.test(code)) return msg('Log in to the Contact Control Panel, then run the check again.');
      return verdict === 'fail' ? msg('Reload the page; if this stays, send this report to IT (Copy share code).') : SEND_TO_IT();
    case 'media':
      return verdict === 'fail' ? SEND_TO_IT() : msg('Use a wired network instead of Wi-Fi and pause large downloads.');
    default:
      return SEND_TO_IT();
  }
}

/** True when a check only describes the machine that ran a headless CLI (it does not set the verdict). */
export function describesRunner(check: Record<string, unknown>): boolean {
  return check.informational === true || check.describesRunner === true || asStr(check.scope) === 'runner';
}

export function agentAnswer(reportIn: unknown): Answer {
  const r = obj(reportIn);
  const checks = arr(r.checks).map(obj);
  const counted = checks.filter((c) => !describesRunner(c));
  const described = checks.filter(describesRunner).map((c) => checkTitle(c));
  const verdict = verdictOf(r.verdict);
  const fit = asStr(obj(r.softphone).fit);

  const found = counted
    .map((c, i) => ({ c, i, v: verdictOf(c.verdict) }))
    .filter((x) => x.v === 'fail' || x.v === 'warn')
    .sort((a, b) => rank(b.v, asStr(b.c.id)) - rank(a.v, asStr(a.c.id)) || a.i - b.i);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const { c, v } of found) {
    const id = asStr(c.id);
    // Not tested is not slow: the CCP handed out no media servers (src/checks/untested.ts), one problem for all.
    const untested = asStr(c.code) === 'ccp-no-servers';
    const headline = untested
      ? msg('Call audio was not tested: the Contact Control Panel did not hand out its media servers.')
      : (HEADLINES()[id]?.[v as 'fail' | 'warn'] ?? (asStr(c.title) ? msg(str`${asStr(c.title)}: needs attention.`) : msg('A check needs attention.')));
    const act = untested ? msg('Reload the page; if this stays, send this report to IT (Copy share code).') : action(id, v, asStr(c.code));
    const key = `${headline}|${act}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ checkId: id, verdict: v, headline, action: act });
  }

  const ran = counted.filter((c) => verdictOf(c.verdict) !== 'skip' || !/cancel|abort/i.test(asStr(obj(c.error).name) + asStr(c.summary))).length;
  const known = new Set(counted.map((c) => asStr(c.id)));
  const describedIds = new Set(checks.filter(describesRunner).map((c) => asStr(c.id)));
  const missing = CHECK_IDS.filter((id) => !known.has(id) && !describedIds.has(id)).length;
  let partial = '';
  if (r.incomplete === true) partial = msg(str`The check was cancelled before it finished: ${ran} of ${counted.length} checks ran, so this answer is incomplete.`);
  else if (missing > 0 && counted.length > 0) partial = msg(str`Only ${counted.length} of ${CHECK_IDS.length - described.length} checks were chosen, so this answer covers only those.`);

  let sentence: string;
  let tone: Verdict;
  if (r.incomplete === true && !problems.length) {
    sentence = msg('Not known yet whether calls will work: the check was cancelled.');
    tone = 'skip';
  } else if (fit === 'no' || verdict === 'fail') {
    sentence = msg('Calls will not work reliably in this browser right now.');
    tone = 'fail';
  } else if (fit === 'unknown' || verdict === 'skip') {
    sentence = problems.length
      ? msg('Not known whether calls will work: the test call did not run, and something needs attention.')
      : msg('Not known whether calls will work: the test call did not run.');
    tone = problems.length ? 'warn' : 'skip';
  } else if (verdict === 'warn') {
    sentence = msg('Calls should work in this browser, but quality may suffer.');
    tone = 'warn';
  } else {
    sentence = partial ? msg('Calls should work in this browser, as far as the checks that ran can tell.') : msg('Calls will work in this browser.');
    tone = 'pass';
  }
  return { sentence, tone, problems: problems.slice(0, MAX_PROBLEMS), more: Math.max(0, problems.length - MAX_PROBLEMS), partial, described };
}

function rank(v: Verdict, id: string): number {
  return (v === 'fail' ? 20 : 10) + (NETWORK.has(id) ? 1 : 0);
}
