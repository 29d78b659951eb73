/** The endpoints check's pure classification: attempts to an outcome, Regions ranked, "much slower". */
import type { EndpointSample, RegionLatency } from '../report/schema.js';
import { median } from '../stats/math.js';
import type { Attempt } from './endpoints-probe.js';

/**
 * A Region is "much slower" than the best one when its median is both this many ms and
 * {@link REGION_MUCH_SLOWER_RATIO} times above the best. The networking guide gives no number (Region selection
 * considerations: "the lowest latency and fewest hops"); 50 ms is well above the jitter of a browser's HTTPS
 * round trip on a warm connection and about a continent's width, so a flagged gap is a real distance.
 */
export const REGION_MUCH_SLOWER_MS = 50;
export const REGION_MUCH_SLOWER_RATIO = 1.5;

export interface Classified {
  outcome: EndpointSample['outcome'];
  medianMs: number | null;
  samplesMs: number[];
  /** Requests that failed after at least one succeeded. */
  failedAfterOk: number;
  /** The warm-up request's time when it succeeded. */
  firstMs: number | null;
  detail: string;
}

/**
 * From a warm-up and samples to an outcome. `dns`: the DNS hint's answer (true = the name did not resolve).
 * `ipLiteral`: the host is an IP address (no DNS involved).
 */
export function classifyAttempts(attempts: readonly Attempt[], slowMs: number, dns: boolean | null = null, ipLiteral = false): Classified {
  const r = (x: number) => Math.round(x);
  const [warm, ...rest] = attempts;
  if (!warm) return { outcome: 'error', medianMs: null, samplesMs: [], failedAfterOk: 0, firstMs: null, detail: 'Not probed: the check ran out of time.' };
  const okSamples = rest.filter((a): a is Extract<Attempt, { ok: true }> => a.ok).map((a) => a.ms);
  const failed = rest.filter((a) => !a.ok).length;
  const allOk = [warm, ...rest].filter((a) => a.ok);
  if (!allOk.length) {
    const f = warm as Extract<Attempt, { ok: false }>;
    if (f.kind === 'timeout') {
      return {
        outcome: 'timeout',
        medianMs: null,
        samplesMs: [],
        failedAfterOk: 0,
        firstMs: null,
        detail: `No answer within ${r(f.ms)} ms: packets are probably dropped silently (a firewall DROP rule, a missing route) or a proxy holds the request.`,
      };
    }
    if (dns === true) {
      return {
        outcome: 'dns',
        medianMs: null,
        samplesMs: [],
        failedAfterOk: 0,
        firstMs: null,
        detail: `The request failed after ${r(f.ms)} ms and the browser could not resolve the host name (WebRTC host lookup error): a DNS failure (a typo in the host, or a DNS server that does not know the name).`,
      };
    }
    const causes = ipLiteral
      ? 'the connection was refused or reset (nothing listening, or a firewall REJECT rule), or TLS/proxy interception failed; the host is an IP address, so DNS is not involved'
      : dns === false
        ? 'the connection was refused or reset, or TLS/proxy interception failed'
        : 'the connection was refused or reset (a firewall REJECT rule), TLS/proxy interception failed, or the name did not resolve (the browser reported no DNS error, but it cannot always tell)';
    return {
      outcome: 'blocked',
      medianMs: null,
      samplesMs: [],
      failedAfterOk: 0,
      firstMs: null,
      detail: `The request failed ${f.ms < 1000 ? 'at once' : 'after'} ${r(f.ms)} ms: ${causes}. A browser hides the exact network error.`,
    };
  }
  // Reachable. The median of the warm samples; a warm-up alone when the budget allowed nothing more.
  const series = okSamples.length ? okSamples : allOk.map((a) => a.ms);
  const med = median(series)!;
  const parts: string[] = [];
  if (warm.ok) parts.push(`first request (with DNS, TCP and TLS set-up) ${r(warm.ms)} ms`);
  else parts.push(`the first request failed (${(warm as Extract<Attempt, { ok: false }>).message})`);
  parts.push(okSamples.length ? `median of ${okSamples.length} warm request${okSamples.length === 1 ? '' : 's'} ${r(med)} ms` : 'no warm request fitted in the time budget');
  if (failed) parts.push(`${failed} of ${rest.length} later requests failed`);
  return {
    outcome: med > slowMs ? 'slow' : 'ok',
    medianMs: Math.round(med * 10) / 10,
    samplesMs: series.map((x) => Math.round(x * 10) / 10),
    failedAfterOk: failed + (warm.ok ? 0 : 1),
    firstMs: warm.ok ? Math.round(warm.ms * 10) / 10 : null,
    detail: `${parts.join('; ')}.`,
  };
}

/** Ranks Regions by numeric median (unreachable last, then by name). */
export function rankRegions(rows: readonly RegionLatency[]): RegionLatency[] {
  return [...rows].sort((a, b) => {
    if (a.medianMs === null && b.medianMs === null) return a.region.localeCompare(b.region);
    if (a.medianMs === null) return 1;
    if (b.medianMs === null) return -1;
    return a.medianMs - b.medianMs || a.region.localeCompare(b.region);
  });
}

/** Is the instance Region much slower than the best? (see {@link REGION_MUCH_SLOWER_MS}) */
export function muchSlower(instanceMs: number, bestMs: number): boolean {
  return instanceMs - bestMs >= REGION_MUCH_SLOWER_MS && instanceMs >= bestMs * REGION_MUCH_SLOWER_RATIO;
}
