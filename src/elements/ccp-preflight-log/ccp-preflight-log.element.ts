import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Report } from '../../report/schema.js';
import type { CcpLog } from '../../ccplog/types.js';
import { emit } from '../../internal/emit.js';
import { styles } from './ccp-preflight-log.styles.js';
import { badge, renderAbout, renderCall, renderProblems, renderTimeline } from './render.js';
import { renderJoined } from './joined.js';

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

  @state() private busy = false;
  @state() private fraction = 0;
  @state() private phase = '';
  @state() private source = '';
  @state() private refusal = '';
  private seq = 0;
  private abort: AbortController | undefined;

  /** Parses text holding a CCP log (in a worker) and shows it. Never throws; resolves with the result. */
  showText(text: string, name = 'the pasted text'): Promise<CcpLog> {
    return this.run(text, name);
  }

  /** Reads and parses a CCP log file in a worker (the page never holds its text) and shows it. */
  showFile(file: Blob & { name?: string }): Promise<CcpLog> {
    return this.run(file, file.name ? `"${file.name}"` : 'the file');
  }

  override disconnectedCallback(): void {
    this.abort?.abort();
    super.disconnectedCallback();
  }

  private async run(input: string | Blob, name: string): Promise<CcpLog> {
    const seq = ++this.seq;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.busy = true;
    this.fraction = 0;
    this.phase = 'Reading the log';
    const { parseCcpLogInWorker } = await import('../../ccplog/client.js');
    const log = await parseCcpLogInWorker(input, {
      signal: abort.signal,
      onProgress: (fr, phase) => {
        if (seq !== this.seq) return;
        this.fraction = fr;
        this.phase = phase;
      },
    });
    if (seq !== this.seq) return log;
    this.busy = false;
    this.source = name;
    this.refusal = log.ok ? '' : `${name}: ${log.messages[0] ?? 'not a CCP log.'}`;
    if (log.ok) this.log = log;
    else emit(this, 'ccp-preflight-error', { source: 'log', message: this.refusal });
    return log;
  }

  private renderHead(log: CcpLog): TemplateResult {
    const bad = log.calls.filter((c) => c.verdict === 'fail' || c.verdict === 'warn').length;
    const answer =
      log.verdict === 'fail' || log.verdict === 'warn'
        ? `${bad ? `${bad} of ${log.calls.length} call${log.calls.length === 1 ? '' : 's'} had poor audio` : `${log.calls.length} call${log.calls.length === 1 ? '' : 's'} in the log`}; ${log.problems.length} problem${log.problems.length === 1 ? '' : 's'} found.`
        : `${log.calls.length} call${log.calls.length === 1 ? '' : 's'} in the log, no problems found.`;
    return html`<header>
      <h2>${badge(log.verdict)} CCP log${this.source ? html` <span class="muted">(${this.source})</span>` : nothing}</h2>
      <p class="answer" role="status">${answer}</p>
      ${log.messages.map((m) => html`<p class="muted">${m}</p>`)}
    </header>`;
  }

  protected override render(): TemplateResult {
    const log = this.log;
    return html`
      ${this.busy
        ? html`<div class="busy" role="status">
            <label>${this.phase}… <progress max="1" .value=${this.fraction} aria-label="Reading the CCP log"></progress></label>
          </div>`
        : nothing}
      ${this.refusal ? html`<p role="alert" class="check fail">${this.refusal}</p>` : nothing}
      ${log
        ? html`${this.renderHead(log)}
            <section aria-label="Problems">${renderProblems(log)}</section>
            ${renderJoined(this.report, log)}
            <section aria-labelledby="calls-h">
              <h3 id="calls-h">Calls (${log.calls.length})</h3>
              ${log.calls.length ? log.calls.map((c, i) => renderCall(c, i)) : html`<p class="muted">No softphone call is in this log.</p>`}
            </section>
            ${renderTimeline(log)} ${renderAbout(log)}`
        : nothing}
    `;
  }
}
