/**
 * A pre-flight report and the same agent's CCP log on one timeline: the test call's figures beside the real
 * calls' (what the agent hears, what the caller hears), in time order, with a lane that places each.
 */
import { html, svg, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { findingText } from '../../i18n/report-texts.js';
import { count, directionPhrase, figure, list, verdictWord, when } from '../../i18n/ccplog-texts.js';
import type { Report, Verdict } from '../../report/schema.js';
import type { CcpLog, CcpLogCall } from '../../ccplog/types.js';
import { badge } from './render.js';

interface Row {
  t: number;
  endT: number;
  verdict: Verdict;
  what: string;
  rttMs: number | null;
  jitterMs: number | null;
  lossPct: number | null;
  mos: number | null;
  note: string;
}

const n = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const f = (v: number | null, d: number, unit = ''): string => figure(v, unit, d);

/** The test call's figures, from the report's media check. */
function testRow(report: Report): Row | null {
  const t = Date.parse(report.createdAt);
  if (!Number.isFinite(t)) return null;
  const media = report.checks.find((c) => c.id === 'media');
  const d = (media?.data ?? {}) as unknown as Record<string, unknown>;
  const dur = n(media?.durationMs) ?? 0;
  return {
    t: t - dur,
    endT: t,
    verdict: report.verdict,
    what: msg('Pre-flight test call'),
    rttMs: n(d.rttMs),
    jitterMs: n(d.jitterMs),
    lossPct: n(d.lossPct),
    mos: n(d.mos),
    note: media ? findingText(media as unknown as Record<string, unknown>) : msg('The report has no test call.'),
  };
}

function callRows(c: CcpLogCall): Row[] {
  const t = c.startedAt ? Date.parse(c.startedAt) : NaN;
  if (!Number.isFinite(t)) return [];
  const endT = t + (c.durationMs ?? 0);
  const id = c.contactId;
  return [c.agentHears, c.callerHears]
    .filter((d) => d !== null)
    .map((d) => ({
      t,
      endT,
      verdict: d.verdict,
      what: id ? msg(str`Call ${id}: ${directionPhrase(d.stream)}`) : msg(str`A call (contact id not in the log): ${directionPhrase(d.stream)}`),
      rttMs: d.rttMs.avg,
      jitterMs: d.jitterMs?.avg ?? null,
      lossPct: d.lossPct,
      mos: d.mos.avg,
      note: msg(str`${figure(d.seconds, 's', 0)} measured`),
    }));
}

export function renderJoined(report: Report | undefined, log: CcpLog | undefined): TemplateResult | typeof nothing {
  if (!report || !log?.ok) return nothing;
  const test = testRow(report);
  const rows = [...(test ? [test] : []), ...log.calls.flatMap(callRows)].sort((a, b) => a.t - b.t);
  if (!rows.length) return nothing;
  const t0 = Math.min(...rows.map((r) => r.t));
  const t1 = Math.max(...rows.map((r) => r.endT));
  const span = Math.max(1, t1 - t0);
  const pct = (t: number): number => (100 * (t - t0)) / span;
  const gapH = test && log.from && log.to ? Math.min(Math.abs(test.endT - Date.parse(log.from)), Math.abs(test.endT - Date.parse(log.to))) / 3_600_000 : 0;
  return html`<section aria-labelledby="joined-h">
    <h3 id="joined-h">${msg('The pre-flight test beside the real calls')}</h3>
    <p class="muted">
      ${msg("The test measured the path to the media relay with a test call; the real calls are the softphone's own figures from the CCP log.")} ${gapH > 1
        ? html`<strong>${msg(str`The test and the log are ${count(Math.round(gapH))} hours apart: conditions may have changed in between.`)}</strong>`
        : nothing}
    </p>
    <svg class="lane" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label=${msg(str`Timeline from ${when(new Date(t0).toISOString())} to ${when(new Date(t1).toISOString())}: ${list(rows.map((r) => `${r.what} (${verdictWord(r.verdict)})`))}.`)}>
      ${rows.map((r) => svg`<rect class="mark ${r.verdict}" x=${pct(r.t).toFixed(2)} y="2" height="6" width=${Math.max(0.6, pct(r.endT) - pct(r.t)).toFixed(2)} rx="0.6"><title>${r.what}</title></rect>`)}
    </svg>
    <table class="timeline">
      <thead><tr><th scope="col">${msg('When')}</th><th scope="col">${msg('What')}</th><th scope="col">${msg('Verdict')}</th><th scope="col">${msg('RTT')}</th><th scope="col">${msg('Jitter')}</th><th scope="col">${msg('Loss')}</th><th scope="col">${msg('MOS')}</th></tr></thead>
      <tbody>
        ${rows.map(
          (r) => html`<tr>
            <td>${when(new Date(r.t).toISOString())}</td>
            <td>${r.what}<span class="source">${r.note}</span></td>
            <td>${badge(r.verdict)}</td>
            <td>${f(r.rttMs, 0, 'ms')}</td>
            <td>${f(r.jitterMs, 1, 'ms')}</td>
            <td>${f(r.lossPct, 1, '%')}</td>
            <td>${f(r.mos, 2)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}
