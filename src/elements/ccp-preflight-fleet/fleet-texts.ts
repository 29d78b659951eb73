/**
 * The fleet view's words for data from reports, in the active language (DOM-free). The collector files each
 * report under the cause of its worst finding, `checkId/code` (or `checkId/verdict` when the check wrote no
 * code), with the writer's English `Title: summary` beside it. Here the cause is named again from the code: the
 * check's title and the finding's sentence in the reader's language (src/i18n/report-texts.ts), a short name
 * where the sentence needs figures the fleet list does not hold, and the writer's words for a code this version
 * does not know. In English the writer's own text is shown, as in the report view.
 */
import { msg } from '@lit/localize';
import { checkTitle, findingFromCode } from '../../i18n/report-texts.js';
import { getLocale } from '../../i18n/runtime.js';
import type { Loose } from '../../report/definition/format.js';

/** A cause split into its check id, code and verdict (`media/fail` is the media check failing without a code). */
export function parseCause(cause: string | null | undefined): { id: string; code: string; verdict: string | undefined } | undefined {
  if (!cause) return undefined;
  const i = cause.indexOf('/');
  const id = i < 0 ? cause : cause.slice(0, i);
  const rest = i < 0 ? '' : cause.slice(i + 1);
  if (rest === 'fail' || rest === 'warn') return { id, code: '', verdict: rest };
  return { id, code: rest, verdict: undefined };
}

/** The verdict a cause's finding most likely had, when the cause does not say (only the media and endpoints sentences differ by it). */
const guessVerdict = (code: string): string => (/slow|flaky|far|borderline|partial|bluetooth|builtin|virtual|unknown|unverified/.test(code) ? 'warn' : 'fail');

/** Short names of findings whose full sentence needs figures (a version, a speed, servers); undefined for the others. */
function shortName(id: string, code: string, verdict: string): string | undefined {
  const ice = id === 'ice-udp' || id === 'ice-tcp' || id === 'ice-tls';
  switch (code) {
    case 'too-old':
    case 'outdated':
    case 'esr-outdated':
      if (id === 'browser') return msg('This browser version is older than the versions Amazon Connect supports.');
      break;
    case 'low-memory':
      return msg('This computer has little memory for the softphone.');
    case 'cpu-slow':
    case 'cpu-slow-busy':
    case 'cpu-borderline':
      return msg('The processor is slow for calls.');
    case 'busy':
      if (id === 'workstation') return msg('The computer is busy.');
      break;
    case 'turn-auth-failed':
      if (ice) return msg('The relay server refused the sign-in (the TURN credential is wrong or expired).');
      break;
    case 'turn-unreachable':
    case 'no-relay':
      if (ice) return msg('The relay server for call audio could not be reached.');
      break;
    case 'udp-blocked':
      // An older version's code (reports recorded before the relay codes were split), still in stores.
      if (ice) return msg('UDP 3478 to the media relays looks blocked: no relay over UDP.');
      break;
    case 'stun-unreachable':
    case 'no-srflx':
      if (ice) return msg('No answer from the STUN server.');
      break;
    case 'partial':
      if (ice) return msg('A relay works, but some relay servers failed.');
      break;
    case 'call-failed':
      if (id === 'media') return msg('The test call did not carry audio: the relay or the network drops it.');
      break;
    case 'low-bandwidth':
    case 'limited-by-loss':
      if (id === 'bandwidth') return msg('Throughput through the relay is below what a softphone needs.');
      break;
    default:
      break;
  }
  if (id === 'media' && (verdict === 'fail' || verdict === 'warn')) {
    return verdict === 'fail' ? msg('The test call sounded too poor for calls.') : msg('The test call may sound choppy.');
  }
  return undefined;
}

/** The writer's `Title: summary`, split (the summary is '' when there is no title before it). */
function writerParts(causeText: string | null | undefined): { title: string; summary: string } {
  const t = causeText ?? '';
  const i = t.indexOf(': ');
  return i < 0 ? { title: '', summary: t } : { title: t.slice(0, i), summary: t.slice(i + 2) };
}

/**
 * A cause in the reader's language: "Check title: finding". `data` holds figures the caller has (the media
 * figures of an agent's latest report), `verdict` the report's verdict when known. '' for no cause.
 */
export function causeName(cause: string | null | undefined, causeText: string | null | undefined, opts: { data?: Loose; verdict?: string } = {}): string {
  const c = parseCause(cause);
  if (!c) return causeText ?? '';
  if (getLocale() === 'en' && causeText) return causeText;
  const writer = writerParts(causeText);
  const title = checkTitle({ id: c.id, title: writer.title });
  const verdict = c.verdict ?? (opts.verdict === 'fail' || opts.verdict === 'warn' ? opts.verdict : guessVerdict(c.code));
  const data = opts.data ?? {};
  // With the figures at hand (the media check's), the full sentence; else a short name, else the sentence if it needs none.
  const withFigures = c.id === 'media' && typeof data.rttMs === 'number' ? findingFromCode(c.id, verdict, c.code, data) : undefined;
  const finding = withFigures ?? shortName(c.id, c.code, verdict) ?? findingFromCode(c.id, verdict, c.code, {}) ?? (writer.summary || c.code || verdict);
  return `${title}: ${finding}`;
}
