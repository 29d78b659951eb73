import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { Report } from '../../report/schema.js';
import type { CcpLog, ProgressStep } from '../../ccplog/types.js';
import { count, logAnswer, messagesOf, messageText, phaseText } from '../../i18n/ccplog-texts.js';
import { getLocale, needTexts, setLocale } from '../../i18n/runtime.js';
import { texts as supervisorTexts } from '../../generated/parts/supervisor.js';
import { resolveLocale } from '../../i18n/locale.js';
import { emit } from '../../internal/emit.js';
import { styles } from './ccp-preflight-log.styles.js';
import { badge, renderAbout, renderCall, renderProblems, renderTimeline } from './render.js';
import { renderJoined } from './joined.js';

void needTexts(supervisorTexts); // the CCP log view's texts (src/i18n/ccplog-texts.ts): not the widget's

/**
 * Renders an agent's CCP log (agent-log.txt) with the report renderer's look: problems first, then each call's
 * quality per direction (what the agent hears, what the caller hears) with charts and thresholds, the timeline
 * and what the log is. Large logs are parsed in a Web Worker with progress. With `report` set, the pre-flight
 * test and the real calls are shown together on one timeline.
 *
 * @tag ccp-preflight-log
 * @summary A CCP log viewer.
 * @fires ccp-preflight-error - The text or file is not a readable CCP log ({ source: 'log', message }).
 * @csspart verdict - Verdict badges.
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
export class CcpPreflightLogElement extends LitElement {
  static override styles = styles;

  /** The parsed log to show (set by showText/showFile, or directly from parseCcpLog's result). */
  @property({ attribute: false }) log: CcpLog | undefined;
  /** A pre-flight report of the same agent: shown beside the log's calls on one timeline. */
  @property({ attribute: false }) report: Report | undefined;
  /**
   * The language to show the log in (`en`, `es`, `fr`, `de`, `pt-BR`, `ja`), whatever language the log or the
   * parser wrote. Without it the browser's languages decide. The language is the page's (one for all elements).
   */
  @property({ type: String }) override lang = '';

  @state() private busy = false;
  @state() private fraction = 0;
  @state() private step: ProgressStep | undefined;
  @state() private phase = '';
  /** How to call what is shown (in the active language when asked); undefined before anything was shown. */
  @state() private source: (() => string) | undefined;
  @state() private refused: CcpLog | undefined;
  private seq = 0;
  private abort: AbortController | undefined;
  /** The `lang` last applied (undefined: none yet). */
  private appliedLang: string | null | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /**
   * Parses text holding a CCP log (in a worker) and shows it. `name` says what the text is in the heading and in
   * a refusal (default: "the pasted text" in the active language); a function is asked at each render, so it
   * can follow the language. Never throws; resolves with the result.
   */
  showText(text: string, name?: string | (() => string)): Promise<CcpLog> {
    return this.run(text, typeof name === 'function' ? name : name ? () => name : () => msg('the pasted text'));
  }

  /** Reads and parses a CCP log file in a worker (the page never holds its text) and shows it. */
  showFile(file: Blob & { name?: string }): Promise<CcpLog> {
    const name = file.name;
    return this.run(file, name ? () => `"${name}"` : () => msg('the file'));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // As <ccp-preflight-report>: the language is applied when this element's `lang` changes (or first), not on
    // every render, so two elements on one page never take turns.
    const lang = this.getAttribute('lang') || this.lang || null;
    if (lang !== this.appliedLang) {
      this.appliedLang = lang;
      const want = resolveLocale({ lang, browser: globalThis.navigator?.languages });
      if (want !== getLocale()) setLocale(want).catch(() => {}); // an unloadable language leaves the current one
    }
  }

  /** Where the log came from, in the active language. */
  private sourceName(): string {
    return this.source?.() ?? msg('the pasted text');
  }

  /** Why the last text or file was refused, in the active language ('' when it was not). */
  private refusal(): string {
    const log = this.refused;
    if (!log) return '';
    return msg(str`${this.sourceName()}: ${messageText(log.messageCodes?.[0], log.messages[0] ?? 'not a CCP log.')}`);
  }

  override disconnectedCallback(): void {
    this.abort?.abort();
    super.disconnectedCallback();
  }

  private async run(input: string | Blob, name: () => string): Promise<CcpLog> {
    const seq = ++this.seq;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.busy = true;
    this.fraction = 0;
    this.phase = '';
    this.step = { code: 'reading', params: {} };
    const { parseCcpLogInWorker } = await import('../../ccplog/client.js');
    const log = await parseCcpLogInWorker(input, {
      signal: abort.signal,
      onProgress: (fr, phase, step) => {
        if (seq !== this.seq) return;
        this.fraction = fr;
        this.phase = phase;
        this.step = step;
      },
    });
    if (seq !== this.seq) return log;
    this.busy = false;
    this.source = name;
    this.refused = log.ok ? undefined : log;
    if (log.ok) this.log = log;
    else emit(this, 'ccp-preflight-error', { source: 'log', message: this.refusal() });
    return log;
  }

  private renderHead(log: CcpLog): TemplateResult {
    return html`<header>
      <h2>${badge(log.verdict)} ${msg('CCP log')}${this.source !== undefined ? html` <span class="muted">(${this.sourceName()})</span>` : nothing}</h2>
      <p class="answer" role="status">${logAnswer(log)}</p>
      ${messagesOf(log).map((m) => html`<p class="muted">${m}</p>`)}
    </header>`;
  }

  /**
   * The content in a box marked with the language it is shown in, so screen readers read it in that language's
   * voice even where the page around it is in another (the language may come from the CCP or the browser).
   */
  protected override render(): TemplateResult {
    return html`<div class="content" lang=${getLocale()}>${this.renderContent()}</div>`;
  }

  private renderContent(): TemplateResult {
    const log = this.log;
    return html`
      ${this.busy
        ? html`<div class="busy" role="status">
            <label>${phaseText(this.step, this.phase)}… <progress max="1" .value=${this.fraction} aria-label=${msg('Reading the CCP log')}></progress></label>
          </div>`
        : nothing}
      ${this.refused ? html`<p role="alert" class="check fail">${this.refusal()}</p>` : nothing}
      ${log
        ? html`${this.renderHead(log)}
            <section aria-label=${msg('Problems')}>${renderProblems(log)}</section>
            ${renderJoined(this.report, log)}
            <section aria-labelledby="calls-h">
              <h3 id="calls-h">${msg(str`Calls (${count(log.calls.length)})`)}</h3>
              ${log.calls.length ? log.calls.map((c, i) => renderCall(c, i)) : html`<p class="muted">${msg('No softphone call is in this log.')}</p>`}
            </section>
            ${renderTimeline(log)} ${renderAbout(log)}`
        : nothing}
    `;
  }
}
