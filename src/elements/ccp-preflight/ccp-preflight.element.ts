import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { resolveLocale } from '../../i18n/locale.js';
import { getLocale, setLocale } from '../../i18n/runtime.js';
import { checkTitle } from '../../i18n/check-titles.js';
import { LazyModule, settled } from '../../internal/lazy.js';
import { VERDICT_WORDS } from '../../report/definition/format.js';
import { styles } from './ccp-preflight.styles.js';
import { runPreflight, type PreflightOptions } from '../../runner.js';
import type { Report } from '../../report/schema.js';
import type { ProgressDetail } from '../../events.js';
import { emit } from '../../internal/emit.js';
import { RunController } from './run-controller.js';
import { CcpLink, pageRunsCcp } from './ccp-link.js';
import { buildRunOptions, effectiveCcpMode } from './options.js';
import { failoverPanelWanted, failoverReason, NO_CCP_TO_SWITCH, shouldAutoFailover, switchedMessage } from './failover-policy.js';
import { copyToClipboard, downloadName, reportJson, reportText } from './share.js';
import type { ConnectLike } from '../../ccp/connect-types.js';
import type { CcpController } from '../../ccp/controller.js';
import type { FailoverRecord } from '../../report/schema.js';
import type { CallQualityDetail } from '../../events.js';

export { parseIceServersAttribute, parseChecksAttribute } from './options.js';

/** The report's parts, styleable from outside the widget: `ccp-preflight::part(verdict)`. */
const REPORT_PARTS = 'banner, problems, verdict, for-it, check, measurements, remedies, chart, table, errors, compare, delta';

/**
 * The agent's pre-flight widget: one button runs the checks and shows whether the softphone will work, why
 * not, and what to do.
 *
 * @tagname ccp-preflight
 * @summary Amazon Connect softphone pre-flight diagnostics for agents.
 *
 * @fires ccp-preflight-progress - Progress of a run ({ fraction, checkId, index, total, phrase }).
 * @fires ccp-preflight-check - A check finished ({ result, index, total }).
 * @fires ccp-preflight-complete - The run finished ({ report }).
 * @fires ccp-preflight-error - Something the user must know failed ({ source, message }).
 * @fires ccp-preflight-failover - The agent's phone was switched ({ record }).
 * @fires ccp-preflight-call-quality - Live softphone call quality ({ sample, verdict, summary, ended }).
 * @fires ccp-preflight-sent - The fleet collector stored a report or call summary ({ kind, id, outcome, queued }).
 *
 * @csspart base - The widget's wrapper.
 * @csspart run-button - The Run / Cancel button.
 * @csspart progress - The progress bar's track.
 * @csspart actions - The copy / download buttons row.
 * @csspart report - The embedded report renderer.
 * @csspart ccp - The box holding the CCP iframe (shown with `show-ccp`).
 * @csspart call-quality - The live call quality indicator.
 * @csspart failover - The switch-to-external-phone panel.
 * @csspart banner - From the report: the overall verdict banner (exported with `exportparts`).
 * @csspart problems - From the report: the list of problems to act on.
 * @csspart verdict - From the report: each verdict badge.
 * @csspart for-it - From the report: the collapsed "For IT" part.
 * @csspart check - From the report: one check's section.
 * @csspart measurements - From the report: a check's measurements.
 * @csspart remedies - From the report: the "What to do" list of a check.
 * @csspart chart - From the report: a group of sample charts.
 * @csspart table - From the report: every data table.
 * @csspart errors - From the report: a message that something could not be shown.
 * @csspart compare - From the report: the compare section.
 * @csspart delta - From the report: a change between baseline and current.
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
 * @cssprop [--ccp-preflight-ccp-width=100%] - Width of the CCP box (`show-ccp`), at most its column.
 * @cssprop [--ccp-preflight-ccp-height=465px] - Height of the CCP box (`show-ccp`).
 */
export class CcpPreflightElement extends LitElement {
  static override styles = styles;

