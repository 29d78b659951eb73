import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { CcpPreflightProperties } from './ccp-preflight.properties.js';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { resolveLocale } from '../../i18n/locale.js';
import { getLocale, setLocale } from '../../i18n/runtime.js';
import { checkTitle, progressPhrase } from '../../i18n/check-titles.js';
import { LazyModule, settled } from '../../internal/lazy.js';
import { VERDICT_WORDS } from '../../report/definition/format.js';
import { styles } from './ccp-preflight.styles.js';
import { runPreflight, type PreflightOptions } from '../../runner.js';
import type { Report } from '../../report/schema.js';
import { emit } from '../../internal/emit.js';
import { RunController } from './run-controller.js';
import { CcpLink, pageRunsCcp } from './ccp-link.js';
import { buildRunOptions, effectiveCcpMode } from './options.js';
import { failoverReason, shouldAutoFailover, switchedMessage } from './failover-policy.js';
import { PhoneSwitchUi } from './phone-switch-ui.js';
import { copyToClipboard, downloadFile, downloadName, reportJson, reportText } from './share.js';
import { focusAfterRun, focusFailoverPanel, focusIn } from './focus.js';
import { renderCallQuality, renderFailoverPanel } from './panels.js';
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
export class CcpPreflightElement extends CcpPreflightProperties {
  static override styles = styles;

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
  /** Switches to an external phone and back, as the agent sees them (phone-switch-ui.ts). */
  private readonly phone = new PhoneSwitchUi(this, {
    ensureCcp: () => this.ensureCcp(),
    said: (text) => (this._message = { kind: 'ok', text }),
    failed: (e) => this.fail('failover', e),
    // After a phone switch, focus stays in the failover panel (on its next action).
    focusPanel: () => this.updateComplete.then(() => focusFailoverPanel(this.renderRoot)),
  });
  private lastCallQuality: CallQualityDetail | undefined;

  constructor() {
    super();
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
    return this.phone.busy;
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

  /** The error banner in the agent's language (widget-error-texts.ts): its own chunk, loaded when an error is shown in another language. */
  private readonly errorTexts = new LazyModule(this, () => import('./widget-error-texts.js'));
  /** The failure the banner shows (`shown` is its message while no other replaced it); `late`: the texts did not come in time. */
  private failure: { shown: object; source: string; error: unknown; late?: boolean } | undefined;

  /** Resolves once the widget has rendered, including the report view when there is a report (and an error's texts). */
  protected override getUpdateComplete(): Promise<boolean> {
    return settled(() => super.getUpdateComplete(), [this.reportView, this.errorTexts]);
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
    return this.phone.run(
      (ccp) => ccp.failover(e164Number, { consent, reason: failoverReason(this.report) }),
      (record) => switchedMessage(record, e164Number),
    );
  }

  /** Switches the agent back to the softphone. Resolves to the record; rejects with a clear error. */
  restoreSoftphone(): Promise<FailoverRecord> {
    return this.phone.run(
      (ccp) => ccp.restoreSoftphone(),
      (record) => switchedMessage(record),
    );
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
        void this.updateComplete.then(() => focusIn(this.renderRoot, '[part="run-button"]'));
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
            // Title, verdict and the finding in the reader's language (from the report view's chunk, loading since the
            // run started; until it is there, English only gets the check's own sentence).
            const finding = this.reportView.value?.findingText(result) ?? (getLocale() === 'en' ? result.summary : '');
            this.announced = `${checkTitle(result)}: ${VERDICT_WORDS[result.verdict]}.${finding ? ` ${finding}` : ''}`;
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
    await focusAfterRun(this.renderRoot, to);
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

  /**
   * Shows a failure and fires `ccp-preflight-error` (with the English message). In another language the banner says
   * what happened and what to do (widget-error-texts.ts, loaded now; the English message until it comes, after a
   * short wait); a failed phone switch is said by the failover texts instead.
   */
  private fail(source: string, e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    const shown = { kind: 'error' as const, text: message };
    this._message = shown;
    emit(this, 'ccp-preflight-error', { source, message });
    if (source === 'failover') this.phone.setError(e, (text) => (this._message = { kind: 'error', text }));
    const failure: CcpPreflightElement['failure'] = (this.failure = source === 'failover' && e instanceof Error && 'code' in e ? undefined : { shown, source, error: e });
    if (failure && getLocale() !== 'en') {
      this.errorTexts.get();
      setTimeout(() => {
        failure.late = true;
        this.requestUpdate();
      }, 300);
    }
  }

  /** The banner's text: a failure in the agent's language once its texts are there (nothing for a moment before). */
  private messageText(m: NonNullable<this['_message']>): unknown {
    const f = this.failure;
    if (f?.shown !== m || getLocale() === 'en') return m.text;
    const texts = this.errorTexts.get();
    return texts ? texts.widgetErrorBanner(f.source, f.error) : this.errorTexts.error !== undefined || f.late ? m.text : '';
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
      downloadFile(await this.reportJson(), downloadName(this.report), 'application/json');
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
      <section part="base" lang=${getLocale()} aria-labelledby="title">
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
                aria-valuetext=${`${pct} %: ${progressPhrase(p) ?? msg('starting')}`}
              >
                <div class="progress-bar"></div>
              </div>
              <div class="phrase">${progressPhrase(p) ?? msg('Starting…')}</div>
            </div>`
          : nothing}
        <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${this.announced}</div>
        ${this._message
          ? html`<div class="message ${this._message.kind === 'ok' ? 'ok' : ''}" role=${this._message.kind === 'ok' ? 'status' : 'alert'}>${this.messageText(this._message)}</div>`
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

  /** The live-call indicator, when a CCP is wrapped and a call has been seen. */
  protected renderCallQuality(): TemplateResult | typeof nothing {
    return renderCallQuality(this.ccp ? this.lastCallQuality : undefined);
  }

  /** The failover panel (see panels.ts for when it is offered and where it sits). */
  protected renderFailover(): TemplateResult | typeof nothing {
    const ccp = this.ccp;
    return renderFailoverPanel(ccp, {
      report: this.report,
      number: this.failoverNumber,
      busy: this.phone.busy,
      error: this.phone.error,
      onFailover: (e164) => {
        this.phone.fromThePanel();
        void this.failover(e164, 'agent').catch(() => {});
      },
      onRestore: () => {
        this.phone.fromThePanel();
        void this.restoreSoftphone().catch(() => {});
      },
    });
  }
}
