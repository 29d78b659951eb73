import { html, nothing, type TemplateResult } from 'lit';
import type { CallQualityDetail } from '../../events.js';
import type { CcpController } from '../../ccp/controller.js';
import type { Report } from '../../report/schema.js';
import { failoverPanelWanted } from './failover-policy.js';

/** The live-call indicator, when a call has been seen on a wrapped CCP. */
export function renderCallQuality(detail: CallQualityDetail | undefined): TemplateResult | typeof nothing {
  return detail ? html`<ccp-preflight-call-quality part="call-quality" .detail=${detail}></ccp-preflight-call-quality>` : nothing;
}

export interface FailoverPanelState {
  report: Report | undefined;
  number: string | undefined;
  busy: boolean;
  error: string | undefined;
  onFailover(e164: string): void;
  onRestore(): void;
}

/**
 * The failover panel. Offered when the softphone is unfit, when the agent is on an external phone (the way
 * back), or once the host gave a failover number and a run has happened. It has one place: right under the
 * answer and its problems (in the report's actions slot), or alone when there is no report yet.
 */
export function renderFailoverPanel(ccp: CcpController | undefined, s: FailoverPanelState): TemplateResult | typeof nothing {
  const agent = ccp?.agentSubject;
  if (!ccp || !agent) return nothing;
  const { show, unfit, deskphone } = failoverPanelWanted({ report: s.report, softphoneEnabled: agent.softphoneEnabled !== false, number: s.number });
  if (!show) return nothing;
  return html`<ccp-preflight-failover
    part="failover"
    .number=${s.number}
    .softphoneEnabled=${!deskphone}
    .extension=${agent.extension}
    .busy=${s.busy}
    .unfit=${unfit}
    .records=${ccp.failoverRecords}
    .error=${s.error}
    @ccp-preflight-failover-request=${(e: CustomEvent<{ e164: string }>) => s.onFailover(e.detail.e164)}
    @ccp-preflight-restore-request=${() => s.onRestore()}
  ></ccp-preflight-failover>`;
}
