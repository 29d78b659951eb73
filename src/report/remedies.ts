/**
 * The remedy catalogue, the only one: what to do about each warn/fail finding of each check and each softphone
 * error the CCP reports. One text per id, one action per remedy, in words an agent or admin acts on; every
 * remedy cites the public document it comes from by title and link (never an internal copy of it).
 *
 * Keys of REMEDY_CATALOGUE: `${checkId}:${code}` for a finding code a check exports in its `codes`, and
 * `${checkId}:*` as the check's fallback (used for codes without an entry, including the runner's `timeout`
 * and `error`). SOFTPHONE_ERROR_REMEDIES maps each `connect.SoftphoneErrorTypes` value to its remedies.
 */
import type { CheckId, Remedy } from './schema.js';
import { REMEDIES } from './remedy-list.js';

export { REMEDIES };

const R = REMEDIES;

const UDP_PATH = [R.udp3478, R.stateless, R.regionOnly, R.newRanges];
const TCP_PATH = [R.tcp443Connect, R.regionOnly, R.proxyCert, R.newRanges];
const TLS_PATH = [R.tcp443Connect, R.proxyCert, R.regionOnly, R.newRanges];
const QUALITY = [R.remoteAgent, R.regionClosest, R.directConnect, R.monitor];

function iceEntries(id: 'ice-udp' | 'ice-tcp' | 'ice-tls', path: readonly Remedy[]): Record<string, readonly Remedy[]> {
  return {
    [`${id}:turn-unreachable`]: path,
    [`${id}:stun-unreachable`]: path,
    [`${id}:no-relay`]: [...path, R.turnCredential],
    [`${id}:no-srflx`]: path,
    [`${id}:partial`]: path,
    [`${id}:turn-auth-failed`]: [R.turnCredential],
    [`${id}:*`]: [...path, R.mediaLess, R.externalPhone],
  };
}

