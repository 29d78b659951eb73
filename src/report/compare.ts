/**
 * compareReports: what changed between a baseline report and a current one, in numbers and in words.
 *
 * Each metric has a direction (lower RTT is better, higher MOS is better) and a tolerance under which a change
 * counts as "about the same" (measurement noise between two runs, not a finding). Verdict changes are listed
 * per check, in the order of the current report.
 *
 * Labels and phrases are in the active language (src/i18n/runtime.ts) at the time of the call: compare again after
 * a change of language. The directions, deltas and keys are the same in every language.
 */
import { msg, str } from '@lit/localize';
import { getLocale } from '../i18n/runtime.js';
import { VERDICT_WORDS } from './definition/format.js';
import { VERDICT_RANK, type CheckId, type Report, type Verdict } from './schema.js';

export type MetricKey = 'rttMs' | 'jitterMs' | 'lossPct' | 'mos' | 'cpuGhz' | 'upKbps' | 'downKbps' | 'instanceLatencyMs' | 'callRttMs' | 'callJitterMs' | 'callLossPct';

export type Direction = 'better' | 'worse' | 'same' | 'unknown';

export interface MetricDelta {
  key: MetricKey;
  /** In the active language. */
  label: string;
  unit: 'ms' | '%' | '' | 'GHz' | 'kbit/s';
  baseline: number | null;
  current: number | null;
  /** current - baseline, in the metric's unit; null when either side is missing. */
  delta: number | null;
  direction: Direction;
  higherIsBetter: boolean;
  /** In the active language; in English e.g. "worse by 40 ms", "better by 0.3", "about the same", "not measured in the baseline". */
  phrase: string;
}

export interface VerdictChange {
  id: CheckId | string;
  title: string;
  baseline: Verdict | null;
  current: Verdict | null;
  direction: Direction;
  phrase: string;
}

export interface ReportComparison {
  overall: { baseline: Verdict; current: Verdict; direction: Direction; phrase: string };
  softphone: { baseline: string; current: string };
  metrics: MetricDelta[];
  checks: VerdictChange[];
  /** Counts for a one-line headline. */
  worse: number;
  better: number;
}

