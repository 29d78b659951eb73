import { LitElement, html, nothing } from 'lit';
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
 * @cssprop --ccp-preflight-pass - Colour of "Good".
 * @cssprop --ccp-preflight-warn - Colour of "Fair".
 * @cssprop --ccp-preflight-fail - Colour of "Poor".
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

  override render() {
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