  static override properties = {
    ccpUrl: { type: String, attribute: 'ccp-url' },
    region: { type: String },
    ccpMode: { type: String, attribute: 'ccp-mode' },
    iceServers: { attribute: false },
    iceServersAttr: { type: String, attribute: 'ice-servers' },
    failoverNumber: { type: String, attribute: 'failover-number' },
    failoverPolicy: { type: String, attribute: 'failover-policy' },
    autoRun: { type: Boolean, attribute: 'auto-run' },
    checks: { type: String },
    duration: { type: Number },
    redact: { type: Boolean },
    showCcp: { type: Boolean, attribute: 'show-ccp' },
    loginPopup: { type: String, attribute: 'login-popup' },
    heading: { type: String },
    lang: { type: String },
    label: { type: String },
    collectorUrl: { type: String, attribute: 'collector-url' },
    collectorToken: { type: String, attribute: 'collector-token' },
    report: { attribute: false },
    connect: { attribute: false },
    _progress: { state: true, attribute: false },
    _message: { state: true, attribute: false },
    _copyFallback: { state: true, attribute: false },
  };

  /** Instance CCP URL, e.g. https://ALIAS.my.connect.aws/ccp-v2. */
  declare ccpUrl: string | undefined;
  /** Amazon Connect Region of the instance, e.g. us-east-1. */
  declare region: string | undefined;
  /** `full` (the framed CCP handles media), `media-less` (signaling only, VDI) or `none`. */
  declare ccpMode: 'full' | 'media-less' | 'none' | undefined;
  /** ICE servers for the network checks when no CCP provides the agent's own (property form). */
  declare iceServers: RTCIceServer[] | undefined;
  /** `ice-servers` attribute: JSON array of RTCIceServer. */
  declare iceServersAttr: string | undefined;
  /** External phone (E.164) offered for failover. */
  declare failoverNumber: string | undefined;
  /** `ask` (default: only with the agent's consent) or `auto` (host policy: switch when unfit). */
  declare failoverPolicy: 'ask' | 'auto' | undefined;
  /** Run once when connected. */
  declare autoRun: boolean;
  /** Check ids to run, separated by commas or spaces. Default: all. */
  declare checks: string | undefined;
  /** Media test duration in seconds (upper bound). */
  declare duration: number | undefined;
  /** Redact identity, IPs and numbers in copied reports (share codes are always redacted). */
  declare redact: boolean;
  /** Show the CCP iframe (hidden by default). */
  declare showCcp: boolean;
  /** `false` turns off Streams' login pop-up (a fake CCP, kiosks); default on. */
  declare loginPopup: string | undefined;
  /** Heading text (default: "Softphone check" in the widget's language). */
  declare heading: string | undefined;
  /**
   * The language of the widget's texts (`en`, `es`, `fr`, `de`, `pt-BR`, `ja`; `es-MX`, `pt_BR` match too).
   * Without it: the CCP agent's language (agentPreferences.locale), else the browser's, else English.
   */
  declare lang: string;
  /**
   * Whose report this is, in words that may be shared (a desk, team or name the agent or host chose, e.g.
   * "Desk 14, Leeds"). Stored as the report's subject label; kept in redacted reports and share codes.
   */
  declare label: string | undefined;
  /** Fleet collector base URL (e.g. https://collector.example.com): each run's report and call summary is posted. */
  declare collectorUrl: string | undefined;
  /** The collector's ingest token (write-only: it cannot read anything back). */
  declare collectorToken: string | undefined;
  /** The last report (read-only for hosts). */
  declare report: Report | undefined;
  /**
   * The desktop's own amazon-connect-streams `connect`, when it runs the CCP: the widget attaches to it (its
   * agent, event bus and client) and never starts a second CCP. A CCP already running in the page is found
   * without it too.
   */
  declare connect: ConnectLike | undefined;
  declare _progress: ProgressDetail | undefined;
  declare _message: { kind: 'error' | 'ok'; text: string } | undefined;
  declare _copyFallback: string | undefined;

  /** Extra run options for hosts and tests (deps, thresholds, endpoints, regions...). */
  options: Partial<PreflightOptions> = {};

