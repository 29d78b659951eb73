/**
 * Each check's `data`, defined once. The TypeScript types (./types.ts), the published JSON Schema
 * (report.schema.json, `npm run schema`) and parseReport's validation all come from these schemas; how each
 * field is shown to people (label, unit, format) lives beside them in ./display.ts.
 *
 * Add fields as optional (`opt(...)`); never rename shipped ones. Units are in the names: `rttMs`, `lossPct`,
 * `sendKbps` (kilobits per second); never mix seconds and milliseconds.
 */
import * as v from 'valibot';
import {
  BROWSER_FAMILIES,
  CCP_MODES,
  CCP_STATES,
  ENDPOINT_OUTCOMES,
  HEADSET_KINDS,
  ICE_SOURCES,
  MOS_BANDS,
  TRANSPORTS,
  type CHECK_IDS,
} from './constants.js';
import { bool, boolOrNull, dict, list, num, numOrNull, obj, oneOf, opt, text } from './fields.js';

const findings = () => opt(list(text(), 'Every finding code (the result\'s `code` is the worst one).'));

export const BROWSER_FAMILY = oneOf(BROWSER_FAMILIES);

export const BrowserData = obj({
  family: BROWSER_FAMILY,
  major: numOrNull(),
  userAgent: text(),
  secureContext: bool(),
  apis: dict(bool(), 'Which WebRTC APIs exist.'),
  minSupportedMajor: numOrNull('The oldest major still inside "latest three" by the shipped or overridden version table.'),
  latestMajor: numOrNull(),
  versionTableDate: opt(text()),
  name: opt(text('Human browser name, e.g. "Google Chrome", "Opera", "Chrome on iOS".')),
  engine: opt(oneOf(['blink', 'gecko', 'webkit', 'edgehtml', 'unknown'], 'Engine behind the browser (what runs WebRTC).')),
  engineMajor: opt(numOrNull('Chromium engine major of Blink browsers (Opera, Brave, Edge...).')),
  versionStanding: opt(oneOf(['current', 'outdated', 'too-old', 'unknown', 'not-applicable'], 'Where the version stands against "latest three".')),
  versionSource: opt(oneOf(['shipped', 'override'], 'Where `latestMajor` came from.')),
  versionExtrapolatedBy: opt(num('How many majors were added by extrapolating the version table to today.')),
  findings: findings(),
}, 'The browser check: WebRTC APIs, secure context, browser family and version against "latest three".');

export const WorkstationData = obj({
  logicalCores: numOrNull(),
  deviceMemoryGb: numOrNull(),
  cpuGhzEstimate: numOrNull('GHz-equivalent estimate from the calibrated benchmark; coarse (see checks/cpu-bench.ts).'),
  benchmark: opt(obj({ iterations: num(), medianMs: num(), runs: num() })),
  loadHint: opt(oneOf(['idle', 'busy', 'unknown'], 'How far the benchmark\'s spread and timer lag suggest the machine is busy.')),
  eventLoopLagMs: opt(num()),
  cpuGhzUncertaintyPct: opt(num('Documented coarseness of `cpuGhzEstimate`, +/- percent (see checks/cpu-bench.ts).')),
  benchmarkSpreadPct: opt(num('Relative spread of the benchmark runs ((p75 - p25) / median), percent.')),
  findings: findings(),
}, 'The workstation check: cores, memory, a CPU speed estimate, a load hint.');

const HeadsetKind = oneOf(HEADSET_KINDS);

export const DevicesData = obj({
  permission: oneOf(['granted', 'denied', 'prompt', 'unknown']),
  inputs: list(obj({ label: text(), kind: HeadsetKind, isDefault: bool() })),
  outputs: num(),
  captureOk: bool(),
  levelDbfs: opt(numOrNull('RMS level of the captured signal in dBFS.')),
  peakDbfs: opt(numOrNull()),
  level: opt(oneOf(['silent', 'ok', 'clipping', 'unknown'])),
  selectedInput: opt(obj({ label: text(), kind: HeadsetKind })),
  outputsKnown: opt(bool('False when the browser does not list output devices (Firefox, Safari) or hides them.')),
  clippedPct: opt(numOrNull('Share of captured samples at full scale, percent.')),
  levelWindowMs: opt(num('How long the input level was measured, ms.')),
  liveTracksAfter: opt(num('Tracks still live after the check (must be 0: every captured track is stopped).')),
  findings: findings(),
}, 'The devices check: microphone permission, capture, input level, headset kind, outputs.');

