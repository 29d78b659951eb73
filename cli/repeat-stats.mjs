// The arithmetic of `ccp-preflight run --repeat N`: which test calls failed, the error rate, and the spread of
// each figure. DOM-free and Node-free (unit-tested in test/unit/repeat.test.ts).
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
 * One test call from a Report's media check.
 * @param {{ checks?: { id: string, verdict: string, code?: string, summary?: string, error?: unknown, data?: Record<string, unknown> }[] } | null | undefined} report
 * @param {string} [runError] the run's own error (timeout, page crash)
 * @returns {{ ok: boolean, reason?: string, rttMs?: number, jitterMs?: number, lossPct?: number, mos?: number }}
 */
export function callFromReport(report, runError) {
  if (runError) return { ok: false, reason: runError };
  const media = report?.checks?.find((c) => c.id === 'media');
  if (!media) return { ok: false, reason: 'the report has no media check' };
  if (media.verdict === 'skip') return { ok: false, reason: media.summary ?? 'the test call was skipped' };
  if (media.error || (media.code && FAILED_CODES.has(media.code))) return { ok: false, reason: media.summary ?? 'the test call failed' };
  const d = media.data ?? {};
  /** @type {{ ok: boolean, reason?: string, rttMs?: number, jitterMs?: number, lossPct?: number, mos?: number }} */
  const call = { ok: true };
  for (const k of FIGURES) if (typeof d[k] === 'number' && Number.isFinite(d[k])) call[k] = /** @type {number} */ (d[k]);
  if (call.rttMs === undefined) return { ok: false, reason: media.summary ?? 'the test call measured nothing' };
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

const fmt = (v, d) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(d) : 'n/a');
/** @type {[string, string, number][]} */
const ROWS = [
  ['rttMs', 'RTT (ms)', 0],
  ['jitterMs', 'jitter (ms)', 1],
  ['lossPct', 'loss (%)', 2],
  ['mos', 'MOS', 2],
];

/** Plain text for the terminal. @param {ReturnType<typeof summarizeCalls>} s */
export function formatRepeat(s) {
  const [lo, hi] = s.errorRateCiPct;
  const lines = [];
  const head = `${s.failed} of ${s.calls} test calls failed to connect or measure: error rate ${fmt(s.errorRatePct, 1)} % (95 % interval ${fmt(lo, 1)}-${fmt(hi, 1)} %).`;
  if (s.verdict === 'fail') {
    lines.push(`FAIL  ${head} That is above the ${GUIDE_MAX_ERROR_PCT} % the Amazon Connect networking guide allows when you test a domain allowlist (Option 1): check that the proxy resolves and passes the allowlisted names (TURN relays on UDP 3478 included), or allow the IP ranges instead (Option 2).`);
  } else if (s.verdict === 'warn') {
    lines.push(`WARN  ${head} Within the guide's ${GUIDE_MAX_ERROR_PCT} %, but the guide asks for more than ${GUIDE_MIN_CALLS} calls to prove a proxy change: run --repeat ${GUIDE_MIN_CALLS + 50}.`);
  } else {
    lines.push(`PASS  ${head} Within the ${GUIDE_MAX_ERROR_PCT} % the Amazon Connect networking guide allows over more than ${GUIDE_MIN_CALLS} calls.`);
  }
  lines.push('');
  lines.push(`  ${'figure'.padEnd(12)}${['median', 'p10', 'p90', 'min', 'max'].map((h) => h.padStart(9)).join('')}   calls`);
  for (const [k, label, d] of ROWS) {
    const r = s.spread[k];
    lines.push(`  ${label.padEnd(12)}${(r ? [r.median, r.p10, r.p90, r.min, r.max] : [NaN, NaN, NaN, NaN, NaN]).map((v) => fmt(v, d).padStart(9)).join('')}   ${r ? r.n : 0}`);
  }
  for (const f of s.failures) lines.push(`  call ${f.call}: ${f.reason}`);
  lines.push('', 'Source: Amazon Connect Administrator Guide, "Set up your network to use the Amazon Connect Contact Control Panel (CCP)", Option 1, https://docs.aws.amazon.com/connect/latest/adminguide/ccp-networking.html');
  return lines.join('\n') + '\n';
}