  private readonly runner = new RunController(this);
  private announced = '';
  /** The CCP link: the page's CCP attached to, or one started from ccp-url; created on first need. */
  private readonly ccpLink = new CcpLink(this, {
    wanted: () => {
      const mode = this.ccpModeNow();
      if (mode === 'none' || (!this.ccpUrl && !this.connect && !pageRunsCcp())) return undefined;
      return { mode, ccpUrl: this.ccpUrl, region: this.region, loginPopup: this.loginPopup !== 'false', connect: this.connect };
    },
    container: () => this.renderRoot.querySelector<HTMLElement>('.ccp-frame'),
    onCallQuality: (d) => {
      this.lastCallQuality = d;
      // A call that ended joins the report's calls[] (bounded by the monitor).
      if (d.ended && this.report) this.report = this.ccpLink.addToReport(this.report);
      if (d.ended) this.toCollector({ kind: 'call', call: d.summary, report: this.report });
      this.requestUpdate();
      emit(this, 'ccp-preflight-call-quality', d);
    },
    onFailover: (record) => {
      if (this.report) this.report = this.ccpLink.addToReport(this.report);
      emit(this, 'ccp-preflight-failover', { record });
    },
    onError: (e) => this.fail('ccp', e),
  });
  private failoverBusy = false;
  private failoverError: string | undefined;
  private lastCallQuality: CallQualityDetail | undefined;
  /** The current switch was asked for in the failover panel (focus stays there). */
  private fromPanel = false;

  constructor() {
    super();
    this.autoRun = false;
    this.redact = false;
    this.showCcp = false;
    updateWhenLocaleChanges(this);
  }

  /** The language the widget shows now: `lang`, else the CCP agent's, else the browser's, else English. */
  get locale(): string {
    return getLocale();
  }

  /** The `lang` and agent locale last applied: the language changes when they do, not on every render. */
  private appliedLocaleKey: string | undefined;

  private applyLocale(): void {
    const lang = this.getAttribute('lang');
    const agentLocale = this.ccp?.agentLocale;
    const key = `${lang ?? ''}|${agentLocale ?? ''}`;
    if (key === this.appliedLocaleKey) return;
    this.appliedLocaleKey = key;
    const want = resolveLocale({ lang, agentLocale, browser: globalThis.navigator?.languages });
    if (want !== getLocale()) setLocale(want).catch((e: unknown) => this.fail('locale', e));
  }

  /** True while a switch to or from an external phone is in progress. */
  get failoverInProgress(): boolean {
    return this.failoverBusy;
  }

