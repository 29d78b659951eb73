import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { getLocale } from '../../i18n/runtime.js';
import { styles } from './ccp-preflight-ccp.styles.js';
import type { CallQualityDetail } from '../../events.js';
import type { CallSummary, Verdict } from '../../report/schema.js';

const words = (): Record<Verdict, string> => ({ pass: msg('Good'), warn: msg('Fair'), fail: msg('Poor'), skip: msg('No data') });

const fmt = (x: number | null | undefined, digits = 0) =>
  typeof x === 'number' && Number.isFinite(x) ? x.toLocaleString(getLocale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–';

/**
 * A compact live call-quality indicator: RTT, loss and estimated MOS of the agent's current softphone call,
 * with the verdict in words beside its colour. Properties in, no events out.
 *
 * @tagname ccp-preflight-call-quality
 * @summary Live softphone call quality.
 * @csspart indicator - The indicator box.
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
export class CcpPreflightCallQualityElement extends LitElement {
  static override styles = styles;
  static override properties = {
    detail: { attribute: false },
    summary: { attribute: false },
    live: { type: Boolean },
  };

  /** The latest `ccp-preflight-call-quality` detail (takes precedence over `summary`). */
  declare detail: CallQualityDetail | undefined;
  /** A call summary to show when no live detail is given (the current call's, or the last call's). */
  declare summary: CallSummary | undefined;
  /** With `summary`: the call is still up (shows its latest sample as "now"). */
  declare live: boolean;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.live = false;
  }

  override render(): TemplateResult | typeof nothing {
    const d = this.detail;
    const summary = d?.summary ?? this.summary;
    if (!summary) return nothing;
    const live = d ? !d.ended : this.live;
    const s = d?.sample ?? summary.samples.at(-1);
    // A live detail carries the latest sample's verdict; a summary's verdict covers the call so far.
    const verdict: Verdict = d && live ? d.verdict : summary.verdict;
    const rtt = live ? s?.rttMs : summary.rttMs.avg;
    const loss = live ? s?.lossPct : summary.lossPct.avg;
    const mos = live ? s?.mos : summary.mos.avg;
    const title = live ? msg('Call quality now') : msg('Last call');
    return html`<div class="box" part="indicator" role="group" aria-label=${title}>
      <div class="row">
        <span class="label">${title}:</span>
        <span class="verdict ${verdict}"><span class="dot" aria-hidden="true"></span>${words()[verdict]}</span>
        <span>${msg('round trip')} ${fmt(rtt)} ms</span>
        <span>${msg('loss')} ${fmt(loss, 1)} %</span>
        <span>MOS ${fmt(mos, 2)}</span>
        ${summary.jitterMs.avg !== null ? html`<span>${msg('jitter')} ${fmt(live ? s?.jitterMs : summary.jitterMs.avg)} ms</span>` : nothing}
      </div>
      <div class="muted">
        ${live ? msg('Live') : msg('Ended')} · ${fmt(summary.durationMs / 1000)} s ·
        ${summary.source === 'softphone-stats' ? msg("from the CCP softphone's statistics") : msg("from the softphone's connection in this page")}
      </div>
    </div>`;
  }
}
