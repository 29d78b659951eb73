import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CcpController } from '../../ccp/controller.js';
import type { ConnectLike } from '../../ccp/connect-types.js';
import { isCcpRunning, pageConnect } from '../../ccp/page.js';
import type { CallQualityDetail } from '../../events.js';
import type { FailoverRecord, Report } from '../../report/schema.js';

/** The CCP the widget wants now (undefined: none). */
export interface CcpWanted {
  mode: 'full' | 'media-less';
  ccpUrl?: string | undefined;
  region?: string | undefined;
  loginPopup: boolean;
  /** The host's `connect`, when the host hands it over. */
  connect?: ConnectLike | undefined;
}

export interface CcpLinkCallbacks {
  /** The CCP for the current attributes, or undefined for none. */
  wanted: () => CcpWanted | undefined;
  /** The box this widget's own CCP iframe goes in (after the host rendered). */
  container: () => HTMLElement | null;
  onCallQuality: (detail: CallQualityDetail) => void;
  onFailover: (record: FailoverRecord) => void;
  onError: (e: unknown) => void;
}

/** True when the page runs a CCP the widget can attach to (the host's own `initCCP`). */
export function pageRunsCcp(): boolean {
  const c = pageConnect();
  return !!c && isCcpRunning(c);
}

/**
 * The widget's link to the CCP, as a Lit ReactiveController: creates the CCP controller on first need (Streams
 * loads lazily, or the page's CCP is attached to), holds its event subscriptions, and on disconnect removes
 * them and destroys the controller (which leaves a host's CCP running).
 */
export class CcpLink implements ReactiveController {
  ccp: CcpController | undefined;
  private key = '';
  private pending: Promise<CcpController | undefined> | undefined;
  private unlisten: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly cb: CcpLinkCallbacks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // The CCP starts on first need (firstUpdated, a run, a failover), not here.
  }

  hostDisconnected(): void {
    this.close();
  }

  /** The report with the CCP's part (calls, failovers) as of now. */
  addToReport(report: Report): Report {
    return this.ccp ? this.ccp.addToReport(report) : report;
  }

  close(): void {
    this.unlisten?.();
    this.unlisten = undefined;
    this.ccp?.destroy();
    this.ccp = undefined;
    this.key = '';
    this.pending = undefined;
  }

  /** The CCP controller for the current attributes, created on first need. */
  ensure(): Promise<CcpController | undefined> {
    const w = this.cb.wanted();
    if (!w) {
      this.close();
      return Promise.resolve(undefined);
    }
    const key = `${w.mode} ${w.ccpUrl ?? ''} ${w.region ?? ''} ${w.connect ? 'host' : ''}`;
    if (this.key === key && this.pending) return this.pending;
    this.close();
    this.key = key;
    this.pending = (async () => {
      await this.host.updateComplete;
      const container = this.cb.container();
      if (!container) throw new Error('The widget could not find its CCP container, so the CCP was not started: reload the page.');
      const [{ createCcp }] = await Promise.all([import('../../ccp/index.js'), import('../ccp-preflight-ccp/ccp-preflight-ccp.js')]);
      const ccp = createCcp({ container, mode: w.mode, ccpUrl: w.ccpUrl, region: w.region, loginPopup: w.loginPopup, connect: w.connect });
      if (this.key !== key) {
        ccp.destroy();
        return undefined;
      }
      this.ccp = ccp;
      this.unlisten = this.listen(ccp);
      void ccp.start().catch((e: unknown) => this.cb.onError(e));
      return ccp;
    })();
    this.pending.catch((e: unknown) => this.cb.onError(e));
    return this.pending;
  }

  private listen(ccp: CcpController): () => void {
    const onChange = () => this.host.requestUpdate();
    const onQuality = (e: Event) => this.cb.onCallQuality((e as CustomEvent<CallQualityDetail>).detail);
    const onFailover = (e: Event) => this.cb.onFailover((e as CustomEvent<FailoverRecord>).detail);
    ccp.addEventListener('change', onChange);
    ccp.addEventListener('call-quality', onQuality);
    ccp.addEventListener('failover', onFailover);
    return () => {
      ccp.removeEventListener('change', onChange);
      ccp.removeEventListener('call-quality', onQuality);
      ccp.removeEventListener('failover', onFailover);
    };
  }
}
