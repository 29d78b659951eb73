/**
 * The CCP adapter (amazon-connect-streams), loaded only when a CCP is wanted.
 *
 * - Attach or own: `createCcp({ container, mode, connect?, ccpUrl? })` attaches to the CCP the page already
 *   runs (the host passes its `connect`, or a `connect` whose core is initialized is found on the page): the
 *   host's agent, event bus, SOFTPHONE_STATS, softphone errors and client (createTransport, failover); it never
 *   calls initCCP, never loads a second Streams and never touches the host's iframe. Only when no CCP runs does
 *   it load Streams (lazily) and start a full or media-less CCP in `container` (then `ccpUrl` is needed).
 * - Run the checks with `runPreflight({ ..., ccp })`: the `ccp` check calls `waitReady`, the ICE/media checks
 *   get the agent's own TURN servers through `getIceServers`, and the runner asks `addToReport` once for the
 *   CCP's part (calls[], failover[]). Later, `addToReport(report)` again gives the report with calls and
 *   failovers up to now.
 * - Events (the one way it notifies; it is an EventTarget): `change`, `call-quality`
 *   (CustomEvent<CallQualityDetail>), `failover` (CustomEvent<FailoverRecord>).
 * - `failover(e164, { consent })`, `restoreSoftphone()`: a FailoverRecord, or a FailoverError (`code`, clear
 *   `message`, nothing changed).
 * - `destroy()`: removes this widget's subscriptions and timers; a CCP it started is stopped, the host's is
 *   left running.
 */
import { CcpController, type CcpControllerOptions } from './controller.js';

export { CcpController, loadStreams, normalizeServers, CCP_IFRAME_NAME, DEFAULT_IFRAME_STYLE } from './controller.js';
export type { CcpControllerOptions } from './controller.js';
export { pageConnect, isCcpRunning } from './streams.js';
export { FailoverError, validateExternalNumber, maskNumber, E164_PATTERN } from './failover.js';
export type { Consent, FailoverErrorCode } from './failover.js';
export { CallQualityMonitor, samplesFromSoftphoneStats, MAX_CALLS_KEPT, MAX_SAMPLES_PER_CALL } from './call-quality.js';
export { ccpOutcome, mediaCheckNote } from './outcome.js';
export type { CcpSnapshot, CcpState } from './outcome.js';
export type { ConnectLike } from './connect-types.js';

/** Creates the controller (does not start it: call `start()`). */
export function createCcp(options: CcpControllerOptions): CcpController {
  return new CcpController(options);
}
