/**
 * The live call monitor: follows the agent's voice contacts, reads the softphone stats the CCP publishes
 * (SOFTPHONE_STATS) and, when the page runs the softphone itself, polls its peer connection. One timer at a
 * time, bounded buffers (CallQualityMonitor), nothing left running after `stop()`.
 */
import type { CallQualityDetail } from '../events.js';
import type { Thresholds } from '../stats/thresholds.js';
import { CallQualityMonitor, PC_POLL_MS, PeerConnectionSampler, type SoftphoneStatsPayload } from './call-quality.js';
import type { AgentLike, ContactLike, SoftphoneManagerLike } from './connect-types.js';
import { safe } from './streams.js';

export interface LiveCallOptions {
  thresholds?: Thresholds | undefined;
  /** Every quality update (the controller re-dispatches it). */
  onQuality: (detail: CallQualityDetail) => void;
  /** The page's softphone manager, when the page runs the softphone (initSoftphoneManager). */
  softphoneManager: () => SoftphoneManagerLike | null | undefined;
}

export class LiveCallMonitor {
  readonly calls: CallQualityMonitor;
  private readonly softphoneManager: LiveCallOptions['softphoneManager'];
  private samplers = new Map<string, PeerConnectionSampler>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private busy = false;
  private stopped = false;

  constructor(opts: LiveCallOptions) {
    this.softphoneManager = opts.softphoneManager;
    this.calls = new CallQualityMonitor({ ...(opts.thresholds ? { thresholds: opts.thresholds } : {}), onQuality: opts.onQuality });
  }

  /** A SOFTPHONE_STATS payload from the CCP's event bus. */
  ingestSoftphoneStats(payload: unknown): void {
    if (!this.stopped) this.calls.ingestSoftphoneStats((payload ?? {}) as SoftphoneStatsPayload);
  }

  /** Ends calls whose contact is gone; starts/stops peer-connection polling for an in-page softphone. */
  follow(agent: AgentLike): void {
    if (this.stopped) return;
    const contacts: ContactLike[] = safe(() => agent.getContacts?.() ?? []) ?? [];
    const voice = contacts.filter((c) => safe(() => c.getType?.()) === 'voice');
    const ids = new Set(voice.map((c) => safe(() => c.getContactId())).filter((x): x is string => !!x));
    for (const id of this.calls.activeContactIds) if (!ids.has(id) && id !== 'unknown') this.calls.endCall(id);
    for (const id of [...this.samplers.keys()]) if (!ids.has(id)) this.samplers.delete(id);
    const mgr = safe(() => this.softphoneManager());
    if (mgr?.getSession) {
      for (const c of voice) {
        const id = safe(() => c.getContactId());
        const connId = safe(() => c.getAgentConnection?.()?.getConnectionId());
        const pc = connId ? safe(() => mgr.getSession!(connId)?._pc) : null;
        if (id && pc && !this.samplers.has(id)) this.samplers.set(id, new PeerConnectionSampler(pc));
      }
    }
    if (this.samplers.size && !this.timer) this.timer = setInterval(() => void this.poll(), PC_POLL_MS);
    else if (!this.samplers.size) this.clearTimer();
  }

  private async poll(): Promise<void> {
    if (this.busy || this.stopped) return;
    this.busy = true;
    try {
      for (const [id, sampler] of this.samplers) {
        const s = await sampler.sample().catch(() => null);
        if (s && !this.stopped) this.calls.ingestPeerConnectionSample(id, { atMs: Date.now(), ...s });
      }
    } finally {
      this.busy = false;
    }
  }

  private clearTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Ends every call (their summaries stay) and stops polling. */
  stop(): void {
    this.calls.endAll();
    this.stopped = true;
    this.clearTimer();
    this.samplers.clear();
  }

  /** After a stop, follows again (a restarted CCP). */
  resume(): void {
    this.stopped = false;
  }
}
