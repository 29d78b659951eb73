// The arithmetic of `ccp-preflight run --repeat N`: which test calls failed, the error rate, and the spread of
// each figure. DOM-free and Node-free (unit-tested in test/unit/repeat.test.ts). Its words come in as `t`, the
// package's repeatTexts (src/i18n/repeat-texts.ts, ccp-preflight/report) in the language the caller set.
//
// The bar: the Amazon Connect networking guide ("Set up your network to use the Amazon Connect Contact Control
// Panel (CCP)", Option 1, https://docs.aws.amazon.com/connect/latest/adminguide/ccp-networking.html) asks to
// test a domain allowlist with more than 200 calls; an error rate above 2 % points at the proxy's name
// resolution.

/** The guide: test Option 1 with more than this many calls. */
export const GUIDE_MIN_CALLS = 200;
/** The guide: an error rate above this (percent) points at the proxy. */
export const GUIDE_MAX_ERROR_PCT = 2;
/** z for a two-sided 95 % interval. */
const Z95 = 1.959964;
/** Media check codes meaning the call never connected or measured nothing. */
const FAILED_CODES = new Set(['call-failed', 'no-audio-source']);
const FIGURES = /** @type {const} */ (['rttMs', 'jitterMs', 'lossPct', 'mos']);

/**
 * One test call from a Report's media check; a failed call's reason in the active language (the check's finding).
 * @param {{ checks?: { id: string, verdict: string, code?: string, summary?: string, error?: unknown, data?: Record<string, unknown> }[] } | null | undefined} report
 * @param {string | undefined} runError the run's own error (timeout, page crash)
 * @param {import('../src/i18n/repeat-texts.js').RepeatTexts} t
 * @returns {{ ok: boolean, reason?: string, rttMs?: number, jitterMs?: number, lossPct?: number, mos?: number }}
 */
export function callFromReport(report, runError, t) {
  if (runError) return { ok: false, reason: runError };
  const media = report?.checks?.find((c) => c.id === 'media');
  if (!media) return { ok: false, reason: t.noMediaCheck };
  const finding = () => (media.summary ? t.finding(media) : '');
  if (media.verdict === 'skip') return { ok: false, reason: finding() || t.skipped };
  if (media.error || (media.code && FAILED_CODES.has(media.code))) return { ok: false, reason: finding() || t.failed };
  const d = media.data ?? {};
  /** @type {{ ok: boolean, reason?: string, rttMs?: number, jitterMs?: number, lossPct?: number, mos?: number }} */
  const call = { ok: true };
  for (const k of FIGURES) if (typeof d[k] === 'number' && Number.isFinite(d[k])) call[k] = /** @type {number} */ (d[k]);
  if (call.rttMs === undefined) return { ok: false, reason: finding() || t.measuredNothing };
  return call;
}

/**
 * Percentile by linear interpolation between closest ranks (Hyndman and Fan type 7, as in R and NumPy).
 * @param {number[]} sorted ascending, non-empty
 * @param {number} p 0..1
 */
export function quantile(sorted, p) {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Wilson score interval for k failures in n calls, in percent.
 * @returns {[number, number]}
 */
export function wilsonPct(k, n) {
  if (n === 0) return [0, 100];
  const p = k / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [k === 0 ? 0 : Math.max(0, centre - half) * 100, k === n ? 100 : Math.min(1, centre + half) * 100];
}

/**
 * @param {{ ok: boolean, reason?: string, rttMs?: number, jitterMs?: number, lossPct?: number, mos?: number }[]} calls
 */
export function summarizeCalls(calls) {
  const n = calls.length;
  const failed = calls.map((c, i) => ({ call: i + 1, reason: c.reason ?? '' })).filter((_, i) => !calls[i].ok);
  const errorRatePct = n ? (100 * failed.length) / n : 0;
  /** @type {Record<string, { n: number, median: number, p10: number, p90: number, min: number, max: number } | null>} */
  const spread = {};
  for (const k of FIGURES) {
    const v = calls.filter((c) => c.ok && typeof c[k] === 'number').map((c) => /** @type {number} */ (c[k])).sort((a, b) => a - b);
    spread[k] = v.length ? { n: v.length, median: quantile(v, 0.5), p10: quantile(v, 0.1), p90: quantile(v, 0.9), min: v[0], max: v[v.length - 1] } : null;
  }
  const verdict = errorRatePct > GUIDE_MAX_ERROR_PCT ? 'fail' : n <= GUIDE_MIN_CALLS ? 'warn' : 'pass';
  return { calls: n, failed: failed.length, errorRatePct, errorRateCiPct: wilsonPct(failed.length, n), failures: failed, spread, verdict };
}

/** @type {['rttMs' | 'jitterMs' | 'lossPct' | 'mos', number][]} figure and its decimals */
const ROWS = [
  ['rttMs', 0],
  ['jitterMs', 1],
  ['lossPct', 2],
  ['mos', 2],
];
const SOURCE_TITLE = 'Amazon Connect Administrator Guide, "Set up your network to use the Amazon Connect Contact Control Panel (CCP)"';
const SOURCE_URL = 'https://docs.aws.amazon.com/connect/latest/adminguide/ccp-networking.html';

/**
 * Plain text for the terminal, in the language of `t` (the package's repeatTexts).
 * @param {ReturnType<typeof summarizeCalls>} s
 * @param {import('../src/i18n/repeat-texts.js').RepeatTexts} t
 */
export function formatRepeat(s, t) {
  const [lo, hi] = s.errorRateCiPct;
  /** Pads to terminal columns (a Japanese character takes two). */
  const padEnd = (text, n) => text + ' '.repeat(Math.max(0, n - t.columns(text)));
  const padStart = (text, n) => ' '.repeat(Math.max(0, n - t.columns(text))) + text;
  const lines = [];
  const head = t.head(s.failed, s.calls, t.number(s.errorRatePct, 1), t.number(lo, 1), t.number(hi, 1));
  const advice =
    s.verdict === 'fail'
      ? t.failAdvice(GUIDE_MAX_ERROR_PCT)
      : s.verdict === 'warn'
        ? t.warnAdvice(GUIDE_MAX_ERROR_PCT, GUIDE_MIN_CALLS, GUIDE_MIN_CALLS + 50)
        : t.passAdvice(GUIDE_MAX_ERROR_PCT, GUIDE_MIN_CALLS);
  lines.push(`${t.verdict(s.verdict)}  ${head}${/[。．]$/.test(head) ? '' : ' '}${advice}`);
  lines.push('');
  const h = t.headings;
  const labels = t.figures;
  const first = Math.max(12, ...ROWS.map(([k]) => t.columns(labels[k]) + 1), t.columns(h.figure) + 1);
  const cell = Math.max(9, ...[h.median, h.min, h.max].map((x) => t.columns(x) + 2));
  lines.push(`  ${padEnd(h.figure, first)}${[h.median, 'p10', 'p90', h.min, h.max].map((x) => padStart(x, cell)).join('')}   ${h.calls}`);
  for (const [k, d] of ROWS) {
    const r = s.spread[k];
    lines.push(`  ${padEnd(labels[k], first)}${(r ? [r.median, r.p10, r.p90, r.min, r.max] : [NaN, NaN, NaN, NaN, NaN]).map((v) => padStart(t.number(v, d), cell)).join('')}   ${r ? r.n : 0}`);
  }
  for (const f of s.failures) lines.push(`  ${t.failure(f.call, f.reason)}`);
  lines.push('', t.source(SOURCE_TITLE, SOURCE_URL));
  return lines.join('\n') + '\n';
}
