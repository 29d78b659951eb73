/**
 * Call-quality verdict from measured figures against the thresholds (stats/thresholds.ts):
 * jitter warn > 30 ms; RTT warn > 300 ms, fail > 600 ms; loss warn > 1 %, fail > 5 %;
 * MOS poor (< 3.1) fails, fair (< 4.0) warns. "Above" is strict: exactly 300 ms passes.
 */
import type { Verdict } from '../report/schema.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from './thresholds.js';
import { worstVerdict } from '../report/schema.js';

export interface QualityFigures {
  rttMs: number | null;
  jitterMs: number | null;
  lossPct: number | null;
  mos: number | null;
}

export interface QualityFinding {
  metric: 'rtt' | 'jitter' | 'loss' | 'mos';
  verdict: Verdict;
  /** Finding code, e.g. `high-rtt`. */
  code: string;
  text: string;
}

/** Each metric's own verdict and the combined one (worst of them; `skip` when nothing was measured). */
export function callQualityVerdict(f: QualityFigures, t: Thresholds = DEFAULT_THRESHOLDS): { verdict: Verdict; findings: QualityFinding[] } {
  const findings: QualityFinding[] = [];
  const fmt = (x: number) => (Math.round(x * 10) / 10).toString();
  if (f.rttMs !== null) {
    if (f.rttMs > t.rttFailMs) findings.push({ metric: 'rtt', verdict: 'fail', code: 'high-rtt', text: `round trip ${fmt(f.rttMs)} ms is above ${t.rttFailMs} ms` });
    else if (f.rttMs > t.rttWarnMs) findings.push({ metric: 'rtt', verdict: 'warn', code: 'high-rtt', text: `round trip ${fmt(f.rttMs)} ms is above ${t.rttWarnMs} ms` });
    else findings.push({ metric: 'rtt', verdict: 'pass', code: 'ok', text: `round trip ${fmt(f.rttMs)} ms` });
  }
  if (f.jitterMs !== null) {
    if (f.jitterMs > t.jitterWarnMs) findings.push({ metric: 'jitter', verdict: 'warn', code: 'high-jitter', text: `jitter ${fmt(f.jitterMs)} ms is above ${t.jitterWarnMs} ms` });
    else findings.push({ metric: 'jitter', verdict: 'pass', code: 'ok', text: `jitter ${fmt(f.jitterMs)} ms` });
  }
  if (f.lossPct !== null) {
    if (f.lossPct > t.lossFailPct) findings.push({ metric: 'loss', verdict: 'fail', code: 'high-loss', text: `packet loss ${fmt(f.lossPct)} % is above ${t.lossFailPct} %` });
    else if (f.lossPct > t.lossWarnPct) findings.push({ metric: 'loss', verdict: 'warn', code: 'high-loss', text: `packet loss ${fmt(f.lossPct)} % is above ${t.lossWarnPct} %` });
    else findings.push({ metric: 'loss', verdict: 'pass', code: 'ok', text: `packet loss ${fmt(f.lossPct)} %` });
  }
  if (f.mos !== null) {
    if (f.mos < t.mosFail) findings.push({ metric: 'mos', verdict: 'fail', code: 'low-mos', text: `estimated MOS ${f.mos.toFixed(2)} is below ${t.mosFail}` });
    else if (f.mos < t.mosGood) findings.push({ metric: 'mos', verdict: 'warn', code: 'low-mos', text: `estimated MOS ${f.mos.toFixed(2)} is below ${t.mosGood}` });
    else findings.push({ metric: 'mos', verdict: 'pass', code: 'ok', text: `estimated MOS ${f.mos.toFixed(2)}` });
  }
  return { verdict: worstVerdict(findings.map((x) => x.verdict)), findings };
}

/** The verdict a single value gets for one metric (used to decide whether an interval is conclusive). */
export function metricVerdict(metric: QualityFinding['metric'], value: number, t: Thresholds = DEFAULT_THRESHOLDS): Verdict {
  const f: QualityFigures = { rttMs: null, jitterMs: null, lossPct: null, mos: null };
  if (metric === 'rtt') f.rttMs = value;
  else if (metric === 'jitter') f.jitterMs = value;
  else if (metric === 'loss') f.lossPct = value;
  else f.mos = value;
  return callQualityVerdict(f, t).verdict;
}

/** True when the whole interval gets one verdict for the metric (a clear verdict, safe to stop early). */
export function intervalConclusive(metric: QualityFinding['metric'], lo: number, hi: number, t: Thresholds = DEFAULT_THRESHOLDS): boolean {
  return metricVerdict(metric, lo, t) === metricVerdict(metric, hi, t);
}
