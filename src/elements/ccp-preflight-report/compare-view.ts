/** The compare view: metric deltas and verdict changes between a baseline and the current report, in words. */
import { html, type TemplateResult } from 'lit';
import { compareReports, formatValue, METRICS, type Direction, type ReportComparison } from '../../report/compare.js';
import type { Report } from '../../report/schema.js';
import { fmtDate, VERDICT_WORDS } from './format.js';
import { units } from './for-it.js';

const ARROWS: Record<Direction, string> = { worse: '▼', better: '▲', same: '=', unknown: '?' };

export function safeCompare(baseline: Report, current: Report): ReportComparison | null {
  try {
    return compareReports(baseline, current);
  } catch {
    return null;
  }
}

export function renderCompare(baseline: Report, current: Report, cmp: ReportComparison): TemplateResult {
  const digits = new Map(METRICS.map((m) => [m.key, m.digits]));
  const changed = cmp.checks.filter((c) => c.direction !== 'same');
  return html`<section class="compare" part="compare" aria-labelledby="compare-h">
    <h3 id="compare-h" tabindex="-1">Compared with the baseline</h3>
    <p>
      Baseline from ${fmtDate(baseline.createdAt)}, current from ${fmtDate(current.createdAt)}.
      Overall: <span class="delta ${cmp.overall.direction}" part="delta">${VERDICT_WORDS[cmp.overall.baseline] ?? cmp.overall.baseline} → ${VERDICT_WORDS[cmp.overall.current] ?? cmp.overall.current} (${cmp.overall.direction === 'same' ? 'unchanged' : cmp.overall.direction})</span>.
      ${cmp.worse} ${cmp.worse === 1 ? 'change' : 'changes'} for the worse, ${cmp.better} for the better.
    </p>
    <table part="table">
      <caption>Measurements</caption>
      <thead>
        <tr><th scope="col">Measurement</th><th scope="col">Baseline</th><th scope="col">Current</th><th scope="col">Change</th></tr>
      </thead>
      <tbody>
        ${cmp.metrics.map(
          (m) => html`<tr class=${m.direction}>
            <th scope="row">${m.label}</th>
            <td data-label="Baseline">${units(formatValue(m.baseline, m.unit, digits.get(m.key) ?? 1))}</td>
            <td data-label="Current">${units(formatValue(m.current, m.unit, digits.get(m.key) ?? 1))}</td>
            <td data-label="Change"><span class="delta ${m.direction}" part="delta"><span aria-hidden="true">${ARROWS[m.direction]} </span>${units(m.phrase)}</span></td>
          </tr>`,
        )}
      </tbody>
    </table>
    <table part="table">
      <caption>Check verdicts${changed.length ? '' : ': none changed'}</caption>
      <thead>
        <tr><th scope="col">Check</th><th scope="col">Baseline</th><th scope="col">Current</th><th scope="col">Change</th></tr>
      </thead>
      <tbody>
        ${cmp.checks.map(
          (c) => html`<tr class=${c.direction}>
            <th scope="row">${c.title}</th>
            <td data-label="Baseline">${c.baseline ? VERDICT_WORDS[c.baseline] : '—'}</td>
            <td data-label="Current">${c.current ? VERDICT_WORDS[c.current] : '—'}</td>
            <td data-label="Change"><span class="delta ${c.direction}" part="delta"><span aria-hidden="true">${ARROWS[c.direction]} </span>${units(c.phrase)}</span></td>
          </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}
