/**
 * When the widget offers or makes a switch to an external phone, and what it says: plain functions over the
 * report and the agent's phone setting (no DOM, no Streams).
 */
import { msg, str } from '@lit/localize';
import type { FailoverRecord, Report } from '../../report/schema.js';

export type FailoverPolicy = 'ask' | 'auto';

/** The host's policy `auto` switches on its own only when the softphone is unfit and the agent still uses it. */
export function shouldAutoFailover(p: { policy: FailoverPolicy | undefined; number: string | undefined; report: Report; softphoneEnabled: boolean | undefined }): boolean {
  return p.policy === 'auto' && !!p.number && p.report.softphone.fit === 'no' && p.softphoneEnabled !== false;
}

/** The reason recorded with a switch. */
export function failoverReason(report: Report | undefined): string {
  return report?.softphone.fit === 'no' ? `Softphone not fit: ${report.summary}` : 'Requested by the agent.';
}

/**
 * Whether the failover panel shows: when the softphone is unfit or the agent is on an external phone (the way
 * back), or once the host gave a failover number and a run has happened.
 */
export function failoverPanelWanted(p: { report: Report | undefined; softphoneEnabled: boolean; number: string | undefined }): { show: boolean; unfit: boolean; deskphone: boolean } {
  const unfit = p.report?.softphone.fit === 'no';
  const deskphone = !p.softphoneEnabled;
  return { show: unfit || deskphone || (!!p.number && !!p.report), unfit, deskphone };
}

/** What the widget says after a switch. */
export function switchedMessage(record: FailoverRecord, e164?: string): string {
  return record.action === 'to-softphone'
    ? msg('Calls ring in the softphone again.')
    : msg(str`Calls now ring on ${record.after.extension ?? e164 ?? msg('the external phone')}. You can switch back to the softphone at any time.`);
}

export const NO_CCP_TO_SWITCH = "There is no CCP to switch: set the ccp-url attribute to your instance's CCP URL (or start the CCP in the page first). Nothing was changed.";
