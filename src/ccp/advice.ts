/**
 * What the CCP's own signals mean and what to do about them: every `connect.SoftphoneErrorTypes` value
 * (amazon-connect-streams 2.28.2, plus `multiple_softphone_active_sessions`, which Streams publishes when
 * createTransport is refused with SoftphoneConnectionLimitBreachedException) mapped to advice written
 * from seed 003 ("Best Practices for Using the Contact Control Panel").
 *
 * Pure data and functions: no Streams import, safe in the check and in Node tests.
 */
import type { Remedy } from '../report/schema.js';

const S003_PORTS = 'seed 003, Network Ports and Protocols';
const S003_WORKSTATION = 'seed 003, Agent Workstation Requirements';
const S003_VDI = 'seed 003, Using Amazon Connect in a VDI Environment';
const S003_CONNECTIVITY = 'seed 003, CCP Connectivity';
const S003_REROUTE = 'seed 003, Rerouting Audio';

/** Remedy catalogue of the CCP adapter, by id. */
export const CCP_REMEDIES = {
  'udp-3478-amazon-connect': {
    id: 'udp-3478-amazon-connect',
    text:
      'Allow UDP port 3478 in and out between this workstation and the AMAZON_CONNECT address ranges of your instance\'s Region (ip-ranges.json). The softphone could not gather a usable media path (ICE) in time; call audio uses this port.',
    source: S003_PORTS,
    audience: 'network-admin',
  },
  'tcp-443-signaling': {
    id: 'tcp-443-signaling',
    text:
      'Allow TCP port 443 (including WebSocket upgrades through any proxy) to the CCP signaling endpoint rtc.connect-telecom.{region}.amazonaws.com (the EC2 ranges of your Region). The softphone could not reach or complete the handshake with it.',
    source: S003_PORTS,
    audience: 'network-admin',
  },
  'microphone-permission': {
    id: 'microphone-permission',
    text:
      'Allow the microphone for this site and for the CCP (browser address bar > site settings > Microphone: Allow), check that no other application holds the headset, then reload the page.',
    source: 'amazon-connect-streams SoftphoneErrorTypes.microphone_not_shared',
    audience: 'agent',
  },
  'browser-latest-three': {
    id: 'browser-latest-three',
    text: 'Use one of the latest three versions of Google Chrome or Mozilla Firefox for the CCP softphone.',
    source: S003_WORKSTATION,
    audience: 'it',
  },
  'softphone-single-session': {
    id: 'softphone-single-session',
    text:
      'The softphone is already active in another tab, window or device. Close the other CCP tabs (keep one), then retry the call.',
    source: 'amazon-connect-streams SoftphoneErrorTypes.user_busy_error / multiple_softphone_active_sessions',
    audience: 'agent',
  },
  'webrtc-browser': {
    id: 'webrtc-browser',
    text:
      'The browser\'s WebRTC stack failed. Update the browser (latest three Chrome or Firefox), close applications that compete for the microphone or CPU, and reload the CCP.',
    source: S003_WORKSTATION,
    audience: 'agent',
  },
  'vdi-media-less': {
    id: 'vdi-media-less',
    text:
      'This VDI platform or redirection mode is not supported for the softphone. Run the CCP media on the local desktop with a media-less CCP for signaling on the remote session, or reroute audio to an external E.164 phone.',
    source: S003_VDI,
    audience: 'it',
  },
  'softphone-retry-or-reroute': {
    id: 'softphone-retry-or-reroute',
    text:
      'Reload the CCP and retry. If softphone errors keep coming, redirect calls to an external phone number in E.164 format until the workstation is fixed.',
    source: 'seed 003, introduction (redirect to an external device)',
    audience: 'agent',
  },
  'missed-call-available': {
    id: 'missed-call-available',
    text:
      'The agent missed a call and stays in the Missed Call state, taking no calls, until the agent or a supervisor sets the status back to Available (CCP status menu > Available).',
    source: S003_CONNECTIVITY + ' (Missed calls)',
    audience: 'agent',
  },
  'external-phone-answer': {
    id: 'external-phone-answer',
    text:
      'Calls ring the external phone; if it is not answered the agent moves into the missed state until set back to Available. Keep the phone close to the Region (latency) and answer promptly.',
    source: S003_REROUTE,
    audience: 'agent',
  },
  'websocket-443': {
    id: 'websocket-443',
    text:
      'The CCP lost its WebSocket connection. Check that TCP 443 with WebSocket upgrades is allowed through the proxy to the instance and signaling endpoints, and raise the proxy\'s SSL certificate cache timeout to cover a whole shift.',
    source: S003_PORTS,
    audience: 'network-admin',
  },
  'ccp-login': {
    id: 'ccp-login',
    text:
      'Log in to the CCP (allow the login pop-up for this site, or open the instance\'s CCP URL in a tab and log in), then run the checks again.',
    source: 'amazon-connect-streams initCCP (ACK_TIMEOUT opens the login)',
    audience: 'agent',
  },
  'ccp-approved-origin': {
    id: 'ccp-approved-origin',
    text:
      'Add this page\'s origin to the instance\'s Approved origins (Amazon Connect console > your instance > Approved origins) so the CCP may be embedded here, and check the CCP URL (https://ALIAS.my.connect.aws/ccp-v2).',
    source: 'amazon-connect-streams README (approved origins for an embedded CCP)',
    audience: 'it',
  },
  'ccp-reachability': {
    id: 'ccp-reachability',
    text:
      'Allow TCP 443 to the instance URL (https://ALIAS.my.connect.aws or https://ALIAS.awsapps.com, the CloudFront ranges) and to the signaling endpoint of the Region.',
    source: S003_PORTS,
    audience: 'network-admin',
  },
  'ccp-security-profile': {
    id: 'ccp-security-profile',
    text:
      'The agent\'s user has no CCP access. A supervisor or admin must give the user a security profile with "Contact Control Panel (CCP): Access CCP".',
    source: 'amazon-connect-streams onAccessDenied',
    audience: 'supervisor',
  },
} as const satisfies Record<string, Remedy>;

