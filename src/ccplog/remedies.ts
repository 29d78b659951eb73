/**
 * What to do about what a CCP log shows, taken from the project's remedy catalogue (src/report/remedies.ts),
 * so the viewer gives the same advice for the agent's real calls as for a pre-flight test.
 */
import type { Remedy } from '../report/schema.js';
import { REMEDIES as R, remediesFor } from '../report/remedies.js';

/** Softphone error types (`connect.SoftphoneErrorTypes`) to remedies. */
const BY_ERROR: Readonly<Record<string, readonly Remedy[]>> = {
  unsupported_browser: [R.browserLatest, R.externalPhone],
  microphone_not_shared: [R.micPermission, R.osMicPermission, R.micBusy],
  signalling_handshake_failure: [R.tcp443Ec2, R.proxyWebSocket, R.proxyCert],
  signalling_connection_failure: [R.tcp443Ec2, R.proxyWebSocket, R.ccpEndpoints],
  ice_collection_timeout: [R.udp3478, R.stateless, R.tcp443Connect, R.newRanges],
  user_busy_error: [R.panicLogout],
  webrtc_error: [R.browserLatest, R.udp3478, R.ccpEndpoints],
  realtime_communication_error: [R.udp3478, R.tcp443Ec2, R.ccpEndpoints],
  vdi_strategy_not_supported: [R.vdi],
  vdi_redir_not_supported: [R.vdi],
  multiple_softphone_active_sessions: [R.panicLogout],
};

/** Remedies for a softphone error type; unknown types get the CCP check's general advice. */
export function remediesForError(type: string): Remedy[] {
  return [...(BY_ERROR[type] ?? remediesFor('ccp', 'softphone-errors'))];
}

/** Remedies for a call-quality finding code (`high-rtt`, `high-jitter`, `high-loss`, `low-mos`). */
export function remediesForQuality(code: string): Remedy[] {
  return remediesFor('media', code);
}

export const REMEDIES_ICE: readonly Remedy[] = [R.udp3478, R.stateless, R.tcp443Connect, R.newRanges];
export const REMEDIES_SIGNALING: readonly Remedy[] = [R.tcp443Ec2, R.proxyWebSocket, R.proxyCert];
export const REMEDIES_API: readonly Remedy[] = [R.ccpEndpoints, R.tcp443CloudFront, R.proxyCert];
export const REMEDIES_WEBSOCKET: readonly Remedy[] = remediesFor('ccp', 'websocket-lost');
export const REMEDIES_MISSED: readonly Remedy[] = remediesFor('ccp', 'missed-call');
/** A workstation clock off by minutes: set it to synchronize with an internet time source. */
export const REMEDY_CLOCK: Remedy = R.workstationClock;