  /** True while a run is in progress. */
  get running(): boolean {
    return this.runner.running;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.autoRun) queueMicrotask(() => void this.run().catch(() => {}));
    this.toCollector(); // resumes what a reload left in the fleet queue
  }

  /** The wrapped CCP, when there is one. */
  private get ccp(): CcpController | undefined {
    return this.ccpLink.ccp;
  }

  private ccpModeNow(): 'full' | 'media-less' | 'none' {
    return effectiveCcpMode(this.ccpMode, this.ccpUrl, !!this.connect || pageRunsCcp());
  }

  private ensureCcp(): Promise<CcpController | undefined> {
    return this.ccpLink.ensure();
  }

  /** `<ccp-preflight-report>` and the agent's answer: their own chunk, loaded when a run starts or a report is set. */
  private readonly reportView = new LazyModule(this, () => import('./report-view.js'));

  /** Resolves once the widget has rendered, including the report view when there is a report. */
  protected override getUpdateComplete(): Promise<boolean> {
    return settled(() => super.getUpdateComplete(), [this.reportView]);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.applyLocale();
    if (changed.has('report') && this.report) this.reportView.get();
    if ((changed.has('ccpUrl') || changed.has('ccpMode') || changed.has('region') || changed.has('connect')) && this.hasUpdated) void this.ensureCcp().catch(() => {});
  }

  protected override firstUpdated(): void {
    if (this.ccpModeNow() !== 'none') void this.ensureCcp().catch(() => {});
  }

  /**
   * Redirects the agent's calls to an external E.164 phone (deskphone mode). Needs a CCP. `consent` is
   * `agent` (the agent asked, e.g. through the widget's button or the host's own UI) or `policy` (the host's
   * failover policy). Resolves to the failover record; rejects with a clear error and changes nothing on
   * failure (invalid number, country not dialable, no CCP, service rejection, timeout).
   */
  failover(e164Number: string, consent: 'agent' | 'policy' = 'agent'): Promise<FailoverRecord> {
    return this.switchPhone(
      (ccp) => ccp.failover(e164Number, { consent, reason: failoverReason(this.report) }),
      (record) => switchedMessage(record, e164Number),
    );
  }

  /** Switches the agent back to the softphone. Resolves to the record; rejects with a clear error. */
  restoreSoftphone(): Promise<FailoverRecord> {
    return this.switchPhone(
      (ccp) => ccp.restoreSoftphone(),
      (record) => switchedMessage(record),
    );
  }

  /** One phone switch at a time through the CCP, with its outcome shown and any failure reported. */
  private async switchPhone(
    action: (ccp: CcpController) => Promise<FailoverRecord>,
    done: (record: FailoverRecord) => string,
  ): Promise<FailoverRecord> {
    const ccp = await this.ensureCcp();
    if (!ccp) {
      const e = new Error(NO_CCP_TO_SWITCH);
      this.fail('failover', e);
      throw e;
    }
    this.failoverBusy = true;
    this.failoverError = undefined;
    this.requestUpdate();
    try {
      const record = await action(ccp);
      this._message = { kind: 'ok', text: done(record) };
      return record;
    } catch (e) {
      this.fail('failover', e);
      throw e;
    } finally {
      this.failoverBusy = false;
      this.requestUpdate();
      if (this.fromPanel) void this.focusFailover();
      this.fromPanel = false;
    }
  }

  /** Builds the run options from attributes; throws with a clear message on bad attributes. */
  protected buildOptions(): PreflightOptions {
    return buildRunOptions({
      options: this.options,
      iceServers: this.iceServers,
      iceServersAttr: this.iceServersAttr,
      checks: this.checks,
      duration: this.duration,
      ccpUrl: this.ccpUrl,
      region: this.region,
      ccpMode: this.ccpMode,
      label: this.label,
      attached: !this.ccpUrl && this.ccpModeNow() !== 'none',
    });
  }

  /**
   * Runs the checks. Resolves with the Report (also in `report` and the `ccp-preflight-complete` event).
   * Rejects only when the configuration is invalid (the message is also shown in the widget).
   */
  async run(): Promise<Report> {
    this.reportView.get(); // loads while the checks run
    let opts: PreflightOptions;
    try {
      opts = this.buildOptions();
    } catch (e) {
      this.fail('run', e);
      throw e;
    }
    this._message = undefined;
    this._copyFallback = undefined;
    this.announced = '';
    const previous = this.report;
    try {
      const report = await this.runner.start(async (signal) => {
        // Focus follows the run: to Cancel when it starts (the Run button it replaces is gone).
        void this.updateComplete.then(() => this.focusPart('[part="run-button"]'));
        const ccp = await this.ensureCcp().catch(() => undefined);
        const r = await runPreflight({
          ...opts,
          ...(ccp ? { ccp } : {}),
          signal,
          onProgress: (p) => {
            this._progress = p;
            emit(this, 'ccp-preflight-progress', p);
          },
          onCheck: (result, index, total) => {
            // The check's own sentence is English; other languages announce the title and verdict (the report shows the rest).
            this.announced = `${checkTitle(result)}: ${VERDICT_WORDS[result.verdict]}.${getLocale() === 'en' ? ` ${result.summary}` : ''}`;
            emit(this, 'ccp-preflight-check', { result, index, total });
            this.requestUpdate();
          },
        });
        return r;
      });
      if (report.incomplete === true) {
        // A cancelled run does not replace the last good report: that stays, and the widget says so.
        this._message = {
          kind: 'ok',
          text: previous ? msg('Check cancelled. The report below is from the previous run.') : msg('Check cancelled before it finished. Run it again when you are ready.'),
        };
        this.announced = '';
        void this.afterRun(previous ? 'verdict' : 'run');
        emit(this, 'ccp-preflight-complete', { report });
        return report;
      }
      this.report = report;
      if (this.ccp && shouldAutoFailover({ policy: this.failoverPolicy, number: this.failoverNumber, report, softphoneEnabled: this.ccp.agentSubject?.softphoneEnabled })) {
        void this.failover(this.failoverNumber!, 'policy').catch(() => {});
      }
      const view = this.reportView.value; // loaded while the checks ran, as a rule
      if (view) this.announced = view.agentAnswer(report).sentence;
      else {
        void this.reportView.ready().then(
          (v) => {
            if (this.report === report) this.announced = v.agentAnswer(report).sentence;
          },
          () => {},
        );
      }
      void this.afterRun('verdict');
      emit(this, 'ccp-preflight-complete', { report });
      this.toCollector({ kind: 'report', report });
      return report;
    } catch (e) {
      this.fail('run', e);
      throw e;
    } finally {
      this._progress = undefined;
    }
  }

  /** After a run: focus moves to the answer (or to the Run button when there is no report to show). */
  private async afterRun(to: 'verdict' | 'run'): Promise<void> {
    await this.updateComplete;
    const viewer = this.renderRoot.querySelector<HTMLElement & { updateComplete: Promise<unknown>; focusVerdict(): void }>('ccp-preflight-report');
    if (to === 'verdict' && viewer) {
      await viewer.updateComplete;
      viewer.focusVerdict();
    } else this.focusPart('[part="run-button"]');
  }

  private focusPart(selector: string): void {
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** After a phone switch, focus stays in the failover panel (on its next action). */
  private async focusFailover(): Promise<void> {
    await this.updateComplete;
    const panel = this.renderRoot.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('ccp-preflight-failover');
    if (!panel) return;
    await panel.updateComplete;
    const root = panel.shadowRoot;
    const target = root?.querySelector<HTMLElement>('button:not([disabled])') ?? root?.querySelector<HTMLElement>('input');
    target?.focus();
  }

  /** Posts to the fleet collector when `collector-url` is set (a lazily loaded module; never blocks the agent). */
  private toCollector(item?: Parameters<typeof import('../../fleet/widget.js').postToCollector>[2]): void {
    const url = this.collectorUrl;
    if (!url) return;
    void import('../../fleet/widget.js').then((m) => m.postToCollector(this, { url, token: this.collectorToken, redact: this.redact }, item));
  }

  /** Cancels a run in progress (unfinished checks are reported as skipped). */
  abort(): void {
    this.runner.abort();
  }

  private fail(source: string, e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    if (source === 'failover') this.failoverError = message;
    this._message = { kind: 'error', text: message };
    emit(this, 'ccp-preflight-error', { source, message });
  }

  /** The report as pretty JSON (redacted when `redact` is set). */
  reportJson(): Promise<string> {
    return reportJson(this.report, this.redact);
  }

  private async copy(kind: 'json' | 'code'): Promise<void> {
    let text: string;
    try {
      text = await reportText(this.report, kind, this.redact);
    } catch (e) {
      this.fail('copy', e);
      return;
    }
    const out = await copyToClipboard(text, kind);
    this._copyFallback = out.ok ? undefined : out.fallback;
    this._message = { kind: out.ok ? 'ok' : 'error', text: out.message };
  }

  private async download(): Promise<void> {
    try {
      const json = await this.reportJson();
      const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = downloadName(this.report);
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      this.fail('copy', e);
    }
  }

  /** The progress bar's width goes through the CSSOM: no inline style attribute (strict CSP, style-src 'self'). */
  protected override updated(): void {
    const bar = this.renderRoot.querySelector<HTMLElement>('.progress-bar');
    if (bar) bar.style.width = `${Math.round((this._progress?.fraction ?? 0) * 100)}%`;
  }

  override render(): TemplateResult {
    const running = this.runner.running;
    const p = this._progress;
    const pct = p ? Math.round(p.fraction * 100) : 0;
    return html`
      <section part="base" aria-labelledby="title">
        <header>
          <h2 id="title">${this.heading ?? msg('Softphone check')}</h2>
          <div class="actions">
            ${running
              ? html`<button part="run-button" @click=${() => this.abort()}>${msg('Cancel')}</button>`
              : html`<button part="run-button" class="primary" @click=${() => void this.run().catch(() => {})}>
                  ${this.report ? msg('Run again') : msg('Run check')}
                </button>`}
          </div>
        </header>
        ${!this.report && !running
          ? html`<p class="intro">${msg("Checks your browser, computer, microphone and network against Amazon Connect's softphone requirements. It takes about ten seconds.")}</p>`
          : nothing}
        ${running
          ? html`<div class="progress">
              <div
                part="progress"
                class="progress-track"
                role="progressbar"
                aria-label=${msg('Check progress')}
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=${pct}
                aria-valuetext=${`${pct} %: ${this.phrase(p) ?? msg('starting')}`}
              >
                <div class="progress-bar"></div>
              </div>
              <div class="phrase">${this.phrase(p) ?? msg('Starting…')}</div>
            </div>`
          : nothing}
        <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${this.announced}</div>
        ${this._message
          ? html`<div class="message ${this._message.kind === 'ok' ? 'ok' : ''}" role=${this._message.kind === 'ok' ? 'status' : 'alert'}>${this._message.text}</div>`
          : nothing}
        ${this._copyFallback !== undefined
          ? html`<label>${msg('Report text')}<textarea class="fallback" readonly .value=${this._copyFallback}></textarea></label>`
          : nothing}
        ${this.renderCallQuality()}
        ${this.report
          ? html`<ccp-preflight-report part="report" exportparts=${REPORT_PARTS} .report=${this.report}>
              <div slot="actions" class="slotted">
                ${this.renderFailover()}
                <div class="actions report-actions" part="actions" role="group" aria-label=${msg('Send the report to IT')}>
                  <button class="primary" @click=${() => void this.copy('code')}>${msg('Copy share code')}</button>
                  <button @click=${() => void this.copy('json')}>${msg('Copy report')}</button>
                  <button @click=${() => void this.download()}>${msg('Download JSON')}</button>
                </div>
              </div>
            </ccp-preflight-report>`
          : this.renderFailover()}
        <div class="ccp" ?hidden=${!this.showCcp || !this.ccpUrl || this.ccpMode === 'none'}>
          <div class="ccp-frame" part="ccp"></div>
        </div>
      </section>
    `;
  }

  /** The progress phrase: the runner's words in English, else the check's title in the widget's language. */
  private phrase(p: ProgressDetail | undefined): string | undefined {
    if (!p?.phrase) return undefined;
    return getLocale() === 'en' || !p.checkId ? p.phrase : msg(str`Checking: ${checkTitle({ id: p.checkId })}`);
  }

  /** The live-call indicator, when a CCP is wrapped and a call has been seen. */
  protected renderCallQuality(): TemplateResult | typeof nothing {
    const q = this.ccp ? this.lastCallQuality : undefined;
    return q ? html`<ccp-preflight-call-quality part="call-quality" .detail=${q}></ccp-preflight-call-quality>` : nothing;
  }

  /**
   * The failover panel. Offered when the softphone is unfit, when the agent is on an external phone (the way
   * back), or once the host gave a failover number and a run has happened. It has one place: right under the
   * answer and its problems (in the report's actions slot), or alone when there is no report yet.
   */
  protected renderFailover(): TemplateResult | typeof nothing {
    const ccp = this.ccp;
    const agent = ccp?.agentSubject;
    if (!ccp || !agent) return nothing;
    const { show, unfit, deskphone } = failoverPanelWanted({ report: this.report, softphoneEnabled: agent.softphoneEnabled !== false, number: this.failoverNumber });
    if (!show) return nothing;
    return html`<ccp-preflight-failover
      part="failover"
      .number=${this.failoverNumber}
      .softphoneEnabled=${!deskphone}
      .extension=${agent.extension}
      .busy=${this.failoverBusy}
      .unfit=${unfit}
      .records=${ccp.failoverRecords}
      .error=${this.failoverError}
      @ccp-preflight-failover-request=${(e: CustomEvent<{ e164: string }>) => {
        this.fromPanel = true;
        void this.failover(e.detail.e164, 'agent').catch(() => {});
      }}
      @ccp-preflight-restore-request=${() => {
        this.fromPanel = true;
        void this.restoreSoftphone().catch(() => {});
      }}
    ></ccp-preflight-failover>`;
  }
}