/** Catalogue: key `${checkId}:${code}`, or `${checkId}:*` as the check's fallback. */
export const REMEDY_CATALOGUE: Readonly<Record<string, readonly Remedy[]>> = Object.freeze({
  // browser
  'browser:insecure-context': [R.securePage],
  'browser:webrtc-missing': [R.browserLatest, R.externalPhone],
  'browser:api-missing-optional': [R.browserLatest],
  'browser:unsupported-browser': [R.browserLatest, R.externalPhone],
  'browser:chromium-based': [R.browserLatest],
  'browser:outdated': [R.browserLatest],
  'browser:too-old': [R.browserLatest, R.externalPhone],
  'browser:version-unknown': [R.browserLatest],
  'browser:*': [R.browserLatest, R.externalPhone],

  // Firefox (src/checks/browser.ts, devices.ts): the ESR channel, the split model, the 48 kHz headset hum
  'browser:esr-outdated': [
    R.firefoxEsr,
    R.browserLatest,
  ],
  'browser:firefox-split-model': [
    R.firefoxSplit,
  ],
  'devices:firefox-sample-rate': [
    R.headset48k,
    R.usbHeadset,
  ],

  // workstation (src/checks/workstation.ts)
  'workstation:low-memory': [R.ram, R.headroom, R.externalPhone],
  'workstation:cpu-slow': [R.cpu, R.headroom, R.vdi, R.externalPhone],
  'workstation:cpu-borderline': [R.cpu, R.headroom],
  'workstation:cpu-slow-busy': [R.headroom, R.monitor],
  'workstation:cpu-unmeasured': [R.cpu, R.headroom],
  'workstation:busy': [R.headroom, R.monitor],
  'workstation:*': [R.cpu, R.ram, R.headroom, R.vdi, R.externalPhone],

  // devices (src/checks/devices.ts)
  'devices:permission-denied': [R.micPermission],
  'devices:os-permission-denied': [R.osMicPermission],
  'devices:permission-timeout': [R.micPermission],
  'devices:capture-timeout': [R.micBusy, R.micDevice],
  'devices:no-microphone': [R.micDevice, R.usbHeadset],
  'devices:mic-busy': [R.micBusy],
  'devices:no-capture-api': [R.securePage, R.browserLatest],
  'devices:capture-error': [R.micDevice, R.micBusy, R.micPermission],
  'devices:mic-silent': [R.micDevice],
  'devices:mic-clipping': [R.micDevice, R.usbHeadset],
  'devices:headset-bluetooth': [R.usbHeadset],
  'devices:headset-builtin': [R.usbHeadset],
  'devices:headset-virtual': [R.micDevice, R.usbHeadset],
  'devices:no-output-device': [R.micDevice, R.usbHeadset],
  'devices:*': [R.micPermission, R.micDevice, R.usbHeadset, R.externalPhone],

  // ccp (src/checks/ccp.ts)
  'ccp:login-needed': [R.ccpLogin, R.ccpOrigin, R.tcp443CloudFront],
  'ccp:auth-failed': [R.ccpLogin],
  'ccp:access-denied': [R.ccpSecurityProfile, R.ccpOrigin],
  'ccp:iframe-retries-exhausted': [R.tcp443CloudFront, R.ccpOrigin, R.ccpLogin],
  'ccp:timeout': [R.tcp443CloudFront, R.ccpOrigin, R.ccpEndpoints],
  'ccp:load-error': [R.tcp443CloudFront, R.ccpEndpoints],
  'ccp:no-agent': [R.ccpLogin, R.ccpEndpoints],
  'ccp:softphone-errors': [R.ccpEndpoints, R.udp3478, R.tcp443Ec2],
  'ccp:websocket-lost': [R.proxyWebSocket, R.proxyCert, R.tcp443Ec2],
  'ccp:transport-failed': [R.ccpEndpoints, R.tcp443Ec2, R.ccpLogin],
  'ccp:deskphone': [R.deskphone],
  'ccp:missed-call': [R.missedCall],
  'ccp:*': [R.ccpLogin, R.ccpOrigin, R.ccpEndpoints, R.panicLogout],

  // endpoints (src/checks/endpoints.ts ENDPOINTS_CODES)
  'endpoints:instance-unreachable': [R.tcp443CloudFront, R.proxyCert, R.newRanges],
  'endpoints:instance-dns': [R.dns, R.tcp443CloudFront],
  'endpoints:signaling-unreachable': [R.tcp443Ec2, R.regionOnly, R.proxyWebSocket, R.newRanges],
  'endpoints:signaling-dns': [R.dns, R.tcp443Ec2],
  'endpoints:signaling-host-unlisted': [R.config, R.tcp443Ec2],
  'endpoints:media-unreachable': [R.tcp443Connect, R.regionOnly, R.newRanges],
  'endpoints:endpoint-unreachable': [R.tcp443Ec2, R.tcp443CloudFront, R.config],
  'endpoints:slow': [R.remoteAgent, R.regionClosest, R.directConnect, R.monitor],
  'endpoints:flaky': [R.newRanges, R.proxyCert, R.remoteAgent, R.monitor],
  'endpoints:websocket-blocked': [R.proxyWebSocket, R.proxyCert],
  'endpoints:region-far': [R.regionClosest, R.directConnect],
  'endpoints:bad-url': [R.config],
  'endpoints:instance-other-form-unreachable': [R.option1Domains, R.tcp443CloudFront],
  'endpoints:content-unreachable': [R.option1Domains, R.tcp443CloudFront, R.proxyCert],
  'endpoints:csp-blocked': [R.cspConnectSrc],
  'endpoints:*': [R.tcp443CloudFront, R.tcp443Ec2, R.proxyCert, R.newRanges],

  // ice-udp / ice-tcp / ice-tls (src/checks/ice.ts ICE_CODES)
  ...iceEntries('ice-udp', UDP_PATH),
  ...iceEntries('ice-tcp', TCP_PATH),
  ...iceEntries('ice-tls', TLS_PATH),

  // media (src/checks/media.ts)
  'media:call-failed': [R.udp3478, R.stateless, R.tcp443Connect, R.newRanges, R.externalPhone],
  'media:no-audio-source': [R.micDevice, R.micPermission],
  'media:high-rtt': [...QUALITY, R.vdi],
  'media:high-jitter': [R.remoteAgent, R.headroom, R.dedicated, R.monitor],
  'media:high-loss': [R.remoteAgent, R.dedicated, R.directConnect, R.monitor, R.externalPhone],
  'media:low-mos': [R.remoteAgent, R.headroom, R.regionClosest, R.directConnect, R.externalPhone],
  'media:*': [R.udp3478, R.stateless, ...QUALITY, R.externalPhone],
  // The CCP did not hand out its media servers, so the ICE checks and the test call did not run (src/checks/untested.ts)
  'ice-udp:ccp-no-servers': [R.ccpEndpoints, R.tcp443Ec2, R.ccpLogin],
  'ice-tcp:ccp-no-servers': [R.ccpEndpoints, R.tcp443Ec2, R.ccpLogin],
  'ice-tls:ccp-no-servers': [R.ccpEndpoints, R.tcp443Ec2, R.ccpLogin],
  'media:ccp-no-servers': [R.ccpEndpoints, R.tcp443Ec2, R.ccpLogin],
  'bandwidth:ccp-no-servers': [R.ccpEndpoints, R.tcp443Ec2, R.ccpLogin],

  // bandwidth (src/checks/bandwidth.ts)
  'bandwidth:low-bandwidth': [R.bandwidth, R.dedicated, R.remoteAgent, R.externalPhone],
  'bandwidth:call-failed': [R.udp3478, R.stateless, R.tcp443Connect],
  'bandwidth:limited-by-loss': [R.remoteAgent, R.dedicated, R.monitor, R.directConnect],
  'bandwidth:*': [R.bandwidth, R.dedicated, R.remoteAgent, R.externalPhone],
});

/**
 * Remedies for each softphone error the CCP reports (`connect.SoftphoneErrorTypes` of amazon-connect-streams
 * 2.28.2, in its order, plus `multiple_softphone_active_sessions`, published when createTransport is refused
 * with SoftphoneConnectionLimitBreachedException), with what the error means in plain words.
 */
