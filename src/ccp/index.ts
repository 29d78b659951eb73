/**
 * The CCP adapter (amazon-connect-streams), loaded only when a CCP is wanted.
 *
 * INTEGRATION NOTE (for <ccp-preflight>)
 * --------------------------------------
 * Import this module lazily, so the widget without a CCP never loads Streams:
 *
 *   if (ccpMode !== 'none' && ccpUrl) {
 *     const { createCcp } = await import('../../ccp/index.js');
 *     this.ccp = createCcp({
 *       container: this.ccpSlotDiv,            // an element in the shadow root or light DOM; the iframe goes in it
 *       ccpUrl, region, mode: ccpMode,         // 'full' | 'media-less'
 *       loginPopup: true,                      // false for the fake CCP / headless
 *       host: this,                            // optional: Lit host -> hostConnected starts, hostDisconnected destroys
 *       onCallQuality: (d) => emit(this, 'ccp-preflight-call-quality', d),
 *       onFailover: (record) => emit(this, 'ccp-preflight-failover', { record }),
 *       onChange: () => this.requestUpdate(),
 *     });
 *     void this.ccp.start();                   // or let hostConnected do it
 *   }
 *
 * - Run the checks with `runPreflight({ ..., ccp: this.ccp, ccpMode, ccpUrl, region })`: the `ccp` check calls
 *   `waitReady`, and the ICE/media checks get the agent's own TURN servers through `getIceServers`
 *   (createTransport). Then `report = this.ccp.decorateReport(report)` adds `calls[]` and `failover[]`.
 * - `failover(e164)` -> `this.ccp.failover(e164, { consent: 'agent' })` (or `'policy'` when the host's
 *   failover-policy attribute allows it); `restoreSoftphone()` -> `this.ccp.restoreSoftphone()`. Both resolve
 *   to a FailoverRecord or reject with a FailoverError (`code`, clear `message`, nothing changed).
 * - Show/hide the CCP iframe: `this.ccp.setIframeVisible(bool)` (or hide the container).
 * - On disconnect: `this.ccp.destroy()` (unsubscribes, clears timers, removes the iframe; with `host` given
 *   this happens in hostDisconnected).
 * - Live state for the UI: `this.ccp.snapshot` (state, agent, softphoneErrors, websocket, ...),
 *   `this.ccp.calls.current()` (the live call's summary), `this.ccp.failoverRecords`.
 * - Sub-elements (src/elements/ccp-preflight-ccp/ccp-preflight-ccp.js; self-contained, properties in, events
 *   out; no Streams import):
 *     <ccp-preflight-call-quality .detail=${lastCallQualityDetail}>  or  .summary=${ccp.calls.current()} live
 *       (or the last call: .summary=${ccp.callSummaries().at(-1)})
 *     <ccp-preflight-failover .number=${failoverNumber} .softphoneEnabled=${snap.agent?.softphoneEnabled !== false}
 *       .extension=${snap.agent?.extension} .busy=${busy} .unfit=${report?.softphone.fit === 'no'}
 *       .records=${ccp.failoverRecords}>  fires `ccp-preflight-failover-request` { e164 } after the agent ticked
 *       the consent box, and `ccp-preflight-restore-request`.
 *
 * Only one CCP can be initialized per page (Streams is a page-wide singleton): a second controller, or a page
 * that already ran initCCP, attaches to the existing one without creating a second iframe.
 */
import { CcpController, type CcpControllerOptions } from './controller.js';

export { CcpController, loadStreams, normalizeServers, CCP_IFRAME_NAME, DEFAULT_IFRAME_STYLE } from './controller.js';
export type { CcpControllerOptions } from './controller.js';
export { FailoverError, validateExternalNumber, maskNumber, E164_PATTERN } from './failover.js';
export type { Consent, FailoverErrorCode } from './failover.js';
export { CallQualityMonitor, samplesFromSoftphoneStats, MAX_CALLS_KEPT, MAX_SAMPLES_PER_CALL } from './call-quality.js';
export { ccpOutcome, mediaCheckNote } from './outcome.js';
export type { CcpSnapshot, CcpState } from './outcome.js';
export type { ConnectLike } from './connect-types.js';

/** Creates the controller (does not start it: call `start()`, or pass a Lit `host`). */
export function createCcp(options: CcpControllerOptions): CcpController {
  return new CcpController(options);
}