const Outcome = oneOf(ENDPOINT_OUTCOMES);

export const EndpointSample = obj({
  url: text(),
  role: oneOf(['instance', 'signaling', 'media', 'region', 'custom'], 'What the endpoint is: instance (CloudFront), signaling (EC2), region probe.'),
  outcome: Outcome,
  medianMs: numOrNull(),
  samplesMs: list(num()),
  detail: opt(text()),
  firstRequestMs: opt(numOrNull('The first (warm-up) request, with DNS + TCP + TLS set-up; not part of the median.')),
  failedRequests: opt(num('Requests that failed after at least one succeeded (flaky path).')),
});

export const RegionLatency = obj({ region: text(), url: text(), medianMs: numOrNull(), outcome: Outcome });

export const EndpointsData = obj({
  endpoints: list(EndpointSample),
  regions: opt(list(RegionLatency)),
  bestRegion: opt(text()),
  instanceRegion: opt(text()),
  recommendation: opt(text()),
  websocket: opt(obj({ url: text(), outcome: oneOf(['ok', 'blocked', 'timeout', 'error', 'skipped']), detail: opt(text()) })),
}, 'The endpoints check: TCP 443 reachability and latency of the instance, signaling and Regions.');

export const IceServerProbe = obj({
  url: text('The server URL, without credentials.'),
  kind: oneOf(['stun', 'turn', 'turns']),
  transport: oneOf(TRANSPORTS),
  srflx: bool('A server-reflexive candidate (the public address seen by STUN) was gathered.'),
  relay: bool('A relay candidate (a TURN allocation) was gathered.'),
  srflxMs: opt(numOrNull('Time from gathering start to the first server-reflexive candidate.')),
  relayMs: opt(numOrNull('Time from gathering start to the first relay candidate.')),
  relayAddress: opt(text()),
  errors: list(obj({ code: num(), text: text(), meaning: text() }), 'icecandidateerror codes seen, with their meaning.'),
  relayInAmazonConnect: opt(boolOrNull('When an ip-ranges file is configured: is the relay inside the AMAZON_CONNECT ranges?')),
}, 'One ICE server URL probed on one transport.');

export const IceData = obj({ transport: oneOf(TRANSPORTS), servers: list(IceServerProbe), source: oneOf(ICE_SOURCES) }, 'An ICE check (UDP, TCP or TLS): each server probed.');

export const Interval = obj({ lo: num('Lower bound.'), hi: num('Upper bound.') }, 'A value\'s 95 % interval.');

export const MediaSample = obj({
  tMs: num('ms since the test call started.'),
  rttMs: opt(numOrNull()),
  jitterMs: opt(numOrNull()),
  lossPct: opt(numOrNull()),
  sendKbps: opt(numOrNull()),
  recvKbps: opt(numOrNull()),
});

