import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Report } from '../../report/schema.js';
import { FleetApi, FleetApiError, sparkPoints, type FleetAgent, type FleetAggregates, type HistoryPoint } from './fleet-api.js';
import { fleetStyles } from './ccp-preflight-fleet.styles.js';

/** Agents per page (the server pages and aggregates; 10,000 agents never reach the browser at once). */
export const PAGE_SIZE = 100;
/** New reports on the live stream refresh the view at most this often. */
export const LIVE_REFRESH_MS = 1_500;
/** After the live stream drops, it reconnects after this long. */
const RECONNECT_MS = 5_000;
const TOKEN_KEY = 'ccp-preflight:fleet-token';

const VERDICT_WORD: Record<string, string> = { fail: 'Fail', warn: 'Warning', pass: 'Pass', skip: 'Skipped' };
const FIT_WORD: Record<string, string> = { no: 'Unfit', yes: 'Fit', unknown: 'Unknown' };
const fmt = (v: number | null, unit: string, digits = 0): string => (v === null ? '–' : `${v.toFixed(digits)} ${unit}`.trim());
const time = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
};

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
  declare _agg: FleetAggregates | undefined;
  declare _page: { total: number; agents: FleetAgent[] } | undefined;
  declare _error: string | undefined;
  declare _filter: { q: string; verdict: string; fit: string; site: string; cause: string; offset: number };
  declare _selected: { agent: FleetAgent; history?: HistoryPoint[]; report?: Report; previous?: Report | undefined; error?: string } | undefined;
  declare _streaming: boolean;

  /** For tests and hosts: the fetch used for the collector. */
  fetchImpl: typeof fetch | undefined;

  private ac: AbortController | undefined;
  private liveTimer: ReturnType<typeof setTimeout> | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
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
  }

  /** Reloads the counts and the current page. */
  async refresh(): Promise<void> {
    const api = this.api;
    if (!api) return;
    const f = this._filter;
    try {
      const [agg, page] = await Promise.all([
        api.aggregates(),
        api.agents({ q: f.q, verdict: f.verdict, fit: f.fit, site: f.site, cause: f.cause, limit: PAGE_SIZE, offset: f.offset }),
      ]);
      this._agg = agg;
      this._page = page;
      this._error = undefined;
    } catch (e) {
      this._error = e instanceof FleetApiError && e.status === 401
        ? `The collector refused the read token: ${e.message}`
        : e instanceof Error ? e.message : String(e);
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
      this._streaming = false;
      if (this.ac === ac) this.ac = undefined;
      if (!ac.signal.aborted && this.isConnected) this.reconnectTimer = setTimeout(() => this.startLive(), RECONNECT_MS);
    });
  }

  private setFilter(patch: Partial<CcpPreflightFleetElement['_filter']>): void {
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
      this._selected = { agent, error: e instanceof Error ? e.message : String(e) };
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

  override render(): TemplateResult {
    if (!this.token && !this.storedToken()) {
      return html`<form @submit=${this.onToken}>
        <p>Enter the collector's read token (the supervisors' token printed when the collector started, or set in CCP_PREFLIGHT_READ_TOKENS).</p>
        <label>Read token <input type="password" autocomplete="off" required></label>
        <button class="primary" type="submit">Open the fleet view</button>
      </form>`;
    }
    return html`
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${this.renderCounts()} ${this.renderProblems()} ${this.renderFilters()} ${this.renderTable()} ${this.renderDetail()}`;
  }

  private renderCounts(): TemplateResult | typeof nothing {
    const a = this._agg;
    if (!a) return nothing;
    const item = (n: number, label: string, onClick?: () => void) => html`<li><strong>${n}</strong>${onClick ? html`<button @click=${onClick}>${label}</button>` : label}</li>`;
    return html`<ul class="counts" part="counts" aria-label="Counts at a glance">
      ${item(a.agents, 'agents')}
      ${item(a.unfit, 'softphone unfit', () => this.setFilter({ fit: 'no', verdict: '' }))}
      ${item(a.byVerdict.fail ?? 0, 'failing', () => this.setFilter({ verdict: 'fail', fit: '' }))}
      ${item(a.byVerdict.warn ?? 0, 'with warnings', () => this.setFilter({ verdict: 'warn', fit: '' }))}
      ${item(a.byVerdict.pass ?? 0, 'passing', () => this.setFilter({ verdict: 'pass', fit: '' }))}
      <li class="live" aria-live="polite">${this._streaming ? 'Live: new reports appear as they arrive' : 'Not live (reconnecting)'}</li>
    </ul>`;
  }

  private renderProblems(): TemplateResult | typeof nothing {
    const causes = this._agg?.byCause ?? [];
    if (!causes.length) return nothing;
    return html`<section class="problems" part="problems" aria-labelledby="problems-h">
      <h2 id="problems-h">Problems by cause and site</h2>
      <ul>${causes.slice(0, 12).map((c) => html`<li>
        <button @click=${() => this.setFilter({ cause: c.cause, site: c.site ?? '' })}>${c.causeText ?? c.cause}</button>:
        ${c.agents} ${c.agents === 1 ? 'agent' : 'agents'}${c.site ? html` at ${c.site}` : nothing}${c.unfit ? html`, ${c.unfit} unfit` : nothing},
        since ${time(c.since)}</li>`)}</ul>
    </section>`;
  }

  private renderFilters(): TemplateResult {
    const f = this._filter;
    const sites = (this._agg?.bySite ?? []).map((s) => s.site).filter((s): s is string => !!s);
    let debounce: ReturnType<typeof setTimeout> | undefined;
    return html`<div class="filters" role="search">
      <label>Search agent, site or cause <input type="search" .value=${f.q} @input=${(e: InputEvent) => {
        const v = (e.target as HTMLInputElement).value;
        clearTimeout(debounce);
        debounce = setTimeout(() => this.setFilter({ q: v }), 250);
      }}></label>
      <label>Verdict <select @change=${(e: Event) => this.setFilter({ verdict: (e.target as HTMLSelectElement).value })}>
        ${['', 'fail', 'warn', 'pass', 'skip'].map((v) => html`<option value=${v} ?selected=${f.verdict === v}>${v ? VERDICT_WORD[v] : 'Any'}</option>`)}
      </select></label>
      <label>Softphone <select @change=${(e: Event) => this.setFilter({ fit: (e.target as HTMLSelectElement).value })}>
        ${['', 'no', 'yes', 'unknown'].map((v) => html`<option value=${v} ?selected=${f.fit === v}>${v ? FIT_WORD[v] : 'Any'}</option>`)}
      </select></label>
      <label>Site <select @change=${(e: Event) => this.setFilter({ site: (e.target as HTMLSelectElement).value })}>
        <option value="" ?selected=${!f.site}>Any</option>
        ${sites.map((s) => html`<option .value=${s} ?selected=${f.site === s}>${s}</option>`)}
      </select></label>
      ${f.q || f.verdict || f.fit || f.site || f.cause ? html`<button @click=${() => this.setFilter({ q: '', verdict: '', fit: '', site: '', cause: '' })}>Clear filters</button>` : nothing}
    </div>`;
  }

  private renderTable(): TemplateResult | typeof nothing {
    const p = this._page;
    if (!p) return this._error ? nothing : html`<p>Loading the fleet…</p>`;
    const f = this._filter;
    const last = Math.min(p.total, f.offset + p.agents.length);
    return html`<table part="table">
        <caption class="sr-only">Agents, softphone-unfit first</caption>
        <thead><tr><th scope="col">Agent</th><th scope="col">Site</th><th scope="col">Verdict</th><th scope="col">Softphone</th>
          <th scope="col">Cause</th><th scope="col">RTT</th><th scope="col">Loss</th><th scope="col">MOS</th><th scope="col">Report</th></tr></thead>
        <tbody>${p.agents.map((a) => html`<tr @click=${() => void this.select(a)}>
          <td><button class="link" @click=${(e: Event) => { e.stopPropagation(); void this.select(a); }}>${a.name ?? a.agent}</button>
            ${/^sim-/.test(a.agent) || /^SIMULATED/.test(a.site ?? '') ? html`<span class="simulated">simulated</span>` : nothing}</td>
          <td>${a.site ?? '–'}</td>
          <td class="verdict ${a.latest.verdict}">${VERDICT_WORD[a.latest.verdict] ?? a.latest.verdict}</td>
          <td>${FIT_WORD[a.latest.fit] ?? a.latest.fit}</td>
          <td>${a.latest.causeText ?? '–'}</td>
          <td class="num">${fmt(a.latest.rttMs, 'ms')}</td>
          <td class="num">${fmt(a.latest.lossPct, '%', 1)}</td>
          <td class="num">${fmt(a.latest.mos, '', 2)}</td>
          <td class="num">${time(a.latest.createdAt)}</td>
        </tr>`)}</tbody>
      </table>
      <div class="pager">
        <button ?disabled=${f.offset === 0} @click=${() => { this._filter = { ...f, offset: Math.max(0, f.offset - PAGE_SIZE) }; void this.refresh(); }}>Previous</button>
        <span>${p.total ? `${f.offset + 1}–${last} of ${p.total} agents` : 'No agents match.'}</span>
        <button ?disabled=${last >= p.total} @click=${() => { this._filter = { ...f, offset: f.offset + PAGE_SIZE }; void this.refresh(); }}>Next</button>
      </div>`;
  }

  private renderDetail(): TemplateResult | typeof nothing {
    const s = this._selected;
    if (!s) return nothing;
    const h = [...(s.history ?? [])].reverse();
    const trend = (label: string, values: (number | null)[], unit: string) => {
      const pts = sparkPoints(values, 160, 40);
      const lastV = values.filter((v) => v !== null).at(-1);
      return html`<figure><figcaption>${label}: ${lastV === undefined ? 'no data' : `${lastV} ${unit}`} (last ${values.length} reports)</figcaption>
        ${pts ? html`<svg width="160" height="40" role="img" aria-label="${label} trend"><polyline points=${pts}></polyline></svg>` : nothing}</figure>`;
    };
    return html`<section class="detail" part="detail" aria-labelledby="detail-h">
      <h3 id="detail-h" tabindex="-1">${s.agent.name ?? s.agent.agent}${s.agent.site ? html` · ${s.agent.site}` : nothing}</h3>
      <button @click=${() => (this._selected = undefined)}>Close</button>
      ${s.error ? html`<p class="error" role="alert">${s.error}</p>` : nothing}
      ${s.history ? html`<div class="trends">${trend('RTT', h.map((x) => x.rttMs), 'ms')}${trend('Loss', h.map((x) => x.lossPct), '%')}${trend('MOS', h.map((x) => x.mos), '')}</div>` : nothing}
      ${s.report ? html`<p>${s.previous ? 'The latest report, compared with this agent\'s previous one.' : 'The latest report (no earlier one is stored).'}</p>
        <ccp-preflight-report .report=${s.report} .baseline=${s.previous}></ccp-preflight-report>` : s.error ? nothing : html`<p>Loading…</p>`}
    </section>`;
  }
}
