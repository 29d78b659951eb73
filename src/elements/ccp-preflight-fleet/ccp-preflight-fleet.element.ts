import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { Report } from '../../report/schema.js';
import { fmt, fmtDate, VERDICT_WORDS, verdictOf } from '../../report/definition/format.js';
import { getLocale, needTexts, setLocale } from '../../i18n/runtime.js';
import { texts as supervisorTexts } from '../../generated/parts/supervisor.js';
import { resolveLocale } from '../../i18n/locale.js';
import { plural } from '../../i18n/format-texts.js';
import { FleetApi, FleetApiError, MAX_SEARCH_CHARS, NOT_A_COLLECTOR, sparkPoints, type FleetAgent, type FleetAggregates, type HistoryPoint } from './fleet-api.js';
import { causeName } from './fleet-texts.js';
import { causeCandidates, causesMatching } from './fleet-search.js';
import { fleetStyles } from './ccp-preflight-fleet.styles.js';

void needTexts(supervisorTexts); // the fleet view's texts: not the widget's

/** Agents per page (the server pages and aggregates; 10,000 agents never reach the browser at once). */
export const PAGE_SIZE = 100;
/** New reports on the live stream refresh the view at most this often. */
export const LIVE_REFRESH_MS = 1_500;
/** The search runs this long after the last keystroke. */
const SEARCH_DEBOUNCE_MS = 250;
/** After the live stream drops, it reconnects after this long. */
const RECONNECT_MS = 5_000;
const TOKEN_KEY = 'ccp-preflight:fleet-token';

const verdictWord = (v: string): string => (v === 'pass' || v === 'warn' || v === 'fail' || v === 'skip' ? VERDICT_WORDS[verdictOf(v)] : v);
/** Softphone fitness in the active language. */
const fitWord = (v: string): string => (v === 'no' ? msg('Unfit') : v === 'yes' ? msg('Fit') : v === 'unknown' ? msg('Unknown') : v);
/** A measured figure, or a dash for none. */
const figure = (v: number | null, unit: string, digits = 0): string => (v === null ? '–' : fmt(v, unit, digits));

/**
 * The supervisors' fleet view: counts at a glance, problems grouped by cause and site, every agent's latest
 * report (unfit first, paged, filtered and searched on the server), each agent's trend of RTT, loss and MOS,
 * live updates, and the agent's report compared with the previous one.
 *
 * @tag ccp-preflight-fleet
 * @summary Fleet view of agents' softphone readiness, from a ccp-preflight collector.
 * @csspart counts - The counts at a glance.
 * @csspart problems - Problems grouped by cause and site.
 * @csspart table - The agents table.
 * @csspart detail - The selected agent's trends and report.
 *
 * @cssprop [--ccp-preflight-font-family=system-ui, sans-serif] - Font (old name `--ccp-preflight-font` still read).
 * @cssprop [--ccp-preflight-text-color=#16191f] - Text colour (old name `--ccp-preflight-text`).
 * @cssprop [--ccp-preflight-muted-color=#545b64] - Secondary text colour (old name `--ccp-preflight-muted`).
 * @cssprop [--ccp-preflight-surface-color=#ffffff] - Background (old name `--ccp-preflight-surface`).
 * @cssprop [--ccp-preflight-border-color=#c8ccd2] - Borders (old name `--ccp-preflight-border`).
 * @cssprop [--ccp-preflight-border-radius=8px] - Corner radius (old name `--ccp-preflight-radius`).
 * @cssprop [--ccp-preflight-accent-color=#0b63ce] - Buttons, links, progress (old name `--ccp-preflight-accent`).
 * @cssprop [--ccp-preflight-accent-text-color=#ffffff] - Text on the accent colour (old name `--ccp-preflight-accent-text`).
 * @cssprop [--ccp-preflight-pass-color=#0d5223] - "Pass" text and marks (old name `--ccp-preflight-pass`).
 * @cssprop [--ccp-preflight-pass-bg=#e6f4ea] - "Pass" background.
 * @cssprop [--ccp-preflight-warn-color=#6b3a00] - "Warning" text and marks (old name `--ccp-preflight-warn`).
 * @cssprop [--ccp-preflight-warn-bg=#fff4e5] - "Warning" background.
 * @cssprop [--ccp-preflight-fail-color=#8c1d18] - "Problem" text and marks (old name `--ccp-preflight-fail`).
 * @cssprop [--ccp-preflight-fail-bg=#fdecea] - "Problem" background.
 * @cssprop [--ccp-preflight-skip-color=#3d4349] - "Skipped" text.
 * @cssprop [--ccp-preflight-skip-bg=#f1f3f5] - "Skipped" background.
 * @cssprop [--ccp-preflight-chart-color=#0b63ce] - Chart lines (old name `--ccp-preflight-chart-line`).
 * @cssprop [--ccp-preflight-focus-ring-color=#ff9900] - Focus outline (old name `--ccp-preflight-focus-ring`).
 * @cssprop [--ccp-preflight-track-color=#e9ebed] - Progress bar track (old name `--ccp-preflight-track`).
 */