export const SOFTPHONE_ERROR_REMEDIES: Readonly<Record<string, { meaning: string; remedies: readonly Remedy[] }>> = Object.freeze({
  unsupported_browser: { meaning: 'The browser is not supported by the softphone.', remedies: [R.browserLatest] },
  microphone_not_shared: { meaning: 'The softphone was not allowed to use the microphone.', remedies: [R.micPermission, R.osMicPermission] },
  signalling_handshake_failure: { meaning: 'The softphone reached the signaling endpoint but the call handshake failed.', remedies: [R.tcp443Ec2, R.proxyWebSocket, R.softphoneReload] },
  signalling_connection_failure: { meaning: 'The softphone could not connect to the signaling endpoint.', remedies: [R.tcp443Ec2, R.proxyWebSocket] },
  ice_collection_timeout: { meaning: 'The softphone found no media path in time: UDP to the Amazon Connect media servers is probably blocked.', remedies: [R.udp3478, R.stateless] },
  user_busy_error: { meaning: 'The softphone is busy in another tab or window.', remedies: [R.softphoneSingle] },
  webrtc_error: { meaning: "The browser's calling engine (WebRTC) reported an error.", remedies: [R.softphoneReload, R.browserLatest] },
  realtime_communication_error: { meaning: 'The call audio session failed after it started.', remedies: [R.udp3478, R.tcp443Ec2, R.softphoneReload] },
  vdi_strategy_not_supported: { meaning: 'The configured remote desktop (VDI) platform is not supported by the softphone.', remedies: [R.vdi] },
  vdi_redir_not_supported: { meaning: 'This remote desktop (VDI) client cannot redirect the call audio.', remedies: [R.vdi] },
  other: { meaning: 'The softphone reported an unclassified error.', remedies: [R.softphoneReload] },
  multiple_softphone_active_sessions: { meaning: 'More softphone sessions are active for this agent than allowed.', remedies: [R.softphoneSingle] },
});

/** What a softphone error means and its remedies; unknown types get those of `other` (`known: false`). */
export function softphoneErrorAdvice(errorType: string): { meaning: string; remedies: readonly Remedy[]; known: boolean } {
  const a = SOFTPHONE_ERROR_REMEDIES[errorType];
  return a ? { ...a, known: true } : { ...SOFTPHONE_ERROR_REMEDIES.other!, known: false };
}

/** Remedies of several softphone error types, deduplicated, in first-seen order. */
export function remediesForSoftphoneErrors(errorTypes: Iterable<string>): Remedy[] {
  const byId = new Map<string, Remedy>();
  for (const t of errorTypes) for (const x of softphoneErrorAdvice(t).remedies) if (!byId.has(x.id)) byId.set(x.id, x);
  return [...byId.values()];
}

/** Facts that make a remedy concrete: the instance's Region and origin. */
export interface RemedyContext {
  /** e.g. `us-east-1`: fills `<region>` (and the ip-ranges command line). */
  region?: string;
  /** The instance origin, e.g. `https://alias.my.connect.aws`: replaces the `https://<alias>...` examples. */
  instance?: string;
  /** The Region's signaling host when it differs from seed 003's pattern (see checks/regions.ts). */
  signalingHost?: string;
}

const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** Fills the placeholders of a remedy's text from the context (the catalogue itself stays generic). */
export function personalize(remedy: Remedy, ctx: RemedyContext): Remedy {
  let text = remedy.text;
  if (ctx.signalingHost && /^[a-z0-9.-]+$/i.test(ctx.signalingHost)) text = text.replace(/rtc\.connect-telecom\.<region>\.amazonaws\.com/g, ctx.signalingHost);
  if (ctx.region && REGION_NAME.test(ctx.region)) {
    text = text.replace(/<region>/g, ctx.region).replace(/the instance's Region/g, `the instance's Region (${ctx.region})`);
  }
  if (ctx.instance && /^https?:\/\/[^\s/]+$/.test(ctx.instance)) {
    text = text.replace(/\(https:\/\/<alias>\.my\.connect\.aws or https:\/\/<alias>\.awsapps\.com\)/g, `(${ctx.instance})`);
  }
  return text === remedy.text ? remedy : { ...remedy, text };
}

/**
 * Remedies for a check's finding code (the check's fallback when the code has no entry), deduplicated; with
 * a context, the placeholders (`<region>`, the instance URL) are filled in.
 */
export function remediesFor(id: CheckId, code: string | undefined, ctx?: RemedyContext): Remedy[] {
  const exact = code ? REMEDY_CATALOGUE[`${id}:${code}`] : undefined;
  const seen = new Set<string>();
  const list = (exact ?? REMEDY_CATALOGUE[`${id}:*`] ?? []).filter((x) => !seen.has(x.id) && !!seen.add(x.id));
  return ctx ? list.map((x) => personalize(x, ctx)) : list;
}
