/**
 * Small inline SVG charts of samples over time (RTT, jitter, loss), one per metric because their units differ,
 * each with a text label (role="img" + aria-label with min/max) and a <details> table of the same samples as
 * the accessible alternative. No chart dependency.
 */
import { html, svg, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { arr, fmt, num, obj } from './format.js';
import { displayText as tr } from '../../i18n/display-texts.js';
import { JITTER_WARN_MS, LOSS_FAIL_PCT, LOSS_WARN_PCT, MOS_FAIL, MOS_GOOD, RTT_FAIL_MS, RTT_WARN_MS } from '../../stats/thresholds.js';

export interface SeriesDef {
  key: string;
  label: string;
  unit: string;
  digits: number;
  /** The bars the series is judged against, drawn as dashed lines. */
  lines?: readonly { value: number; label: string }[];
}

/** Threshold lines from the defaults the checks judge by (src/stats/thresholds.ts, each with its source). */
export const MEDIA_SERIES: readonly SeriesDef[] = [
  { key: 'rttMs', label: 'Round trip', unit: 'ms', digits: 0, lines: [{ value: RTT_WARN_MS, label: 'warning' }, { value: RTT_FAIL_MS, label: 'fail' }] },
  { key: 'jitterMs', label: 'Jitter', unit: 'ms', digits: 1, lines: [{ value: JITTER_WARN_MS, label: 'warning' }] },
  { key: 'lossPct', label: 'Loss', unit: '%', digits: 1, lines: [{ value: LOSS_WARN_PCT, label: 'warning' }, { value: LOSS_FAIL_PCT, label: 'fail' }] },
];
export const CALL_SERIES: readonly SeriesDef[] = [
  ...MEDIA_SERIES,
  { key: 'mos', label: 'Call quality (MOS)', unit: '', digits: 2, lines: [{ value: MOS_GOOD, label: 'good' }, { value: MOS_FAIL, label: 'fail' }] },
];

const W = 260;
const H = 120;
/** Plot area inside the SVG: room on the left for the value axis, below for the time axis. */
const L = 40;
const R = 8;
const T = 8;
const B = 22;
/** Charts draw at most this many points (samples are bounded in the report, but a pasted one may not be). */
const MAX_POINTS = 600;
/** A threshold far above the data is still drawn when within this factor of the data's maximum. */
const LINE_REACH = 3;

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
      <figcaption>${msg(str`${title} over ${fmt(span / 1000, 's', 1)} (${samples.length} samples)`)}</figcaption>
      <div class="chart-row">
        ${present.map((d) => {
          const pts = samples
            .map((s) => ({ t: num(s.tMs)!, v: num(s[d.key]) }))
            .filter((p): p is { t: number; v: number } => p.v !== null);
          const vals = pts.map((p) => p.v);
          const min = Math.min(...vals);
          const max = Math.max(...vals);
          const lines = (d.lines ?? []).filter((l) => l.value <= Math.max(max, 1e-9) * LINE_REACH || l === d.lines?.[0]);
          const lo = Math.min(0, min);
          const hi = Math.max(max, ...lines.map((l) => l.value)) * 1.08 || 1;
          const range = hi - lo || 1;
          const x = (t: number): number => L + ((t - t0) / span) * (W - L - R);
          const y = (v: number): number => H - B - ((v - lo) / range) * (H - B - T);
          const points = pts.map((p) => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
          const unit = d.unit ? ` (${d.unit})` : '';
          const bars = lines.map((l) => msg(str`${tr(l.label)} at ${fmt(l.value, d.unit, d.digits)}`)).join(', ');
          const label = msg(str`${tr(d.label)} over ${fmt(span / 1000, 's', 1)}: from ${fmt(min, d.unit, d.digits)} to ${fmt(max, d.unit, d.digits)}, last ${fmt(vals[vals.length - 1], d.unit, d.digits)}`) + (bars ? `; ${bars}.` : '.');
          return html`<div class="chart">
            <div class="chart-title" aria-hidden="true">${tr(d.label)}${unit} <span class="muted">(${msg(str`max ${fmt(max, d.unit, d.digits)}`)})</span></div>
            <svg viewBox="0 0 ${W} ${H}" width=${W} height=${H} role="img" aria-label=${label}>
              ${svg`<line class="axis" x1=${L} y1=${T} x2=${L} y2=${H - B}></line>
              <line class="axis" x1=${L} y1=${H - B} x2=${W - R} y2=${H - B}></line>
              <text class="tick" x=${L - 4} y=${y(lo) + 3} text-anchor="end">${fmt(lo, '', d.digits)}</text>
              <text class="tick" x=${L - 4} y=${y(max) + 3} text-anchor="end">${fmt(max, '', d.digits)}</text>
              <text class="tick" x=${L} y=${H - 6} text-anchor="start">0 s</text>
              <text class="tick" x=${W - R} y=${H - 6} text-anchor="end">${fmt(span / 1000, 's', 0)}</text>
              ${lines.map(
                (l) => svg`<line class="threshold ${l.label}" x1=${L} y1=${y(l.value)} x2=${W - R} y2=${y(l.value)}></line>
                <text class="tick threshold-label" x=${W - R - 2} y=${y(l.value) - 3} text-anchor="end">${tr(l.label)} ${fmt(l.value, d.unit, d.digits)}</text>`,
              )}
              <polyline class="line" points=${points}></polyline>`}
            </svg>
          </div>`;
        })}
      </div>
      <details>
        <summary>${msg(str`${title}: samples as a table`)}</summary>
        <table part="table">
          <caption class="visually-hidden">${msg(str`${title} samples`)}</caption>
          <thead>
            <tr>
              <th scope="col">${msg('Time (s)')}</th>
              ${present.map((d) => html`<th scope="col">${tr(d.label)}${d.unit ? ` (${d.unit})` : ''}</th>`)}
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