export const MediaData = obj({
  transport: oneOf(TRANSPORTS),
  serverUrl: text('The TURN URL used (no credentials).'),
  relayAddress: opt(text()),
  relayInAmazonConnect: opt(boolOrNull()),
  durationMs: num(),
  rttMs: numOrNull('Round trip workstation <-> relay: half the test loop\'s round trip.'),
  rttCi95: opt(v.nullable(Interval)),
  jitterMs: numOrNull(),
  jitterCi95: opt(v.nullable(Interval)),
  lossPct: numOrNull('Loss on the test path workstation -> relay -> workstation, from counter deltas.'),
  lossCi95: opt(v.nullable(Interval)),
  packetsSent: num(),
  packetsReceived: num(),
  packetsLost: num(),
  mos: numOrNull(),
  mosBand: v.nullable(oneOf(MOS_BANDS)),
  sendKbps: numOrNull(),
  recvKbps: numOrNull(),
  rttSources: opt(obj({ dataChannelMs: opt(numOrNull()), candidatePairMs: opt(numOrNull()), remoteInboundMs: opt(numOrNull()) }, 'The cross-checks: where each RTT figure came from.')),
  codec: opt(text()),
  stoppedEarly: opt(bool()),
  jitterSources: opt(obj({ inboundRtpMs: opt(numOrNull()), dataChannelMs: opt(numOrNull()), used: opt(oneOf(['inbound-rtp', 'data-channel'])) }, 'Jitter by source; `used` says which is jitterMs.')),
  reorderedPct: opt(num('Share of probe arrivals that came out of order, percent (a reordering path).')),
  lossSources: opt(obj({
    rtp: opt(obj({ expected: num(), lost: num() })),
    dataChannel: opt(obj({ sent: num(), lost: num() })),
  }, 'Loss trials by source (audio RTP packets and data-channel probes), pooled into lossPct.')),
  lossDesignEffect: opt(num('Loss burstiness: the design effect (>= 1) that widened lossCi95 for correlated (bursty) loss.')),
  probesPageBlocked: opt(num('Probes whose arrival was handled right after the page was blocked (busy machine): not used for RTT/jitter.')),
  samples: list(MediaSample, 'Bounded time series.'),
  source: oneOf(ICE_SOURCES),
}, 'The test call through the TURN relay: RTT, jitter, loss, MOS, bitrates, samples.');

export const BandwidthData = obj({
  upKbps: numOrNull('Measured throughput, kilobits per second.'),
  downKbps: numOrNull(),
  requiredKbps: num(),
  bytes: num(),
  durationMs: num(),
  method: text(),
  lossLimitedKbps: opt(num('Rate a congestion-controlled transfer can reach with the media check\'s RTT and loss (Mathis), kbit/s.')),
}, 'The bandwidth check: throughput through the relay against the need.');

export const AgentSubject = obj({
  name: opt(text('Only when the host passes identity (or the CCP gives it and redaction is off).')),
  username: opt(text('The agent\'s Amazon Connect login. Removed by redaction.')),
  softphoneEnabled: opt(bool('True when calls ring in the browser (softphone), false for a deskphone / external number.')),
  extension: opt(text('Deskphone extension (E.164), masked when redacted.')),
  routingProfile: opt(text('The agent\'s routing profile name.')),
  dialableCountries: opt(list(text(), 'ISO country codes the agent may dial (for external phone numbers).')),
}, 'The agent, from the CCP or the host page. Name and username are removed by redaction.');

export const SoftphoneErrorSeen = obj({ errorType: text(), errorMessage: opt(text()), at: text(), remedyId: opt(text()) });

export const CcpData = obj({
  mode: oneOf(CCP_MODES),
  state: oneOf(CCP_STATES),
  ccpUrl: opt(text()),
  streamsVersion: opt(text()),
  mediaLocation: opt(oneOf(['this-browser', 'local-desktop', 'external-phone', 'unknown'], 'Where audio is expected: in this browser (full CCP), elsewhere (media-less / VDI), or on a phone.')),
  agent: opt(AgentSubject),
  softphoneErrors: list(SoftphoneErrorSeen),
  websocket: opt(oneOf(['connected', 'lost', 'unknown'])),
  agentState: opt(obj({ name: text(), type: text() })),
  missedCall: opt(bool()),
  iceServersFromCcp: opt(num()),
}, 'The ccp check: Streams state, softphone vs deskphone, softphone errors, websocket.');

/** Each check id's data schema. Adding a check: add its id to CHECK_IDS and its schema here. */
export const CHECK_DATA = {
  browser: BrowserData,
  workstation: WorkstationData,
  devices: DevicesData,
  ccp: CcpData,
  endpoints: EndpointsData,
  'ice-udp': IceData,
  'ice-tcp': IceData,
  'ice-tls': IceData,
  media: MediaData,
  bandwidth: BandwidthData,
} as const satisfies Record<(typeof CHECK_IDS)[number], v.GenericSchema>;