export type CcpRemedyId = keyof typeof CCP_REMEDIES;

export function remedy(id: CcpRemedyId): Remedy {
  return { ...CCP_REMEDIES[id] };
}

export interface SoftphoneErrorAdvice {
  /** What the error means, in plain words. */
  meaning: string;
  remedies: CcpRemedyId[];
}

/**
 * Every SoftphoneErrorTypes value of amazon-connect-streams 2.28.2 (connect.SoftphoneErrorTypes, in its
 * order) plus multiple_softphone_active_sessions. A test checks this table covers the bundle's enum.
 */
export const SOFTPHONE_ERROR_ADVICE: Readonly<Record<string, SoftphoneErrorAdvice>> = {
  unsupported_browser: { meaning: 'The browser is not supported by the softphone.', remedies: ['browser-latest-three'] },
  microphone_not_shared: { meaning: 'The softphone was not allowed to use the microphone.', remedies: ['microphone-permission'] },
  signalling_handshake_failure: {
    meaning: 'The softphone reached the signaling endpoint but the call handshake failed.',
    remedies: ['tcp-443-signaling', 'softphone-retry-or-reroute'],
  },
  signalling_connection_failure: { meaning: 'The softphone could not connect to the signaling endpoint.', remedies: ['tcp-443-signaling'] },
  ice_collection_timeout: {
    meaning: 'The softphone found no media path (ICE candidates) in time: UDP to the Amazon Connect media servers is probably blocked.',
    remedies: ['udp-3478-amazon-connect'],
  },
  user_busy_error: { meaning: 'The softphone is busy in another tab or window.', remedies: ['softphone-single-session'] },
  webrtc_error: { meaning: 'The browser\'s WebRTC stack reported an error.', remedies: ['webrtc-browser'] },
  realtime_communication_error: {
    meaning: 'The real-time media session failed after it started.',
    remedies: ['udp-3478-amazon-connect', 'tcp-443-signaling', 'softphone-retry-or-reroute'],
  },
  vdi_strategy_not_supported: { meaning: 'The configured VDI platform strategy is not supported.', remedies: ['vdi-media-less'] },
  vdi_redir_not_supported: { meaning: 'Media redirection is not supported by this VDI client.', remedies: ['vdi-media-less'] },
  other: { meaning: 'The softphone reported an unclassified error.', remedies: ['softphone-retry-or-reroute'] },
  multiple_softphone_active_sessions: {
    meaning: 'More softphone sessions are active for this agent than allowed.',
    remedies: ['softphone-single-session'],
  },
};

/** Advice for an error type; unknown types get the "other" advice. */
export function adviceFor(errorType: string): SoftphoneErrorAdvice & { known: boolean } {
  const a = SOFTPHONE_ERROR_ADVICE[errorType];
  return a ? { ...a, known: true } : { ...SOFTPHONE_ERROR_ADVICE.other!, known: false };
}

/** The first remedy id for an error type (what the report's SoftphoneErrorSeen.remedyId names). */
export function remedyIdFor(errorType: string): CcpRemedyId {
  return adviceFor(errorType).remedies[0]!;
}

/** Remedies of several error types, de-duplicated, in first-seen order. */
export function remediesForErrors(errorTypes: Iterable<string>): Remedy[] {
  const ids = new Set<CcpRemedyId>();
  for (const t of errorTypes) for (const id of adviceFor(t).remedies) ids.add(id);
  return [...ids].map(remedy);
}
