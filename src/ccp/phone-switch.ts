/**
 * Failover through the agent of the page's CCP (the host's or ours): switch to an external E.164 phone and
 * back, one change at a time, every attempt that reached the CCP recorded (bounded).
 */
import type { FailoverRecord } from '../report/schema.js';
import type { AgentLike } from './connect-types.js';
import { DEFAULT_FAILOVER_TIMEOUT_MS, FailoverError, switchToExternalPhone, switchToSoftphone, validateExternalNumber, type Consent } from './failover.js';
import { safe } from './streams.js';

/** Bound for an 8-hour shift. */
export const MAX_FAILOVER_RECORDS = 20;
/** How long a switch waits for the CCP to confirm the new phone setting. */
export const CONFIRM_WAIT_MS = 3000;

export interface SwitchRequest {
  consent?: Consent;
  reason?: string;
  timeoutMs?: number;
}

export interface PhoneSwitchOptions {
  /** The agent, or a FailoverError saying why there is none. */
  agent: () => AgentLike;
  /** The agent's dialable countries as last seen (when the agent object cannot say). */
  dialableCountries: () => string[];
  invalidLocale: () => string;
  timeoutMs?: number | undefined;
  /** Aborted when the CCP is closed. */
  signal: () => AbortSignal;
  /** Resolves once the agent's softphone setting is `enabled` (or after a bounded wait). */
  confirmed: (enabled: boolean, waitMs: number) => Promise<void>;
  onRecord: (record: FailoverRecord) => void;
}

export class PhoneSwitch {
  private list: FailoverRecord[] = [];
  private busy = false;
  private extensionBefore: string | null | undefined;

  constructor(private readonly o: PhoneSwitchOptions) {}

  get records(): FailoverRecord[] {
    return this.list.map((r) => ({ ...r }));
  }

  get inProgress(): boolean {
    return this.busy;
  }

  private record(r: FailoverRecord): void {
    this.list.push(r);
    while (this.list.length > MAX_FAILOVER_RECORDS) this.list.shift();
    this.o.onRecord({ ...r });
  }

  private async once(work: () => Promise<FailoverRecord>): Promise<FailoverRecord> {
    if (this.busy) throw new FailoverError('busy', 'A phone change is already in progress; wait for it to finish.');
    this.busy = true;
    try {
      let rec: FailoverRecord;
      try {
        rec = await work();
      } catch (e) {
        if (e instanceof FailoverError && e.record) this.record(e.record);
        throw e;
      }
      this.record(rec);
      return rec;
    } finally {
      this.busy = false;
    }
  }

  /**
   * Redirects the agent's calls to an external E.164 number. Needs consent ('agent' or 'policy'). Validates
   * the number (format, country, dialable) before sending anything. Resolves with the record, rejects with
   * FailoverError (its `record` set when the CCP was asked and refused).
   */
  async failover(e164: string, req: SwitchRequest = {}): Promise<FailoverRecord> {
    if (req.consent !== 'agent' && req.consent !== 'policy') {
      throw new FailoverError('consent-required', "Switching to an external phone needs the agent's explicit consent (or a host failover policy). Nothing was changed.");
    }
    const agent = this.o.agent();
    const rec = await this.once(async () => {
      const check = await validateExternalNumber(e164, safe(() => agent.getDialableCountries()) ?? this.o.dialableCountries());
      const extBefore = agent.getConfiguration().extension ?? null;
      const wasSoftphone = !!agent.getConfiguration().softphoneEnabled;
      const r = await switchToExternalPhone(agent, check, {
        consent: req.consent!,
        ...(req.reason ? { reason: req.reason } : {}),
        timeoutMs: req.timeoutMs ?? this.o.timeoutMs ?? DEFAULT_FAILOVER_TIMEOUT_MS,
        invalidLocale: this.o.invalidLocale(),
        signal: this.o.signal(),
      });
      if (wasSoftphone) this.extensionBefore = extBefore ? String(extBefore) : null;
      return r;
    });
    await this.o.confirmed(false, CONFIRM_WAIT_MS);
    return { ...rec };
  }

  /** Switches the agent back to the softphone (restoring the extension it had before the failover). */
  async restoreSoftphone(req: SwitchRequest = {}): Promise<FailoverRecord> {
    const agent = this.o.agent();
    if (agent.getConfiguration().softphoneEnabled) throw new FailoverError('already-softphone', 'The agent already uses the softphone; nothing to restore.');
    const rec = await this.once(async () => {
      const r = await switchToSoftphone(agent, {
        consent: req.consent ?? 'agent',
        reason: req.reason ?? 'Back to the softphone.',
        timeoutMs: req.timeoutMs ?? this.o.timeoutMs ?? DEFAULT_FAILOVER_TIMEOUT_MS,
        invalidLocale: this.o.invalidLocale(),
        signal: this.o.signal(),
        ...(this.extensionBefore !== undefined ? { extension: this.extensionBefore } : {}),
      });
      this.extensionBefore = undefined;
      return r;
    });
    await this.o.confirmed(true, CONFIRM_WAIT_MS);
    return { ...rec };
  }
}