export class CcpPreflightFleetElement extends LitElement {
  static override styles = fleetStyles;
  static override properties = {
    collectorUrl: { type: String, attribute: 'collector-url' },
    token: { type: String },
    live: { type: Boolean },
    lang: { type: String },
    _agg: { state: true, attribute: false },
    _page: { state: true, attribute: false },
    _error: { state: true, attribute: false },
    _filter: { state: true, attribute: false },
    _selected: { state: true, attribute: false },
    _streaming: { state: true, attribute: false },
  };

  /** The collector's base URL (default: this page's origin). */
  declare collectorUrl: string | undefined;
  /** A read token. Without one the view asks for it (kept in this tab's session storage). */
  declare token: string | undefined;
  /** Follow new reports live (default on). */
  declare live: boolean;
  /**
   * The language to show the view in (`en`, `es`, `fr`, `de`, `pt-BR`, `ja`), whatever language the agents'
   * reports were written in. Without it the browser's languages decide. The language is the page's: the reports
   * opened from the view follow it.
   */
  declare lang: string;
  declare _agg: FleetAggregates | undefined;
  declare _page: { total: number; agents: FleetAgent[] } | undefined;
  declare _error: unknown;
  declare _filter: { q: string; verdict: string; fit: string; site: string; cause: string; offset: number };
  declare _selected: { agent: FleetAgent; history?: HistoryPoint[]; report?: Report; previous?: Report | undefined; error?: unknown } | undefined;
  declare _streaming: boolean;

  /** For tests and hosts: the fetch used for the collector. */
  fetchImpl: typeof fetch | undefined;

