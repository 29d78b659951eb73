/**
 * The widget's phone switch (to an external phone and back) as the agent sees it: one switch at a time through
 * the CCP, its outcome said, a failure shown at once and then again in the agent's language (the failover texts
 * are their own small module, loaded on failure), and focus kept in the failover panel when the switch was asked
 * for there. A ReactiveController: the widget re-renders when its state changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CcpController } from '../../ccp/controller.js';
import type { FailoverRecord } from '../../report/schema.js';
import type { FailoverErrorLike } from '../../i18n/failover-texts.js';
import type { FailoverErrorCode } from '../../ccp/failover.js';
import { NO_CCP_TO_SWITCH } from './failover-policy.js';

export interface PhoneSwitchHooks {
  /** The wrapped CCP, started if needed; undefined when there is none. */
  ensureCcp(): Promise<CcpController | undefined>;
  /** Says a switch's outcome (in the agent's language). */
  said(text: string): void;
  /** Reports a failure the widget's way (its message line and the `ccp-preflight-error` event). */
  failed(e: unknown): void;
  /** Puts focus back into the failover panel. */
  focusPanel(): Promise<void>;
}

export class PhoneSwitchUi implements ReactiveController {
  /** True while a switch is in progress. */
  busy = false;
  /** The last switch's failure, for the panel (undefined once a new switch starts). */
  error: string | undefined;
  /** The current switch was asked for in the failover panel (focus stays there). */
  private fromPanel = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly hooks: PhoneSwitchHooks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Marks the next switch as asked for in the failover panel. */
  fromThePanel(): this {
    this.fromPanel = true;
    return this;
  }

  /** One switch at a time through the CCP, with its outcome said and any failure reported. */
  async run(action: (ccp: CcpController) => Promise<FailoverRecord>, done: (record: FailoverRecord) => string): Promise<FailoverRecord> {
    const ccp = await this.hooks.ensureCcp();
    if (!ccp) {
      // A failover code, so the panel and the banner say it in the agent's language (src/i18n/failover-texts.ts).
      const e = Object.assign(new Error(NO_CCP_TO_SWITCH), { code: 'no-ccp-to-switch' satisfies FailoverErrorCode });
      this.hooks.failed(e);
      throw e;
    }
    this.busy = true;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const record = await action(ccp);
      this.hooks.said(done(record));
      return record;
    } catch (e) {
      this.hooks.failed(e);
      throw e;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
      if (this.fromPanel) void this.hooks.focusPanel();
      this.fromPanel = false;
    }
  }

  /**
   * A failure to show in the panel: its message at once, then (for a FailoverError, which carries its code and
   * figures) the same in the agent's language; `show` also gets that text for the widget's message line.
   */
  setError(e: unknown, show: (text: string) => void): void {
    const message = e instanceof Error ? e.message : String(e);
    this.error = message;
    if (!(e instanceof Error && 'code' in e)) return;
    void import('../../i18n/failover-texts.js').then((m) => {
      if (this.error !== message) return; // a later switch replaced it
      this.error = m.failoverErrorText(e as FailoverErrorLike);
      show(this.error);
      this.host.requestUpdate();
    });
  }
}
