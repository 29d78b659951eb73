import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { emit } from '../../internal/emit.js';
import type { ParseError, ParseResult } from '../../report/parse.js';
import { MAX_INPUT_CHARS } from '../../report/limits.js';
import type { Report } from '../../report/schema.js';
import { agentAnswer } from './answer.js';
import { LazyModule, settled } from '../../internal/lazy.js';
import { fmtDate, obj, str as asStr, VERDICT_ICONS } from './format.js';
import { getLocale, setLocale } from '../../i18n/runtime.js';
import { resolveLocale } from '../../i18n/locale.js';
import { listText } from '../../i18n/format-texts.js';
import { styles } from './ccp-preflight-report.styles.js';

/** Files larger than this many bytes are refused before reading (UTF-8 text is at most 4 bytes a character). */
const MAX_FILE_BYTES = MAX_INPUT_CHARS * 4;

type Target = 'report' | 'baseline';

/**
 * Renders a ccp-preflight Report: the agent's live result, or one a supervisor pasted.
 *
 * @tag ccp-preflight-report
 * @summary The one report renderer: verdicts, remedies with their sources, key figures, charts, and a compare view.
 *
 * @fires ccp-preflight-error - Pasted, dropped or linked input could not be read ({ source: 'parse', target: 'report' | 'baseline', message, errors }).
 * @fires ccp-preflight-load - A report or baseline was opened from text ({ target: 'report' | 'baseline', report }).
 *
 * @csspart banner - The overall verdict banner.
 * @csspart verdict - Each verdict badge (icon and word).
 * @csspart check - One check's section.
 * @csspart remedies - The "What to do" list of a check.
 * @csspart chart - A group of sample charts with its table alternative.
 * @csspart table - Every data table.
 * @csspart paste - The paste panel (paste mode).
 * @csspart paste-input - The paste text area.
 * @csspart button - Buttons of the paste panel.
 * @csspart errors - The message box for input that could not be read.
 * @csspart compare - The compare section.
 * @csspart delta - A change between baseline and current, in words.
 * @csspart problems - The list of problems to act on, in the banner.
 * @csspart for-it - The collapsed "For IT" part (measurements, fixes, evidence).
 * @csspart measurements - A check's measurements (inside "For IT").
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
export class CcpPreflightReportElement extends LitElement {
  static override styles = styles;

  static override properties = {
    report: { attribute: false },
    baseline: { attribute: false },
    baselineSource: { attribute: 'baseline' },
    mode: { reflect: true },
    errors: { state: true, attribute: false },
    baselineErrors: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    dragging: { state: true, attribute: false },
    forItOpen: { type: Boolean, attribute: 'for-it-open' },
    lang: { type: String },
  };

  /** The report to show. Set by the widget (live) or by parsing pasted text (paste mode). */
  declare report: Report | undefined;
  /** A baseline to compare the report with; the compare view shows the deltas. */
  declare baseline: Report | undefined;
  /** Attribute `baseline`: a baseline as JSON or share code text (parsed into `baseline`). */
  declare baselineSource: string | null;
  /** `view` (default): render `report`. `paste`: also a text area, file open and drop, and `#report=` links. */
  declare mode: 'view' | 'paste';
  /** Open the "For IT" part (measurements, fixes, evidence) from the start. Default: collapsed. */
  declare forItOpen: boolean;
  /**
   * The language to show the report in (`en`, `es`, `fr`, `de`, `pt-BR`, `ja`), whatever language it was written
   * in. Without it the browser's languages decide; inside the widget, the widget's language.
   */
  declare lang: string;
  /** @internal */
  declare protected errors: ParseError[];
  /** @internal */
  declare protected baselineErrors: ParseError[];
  /** @internal */
  declare protected busy: boolean;
  /** @internal */
  declare protected dragging: boolean;

  private seq: Record<Target, number> = { report: 0, baseline: 0 };
  /** The `lang` last applied (undefined: none yet). */
  private appliedLang: string | null | undefined;
  private lastHash = '';

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.mode = 'view';
    this.baselineSource = null;
    this.errors = [];
    this.baselineErrors = [];
    this.busy = false;
    this.dragging = false;
    this.forItOpen = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener?.('hashchange', this.onHashChange);
    if (this.mode === 'paste') this.readHash();
  }

  override disconnectedCallback(): void {
    globalThis.removeEventListener?.('hashchange', this.onHashChange);
    super.disconnectedCallback();
  }

  /**
   * Parses text (JSON, a share code, or a `#report=` link) and shows it. On failure the parser's messages are
   * shown in the element (role="alert"), `ccp-preflight-error` fires, and the report shown before stays.
   * Never throws; resolves with the parse result.
   */
  async showText(text: string): Promise<ParseResult> {
    return this.load(text, 'report');
  }

  /** Like showText, for the baseline of the compare view. */
  async showBaselineText(text: string): Promise<ParseResult> {
    return this.load(text, 'baseline');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The language is the page's (@lit/localize is global): applied when this element's `lang` changes (or first,
    // for a viewer outside the widget), not on every render, so two elements never take turns.
    const inWidget = (this.getRootNode() as ShadowRoot).host?.localName === 'ccp-preflight';
    const lang = this.getAttribute('lang');
    if (lang !== this.appliedLang && (lang || !inWidget)) {
      this.appliedLang = lang;
      const want = resolveLocale({ lang: this.getAttribute('lang'), browser: globalThis.navigator?.languages });
      if (want !== getLocale()) setLocale(want).catch(() => {}); // an unloadable language leaves the current one
    }
    if (changed.has('report') && this.report) this.errors = [];
    if (changed.has('baseline') && this.baseline) this.baselineErrors = [];
    if (changed.has('baselineSource') && this.baselineSource) void this.load(this.baselineSource, 'baseline');
    if (changed.has('mode') && changed.get('mode') !== undefined && this.mode === 'paste' && this.isConnected) this.readHash();
  }

  /** The "For IT" part (measurements, charts, remedies, sources): its own chunk, loaded once a report is shown. */
  private readonly forIt = new LazyModule(this, () => import('./for-it.js'));

  /**
   * Why input could not be opened, in the reader's language (the supervisor's texts): its own chunk, loaded only
   * when there are errors to show, and ready once that language's texts of the part have arrived.
   */
  private readonly parseTexts = new LazyModule(this, () =>
    import('../../i18n/parse-texts.js').then(async (m) => {
      await m.ready;
      return m;
    }),
  );

  /** Resolves once the element has rendered, including the "For IT" part when a report is shown (and error texts). */
  protected override getUpdateComplete(): Promise<boolean> {
    return settled(() => super.getUpdateComplete(), [this.forIt, this.parseTexts]);
  }

  private compareModule: typeof import('./compare-view.js') | undefined;
  private compareLoading = false;

  /** The compare view, loaded on first use (only a supervisor comparing two reports needs it). */
  private compareView(): typeof import('./compare-view.js') | undefined {
    if (!this.compareModule && !this.compareLoading) {
      this.compareLoading = true;
      void import('./compare-view.js').then(
        (m) => {
          this.compareModule = m;
          this.requestUpdate();
        },
        () => {
          this.compareLoading = false;
        },
      );
    }
    return this.compareModule;
  }

  private async load(text: unknown, target: Target): Promise<ParseResult> {
    const seq = ++this.seq[target];
    this.busy = true;
    let r: ParseResult;
    try {
      // The parser loads only when there is text to read (the agent's live view never needs it).
      const { parseReport } = await import('../../report/parse.js');
      r = await parseReport(text);
    } catch (e) {
      // parseReport does not throw; this is the belt to its braces.
      r = { ok: false, errors: [{ path: '', message: msg(str`The report could not be read (${e instanceof Error ? e.message : String(e)}).`) }] };
    }
    if (seq !== this.seq[target]) return r; // a newer input won
    this.busy = false;
    if (r.ok) {
      if (target === 'report') {
        this.report = r.report;
        this.errors = [];
      } else {
        this.baseline = r.report;
        this.baselineErrors = [];
        if (this.mode === 'paste') void this.revealCompare();
      }
      emit(this, 'ccp-preflight-load', { target, report: r.report });
    } else {
      this.refuse(r, target);
    }
    return r;
  }

  /** Shows a refusal in the element and fires ccp-preflight-error. */
  private refuse(r: Extract<ParseResult, { ok: false }>, target: Target): ParseResult {
    if (target === 'report') this.errors = r.errors;
    else this.baselineErrors = r.errors;
    const first = r.errors[0]?.message ?? msg('The input could not be read.');
    emit(this, 'ccp-preflight-error', {
      source: 'parse',
      target,
      message: target === 'baseline' ? msg(str`Baseline: ${first}`) : first,
      errors: r.errors.map((e) => ({ path: e.path, message: e.message })),
    });
    return r;
  }

  private onHashChange = (): void => {
    if (this.mode === 'paste') this.readHash();
  };

  /** Reads `#report=CCPF1...` (and `&baseline=...`) from the page's address. */
  private readHash(): void {
    const hash = asStr(globalThis.location?.hash);
    if (!hash || hash === this.lastHash) return;
    this.lastHash = hash;
    const params = hash.replace(/^#/, '').split('&');
    for (const p of params) {
      const eq = p.indexOf('=');
      if (eq < 0) continue;
      const key = p.slice(0, eq);
      if (key !== 'report' && key !== 'baseline') continue;
      let value = p.slice(eq + 1);
      try {
        value = decodeURIComponent(value);
      } catch {
        // keep it raw: the parser says what is wrong with it
      }
      void this.load(value, key);
    }
  }

  // ------------------------------------------------------------------------------------------------------
  // Paste panel
  // ------------------------------------------------------------------------------------------------------

  private textArea(target: Target): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector<HTMLTextAreaElement>(`textarea[data-target="${target}"]`);
  }

  private onShow(target: Target): void {
    void this.load(this.textArea(target)?.value ?? '', target);
  }

  /** A paste replaces what the text area held and is read at once. */
  private onPaste(e: ClipboardEvent, target: Target): void {
    const text = e.clipboardData?.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    const area = this.textArea(target);
    if (area) area.value = text;
    void this.load(text, target);
  }

  private onFileInput(e: Event, target: Target): void {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void this.loadFile(file, target);
    input.value = '';
  }

  private async loadFile(file: File, target: Target): Promise<ParseResult> {
    const name = file.name || msg('the file');
    const fail = async (message: string): Promise<ParseResult> => {
      ++this.seq[target]; // a file refused now wins over a parse still running
      this.busy = false;
      return this.refuse({ ok: false, errors: [{ path: '', message }] }, target);
    };
    if (!/\.(json|txt)$/i.test(file.name) && !/^(application\/json|text\/plain)/.test(file.type)) {
      return fail(msg(str`"${name}" is not a report file: open the .json file the agent downloaded (Download JSON), or a .txt file holding a share code.`));
    }
    if (file.size > MAX_FILE_BYTES) {
      return fail(msg(str`"${name}" is too large (${new Intl.NumberFormat(getLocale(), { maximumFractionDigits: 1 }).format(file.size / 1e6)} MB); a report file is well under 1 MB. Check that it is the file the agent downloaded.`));
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      return fail(msg(str`"${name}" could not be read. Save it again and retry, or paste its contents.`));
    }
    const area = this.textArea(target);
    if (area && text.length <= 200_000) area.value = text;
    return this.load(text, target);
  }

  private onDragOver(e: DragEvent): void {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  }

  private onDrop(e: DragEvent, target: Target): void {
    e.preventDefault();
    this.dragging = false;
    const dt = e.dataTransfer;
    const file = dt?.files?.[0];
    if (file) {
      void this.loadFile(file, target);
      return;
    }
    const text = dt?.getData('text/plain');
    if (text) {
      const area = this.textArea(target);
      if (area) area.value = text;
      void this.load(text, target);
    }
  }

  private renderPastePanel(target: Target): TemplateResult {
    const id = `paste-${target}`;
    const isReport = target === 'report';
    return html`<div
      class="paste ${this.dragging ? 'dragging' : ''}"
      part="paste"
      @dragover=${(e: DragEvent) => this.onDragOver(e)}
      @dragleave=${() => (this.dragging = false)}
      @drop=${(e: DragEvent) => this.onDrop(e, target)}
    >
      <label for=${id}>${isReport ? msg('Paste the report the agent sent (JSON or share code)') : msg('Paste the baseline report to compare with (JSON or share code)')}</label>
      <textarea
        id=${id}
        data-target=${target}
        part="paste-input"
        spellcheck="false"
        autocomplete="off"
        placeholder="CCPF1.… or { &quot;schema&quot;: &quot;ccp-preflight/1&quot;, … }"
        aria-describedby=${`${id}-hint`}
        @paste=${(e: ClipboardEvent) => this.onPaste(e, target)}
      ></textarea>
      <p class="muted" id=${`${id}-hint`}>${msg('Or drop a .json or .txt file here, or open one. A link ending in #report=CCPF1… opens here too.')}</p>
      <div class="row">
        <button class="primary" part="button" type="button" @click=${() => this.onShow(target)}>${isReport ? msg('Show report') : msg('Compare')}</button>
        <input id=${`${id}-file`} class="visually-hidden" type="file" tabindex="-1" aria-label=${isReport ? msg('Open a report file') : msg('Open a baseline report file')} accept=".json,.txt,application/json,text/plain" @change=${(e: Event) => this.onFileInput(e, target)} />
        <button part="button" type="button" @click=${() => this.renderRoot.querySelector<HTMLInputElement>(`#${id}-file`)?.click()}>${msg('Open file…')}</button>
        ${this.busy ? html`<span class="muted">${msg('Reading…')}</span>` : nothing}
      </div>
    </div>`;
  }

  /**
   * A refusal: sentences about the input as a whole in the reader's language (from the error's code, or its
   * English message where there is no code or the texts could not load), then the problems of single fields under
   * a lead, each path with its English detail marked as English. The box waits the few ms the texts take to load,
   * so the alert is announced once, in one language.
   */
  private renderErrors(errors: ParseError[], target: Target): TemplateResult | typeof nothing {
    if (!errors.length) return nothing;
    const t = this.parseTexts.get();
    if (!t && this.parseTexts.error === undefined) return nothing;
    const say = (e: ParseError): string => (t ? t.parseErrorText(e) : e.message);
    const isField = (e: ParseError): boolean => e.code === 'field' || (!e.code && !!e.path);
    const fields = errors.filter(isField);
    const more = errors.filter((e) => e.code === 'more');
    const sentences = errors.filter((e) => !isField(e) && e.code !== 'more');
    return html`<div class="errors" role="alert" part="errors">
      <strong>${target === 'report' ? msg('The report could not be opened.') : msg('The baseline report could not be opened.')}</strong>
      ${sentences.map((e) => html`<p>${say(e)}</p>`)}
      ${fields.length
        ? html`${t ? html`<p>${t.fieldProblemsLead()}</p>` : nothing}
            <ul>
              ${fields.map((e) => html`<li><code>${e.path}</code>: <span lang="en">${e.message}</span></li>`)}
            </ul>`
        : nothing}
      ${more.map((e) => html`<p>${say(e)}</p>`)}
      ${fields.length && t ? html`<p>${t.fieldProblemsAdvice()}</p>` : nothing}
      ${this.report && target === 'report' ? html`<p>${msg('The report shown below is the one opened before.')}</p>` : nothing}
    </div>`;
  }

  // ------------------------------------------------------------------------------------------------------
  // Report view
  // ------------------------------------------------------------------------------------------------------

  /**
   * The content in a box marked with the language it is shown in, so screen readers read it in that language's
   * voice even where the page around it is in another (the language may come from the CCP or the browser).
   */
  override render(): TemplateResult {
    return html`<div class="content" lang=${getLocale()}>${this.renderContent()}</div>`;
  }

  private renderContent(): TemplateResult {
    const paste = this.mode === 'paste';
    return html`
      ${paste
        ? this.report
          ? html`<details class="paste-again">
              <summary>${msg('Open another report (paste, file or link)')}</summary>
              ${this.renderPastePanel('report')}
            </details>`
          : this.renderPastePanel('report')
        : nothing}
      ${this.renderErrors(this.errors, 'report')}
      ${this.report ? this.renderReportSafe(this.report) : paste ? nothing : html`<p class="empty">${msg('No report to show yet.')}</p>`}
      ${paste && this.report
        ? html`<details class="baseline-input" ?open=${!!this.baseline || this.baselineErrors.length > 0}>
            <summary>${msg('Compare with an earlier report (baseline)')}</summary>
            ${this.renderPastePanel('baseline')}
          </details>`
        : nothing}
      ${this.renderErrors(this.baselineErrors, 'baseline')}
      ${paste && this.report && this.baseline ? this.renderComparePart(this.report, this.baseline) : nothing}
    `;
  }

  /** Paste mode: the compare result sits right under the baseline input, where the supervisor acted. */
  private renderComparePart(r: Report, baseline: Report): TemplateResult | typeof nothing {
    const view = this.compareView();
    const cmp = view?.safeCompare(baseline, r);
    return view && cmp ? view.renderCompare(baseline, r, cmp) : nothing;
  }

  /** After a baseline is read, the compare result is scrolled into view and focused (its heading). */
  private async revealCompare(): Promise<void> {
    for (let i = 0; i < 20; i++) {
      await this.updateComplete;
      const h = this.renderRoot.querySelector<HTMLElement>('#compare-h');
      if (h) {
        h.scrollIntoView({ block: 'start' });
        h.focus({ preventScroll: true });
        return;
      }
      await new Promise((res) => setTimeout(res, 25)); // the compare view loads on first use
    }
  }

  private renderReportSafe(r: Report): TemplateResult {
    try {
      return this.renderReport(r);
    } catch (e) {
      return html`<div class="errors" role="alert" part="errors">
        ${msg(str`This report could not be displayed (${e instanceof Error ? e.message : String(e)}). It may come from a newer version of ccp-preflight.`)}
      </div>`;
    }
  }

  private renderReport(r: Report): TemplateResult {
    const compareView = this.baseline ? this.compareView() : undefined;
    const cmp = this.baseline && compareView ? compareView.safeCompare(this.baseline, r) : null;
    const changes = new Map<string, string>();
    for (const c of cmp?.checks ?? []) if (c.direction !== 'same') changes.set(c.id, c.phrase);
    const a = agentAnswer(r);
    const label = asStr(obj(r.subject).label);
    return html`<article class="report" aria-labelledby="overall-h">
      <div class="banner ${a.tone}" part="banner">
        <h2 id="overall-h" class="answer" tabindex="-1"><span class="icon" aria-hidden="true">${VERDICT_ICONS[a.tone]}</span> ${a.sentence}</h2>
        ${label || this.mode === 'paste' ? html`<p class="whose">${label ? msg(html`Report of <strong>${label}</strong>, from ${fmtDate(r.createdAt)}`) : msg(str`Report from ${fmtDate(r.createdAt)}`)}</p>` : nothing}
        ${a.partial ? html`<p class="partial"><strong>${msg('Partial:')}</strong> ${a.partial}</p>` : nothing}
        ${a.problems.length
          ? html`<h3 class="visually-hidden">${msg('What to do now')}</h3>
              <ol class="problems" part="problems">
                ${a.problems.map(
                  (p) => html`<li class=${p.verdict}>
                    <span class="badge ${p.verdict}"><span class="icon" aria-hidden="true">${VERDICT_ICONS[p.verdict]}</span>${p.verdict === 'fail' ? msg('Problem') : msg('Warning')}</span>
                    <strong>${p.headline}</strong> ${p.action}
                  </li>`,
                )}
              </ol>`
          : nothing}
        ${a.more ? html`<p class="muted">${a.more === 1 ? msg('1 more finding is under "For IT".') : msg(str`${a.more} more findings are under "For IT".`)}</p>` : nothing}
        ${a.described.length ? html`<p class="muted">${msg(str`Not judged here (they describe the machine that ran the check): ${listText(a.described)}.`)}</p>` : nothing}
      </div>
      <slot name="actions"></slot>
      ${cmp && this.baseline && compareView && this.mode !== 'paste' ? compareView.renderCompare(this.baseline, r, cmp) : nothing}
      <details class="for-it" part="for-it" ?open=${this.forItOpen}>
        <summary>${msg('For IT: what to change, measurements and evidence')}</summary>
        ${this.renderForItPart(r, changes)}
      </details>
    </article>`;
  }

  private renderForItPart(r: Report, changes: Map<string, string>): TemplateResult {
    const forIt = this.forIt.get();
    if (forIt) return forIt.renderForIt(r, changes);
    if (this.forIt.error) {
      return html`<p class="errors" role="alert" part="errors">
        ${msg('The details could not be loaded. Check the network connection, then reload the page.')}
      </p>`;
    }
    return html`<p class="muted" aria-busy="true">${msg('Loading the details…')}</p>`;
  }

  /** Moves focus to the answer (the verdict sentence); the widget calls it when a run ends. */
  focusVerdict(): void {
    this.renderRoot.querySelector<HTMLElement>('#overall-h')?.focus();
  }
}
