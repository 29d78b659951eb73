import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { styles } from './ccp-preflight-ccp.styles.js';
import type { FailoverRecord } from '../../report/schema.js';

export const E164 = /^\+[1-9]\d{1,14}$/;

export interface FailoverRequestDetail {
  e164: string;
}

declare global {
  interface HTMLElementEventMap {
    'ccp-preflight-failover-request': CustomEvent<FailoverRequestDetail>;
    'ccp-preflight-restore-request': CustomEvent<Record<string, never>>;
  }
}

/**
 * The failover panel: switch the agent's calls to an external phone (E.164) with the agent's explicit
 * consent, and back to the softphone. Self-contained: properties in, request events out; the host does the
 * switch (CcpController.failover / restoreSoftphone) and passes the new state back in.
 *
 * @tagname ccp-preflight-failover
 * @summary Switch calls to an external phone and back.
 * @fires ccp-preflight-failover-request - The agent asked to switch to `detail.e164` (and consented).
 * @fires ccp-preflight-restore-request - The agent asked to go back to the softphone.
 * @csspart panel - The panel box.
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
export class CcpPreflightFailoverElement extends LitElement {
  static override styles = styles;
  static override properties = {
    number: { type: String },
    softphoneEnabled: { type: Boolean, attribute: 'softphone-enabled' },
    extension: { type: String },
    busy: { type: Boolean },
    unfit: { type: Boolean },
    records: { attribute: false },
    error: { type: String },
    _consent: { state: true, attribute: false },
    _value: { state: true, attribute: false },
  };

  /** Suggested external number (the widget's failover-number). */
  declare number: string | undefined;
  /** The agent's current phone setting. */
  declare softphoneEnabled: boolean;
  /** The agent's current external number (deskphone mode). */
  declare extension: string | undefined;
  /** A switch is in progress. */
  declare busy: boolean;
  /** The last run found the softphone not fit (the panel then explains why it is offered). */
  declare unfit: boolean;
  /** Failover records so far (newest last). */
  declare records: FailoverRecord[];
  /** The last failure's message (shown as an alert). */
  declare error: string | undefined;
  declare _consent: boolean;
  declare _value: string | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.softphoneEnabled = true;
    this.busy = false;
    this.unfit = false;
    this.records = [];
    this._consent = false;
  }

  private get value(): string {
    return (this._value ?? this.number ?? '').trim();
  }

  private request(): void {
    if (!E164.test(this.value) || !this._consent || this.busy) return;
    this.dispatchEvent(new CustomEvent('ccp-preflight-failover-request', { detail: { e164: this.value }, bubbles: true, composed: true }));
    this._consent = false;
  }

  private restore(): void {
    if (this.busy) return;
    this.dispatchEvent(new CustomEvent('ccp-preflight-restore-request', { detail: {}, bubbles: true, composed: true }));
  }

  override render(): TemplateResult {
    const last = this.records.at(-1);
    const valid = E164.test(this.value);
    return html`<div class="box" part="panel" role="group" aria-label=${msg('Phone for calls')}>
      ${this.softphoneEnabled
        ? html`<p>
              ${this.unfit ? msg('The softphone is not fit on this workstation.') : ''}
              ${msg('You can have calls ring on another phone instead (a mobile or desk phone), in E.164 format.')}
            </p>
            <div class="row">
              <label for="num" class="label">${msg('Phone number')}</label>
              <input
                id="num"
                type="tel"
                inputmode="tel"
                autocomplete="tel"
                placeholder="+14155550123"
                aria-describedby="num-help"
                aria-invalid=${this.value && !valid ? 'true' : 'false'}
                .value=${this.value}
                @input=${(e: Event) => (this._value = (e.target as HTMLInputElement).value)}
              />
            </div>
            <div id="num-help" class="muted">${msg('+ then the country code and number, digits only.')}</div>
            <div class="row consent">
              <input id="consent" type="checkbox" .checked=${this._consent} @change=${(e: Event) => (this._consent = (e.target as HTMLInputElement).checked)} />
              <label for="consent">${msg('Ring my calls on this number until I switch back. Unanswered calls put me in the missed state.')}</label>
            </div>
            <div class="row">
              <button type="button" ?disabled=${!valid || !this._consent || this.busy} @click=${() => this.request()}>
                ${this.busy ? msg('Switching…') : msg('Switch calls to this phone')}
              </button>
            </div>`
        : html`<p>${msg(html`Calls ring on <strong>${this.extension ?? msg('an external phone')}</strong>, not in the softphone.`)}</p>
            <div class="row">
              <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.restore()}>
                ${this.busy ? msg('Switching…') : msg('Back to the softphone')}
              </button>
            </div>`}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${last
        ? html`<dl aria-label=${msg('Last phone change')}>
            <dt>${msg('Last change')}</dt>
            <dd>${last.action === 'to-external-phone' ? msg('to external phone') : msg('to softphone')}: ${last.status === 'switched' ? msg('switched') : msg('failed')}</dd>
            <dt>${msg('Before')}</dt>
            <dd>${last.before.softphoneEnabled ? msg('softphone') : msg(str`phone ${last.before.extension ?? ''}`)}</dd>
            <dt>${msg('After')}</dt>
            <dd>${last.after.softphoneEnabled ? msg('softphone') : msg(str`phone ${last.after.extension ?? ''}`)}</dd>
          </dl>`
        : nothing}
    </div>`;
  }
}
