/**
 * One metric of one call direction over time, with its threshold lines (warn and fail) and a text label: an
 * inline SVG with role="img" and an aria-label giving the range, so it is read, not only seen.
 */
import { html, svg, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { duration, figure, list } from '../../i18n/ccplog-texts.js';
import type { DirectionSample } from '../../ccplog/types.js';

export interface ChartDef {
  key: 'rttMs' | 'jitterMs' | 'lossPct' | 'mos';
  label: string;
  unit: string;
  digits: number;
  /** Threshold lines: value and the verdict past it. */
  lines: { value: number; kind: 'warn' | 'fail' }[];
}

const W = 240;
const H = 64;
const PAD = 4;

const fmt = (v: number, d: number, unit: string): string => figure(v, unit, d);

export function chart(def: ChartDef, series: readonly DirectionSample[]): TemplateResult | typeof nothing {
  const pts = series.map((s) => ({ t: s.tMs, v: s[def.key] })).filter((p): p is { t: number; v: number } => typeof p.v === 'number' && Number.isFinite(p.v));
  if (pts.length < 2) return nothing;
  const vals = pts.map((p) => p.v);
  const lo = Math.min(0, ...vals);
  const hi = Math.max(...vals, ...def.lines.map((l) => l.value));
  const range = hi - lo || 1;
  const t0 = pts[0]!.t;
  const span = Math.max(1, pts[pts.length - 1]!.t - t0);
  const x = (t: number): number => PAD + ((t - t0) / span) * (W - 2 * PAD);
  const y = (v: number): number => H - PAD - ((v - lo) / range) * (H - 2 * PAD);
  const points = pts.map((p) => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
  const min = Math.min(...vals);
  const max = Math.max(...vals);
  const bars = list(def.lines.map((l) => (l.kind === 'fail' ? msg(str`problem line at ${fmt(l.value, def.digits, def.unit)}`) : msg(str`warning line at ${fmt(l.value, def.digits, def.unit)}`))));
  const range2 = msg(str`${def.label} over ${duration(span)}: from ${fmt(min, def.digits, def.unit)} to ${fmt(max, def.digits, def.unit)}`);
  const label = bars ? `${range2}; ${bars}.` : `${range2}.`;
  return html`<div class="chart">
    <div class="chart-title" aria-hidden="true">${def.label} <span class="muted">${msg(str`(max ${fmt(max, def.digits, def.unit)})`)}</span></div>
    <svg viewBox="0 0 ${W} ${H}" width=${W} height=${H} role="img" aria-label=${label} preserveAspectRatio="none">
      ${def.lines.map((l) => svg`<line class="threshold ${l.kind}" x1=${PAD} x2=${W - PAD} y1=${y(l.value)} y2=${y(l.value)}></line>`)}
      ${svg`<polyline class="line" points=${points}></polyline>`}
    </svg>
  </div>`;
}
