/**
 * The compare view: metric deltas and verdict changes between a baseline and the current report, in words. The
 * comparison is made at each render, so its labels and phrases (report/compare.ts) follow the active language.
 */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { checkTitle } from '../../i18n/check-titles.js';
import { needTexts } from '../../i18n/runtime.js';
import { texts as supervisorTexts } from '../../generated/parts/supervisor.js';
import { compareReports, formatValue, METRICS, type Direction, type ReportComparison } from '../../report/compare.js';
import type { Report } from '../../report/schema.js';
import { fmtDate, VERDICT_WORDS } from './format.js';
import { units } from './for-it.js';

void needTexts(supervisorTexts); // the compare view's texts: not the widget's (it loads when a report is compared)

const ARROWS: Record<Direction, string> = { worse: '▼', better: '▲', same: '=', unknown: '?' };

export function safeCompare(baseline: Report, current: Report): ReportComparison | null {
  try {
    return compareReports(baseline, current);
  } catch {
    return null;
  }
}

/** "Pass → Fail (worse)": the overall verdicts and the direction, punctuated the language's way. */
function overallChange(cmp: ReportComparison): string {
  const from = VERDICT_WORDS[cmp.overall.baseline] ?? cmp.overall.baseline;
  const to = VERDICT_WORDS[cmp.overall.current] ?? cmp.overall.current;
  const d = cmp.overall.direction;
  const word = d === 'same' ? msg('unchanged') : d === 'worse' ? msg('worse') : d === 'better' ? msg('better') : msg('unknown');
  return msg(str`${from} → ${to} (${word})`);
}

export function renderCompare(baseline: Report, current: Report, cmp: ReportComparison): TemplateResult {
  const digits = new Map(METRICS.map((m) => [m.key, m.digits]));
  const changed = cmp.checks.filter((c) => c.direction !== 'same');
  return html`<section class="compare" part="compare" aria-labelledby="compare-h">
    <h3 id="compare-h" tabindex="-1">${msg('Compared with the baseline')}</h3>
    <p>
      ${msg(str`Baseline from ${fmtDate(baseline.createdAt)}, current from ${fmtDate(current.createdAt)}.`)}<br />
      ${msg('Overall:')} <span class="delta ${cmp.overall.direction}" part="delta">${overallChange(cmp)}</span><br />
      ${msg(str`Changes for the worse: ${cmp.worse}; for the better: ${cmp.better}.`)}
    </p>
    <table part="table">
      <caption>${msg('Measurements')}</caption>
      <thead>
        <tr><th scope="col">${msg('Measurement')}</th><th scope="col">${msg('Baseline')}</th><th scope="col">${msg('Current')}</th><th scope="col">${msg('Change')}</th></tr>
      </thead>
      <tbody>
        ${cmp.metrics.map(
          (m) => html`<tr class=${m.direction}>
            <th scope="row">${m.label}</th>
            <td data-label=${msg('Baseline')}>${units(formatValue(m.baseline, m.unit, digits.get(m.key) ?? 1))}</td>
            <td data-label=${msg('Current')}>${units(formatValue(m.current, m.unit, digits.get(m.key) ?? 1))}</td>
            <td data-label=${msg('Change')}><span class="delta ${m.direction}" part="delta"><span aria-hidden="true">${ARROWS[m.direction]} </span>${units(m.phrase)}</span></td>
          </tr>`,
        )}
      </tbody>
    </table>
    <table part="table">
      <caption>${changed.length ? msg('Check verdicts') : msg('Check verdicts: none changed')}</caption>
      <thead>
        <tr><th scope="col">${msg('Check')}</th><th scope="col">${msg('Baseline')}</th><th scope="col">${msg('Current')}</th><th scope="col">${msg('Change')}</th></tr>
      </thead>
      <tbody>
        ${cmp.checks.map(
          (c) => html`<tr class=${c.direction}>
            <th scope="row">${checkTitle({ id: c.id, title: c.title })}</th>
            <td data-label=${msg('Baseline')}>${c.baseline ? VERDICT_WORDS[c.baseline] : '—'}</td>
            <td data-label=${msg('Current')}>${c.current ? VERDICT_WORDS[c.current] : '—'}</td>
            <td data-label=${msg('Change')}><span class="delta ${c.direction}" part="delta"><span aria-hidden="true">${ARROWS[c.direction]} </span>${units(c.phrase)}</span></td>
          </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}
