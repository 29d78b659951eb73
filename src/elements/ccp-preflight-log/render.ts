/** The parts of a rendered CCP log: problems first, then calls, the timeline, and what the log is. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Remedy, Verdict } from '../../report/schema.js';
import type { CcpLog, CcpLogCall, DirectionFigures, Problem } from '../../ccplog/types.js';
import { JITTER_WARN_MS, LOSS_FAIL_PCT, LOSS_WARN_PCT, MOS_FAIL, MOS_GOOD, RTT_FAIL_MS, RTT_WARN_MS } from '../../stats/thresholds.js';
import { callSummary, count, directionTitle, duration as dur, figure, jitterReason, problemDetail, problemTitle, remedyLine, timelineEvents, when } from '../../i18n/ccplog-texts.js';
import { sourceLinks } from '../ccp-preflight-report/source-links.js';
import { chart, type ChartDef } from './chart.js';

const ICON: Record<Verdict, string> = { pass: '✓', warn: '!', fail: '✕', skip: '–' };
/** In the active language (read when a badge is drawn). */
const word = (v: Verdict): string => (v === 'pass' ? msg('Good') : v === 'warn' ? msg('Warning') : v === 'fail' ? msg('Problem') : msg('No figures'));

export function badge(v: Verdict, text = word(v)): TemplateResult {
  return html`<span class="badge ${v}" part="verdict"><span class="icon" aria-hidden="true">${ICON[v]}</span>${text}</span>`;
}

const f = figure;

function remedies(rs: readonly Remedy[]): TemplateResult | typeof nothing {
  if (!rs.length) return nothing;
  return html`<details class="remedies"><summary>${msg('What to do')}</summary><ol>
    ${rs.map((r) => html`<li>${remedyLine(r)} ${sourceLinks(r.source)}</li>`)}
  </ol></details>`;
}

export function renderProblems(log: CcpLog): TemplateResult {
  if (!log.problems.length) return html`<p>${badge('pass')} ${msg('No problems found in this log.')}</p>`;
  return html`<h3 id="problems-h">${msg(str`Problems (${count(log.problems.length)})`)}</h3>
    <ul class="problems" aria-labelledby="problems-h">
      ${log.problems.map((p: Problem) => html`<li class="check ${p.severity}">
        ${badge(p.severity)} <strong>${problemTitle(p)}</strong> <span class="muted">${p.at ? when(p.at) : ''}</span>
        <p>${problemDetail(p)}</p>
        ${remedies(p.remedies)}
      </li>`)}
    </ul>`;
}

function charts(d: DirectionFigures, jitter: boolean): TemplateResult {
  const defs: ChartDef[] = [
    { key: 'rttMs', label: msg('Round trip'), unit: 'ms', digits: 0, lines: [{ value: RTT_WARN_MS, kind: 'warn' }, { value: RTT_FAIL_MS, kind: 'fail' }] },
    ...(jitter ? [{ key: 'jitterMs', label: msg('Jitter'), unit: 'ms', digits: 1, lines: [{ value: JITTER_WARN_MS, kind: 'warn' }] } as ChartDef] : []),
    { key: 'lossPct', label: msg('Loss'), unit: '%', digits: 1, lines: [{ value: LOSS_WARN_PCT, kind: 'warn' }, { value: LOSS_FAIL_PCT, kind: 'fail' }] },
    { key: 'mos', label: msg('MOS'), unit: '', digits: 2, lines: [{ value: MOS_GOOD, kind: 'warn' }, { value: MOS_FAIL, kind: 'fail' }] },
  ];
  return html`<div class="chart-row">${defs.map((d2) => chart(d2, d.series))}</div>`;
}

function direction(title: string, d: DirectionFigures | null): TemplateResult {
  if (!d) return html`<div class="direction"><h5>${title}</h5><p class="muted">${msg('No figures for this direction.')}</p></div>`;
  return html`<div class="direction">
    <h5>${badge(d.verdict)} ${title}</h5>
    <dl class="figures">
      <div><dt>${msg('Round trip')}</dt><dd>${msg(str`${f(d.rttMs.avg, 'ms', 0)} (95 % under ${f(d.rttMs.p95, 'ms', 0)})`)}</dd></div>
      ${d.jitterMs
        ? html`<div><dt>${msg('Jitter')}</dt><dd>${msg(str`${f(d.jitterMs.avg, 'ms', 1)} (95 % under ${f(d.jitterMs.p95, 'ms', 1)})`)}</dd></div>`
        : d.jitterBufferMs
          ? html`<div><dt>${msg('Jitter buffer delay')}</dt><dd>${msg(str`${f(d.jitterBufferMs.avg, 'ms', 0)} (up to ${f(d.jitterBufferMs.max, 'ms', 0)})`)}</dd></div>`
          : nothing}
      <div><dt>${msg('Packet loss')}</dt><dd>${msg(str`${f(d.lossPct, '%', 1)} (${count(d.lost)} of ${count(d.packets + (d.stream === 'audio_output' ? d.lost : 0))} packets)`)}</dd></div>
      <div><dt>${msg('Estimated MOS')}</dt><dd>${msg(str`${f(d.mos.avg, '', 2)} (lowest second ${f(d.mos.min, '', 2)})`)}</dd></div>
      ${d.silentSeconds ? html`<div><dt>${msg('Seconds without audio packets')}</dt><dd>${msg(str`${count(d.silentSeconds)} of ${count(d.seconds)}`)}</dd></div>` : nothing}
    </dl>
    ${charts(d, !!d.jitterMs)}
  </div>`;
}