  private ac: AbortController | undefined;
  private liveTimer: ReturnType<typeof setTimeout> | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts loads, so that an older answer arriving late never replaces a newer one. */
  private loads = 0;
  /** The live stream ended without being stopped (shown as "reconnecting" until it is back). */
  private liveDropped = false;
  /** The `lang` last applied (undefined: none yet). */
  private appliedLang: string | null | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.live = true;
    this._streaming = false;
    this._filter = { q: '', verdict: '', fit: '', site: '', cause: '', offset: 0 };
  }

  private get api(): FleetApi | undefined {
    const token = this.token ?? this.storedToken();
    if (!token) return undefined;
    return new FleetApi(this.collectorUrl || globalThis.location?.origin || '', token, this.fetchImpl ?? globalThis.fetch.bind(globalThis));
  }

  private storedToken(): string | undefined {
    try {
      return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
    } catch {
      return undefined;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.reload(); // moved in the page: the first load happens in updated()
  }

  protected override willUpdate(): void {
    // The language is the page's (@lit/localize is global): applied when `lang` changes, and first on the first
    // render (from the browser's languages when there is no `lang`), not on every render.
    const lang = this.getAttribute('lang');
    if (lang !== this.appliedLang) {
      this.appliedLang = lang;
      const want = resolveLocale({ lang, browser: globalThis.navigator?.languages });
      // An unloadable language leaves the current one. A search in progress runs again: causes are matched by
      // their names in the language shown.
      if (want !== getLocale()) setLocale(want).then(() => (this._filter.q ? this.refresh() : undefined)).catch(() => {});
    }
  }

  override updated(changed: PropertyValues<this>): void {
    if (!this.loadedOnce || changed.has('token') || changed.has('collectorUrl')) {
      this.loadedOnce = true;
      this.reload();
    }
  }

  private loadedOnce = false;

  /** Loads everything again and (re)opens the live stream. */
  private reload(): void {
    this.ac?.abort();
    this.ac = undefined;
    void this.refresh().then(() => this.startLive());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.ac?.abort();
    this.ac = undefined;
    clearTimeout(this.liveTimer);
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.searchTimer);
  }

  /** Reloads the counts and the current page. */
  async refresh(): Promise<void> {
    const api = this.api;
    if (!api) return;
    const f = this._filter;
    const load = ++this.loads;
    // The causes whose names, as this view shows them in the reader's language, match the search text.
    const causes = f.q ? causesMatching(f.q, causeCandidates(this._agg, this._page?.agents)).join(',') : '';
    try {
      const [agg, page] = await Promise.all([
        api.aggregates(),
        api.agents({ q: f.q, causes, verdict: f.verdict, fit: f.fit, site: f.site, cause: f.cause, limit: PAGE_SIZE, offset: f.offset }),
      ]);
      if (load !== this.loads) return;
      this._agg = agg;
      this._page = page;
      this._error = undefined;
    } catch (e) {
      if (load === this.loads && (e as Error)?.name !== 'AbortError') this._error = e;
    }
  }

  private startLive(): void {
    const api = this.api;
    if (!this.live || !api || this.ac || !this.isConnected) return;
    const ac = (this.ac = new AbortController());
    this._streaming = true;
    api.stream(() => {
      if (this.liveTimer === undefined) {
        this.liveTimer = setTimeout(() => {
          this.liveTimer = undefined;
          void this.refresh();
        }, LIVE_REFRESH_MS);
      }
    }, ac.signal).catch(() => {}).finally(() => {
      if (!ac.signal.aborted) this.liveDropped = true;
      this._streaming = false;
      if (this.ac === ac) this.ac = undefined;
      if (!ac.signal.aborted && this.isConnected) {
        this.reconnectTimer = setTimeout(() => {
          // After a failed load, the counts and the list load again too (not only the stream).
          if (this._error) void this.refresh().then(() => this.startLive());
          else this.startLive();
        }, RECONNECT_MS);
      }
    });
  }

  private setFilter(patch: Partial<CcpPreflightFleetElement['_filter']>): void {
    if ('q' in patch) clearTimeout(this.searchTimer); // "Clear filters" wins over a search still waiting
    this._filter = { ...this._filter, offset: 0, ...patch };
    void this.refresh();
  }

  private async select(agent: FleetAgent): Promise<void> {
    const api = this.api;
    if (!api) return;
    this._selected = { agent };
    try {
      const [h, report, previous] = await Promise.all([api.history(agent.agent), api.report(agent.latest.id), api.previous(agent.latest.id)]);
      this._selected = { agent, history: h.reports, report, previous };
    } catch (e) {
      this._selected = { agent, error: e };
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.detail h3')?.focus();
  }

  private onToken(e: SubmitEvent): void {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).querySelector('input');
    const t = input?.value.trim();
    if (!t) return;
    try {
      sessionStorage.setItem(TOKEN_KEY, t);
    } catch { /* storage blocked: keep it on the element only */ }
    this.token = t;
  }

  /** Forgets a refused token (this tab's copy too), so the view asks for one again. */
  private forgetToken(): void {
    try {
      sessionStorage.removeItem(TOKEN_KEY);
    } catch { /* storage blocked */ }
    this.ac?.abort();
    this.ac = undefined;
    this._error = undefined;
    this._agg = undefined;
    this._page = undefined;
    this._selected = undefined;
    this.token = undefined;
  }

  /** What went wrong talking to the collector, and what to do, in the active language. */
  private errorText(e: unknown): string {
    if (e instanceof FleetApiError) {
      if (e.status === NOT_A_COLLECTOR) return msg("This address did not answer as a ccp-preflight collector. Check the view's collector-url (the collector's address) and that the collector is running there.");
      if (e.status === 0) return msg('The collector cannot be reached. Check that it is running and that this page may reach it; the view tries again on its own.');
      if (e.status === 401 || e.status === 403) {
        return msg("The collector refused this read token: it is not valid here (it may have been changed, or it is not the supervisors' read token). Enter the read token again; ask the collector's administrator if you do not have it.");
      }
      if (e.status === 404) return msg('The collector no longer has this report. Close this agent and open it again from the list.');
      if (e.status === 429) return msg('The collector is busy (too many requests). Wait a moment; the view tries again on its own.');
      if (e.status >= 500) return msg(str`The collector had an internal error (HTTP ${e.status}). Try again in a moment; if it persists, check the collector's log.`);
      return msg(str`The collector refused the request (HTTP ${e.status}). Reload the page; if it persists, check that this page and the collector are the same version.`);
    }
    return msg(str`The fleet could not be loaded (${e instanceof Error ? e.message : String(e)}). Reload the page to try again.`);
  }

  private renderError(e: unknown): TemplateResult {
    const refused = e instanceof FleetApiError && (e.status === 401 || e.status === 403);
    return html`<div class="error" role="alert"><p>${this.errorText(e)}</p>
      ${refused ? html`<button @click=${() => this.forgetToken()}>${msg('Enter another token')}</button>` : nothing}</div>`;
  }

  /**
   * The content in a box marked with the language it is shown in, so screen readers read it in that language's
   * voice even where the page around it is in another (the language may come from the CCP or the browser).
   */
  override render(): TemplateResult {
    return html`<div class="content" lang=${getLocale()}>${this.renderContent()}</div>`;
  }

  private renderContent(): TemplateResult {
    if (!this.token && !this.storedToken()) {
      return html`<form @submit=${this.onToken}>
        <p>${msg("Enter the collector's read token: the supervisors' token printed when the collector started, or set in CCP_PREFLIGHT_READ_TOKENS.")}</p>
        <label>${msg('Read token')} <input type="password" autocomplete="off" required></label>
        <button class="primary" type="submit">${msg('Open the fleet view')}</button>
      </form>`;
    }
    return html`
      ${this._error ? this.renderError(this._error) : nothing}
      ${this.renderCounts()} ${this.renderProblems()} ${this.renderFilters()} ${this.renderTable()} ${this.renderDetail()}`;
  }

  private renderCounts(): TemplateResult | typeof nothing {
    const a = this._agg;
    if (!a) return nothing;
    const item = (n: number, one: () => string, other: () => string, onClick?: () => void) => {
      const label = plural(n, one, other);
      return html`<li><strong>${fmt(n)}</strong>${onClick ? html`<button @click=${onClick}>${label}</button>` : label}</li>`;
    };
    return html`<ul class="counts" part="counts" aria-label=${msg('Counts at a glance')}>
      ${item(a.agents, () => msg('agent'), () => msg('agents'))}
      ${item(a.unfit, () => msg('agent unfit for the softphone'), () => msg('agents unfit for the softphone'), () => this.setFilter({ fit: 'no', verdict: '' }))}
      ${item(a.byVerdict.fail ?? 0, () => msg('agent failing'), () => msg('agents failing'), () => this.setFilter({ verdict: 'fail', fit: '' }))}
      ${item(a.byVerdict.warn ?? 0, () => msg('agent with warnings'), () => msg('agents with warnings'), () => this.setFilter({ verdict: 'warn', fit: '' }))}
      ${item(a.byVerdict.pass ?? 0, () => msg('agent passing'), () => msg('agents passing'), () => this.setFilter({ verdict: 'pass', fit: '' }))}
    </ul>
    ${this.live && (this._streaming || this.liveDropped) ? html`<p class="live" aria-live="polite">${this._streaming ? msg('Live: new reports appear as they arrive.') : msg('Not live: reconnecting to the collector…')}</p>` : nothing}`;
  }

  /** "14 agents at London", "1 agent". */
  private agentsAt(n: number, site: string | null): string {
    const c = fmt(n);
    return site
      ? plural(n, () => msg(str`${c} agent at ${site}`), () => msg(str`${c} agents at ${site}`))
      : plural(n, () => msg(str`${c} agent`), () => msg(str`${c} agents`));
  }

  private renderProblems(): TemplateResult | typeof nothing {
    const causes = this._agg?.byCause ?? [];
    if (!causes.length) return nothing;
    return html`<section class="problems" part="problems" aria-labelledby="problems-h">
      <h2 id="problems-h">${msg('Problems by cause and site')}</h2>
      <ul>${causes.slice(0, 12).map((c) => html`<li>
        <button @click=${() => this.setFilter({ cause: c.cause, site: c.site ?? '' })}>${causeName(c.cause, c.causeText)}</button>
        <span class="facts"><span>${this.agentsAt(c.agents, c.site)}</span>${c.unfit ? html` · <span>${msg(str`unfit for the softphone: ${fmt(c.unfit)}`)}</span>` : nothing}
        · <span>${msg(str`since ${fmtDate(c.since)}`)}</span></span></li>`)}</ul>
    </section>`;
  }

  private renderFilters(): TemplateResult {
    const f = this._filter;
    const sites = (this._agg?.bySite ?? []).map((s) => s.site).filter((s): s is string => !!s);
    const any = msg('Any');
    const cause = f.cause ? this._agg?.byCause.find((c) => c.cause === f.cause) : undefined;
    return html`<div class="filters" role="search" aria-label=${msg('Filter the agents')}>
      <label>${msg('Search agent, site or cause')} <input type="search" .value=${f.q} maxlength=${MAX_SEARCH_CHARS} placeholder=${msg('Name, site or cause')} @input=${(e: InputEvent) => {
        const v = (e.target as HTMLInputElement).value.slice(0, MAX_SEARCH_CHARS);
        clearTimeout(this.searchTimer);
        this.searchTimer = setTimeout(() => this.setFilter({ q: v }), SEARCH_DEBOUNCE_MS);
      }}></label>
      <label>${msg('Verdict')} <select @change=${(e: Event) => this.setFilter({ verdict: (e.target as HTMLSelectElement).value })}>
        ${['', 'fail', 'warn', 'pass', 'skip'].map((v) => html`<option value=${v} ?selected=${f.verdict === v}>${v ? verdictWord(v) : any}</option>`)}
      </select></label>
      <label>${msg('Softphone')} <select @change=${(e: Event) => this.setFilter({ fit: (e.target as HTMLSelectElement).value })}>
        ${['', 'no', 'yes', 'unknown'].map((v) => html`<option value=${v} ?selected=${f.fit === v}>${v ? fitWord(v) : any}</option>`)}
      </select></label>
      <label>${msg('Site')} <select @change=${(e: Event) => this.setFilter({ site: (e.target as HTMLSelectElement).value })}>
        <option value="" ?selected=${!f.site}>${any}</option>
        ${sites.map((s) => html`<option .value=${s} ?selected=${f.site === s}>${s}</option>`)}
      </select></label>
      ${f.q || f.verdict || f.fit || f.site || f.cause ? html`<button @click=${() => this.setFilter({ q: '', verdict: '', fit: '', site: '', cause: '' })}>${msg('Clear filters')}</button>` : nothing}
      ${f.cause ? html`<p class="cause-filter">${msg(str`Only this cause: ${causeName(f.cause, cause?.causeText ?? null)}`)}</p>` : nothing}
    </div>`;
  }

  private renderTable(): TemplateResult | typeof nothing {
    const p = this._page;
    if (!p) return this._error ? nothing : html`<p role="status">${msg('Loading the fleet…')}</p>`;
    const f = this._filter;
    if (!p.total) {
      const filtered = f.q || f.verdict || f.fit || f.site || f.cause;
      return html`<p class="empty" role="status">${filtered
        ? msg('No agents match these filters. Change or clear the filters to see more agents.')
        : msg("No reports yet. Agents appear here once their ccp-preflight widget sends a report to this collector (the widget's collector-url and collector-token attributes).")}</p>`;
    }
    const last = Math.min(p.total, f.offset + p.agents.length);
    const head = {
      agent: msg('Agent'), site: msg('Site'), verdict: msg('Verdict'), fit: msg('Softphone'), cause: msg('Cause'),
      rtt: msg('Round trip'), loss: msg('Packet loss'), mos: 'MOS', report: msg('Last report'),
    };
    const first = fmt(f.offset + 1);
    const to = fmt(last);
    const total = fmt(p.total);
    return html`<table part="table">
        <caption class="sr-only">${msg('Agents, those unfit for the softphone first')}</caption>
        <thead><tr>${Object.values(head).map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
        <tbody>${p.agents.map((a) => html`<tr @click=${() => void this.select(a)}>
          <td class="agent"><button class="link" @click=${(e: Event) => { e.stopPropagation(); void this.select(a); }}>${a.name ?? a.agent}</button>
            ${/^sim-/.test(a.agent) || /^SIMULATED/.test(a.site ?? '') ? html`<span class="simulated">${msg('simulated')}</span>` : nothing}</td>
          <td data-label=${head.site}>${a.site ?? '–'}</td>
          <td data-label=${head.verdict} class="verdict ${a.latest.verdict}">${verdictWord(a.latest.verdict)}</td>
          <td data-label=${head.fit} class="fit">${fitWord(a.latest.fit)}</td>
          <td data-label=${head.cause} class="cause">${a.latest.cause || a.latest.causeText
            ? causeName(a.latest.cause, a.latest.causeText, { verdict: a.latest.verdict, data: { rttMs: a.latest.rttMs, jitterMs: a.latest.jitterMs, lossPct: a.latest.lossPct, mos: a.latest.mos } })
            : '–'}</td>
          <td data-label=${head.rtt} class="num">${figure(a.latest.rttMs, 'ms')}</td>
          <td data-label=${head.loss} class="num">${figure(a.latest.lossPct, '%', 1)}</td>
          <td data-label=${head.mos} class="num">${figure(a.latest.mos, '', 2)}</td>
          <td data-label=${head.report} class="when">${fmtDate(a.latest.createdAt)}</td>
        </tr>`)}</tbody>
      </table>
      <div class="pager">
        <button ?disabled=${f.offset === 0} @click=${() => { this._filter = { ...f, offset: Math.max(0, f.offset - PAGE_SIZE) }; void this.refresh(); }}>${msg('Previous page')}</button>
        <span>${plural(p.total, () => msg(str`${first}–${to} of ${total} agent`), () => msg(str`${first}–${to} of ${total} agents`))}</span>
        <button ?disabled=${last >= p.total} @click=${() => { this._filter = { ...f, offset: f.offset + PAGE_SIZE }; void this.refresh(); }}>${msg('Next page')}</button>
      </div>`;
  }

  private renderDetail(): TemplateResult | typeof nothing {
    const s = this._selected;
    if (!s) return nothing;
    const h = [...(s.history ?? [])].reverse();
    const since = h[0] ? fmtDate(h[0].createdAt) : '';
    const trend = (label: string, values: (number | null)[], unit: string, digits: number) => {
      const pts = sparkPoints(values, 160, 40);
      const lastV = values.filter((v) => v !== null).at(-1) ?? null;
      const n = values.length;
      const span = plural(n, () => msg('the latest report'), () => msg(str`the last ${fmt(n)} reports, since ${since}`));
      return html`<figure><figcaption>${msg(str`${label}: ${fmt(lastV, unit, digits)}`)}<small>${span}</small></figcaption>
        ${pts ? html`<svg width="160" height="40" role="img" aria-label=${msg(str`Trend of ${label} (${span})`)}><polyline points=${pts}></polyline></svg>` : nothing}</figure>`;
    };
    return html`<section class="detail" part="detail" aria-labelledby="detail-h">
      <div class="detail-head">
        <h3 id="detail-h" tabindex="-1">${s.agent.name ?? s.agent.agent}${s.agent.site ? html` · ${s.agent.site}` : nothing}</h3>
        <button @click=${() => (this._selected = undefined)}>${msg('Close')}</button>
      </div>
      ${s.error ? html`<p class="error" role="alert">${this.errorText(s.error)}</p>` : nothing}
      ${s.history ? html`<div class="trends">${trend(msg('Round trip'), h.map((x) => x.rttMs), 'ms', 0)}${trend(msg('Packet loss'), h.map((x) => x.lossPct), '%', 1)}${trend('MOS', h.map((x) => x.mos), '', 2)}</div>` : nothing}
      ${s.report ? html`<p>${s.previous ? msg("The latest report, compared with this agent's previous one.") : msg('The latest report (no earlier one is stored).')}</p>
        <ccp-preflight-report lang=${getLocale()} .report=${s.report} .baseline=${s.previous}></ccp-preflight-report>` : s.error ? nothing : html`<p role="status">${msg("Loading this agent's reports…")}</p>`}
    </section>`;
  }
}
