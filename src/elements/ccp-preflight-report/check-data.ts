/**
 * Each check's data as HTML: generic over the display metadata that lives with the Report's definition
 * (src/report/definition/display.ts, read through checkRows). Adding a field to a check's data is shown here
 * without editing this file. Every value is a text binding (Lit escapes it).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { checkRows, type Figure, type Table } from '../../report/definition/rows.js';
import { renderCharts, MEDIA_SERIES } from './chart.js';

export { checkRows, type CheckRows, type Figure, type Table } from '../../report/definition/rows.js';

type Row = Figure;

export function figures(rows: readonly (Row | null | false)[]): TemplateResult | typeof nothing {
  const shown = rows.filter((r): r is Row => !!r && r[1] !== '');
  if (!shown.length) return nothing;
  return html`<dl class="figures">
    ${shown.map(([k, v]) => html`<div class="figure"><dt>${k}</dt><dd>${v}</dd></div>`)}
  </dl>`;
}

function table(t: Table): TemplateResult | typeof nothing {
  if (!t.rows.length) return nothing;
  return html`<table part="table">
    <caption>${t.caption}</caption>
    <thead>
      <tr>${t.head.map((h) => html`<th scope="col">${h}</th>`)}</tr>
    </thead>
    <tbody>
      ${t.rows.map((r) => html`<tr><th scope="row">${r[0]}</th>${r.slice(1).map((c, i) => html`<td data-label=${t.head[i + 1] ?? ''}>${c}</td>`)}</tr>`)}
    </tbody>
  </table>`;
}

export function renderCheckData(id: string, dataIn: unknown): TemplateResult | typeof nothing {
  const rows = checkRows(id, dataIn);
  const data = dataIn !== null && typeof dataIn === 'object' ? (dataIn as Record<string, unknown>) : {};
  if (!rows.figures.length && !rows.tables.length && !rows.charts.length) return nothing;
  return html`${figures(rows.figures)}${rows.tables.map(table)}${rows.charts.map((c) => renderCharts(c.label, data[c.key], MEDIA_SERIES))}`;
}
