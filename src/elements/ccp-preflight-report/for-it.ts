/**
 * The "For IT" part of a report: what a network admin needs (every fix with its public source, each check's
 * finding and measurements, live calls, phone switches, where the report comes from). Rendered inside a
 * collapsed <details>; every inner toggle names what it opens.
 */
import { ifDefined } from 'lit/directives/if-defined.js';
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { audienceWord, checkTitle, findingLang, findingText } from '../../i18n/report-texts.js';
import { remedyFixes } from '../../i18n/remedy-texts.js';
import type { Report } from '../../report/schema.js';
import { renderCharts, CALL_SERIES } from './chart.js';
import { renderCheckData, figures } from './check-data.js';
import { arr, fmt, fmtDate, fmtDuration, obj, str as asStr, verdictOf, VERDICT_ICONS, VERDICT_WORDS, type Loose } from './format.js';
import { sourceLinks } from './source-links.js';
import { describesRunner } from './answer.js';

/**
 * Words for people: one unit spelling (older reports wrote "kbps"), a number kept on one line with its unit,
 * and verdicts in words ("worse: pass → warn" reads "worse: Pass → Warning").
 */
export const units = (text: string): string =>
  text
    .replace(/\bkbps\b/g, 'kbit/s')
    .replace(/(\d) (ms|%|GHz|kbit\/s)/g, '$1\u00a0$2')
    .replace(/(^|[\s(:])(pass|warn|fail|skip)(?=$|[\s),→])/g, (_m, pre: string, v: string) => pre + VERDICT_WORDS[v as keyof typeof VERDICT_WORDS]);

const VERDICT_ORDER: Record<string, number> = { fail: 0, warn: 1, pass: 2, skip: 3 };

/** Does a check's data hold any measured number (a skipped check's empty data shows no figures)? */
function hasMeasurements(data: unknown, depth = 0): boolean {
  if (typeof data === 'number') return Number.isFinite(data);
  if (depth > 4 || data === null || typeof data !== 'object') return false;
  return Object.values(data).some((v) => hasMeasurements(v, depth + 1));
}

export function badge(verdict: unknown, word?: string): TemplateResult {
  const v = verdictOf(verdict);
  return html`<span class="badge ${v}" part="verdict"><span class="icon" aria-hidden="true">${VERDICT_ICONS[v]}</span>${word ?? VERDICT_WORDS[v]}</span>`;
}

/** Every remedy of every check, once, the network's first. */
function renderFixes(checks: Loose[]): TemplateResult | typeof nothing {
  const fixes = remedyFixes(checks);
  if (!fixes.length) return nothing;
  return html`<h4>${msg('What to change')}</h4>
    <ol class="fixes" part="remedies">
      ${fixes.map(
        (f) => html`<li>
          ${audienceWord(f.audience) ? html`<span class="who">${audienceWord(f.audience)}:</span> ` : nothing}${f.lang ? html`<span lang=${f.lang}>${f.text}</span>` : f.text} ${sourceLinks(f.source)}
        </li>`,
      )}
    </ol>`;
}

function renderCheck(c: Loose, change: string | undefined): TemplateResult {
  const v = verdictOf(c.verdict);
  const err = obj(c.error);
  const title = checkTitle(c);
  const message = asStr(err.message);
  const informational = describesRunner(c);
  return html`<li class="check ${v}" part="check" data-check=${asStr(c.id)}>
    <div class="check-head">${badge(v, informational ? msg('Not judged') : undefined)} <strong>${title}</strong></div>
    <p class="summary" lang=${ifDefined(findingLang(c))}>${units(findingText(c))}</p>
    ${informational ? html`<p class="muted">${msg("This describes the machine that ran the check, not an agent's computer, so it does not set the answer.")}</p>` : nothing}
    ${message && !asStr(c.summary).includes(message) ? html`<p>${msg(str`Error: ${message}`)}</p>` : nothing}
    ${change ? html`<p>${msg('Compared with the baseline:')} <span class="delta ${/^worse/.test(change) ? 'worse' : /^better/.test(change) ? 'better' : ''}" part="delta">${units(change)}</span></p>` : nothing}
    ${v !== 'skip' || hasMeasurements(c.data)
      ? html`<details class="measurements" part="measurements">
          <summary>${msg(str`Measurements: ${title}`)}</summary>
          ${renderCheckData(asStr(c.id), c.data)}
          <p class="meta">${msg(str`The check took ${fmtDuration(c.durationMs)}.`)}</p>
        </details>`
      : nothing}
  </li>`;
}

