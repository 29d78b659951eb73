/**
 * Small inline SVG charts of samples over time (RTT, jitter, loss), one per metric because their units differ,
 * each with a text label (role="img" + aria-label with min/max) and a <details> table of the same samples as
 * the accessible alternative. No chart dependency.
 */
import { html, svg, nothing, type TemplateResult } from 'lit';
import { arr, fmt, num, obj } from './format.js';

export interface SeriesDef {
  key: string;
  label: string;
  unit: string;
  digits: number;
}

export const MEDIA_SERIES: readonly SeriesDef[] = [
  { key: 'rttMs', label: 'Round trip', unit: 'ms', digits: 0 },
  { key: 'jitterMs', label: 'Jitter', unit: 'ms', digits: 1 },
  { key: 'lossPct', label: 'Loss', unit: '%', digits: 1 },
];
export const CALL_SERIES: readonly SeriesDef[] = [...MEDIA_SERIES, { key: 'mos', label: 'MOS', unit: '', digits: 2 }];

const W = 220;
const H = 56;
const PAD = 4;
/** Charts draw at most this many points (samples are bounded in the report, but a pasted one may not be). */
const MAX_POINTS = 600;

export function renderCharts(title: string, samplesIn: unknown, series: readonly SeriesDef[]): TemplateResult | typeof nothing {
  const samples = arr(samplesIn).map(obj).filter((s) => num(s.tMs) !== null).slice(0, MAX_POINTS);
  if (samples.length < 2) return nothing;
  const present = series.filter((d) => samples.some((s) => num(s[d.key]) !== null));
  if (!present.length) return nothing;
  const t0 = num(samples[0]!.tMs)!;
  const t1 = num(samples[samples.length - 1]!.tMs)!;
  const span = Math.max(1, t1 - t0);
  return html`
    <figure class="charts" part="chart">
      <figcaption>${title} over ${fmt(span / 1000, 's', 1)} (${samples.length} samples)</figcaption>
      <div class="chart-row">
        ${present.map((d) => {
          const pts = samples
            .map((s) => ({ t: num(s.tMs)!, v: num(s[d.key]) }))
            .filter((p): p is { t: number; v: number } => p.v !== null);
          const vals = pts.map((p) => p.v);
          const min = Math.min(...vals);
          const max = Math.max(...vals);
          const lo = Math.min(0, min);
          const range = max - lo || 1;
          const x = (t: number): number => PAD + ((t - t0) / span) * (W - 2 * PAD);
          const y = (v: number): number => H - PAD - ((v - lo) / range) * (H - 2 * PAD);
          const points = pts.map((p) => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
          const label = `${d.label} over time: from ${fmt(min, d.unit, d.digits)} to ${fmt(max, d.unit, d.digits)}, last ${fmt(vals[vals.length - 1], d.unit, d.digits)}.`;
          return html`<div class="chart">
            <div class="chart-title" aria-hidden="true">${d.label} <span class="muted">(max ${fmt(max, d.unit, d.digits)})</span></div>
            <svg viewBox="0 0 ${W} ${H}" width=${W} height=${H} role="img" aria-label=${label} preserveAspectRatio="none">
              ${svg`<line class="axis" x1=${PAD} y1=${H - PAD} x2=${W - PAD} y2=${H - PAD}></line>
              <polyline class="line" points=${points}></polyline>`}
            </svg>
          </div>`;
        })}
      </div>
      <details>
        <summary>${title}: samples as a table</summary>
        <table part="table">
          <caption class="visually-hidden">${title} samples</caption>
          <thead>
            <tr>
              <th scope="col">Time (s)</th>
              ${present.map((d) => html`<th scope="col">${d.label}${d.unit ? ` (${d.unit})` : ''}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${samples.map(
              (s) => html`<tr>
                <th scope="row">${fmt(num(s.tMs)! / 1000, '', 2)}</th>
                ${present.map((d) => html`<td>${num(s[d.key]) === null ? '—' : fmt(s[d.key], '', d.digits)}</td>`)}
              </tr>`,
            )}
          </tbody>
        </table>
      </details>
    </figure>
  `;
}