interface MetricDef {
  key: MetricKey;
  /** In the active language (a getter: msg() runs when read). */
  readonly label: string;
  unit: MetricDelta['unit'];
  higherIsBetter: boolean;
  /** Changes within this absolute amount are "about the same". */
  tolerance: number;
  digits: number;
  get: (r: Report) => number | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const checkData = (r: Report, id: string): Record<string, unknown> | null => {
  const c = Array.isArray(r.checks) ? r.checks.find((x) => x && x.id === id) : undefined;
  return c && c.data && typeof c.data === 'object' && c.verdict !== 'skip' ? (c.data as unknown as Record<string, unknown>) : null;
};
const avgOfCalls = (r: Report, metric: 'rttMs' | 'jitterMs' | 'lossPct'): number | null => {
  const vals = (Array.isArray(r.calls) ? r.calls : []).map((c) => num((c?.[metric] as { avg?: unknown } | undefined)?.avg)).filter((x): x is number => x !== null);
  return vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : null;
};

/** The metrics compared, with their direction and noise tolerance. */
export const METRICS: readonly MetricDef[] = [
  { key: 'rttMs', get label() { return msg('Round trip (test call)'); }, unit: 'ms', higherIsBetter: false, tolerance: 5, digits: 0, get: (r) => num(checkData(r, 'media')?.rttMs) },
  { key: 'jitterMs', get label() { return msg('Jitter (test call)'); }, unit: 'ms', higherIsBetter: false, tolerance: 2, digits: 1, get: (r) => num(checkData(r, 'media')?.jitterMs) },
  { key: 'lossPct', get label() { return msg('Packet loss (test call)'); }, unit: '%', higherIsBetter: false, tolerance: 0.2, digits: 1, get: (r) => num(checkData(r, 'media')?.lossPct) },
  { key: 'mos', get label() { return msg('MOS (call quality, 1-5)'); }, unit: '', higherIsBetter: true, tolerance: 0.05, digits: 2, get: (r) => num(checkData(r, 'media')?.mos) },
  { key: 'cpuGhz', get label() { return msg('CPU estimate'); }, unit: 'GHz', higherIsBetter: true, tolerance: 0.1, digits: 1, get: (r) => num(checkData(r, 'workstation')?.cpuGhzEstimate) },
  { key: 'upKbps', get label() { return msg('Bandwidth up'); }, unit: 'kbit/s', higherIsBetter: true, tolerance: 50, digits: 0, get: (r) => num(checkData(r, 'bandwidth')?.upKbps) },
  { key: 'downKbps', get label() { return msg('Bandwidth down'); }, unit: 'kbit/s', higherIsBetter: true, tolerance: 50, digits: 0, get: (r) => num(checkData(r, 'bandwidth')?.downKbps) },
  {
    key: 'instanceLatencyMs', get label() { return msg('Instance latency (TCP 443)'); }, unit: 'ms', higherIsBetter: false, tolerance: 10, digits: 0,
    get: (r) => {
      const eps = checkData(r, 'endpoints')?.endpoints;
      const e = Array.isArray(eps) ? eps.find((x) => x && (x as { role?: unknown }).role === 'instance') : undefined;
      return num((e as { medianMs?: unknown } | undefined)?.medianMs);
    },
  },
  { key: 'callRttMs', get label() { return msg('Round trip (live calls, average)'); }, unit: 'ms', higherIsBetter: false, tolerance: 5, digits: 0, get: (r) => avgOfCalls(r, 'rttMs') },
  { key: 'callJitterMs', get label() { return msg('Jitter (live calls, average)'); }, unit: 'ms', higherIsBetter: false, tolerance: 2, digits: 1, get: (r) => avgOfCalls(r, 'jitterMs') },
  { key: 'callLossPct', get label() { return msg('Packet loss (live calls, average)'); }, unit: '%', higherIsBetter: false, tolerance: 0.2, digits: 1, get: (r) => avgOfCalls(r, 'lossPct') },
];

/** A figure with its unit in the active language's number format; "not measured" (translated) for null. */
export function formatValue(v: number | null, unit: MetricDelta['unit'], digits: number): string {
  if (v === null) return msg('not measured');
  const n = v.toLocaleString(getLocale(), { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return unit === '' ? n : unit === '%' ? `${n} %` : `${n} ${unit}`;
}

export function compareReports(baseline: Report, current: Report): ReportComparison {
  const metrics: MetricDelta[] = [];
  for (const m of METRICS) {
    const b = safeGet(m, baseline);
    const c = safeGet(m, current);
    if (b === null && c === null) continue;
    let direction: Direction = 'unknown';
    let phrase: string;
    let delta: number | null = null;
    if (b === null) phrase = msg('not measured in the baseline');
    else if (c === null) phrase = msg('not measured in the current report');
    else {
      delta = c - b;
      if (Math.abs(delta) <= m.tolerance) {
        direction = 'same';
        phrase = msg('about the same');
      } else {
        direction = (delta > 0) === m.higherIsBetter ? 'better' : 'worse';
        const by = formatValue(Math.abs(delta), m.unit, m.digits);
        phrase = direction === 'better' ? msg(str`better by ${by}`) : msg(str`worse by ${by}`);
      }
    }
    metrics.push({ key: m.key, label: m.label, unit: m.unit, baseline: b, current: c, delta, direction, higherIsBetter: m.higherIsBetter, phrase });
  }

  const checks: VerdictChange[] = [];
  const baseChecks = new Map((Array.isArray(baseline.checks) ? baseline.checks : []).map((c) => [c.id as string, c]));
  const seen = new Set<string>();
  for (const c of Array.isArray(current.checks) ? current.checks : []) {
    seen.add(c.id);
    const b = baseChecks.get(c.id);
    checks.push(verdictChange(c.id, c.title, b?.verdict ?? null, c.verdict));
  }
  for (const [id, b] of baseChecks) if (!seen.has(id)) checks.push(verdictChange(id, b.title, b.verdict, null));

  const overall = verdictChange('overall', msg('Overall'), baseline.verdict, current.verdict);
  return {
    overall: { baseline: baseline.verdict, current: current.verdict, direction: overall.direction, phrase: overall.phrase },
    softphone: { baseline: baseline.softphone?.fit ?? 'unknown', current: current.softphone?.fit ?? 'unknown' },
    metrics,
    checks,
    worse: metrics.filter((m) => m.direction === 'worse').length + checks.filter((c) => c.direction === 'worse').length,
    better: metrics.filter((m) => m.direction === 'better').length + checks.filter((c) => c.direction === 'better').length,
  };
}

function safeGet(m: MetricDef, r: Report): number | null {
  try {
    return m.get(r);
  } catch {
    return null;
  }
}

/** A verdict in words, in the active language ("Pass", "Warning"); an unknown one as written. */
const word = (v: Verdict | string): string => (Object.prototype.hasOwnProperty.call(VERDICT_WORDS, v) ? VERDICT_WORDS[v as Verdict] : String(v));

function verdictChange(id: string, title: string, b: Verdict | null, c: Verdict | null): VerdictChange {
  let direction: Direction;
  let phrase: string;
  if (b === null) {
    direction = 'unknown';
    phrase = msg(str`new: ${word(c ?? '')}`);
  } else if (c === null) {
    direction = 'unknown';
    phrase = msg(str`not in the current report (was ${word(b)})`);
  } else if (b === c) {
    direction = 'same';
    phrase = msg(str`unchanged (${word(c)})`);
  } else if (b === 'skip' || c === 'skip') {
    direction = 'unknown';
    phrase = `${word(b)} → ${word(c)}`;
  } else {
    direction = VERDICT_RANK[c] > VERDICT_RANK[b] ? 'worse' : 'better';
    phrase = direction === 'worse' ? msg(str`worse: ${word(b)} → ${word(c)}`) : msg(str`better: ${word(b)} → ${word(c)}`);
  }
  return { id, title, baseline: b, current: c, direction, phrase };
}