function renderCalls(r: Report): TemplateResult | typeof nothing {
  const calls = arr(r.calls).map(obj);
  if (!calls.length) return nothing;
  return html`<h4>${msg('Live calls')}</h4>
    <ul class="checks">
      ${calls.map((c, i) => {
        const v = verdictOf(c.verdict);
        const rtt = obj(c.rttMs);
        const jit = obj(c.jitterMs);
        const loss = obj(c.lossPct);
        const mos = obj(c.mos);
        return html`<li class="check ${v}" part="check">
          <div class="check-head">${badge(v)} <strong>${msg(str`Call ${i + 1}`)}</strong> <span class="muted">${fmtDate(c.startedAt)}, ${fmtDuration(c.durationMs)}</span></div>
          ${figures([
            [msg('Round trip avg / p95 / max'), `${fmt(rtt.avg, 'ms')} / ${fmt(rtt.p95, 'ms')} / ${fmt(rtt.max, 'ms')}`],
            [msg('Jitter avg / p95 / max'), `${fmt(jit.avg, 'ms', 1)} / ${fmt(jit.p95, 'ms', 1)} / ${fmt(jit.max, 'ms', 1)}`],
            [msg('Loss avg / max'), `${fmt(loss.avg, '%', 1)} / ${fmt(loss.max, '%', 1)}`],
            [msg('Call quality (MOS 1-5) avg / min'), `${fmt(mos.avg, '', 2)} / ${fmt(mos.min, '', 2)}`],
            [msg('Measured from'), asStr(c.source) === 'softphone-stats' ? msg("the softphone's own call statistics") : asStr(c.source) === 'peer-connection' ? msg("the call's connection statistics") : ''],
            [msg('Contact'), asStr(c.contactId)],
          ])}
          ${renderCharts(msg(str`Call ${i + 1}`), c.samples, CALL_SERIES)}
        </li>`;
      })}
    </ul>`;
}

function renderFailover(r: Report): TemplateResult | typeof nothing {
  const list = arr(r.failover).map(obj);
  if (!list.length) return nothing;
  const side = (s: unknown): string => {
    const o = obj(s);
    return o.softphoneEnabled === true ? msg('softphone') : msg(str`external phone ${asStr(o.extension) || msg('(no number)')}`);
  };
  return html`<h4>${msg('Switches between softphone and external phone')}</h4>
    <ul class="plain">
      ${list.map(
        (f) => html`<li>
          ${fmtDate(f.at)}: ${side(f.before)} → ${side(f.after)}, ${asStr(f.status) === 'switched' ? msg('done') : msg('failed')}${asStr(f.error) ? ` (${asStr(f.error)})` : ''};
          ${asStr(f.consent) === 'policy' ? msg("by the host's policy") : msg('asked by the agent')}. ${asStr(f.reason)}
        </li>`,
      )}
    </ul>`;
}

/** The content of the "For IT" details. `changes`: per check id, the compare view's phrase when it changed. */
export function renderForIt(r: Report, changes: Map<string, string>): TemplateResult {
  const checks = arr(r.checks).map(obj);
  const sorted = checks.map((c, i) => ({ c, i })).sort((a, b) => (VERDICT_ORDER[asStr(a.c.verdict)] ?? 4) - (VERDICT_ORDER[asStr(b.c.verdict)] ?? 4) || a.i - b.i);
  const subject = obj(r.subject);
  const agent = obj(subject.agent);
  const env = obj(r.environment);
  const browser = obj(env.browser);
  const tool = obj(r.tool);
  const redacted = arr(r.redacted).map(asStr).filter(Boolean);
  return html`${renderFixes(checks)}
    <h4>${msg('Checks')}</h4>
    <ul class="checks">
      ${sorted.map(({ c }) => renderCheck(c, changes.get(asStr(c.id))))}
    </ul>
    ${renderCalls(r)} ${renderFailover(r)}
    <h4>${msg('About this report')}</h4>
    ${figures([
      [msg('Created'), fmtDate(r.createdAt)],
      [msg('Instance'), asStr(subject.instance)],
      [msg('Region'), asStr(subject.region)],
      [msg('CCP mode'), asStr(subject.ccpMode)],
      [msg('Agent'), [asStr(agent.name), asStr(agent.username)].filter(Boolean).join(' / ')],
      [msg('Browser'), `${asStr(browser.family)} ${asStr(browser.major)}`.trim()],
      [msg('Platform'), asStr(env.platform)],
      [msg('Tool'), `${asStr(tool.name)} ${asStr(tool.version)}`.trim()],
      [msg('Report number'), asStr(r.id)],
    ])}
    ${redacted.length
      ? html`<p class="meta">
          ${redacted.length === 1
            ? msg("Before sharing, 1 value was hidden: credentials, public IP addresses, the agent's name and phone digits.")
            : msg(str`Before sharing, ${redacted.length} values were hidden: credentials, public IP addresses, the agent's name and phone digits.`)}
        </p>`
      : nothing}`;
}
