/**
 * The human summary of `ccp-preflight run --repeat N` in the active language: the verdict line, the table of
 * spreads, the failed calls and the per-call progress lines (cli/repeat-stats.mjs formatRepeat, cli/repeat.mjs).
 * The CLI reads these through the built package (ccp-preflight/report: `repeatTexts`), as it reads
 * renderReportText for a single run, after setLocale(--lang, else LC_ALL/LC_MESSAGES/LANG). The JSON output
 * (--json) stays English, like a Report.
 *
 * The bar the texts name: the Amazon Connect networking guide ("Set up your network to use the Amazon Connect
 * Contact Control Panel (CCP)", Option 1) asks to test a domain allowlist with more than 200 calls; an error
 * rate above 2 % points at the proxy. The citation title stays English (it names an English page).
 */
import { msg, str } from '@lit/localize';
import { VERDICT_WORDS, verdictOf } from '../report/definition/format.js';
import { columns } from '../report/text.js';
import { findingText } from './report-texts.js';
import { getLocale } from './runtime.js';

export const repeatTexts = {
  /** A figure with exactly `digits` decimals in the active language; "n/a" (translated) when not a number. */
  number(v: unknown, digits: number): string {
    if (typeof v !== 'number' || !Number.isFinite(v)) return msg('n/a');
    return v.toLocaleString(getLocale(), { minimumFractionDigits: digits, maximumFractionDigits: digits });
  },
  /** The verdict word in capitals ("FAIL", "FALLO"), to lead the summary. */
  verdict(v: string): string {
    return VERDICT_WORDS[verdictOf(v)].toLocaleUpperCase(getLocale());
  },
  /** Terminal columns of a text (Japanese characters take two), for aligning the table. */
  columns,
  head(failed: number, calls: number, rate: string, lo: string, hi: string): string {
    return msg(str`${failed} of ${calls} test calls failed to connect or measure: error rate ${rate} % (95 % interval ${lo}-${hi} %).`);
  },
  failAdvice(maxPct: number): string {
    return msg(
      str`That is above the ${maxPct} % the Amazon Connect networking guide allows when you test a domain allowlist (Option 1): check that the proxy resolves and passes the allowlisted names (TURN relays on UDP 3478 included), or allow the IP ranges instead (Option 2).`,
    );
  },
  warnAdvice(maxPct: number, minCalls: number, suggested: number): string {
    return msg(str`Within the guide's ${maxPct} %, but the guide asks for more than ${minCalls} calls to prove a proxy change: run --repeat ${suggested}.`);
  },
  passAdvice(maxPct: number, minCalls: number): string {
    return msg(str`Within the ${maxPct} % the Amazon Connect networking guide allows over more than ${minCalls} calls.`);
  },
  /** Column heads: the figure, its median and range, how many calls measured it (p10 and p90 stay as they are). */
  get headings(): { figure: string; median: string; min: string; max: string; calls: string } {
    return { figure: msg('figure'), median: msg('median'), min: msg('min'), max: msg('max'), calls: msg('calls') };
  },
  /** Row labels of the table, by figure key. */
  get figures(): Readonly<Record<'rttMs' | 'jitterMs' | 'lossPct' | 'mos', string>> {
    return { rttMs: msg('RTT (ms)'), jitterMs: msg('jitter (ms)'), lossPct: msg('loss (%)'), mos: 'MOS' };
  },
  failure(call: number, reason: string): string {
    return msg(str`call ${call}: ${reason}`);
  },
  source(title: string, url: string): string {
    return msg(str`Source: ${title}, Option 1, ${url}`);
  },
  /** One progress line per call, on stderr. */
  progressMeasured(call: number, of: number, rttMs: string, lossPct: string): string {
    return msg(str`[call ${call}/${of}] RTT ${rttMs} ms, loss ${lossPct} %`);
  },
  progressFailed(call: number, of: number, reason: string): string {
    return msg(str`[call ${call}/${of}] failed: ${reason}`);
  },
  /** Why a call counts as failed, when the CLI itself stopped it. */
  timeout(seconds: number): string {
    return msg(str`the test call did not finish within ${seconds} s`);
  },
  get noMediaCheck(): string {
    return msg('the report has no media check');
  },
  get skipped(): string {
    return msg('the test call was skipped');
  },
  get failed(): string {
    return msg('the test call failed');
  },
  get measuredNothing(): string {
    return msg('the test call measured nothing');
  },
  /** The media check's finding in the active language (the writer's English summary in English). */
  finding(check: Record<string, unknown>): string {
    return findingText(check);
  },
};

export type RepeatTexts = typeof repeatTexts;