export function renderCall(c: CcpLogCall, i: number): TemplateResult {
  return html`<article class="check ${c.verdict}" aria-labelledby=${`call-${i}`}>
    <h4 id=${`call-${i}`}>${badge(c.verdict)} ${c.contactId ? msg(str`Call ${c.contactId}`) : html`${msg('Call')} <span class="muted">${msg('(contact id not in the log)')}</span>`}</h4>
    <p class="meta">${c.reported ? msg(str`Started ${when(c.startedAt)}, ${dur(c.durationMs)}`) : msg(str`Started ${when(c.startedAt)}, ${dur(c.durationMs)} (the call had not ended when the log was saved, or its end was not logged)`)}</p>
    <p>${callSummary(c)}</p>
    <div class="directions">
      ${direction(directionTitle('audio_output'), c.agentHears)}
      ${direction(directionTitle('audio_input'), c.callerHears)}
    </div>
    ${c.errors.length ? html`<p>${msg(str`Softphone errors during the call: ${c.errors.map((e) => e.type).join(', ')}`)}</p>` : nothing}
  </article>`;
}

export function renderTimeline(log: CcpLog): TemplateResult | typeof nothing {
  const ev = timelineEvents(log);
  if (!ev.length) return nothing;
  const shown = ev.slice(0, 300);
  return html`<details class="for-it" ?open=${ev.length <= 30}>
    <summary><h3>${msg(str`Timeline (${count(ev.length)} events)`)}</h3></summary>
    <table class="timeline">
      <thead><tr><th scope="col">${msg('When')}</th><th scope="col">${msg('What')}</th></tr></thead>
      <tbody>${shown.map((e) => html`<tr><td>${when(e.at)}</td><td>${e.verdict !== 'skip' ? badge(e.verdict) : nothing} ${e.what}</td></tr>`)}</tbody>
    </table>
    ${ev.length > shown.length ? html`<p class="muted">${msg(str`The first ${count(shown.length)} of ${count(ev.length)} events are shown.`)}</p>` : nothing}
  </details>`;
}

export function renderAbout(log: CcpLog): TemplateResult {
  const v = log.versions;
  const notInLog = msg('not in the log');
  const g107 = html`<a href="https://www.itu.int/rec/T-REC-G.107" rel="noopener" target="_blank">Recommendation G.107</a>`;
  const streamsDoc = html`<a href="https://github.com/amazon-connect/amazon-connect-streams/blob/master/Documentation.md" rel="noopener" target="_blank">Amazon Connect Streams documentation</a>`;
  return html`<details class="for-it">
    <summary><h3>${msg('About this log')}</h3></summary>
    <dl class="figures">
      <div><dt>${msg('Covers')}</dt><dd>${msg(str`${when(log.from)} to ${when(log.to)}`)}</dd></div>
      <div><dt>${msg('Entries')}</dt><dd>${log.duplicatesRemoved ? msg(str`${count(log.entries)} (${count(log.duplicatesRemoved)} logged twice, by the CCP and by the page, counted once)`) : count(log.entries)}</dd></div>
      <div><dt>${msg('Streams version')}</dt><dd>${v.streams ?? notInLog}</dd></div>
      <div><dt>${msg('rtc-js version')}</dt><dd>${v.rtcJs ?? notInLog}</dd></div>
      <div><dt>${msg('Clock skew')}</dt><dd>${log.skew.maxAbsMs === null ? notInLog : msg(str`up to ${dur(log.skew.maxAbsMs)}`)}</dd></div>
      <div><dt>${msg('Websocket heartbeats answered')}</dt><dd>${count(log.websocket.heartbeats)}</dd></div>
      <div><dt>${msg('CCP requests')}</dt><dd>${count(log.api.calls)}</dd></div>
    </dl>
    <p><strong>jitterBufferMillis:</strong> ${jitterReason(v)}</p>
    <p class="muted">
      ${msg(str`MOS is estimated with the E-model (ITU-T G.107), as for the pre-flight test call. Thresholds: round trip above ${f(RTT_WARN_MS, '', 0)} / ${f(RTT_FAIL_MS, 'ms', 0)}, loss above ${f(LOSS_WARN_PCT, '', 0)} / ${f(LOSS_FAIL_PCT, '%', 0)}, jitter above ${f(JITTER_WARN_MS, 'ms', 0)}, MOS below ${f(MOS_GOOD, '', 1)} / ${f(MOS_FAIL, '', 1)}.`)}
      ${msg('The log is the one the CCP saves with "Download logs", written by the Streams library\'s logger (connect.getLog().download()).')}
      <span class="source">${g107}; ${streamsDoc}</span>
    </p>
  </details>`;
}
