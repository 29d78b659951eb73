/** The parts of a rendered CCP log: problems first, then calls, the timeline, and what the log is. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Remedy, Verdict } from '../../report/schema.js';
import type { CcpLog, CcpLogCall, DirectionFigures, Problem } from '../../ccplog/types.js';
import { JITTER_WARN_MS, LOSS_FAIL_PCT, LOSS_WARN_PCT, MOS_FAIL, MOS_GOOD, RTT_FAIL_MS, RTT_WARN_MS } from '../../stats/thresholds.js';
import { chart, type ChartDef } from './chart.js';

const ICON: Record<Verdict, string> = { pass: '✓', warn: '!', fail: '✕', skip: '–' };
const WORD: Record<Verdict, string> = { pass: 'Good', warn: 'Warning', fail: 'Problem', skip: 'No figures' };

export function badge(v: Verdict, word = WORD[v]): TemplateResult {
  return html`<span class="badge ${v}" part="verdict"><span class="icon" aria-hidden="true">${ICON[v]}</span>${word}</span>`;
}

const f = (v: number | null | undefined, d: number, unit = ''): string => (typeof v === 'number' && Number.isFinite(v) ? `${v.toFixed(d)}${unit}` : '–');
const when = (iso: string | null): string => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : 'unknown time');
const dur = (ms: number | null): string => (ms === null ? 'unknown length' : ms >= 60_000 ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s` : `${Math.round(ms / 1000)} s`);

function remedies(rs: readonly Remedy[]): TemplateResult | typeof nothing {
  if (!rs.length) return nothing;
  return html`<details class="remedies"><summary>What to do</summary><ol>
    ${rs.map((r) => html`<li>${r.text}<span class="source">Source: ${r.source}</span></li>`)}
  </ol></details>`;
}

export function renderProblems(log: CcpLog): TemplateResult {
  if (!log.problems.length) return html`<p>${badge('pass')} No problems found in this log.</p>`;
  return html`<h3 id="problems-h">Problems (${log.problems.length})</h3>
    <ul class="problems" aria-labelledby="problems-h">
      ${log.problems.map((p: Problem) => html`<li class="check ${p.severity}">
        ${badge(p.severity)} <strong>${p.title}</strong> <span class="muted">${p.at ? when(p.at) : ''}</span>
        <p>${p.detail}</p>
        ${remedies(p.remedies)}
      </li>`)}
    </ul>`;
}

function charts(d: DirectionFigures, jitter: boolean): TemplateResult {
  const defs: ChartDef[] = [
    { key: 'rttMs', label: 'Round trip', unit: 'ms', digits: 0, lines: [{ value: RTT_WARN_MS, kind: 'warn' }, { value: RTT_FAIL_MS, kind: 'fail' }] },
    ...(jitter ? [{ key: 'jitterMs', label: 'Jitter', unit: 'ms', digits: 1, lines: [{ value: JITTER_WARN_MS, kind: 'warn' }] } as ChartDef] : []),
    { key: 'lossPct', label: 'Loss', unit: '%', digits: 1, lines: [{ value: LOSS_WARN_PCT, kind: 'warn' }, { value: LOSS_FAIL_PCT, kind: 'fail' }] },
    { key: 'mos', label: 'MOS', unit: '', digits: 2, lines: [{ value: MOS_GOOD, kind: 'warn' }, { value: MOS_FAIL, kind: 'fail' }] },
  ];
  return html`<div class="chart-row">${defs.map((d2) => chart(d2, d.series))}</div>`;
}

function direction(title: string, d: DirectionFigures | null): TemplateResult {
  if (!d) return html`<div class="direction"><h5>${title}</h5><p class="muted">No figures for this direction.</p></div>`;
  return html`<div class="direction">
    <h5>${badge(d.verdict)} ${title}</h5>
    <dl class="figures">
      <div><dt>Round trip</dt><dd>${f(d.rttMs.avg, 0, ' ms')} (95 % under ${f(d.rttMs.p95, 0, ' ms')})</dd></div>
      ${d.jitterMs
        ? html`<div><dt>Jitter</dt><dd>${f(d.jitterMs.avg, 1, ' ms')} (95 % under ${f(d.jitterMs.p95, 1, ' ms')})</dd></div>`
        : d.jitterBufferMs
          ? html`<div><dt>Jitter buffer delay</dt><dd>${f(d.jitterBufferMs.avg, 0, ' ms')} (up to ${f(d.jitterBufferMs.max, 0, ' ms')})</dd></div>`
          : nothing}
      <div><dt>Packet loss</dt><dd>${f(d.lossPct, 1, ' %')} (${d.lost} of ${d.packets + (d.stream === 'audio_output' ? d.lost : 0)} packets)</dd></div>
      <div><dt>Estimated MOS</dt><dd>${f(d.mos.avg, 2)} (lowest second ${f(d.mos.min, 2)})</dd></div>
      ${d.silentSeconds ? html`<div><dt>Seconds without audio packets</dt><dd>${d.silentSeconds} of ${d.seconds}</dd></div>` : nothing}
    </dl>
    ${charts(d, !!d.jitterMs)}
  </div>`;
}

export function renderCall(c: CcpLogCall, i: number): TemplateResult {
  return html`<article class="check ${c.verdict}" aria-labelledby=${`call-${i}`}>
    <h4 id=${`call-${i}`}>${badge(c.verdict)} Call ${c.contactId ?? html`<span class="muted">(contact id not in the log)</span>`}</h4>
    <p class="meta">Started ${when(c.startedAt)}, ${dur(c.durationMs)}${c.reported ? '' : ' (the call had not ended when the log was saved, or its end was not logged)'}</p>
    <p>${c.summary}</p>
    <div class="directions">
      ${direction('What the agent hears', c.agentHears)}
      ${direction('What the caller hears', c.callerHears)}
    </div>
    ${c.errors.length ? html`<p>Softphone errors during the call: ${c.errors.map((e) => e.type).join(', ')}</p>` : nothing}
  </article>`;
}

interface Event {
  at: string;
  what: string;
  verdict: Verdict;
}

export function renderTimeline(log: CcpLog): TemplateResult | typeof nothing {
  const ev: Event[] = [
    ...log.states.map((s) => ({ at: s.at, what: `Agent state: ${s.name}`, verdict: (/missed/i.test(s.name) ? 'warn' : 'skip') as Verdict })),
    ...log.calls.filter((c) => c.startedAt).map((c) => ({ at: c.startedAt!, what: `Call ${c.contactId ?? ''} started (${dur(c.durationMs)})`, verdict: c.verdict })),
    ...log.softphoneErrors.filter((e) => e.at).map((e) => ({ at: e.at!, what: `Softphone error ${e.type}${e.message ? `: ${e.message}` : ''}`, verdict: 'fail' as Verdict })),
    ...log.mediaFailures.filter((e) => e.at).map((e) => ({ at: e.at!, what: `${e.kind === 'ice' ? 'ICE' : e.kind === 'signaling' ? 'Signaling' : 'Call'} failure: ${e.text}`, verdict: 'fail' as Verdict })),
    ...log.websocket.gaps.map((g) => ({ at: g.from, what: `No websocket heartbeat answer for ${Math.round(g.gapMs / 1000)} s`, verdict: 'warn' as Verdict })),
    ...log.websocket.lost.filter((w) => w.at).map((w) => ({ at: w.at!, what: `Websocket: ${w.text}`, verdict: 'fail' as Verdict })),
    ...log.api.failures.filter((a) => a.at).map((a) => ({ at: a.at!, what: `Request ${a.operation} failed${a.error ? `: ${a.error}` : ''}`, verdict: 'warn' as Verdict })),
    ...log.api.slow.filter((a) => a.at).map((a) => ({ at: a.at!, what: `Request ${a.operation} took ${f((a.latencyMs ?? 0) / 1000, 1, ' s')}`, verdict: 'warn' as Verdict })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  if (!ev.length) return nothing;
  const shown = ev.slice(0, 300);
  return html`<details class="for-it" ?open=${ev.length <= 30}>
    <summary><h3>Timeline (${ev.length} events)</h3></summary>
    <table class="timeline">
      <thead><tr><th scope="col">When</th><th scope="col">What</th></tr></thead>
      <tbody>${shown.map((e) => html`<tr><td>${when(e.at)}</td><td>${e.verdict !== 'skip' ? badge(e.verdict) : nothing} ${e.what}</td></tr>`)}</tbody>
    </table>
    ${ev.length > shown.length ? html`<p class="muted">The first ${shown.length} of ${ev.length} events are shown.</p>` : nothing}
  </details>`;
}

export function renderAbout(log: CcpLog): TemplateResult {
  const v = log.versions;
  return html`<details class="for-it">
    <summary><h3>About this log</h3></summary>
    <dl class="figures">
      <div><dt>Covers</dt><dd>${when(log.from)} to ${when(log.to)}</dd></div>
      <div><dt>Entries</dt><dd>${log.entries}${log.duplicatesRemoved ? ` (${log.duplicatesRemoved} logged twice, by the CCP and by the page, counted once)` : ''}</dd></div>
      <div><dt>Streams version</dt><dd>${v.streams ?? 'not in the log'}</dd></div>
      <div><dt>rtc-js version</dt><dd>${v.rtcJs ?? 'not in the log'}</dd></div>
      <div><dt>Clock skew</dt><dd>${log.skew.maxAbsMs === null ? 'not in the log' : `up to ${f(log.skew.maxAbsMs / 1000, 1, ' s')}`}</dd></div>
      <div><dt>Websocket heartbeats answered</dt><dd>${log.websocket.heartbeats}</dd></div>
      <div><dt>CCP requests</dt><dd>${log.api.calls}</dd></div>
    </dl>
    <p><strong>jitterBufferMillis:</strong> ${v.jitterMeaningReason}</p>
    <p class="muted">MOS is estimated with the E-model (ITU-T G.107, <a href="https://www.itu.int/rec/T-REC-G.107" rel="noopener" target="_blank">Recommendation G.107</a>), as for the pre-flight test call. Thresholds: round trip above ${RTT_WARN_MS} / ${RTT_FAIL_MS} ms, loss above ${LOSS_WARN_PCT} / ${LOSS_FAIL_PCT} %, jitter above ${JITTER_WARN_MS} ms, MOS below ${MOS_GOOD} / ${MOS_FAIL}. The log is the one the CCP saves with "Download logs", written by the Streams library's logger (<a href="https://github.com/amazon-connect/amazon-connect-streams/blob/master/Documentation.md" rel="noopener" target="_blank">Amazon Connect Streams documentation</a>, <code>connect.getLog().download()</code>).</p>
  </details>`;
}
