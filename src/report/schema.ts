/**
 * The Report: the one data structure of ccp-preflight.
 *
 * Everything the widget, the CLI and the supervisor's viewer show is a Report. The format is versioned by
 * `schema`; a reader refuses an unknown major version and keeps unknown optional fields (forward compatible).
 * Units are part of every numeric field's name (`rttMs`, `lossPct`, `sendKbps`): never mix seconds and ms.
 *
 * Credentials never appear in a Report (see redact.ts).
 */

/** The schema id of this major version. Readers refuse any other `ccp-preflight/N`. */
export const REPORT_SCHEMA = 'ccp-preflight/1' as const;
export type ReportSchema = typeof REPORT_SCHEMA;

/** String verdicts (readable in JSON). Order of severity: fail > warn > pass > skip. */
export type Verdict = 'pass' | 'warn' | 'fail' | 'skip';

/** Check ids are part of the report format: the one list, in the canonical run order. */
export const CHECK_IDS = ['browser', 'workstation', 'devices', 'ccp', 'endpoints', 'ice-udp', 'ice-tcp', 'ice-tls', 'media', 'bandwidth'] as const;

/** A check id (derived from {@link CHECK_IDS}). */
export type CheckId = (typeof CHECK_IDS)[number];

/** A piece of advice, written from the seeds; `source` names the seed section or the standard. */
export interface Remedy {
  /** Stable id in the remedy catalogue, e.g. `udp-3478-amazon-connect`. */
  id: string;
  /** What to do, in plain words, for the agent or the network admin. */
  text: string;
  /** Where the advice comes from, e.g. `seed 003, Network Ports and Protocols`. */
  source: string;
  /** Who acts on it. */
  audience?: 'agent' | 'network-admin' | 'supervisor' | 'it';
}

/** An error a check met, in words a user understands. Never contains credentials. */
export interface CheckError {
  /** Machine-readable, e.g. `timeout`, `aborted`, `not-allowed`. */
  name: string;
  message: string;
}

/** The result of one check. `data` is typed per check (see CheckDataMap). */
export interface CheckResult<D = unknown> {
  id: CheckId;
  title: string;
  verdict: Verdict;
  /** One sentence: what was found. */
  summary: string;
  /**
   * Stable finding code on warn/fail/skip (e.g. `turn-auth-failed`), the key into the remedy catalogue.
   * Each check module exports the codes it can emit.
   */
  code?: string;
  /** What to do (warn/fail). Several, because one failure can need several actions. */
  remedies?: Remedy[];
  /** ISO 8601. */
  startedAt: string;
  durationMs: number;
  data: D;
  error?: CheckError;
}

/** Short-hand for a value with its 95 % interval. */
export interface Interval {
  lo: number;
  hi: number;
}

// ---------------------------------------------------------------------------------------------------------
// Per-check data. Each check owns its interface; add fields, do not rename shipped ones.
// ---------------------------------------------------------------------------------------------------------

export interface BrowserData {
  family: 'chrome' | 'chromium' | 'edge' | 'firefox' | 'safari' | 'other';
  major: number | null;
  userAgent: string;
  secureContext: boolean;
  /** Which WebRTC APIs exist. */
  apis: Record<string, boolean>;
  /** The oldest major still inside "latest three" by the shipped or overridden version table. */
  minSupportedMajor: number | null;
  latestMajor: number | null;
  versionTableDate?: string;
  /** Human browser name, e.g. "Google Chrome", "Opera", "Chrome on iOS". */
  name?: string;
  /** Engine behind the browser (what runs WebRTC). */
  engine?: 'blink' | 'gecko' | 'webkit' | 'edgehtml' | 'unknown';
  /** Chromium engine major of Blink browsers (Opera, Brave, Edge...). */
  engineMajor?: number | null;
  /** Where the version stands against "latest three". */
  versionStanding?: 'current' | 'outdated' | 'too-old' | 'unknown' | 'not-applicable';
  /** Where `latestMajor` came from, and how many majors were added by extrapolating to today. */
  versionSource?: 'shipped' | 'override';
  versionExtrapolatedBy?: number;
  /** Every finding code (the result's `code` is the worst one). */
  findings?: string[];
}

export interface WorkstationData {
  logicalCores: number | null;
  deviceMemoryGb: number | null;
  /** GHz-equivalent estimate from the calibrated benchmark; coarse (see checks/workstation.ts). */
  cpuGhzEstimate: number | null;
  benchmark?: { iterations: number; medianMs: number; runs: number };
  /** Load hint: how far the benchmark's spread and timer lag suggest the machine is busy. */
  loadHint?: 'idle' | 'busy' | 'unknown';
  eventLoopLagMs?: number;
  /** Documented coarseness of `cpuGhzEstimate`, +/- percent (see checks/cpu-bench.ts). */
  cpuGhzUncertaintyPct?: number;
  /** Relative spread of the benchmark runs ((p75 - p25) / median), percent. */
  benchmarkSpreadPct?: number;
  /** Every finding code (the result's `code` is the worst one). */
  findings?: string[];
}

export interface DevicesData {
  permission: 'granted' | 'denied' | 'prompt' | 'unknown';
  inputs: { label: string; kind: HeadsetKind; isDefault: boolean }[];
  outputs: number;
  captureOk: boolean;
  /** RMS level of the captured signal in dBFS. */
  levelDbfs?: number | null;
  peakDbfs?: number | null;
  level?: 'silent' | 'ok' | 'clipping' | 'unknown';
  selectedInput?: { label: string; kind: HeadsetKind };
  /** False when the browser does not list output devices (Firefox, Safari) or hides them. */
  outputsKnown?: boolean;
  /** Share of captured samples at full scale, percent. */
  clippedPct?: number | null;
  /** How long the input level was measured, ms. */
  levelWindowMs?: number;
  /** Tracks still live after the check (must be 0: every captured track is stopped). */
  liveTracksAfter?: number;
  /** Every finding code (the result's `code` is the worst one). */
  findings?: string[];
}

export type HeadsetKind = 'usb' | 'bluetooth' | 'analog' | 'builtin' | 'virtual' | 'unknown';

export interface EndpointSample {
  url: string;
  /** What the endpoint is: instance (CloudFront), signaling (EC2), region probe. */
  role: 'instance' | 'signaling' | 'media' | 'region' | 'custom';
  outcome: 'ok' | 'slow' | 'blocked' | 'dns' | 'timeout' | 'error';
  medianMs: number | null;
  samplesMs: number[];
  detail?: string;
  /** The first (warm-up) request, with DNS + TCP + TLS set-up; not part of the median. */
  firstRequestMs?: number | null;
  /** Requests that failed after at least one succeeded (flaky path). */
  failedRequests?: number;
}

export interface RegionLatency {
  region: string;
  url: string;
  medianMs: number | null;
  outcome: EndpointSample['outcome'];
}

export interface EndpointsData {
  endpoints: EndpointSample[];
  regions?: RegionLatency[];
  bestRegion?: string;
  instanceRegion?: string;
  recommendation?: string;
  websocket?: { url: string; outcome: 'ok' | 'blocked' | 'timeout' | 'error' | 'skipped'; detail?: string };
}

/** One ICE server URL probed on one transport. `url` carries no credential. */
export interface IceServerProbe {
  url: string;
  kind: 'stun' | 'turn' | 'turns';
  transport: 'udp' | 'tcp' | 'tls';
  srflx: boolean;
  relay: boolean;
  /** Time from gathering start to the first candidate of the wanted type. */
  srflxMs?: number | null;
  relayMs?: number | null;
  relayAddress?: string;
  /** icecandidateerror codes seen, with their meaning. */
  errors: { code: number; text: string; meaning: string }[];
  /** When an ip-ranges file is configured: is the relay inside the AMAZON_CONNECT ranges? */
  relayInAmazonConnect?: boolean | null;
}

export interface IceData {
  transport: 'udp' | 'tcp' | 'tls';
  servers: IceServerProbe[];
  source: 'ccp' | 'config' | 'none';
}

export interface MediaSample {
  /** ms since the test call started. */
  tMs: number;
  rttMs?: number | null;
  jitterMs?: number | null;
  lossPct?: number | null;
  sendKbps?: number | null;
  recvKbps?: number | null;
}

export type MosBand = 'good' | 'fair' | 'poor';

export interface MediaData {
  transport: 'udp' | 'tcp' | 'tls';
  /** The TURN URL used (no credentials). */
  serverUrl: string;
  relayAddress?: string;
  relayInAmazonConnect?: boolean | null;
  durationMs: number;
  /** Round trip workstation <-> relay: half the test loop's round trip. */
  rttMs: number | null;
  rttCi95?: Interval | null;
  jitterMs: number | null;
  jitterCi95?: Interval | null;
  /** Loss on the test path workstation -> relay -> workstation, from counter deltas. */
  lossPct: number | null;
  lossCi95?: Interval | null;
  packetsSent: number;
  packetsReceived: number;
  packetsLost: number;
  mos: number | null;
  mosBand: MosBand | null;
  sendKbps: number | null;
  recvKbps: number | null;
  /** The cross-checks: where each RTT figure came from. */
  rttSources?: { dataChannelMs?: number | null; candidatePairMs?: number | null; remoteInboundMs?: number | null };
  codec?: string;
  stoppedEarly?: boolean;
  /** Jitter by source: inbound-rtp.jitter and the data-channel probes' estimate; `used` says which is jitterMs. */
  jitterSources?: { inboundRtpMs?: number | null; dataChannelMs?: number | null; used?: 'inbound-rtp' | 'data-channel' };
  /** Share of probe arrivals that came out of order, percent (a reordering path). */
  reorderedPct?: number;
  /** Loss trials by source (audio RTP packets and data-channel probes), pooled into lossPct. */
  lossSources?: { rtp?: { expected: number; lost: number }; dataChannel?: { sent: number; lost: number } };
  /** Loss burstiness: the design effect (>= 1) that widened lossCi95 for correlated (bursty) loss. */
  lossDesignEffect?: number;
  /** Probes whose arrival was handled right after the page was blocked (busy machine): not used for RTT/jitter. */
  probesPageBlocked?: number;
  /** Bounded time series (at most MAX_SAMPLES). */
  samples: MediaSample[];
  source: 'ccp' | 'config' | 'none';
}

export interface BandwidthData {
  /** Measured throughput, kilobits per second. */
  upKbps: number | null;
  downKbps: number | null;
  requiredKbps: number;
  bytes: number;
  durationMs: number;
  method: string;
  /** Rate a congestion-controlled transfer can reach with the media check's RTT and loss (Mathis), kbit/s. */
  lossLimitedKbps?: number;
}

export type SoftphoneErrorSeen = { errorType: string; errorMessage?: string; at: string; remedyId?: string };

export interface CcpData {
  mode: CcpMode;
  state:
    | 'initialized'
    | 'login-needed'
    | 'auth-failed'
    | 'access-denied'
    | 'iframe-retries-exhausted'
    | 'timeout'
    | 'not-configured'
    | 'error';
  ccpUrl?: string;
  streamsVersion?: string;
  /** Where audio is expected: in this browser (full CCP), elsewhere (media-less / VDI), or on a phone. */
  mediaLocation?: 'this-browser' | 'local-desktop' | 'external-phone' | 'unknown';
  agent?: AgentSubject;
  softphoneErrors: SoftphoneErrorSeen[];
  websocket?: 'connected' | 'lost' | 'unknown';
  agentState?: { name: string; type: string };
  missedCall?: boolean;
  iceServersFromCcp?: number;
}

/** The data type of each check, by id. */
export interface CheckDataMap {
  browser: BrowserData;
  workstation: WorkstationData;
  devices: DevicesData;
  endpoints: EndpointsData;
  'ice-udp': IceData;
  'ice-tcp': IceData;
  'ice-tls': IceData;
  media: MediaData;
  bandwidth: BandwidthData;
  ccp: CcpData;
}

export type AnyCheckResult = { [K in CheckId]: CheckResult<CheckDataMap[K]> & { id: K } }[CheckId];

// ---------------------------------------------------------------------------------------------------------
// Report-level parts
// ---------------------------------------------------------------------------------------------------------

export type CcpMode = 'full' | 'media-less' | 'none';

export interface AgentSubject {
  /** Only when the host passes identity (or the CCP gives it and redaction is off). */
  name?: string;
  username?: string;
  softphoneEnabled?: boolean;
  /** Deskphone extension (E.164), masked when redacted. */
  extension?: string;
  routingProfile?: string;
  dialableCountries?: string[];
}

export interface Subject {
  /** Instance URL origin, e.g. https://alias.my.connect.aws */
  instance?: string;
  region?: string;
  ccpMode: CcpMode;
  agent?: AgentSubject;
  /** Free text from the host page, e.g. a site or desk id. */
  label?: string;
}

export interface Environment {
  userAgent: string;
  browser: { family: BrowserData['family']; major: number | null };
  platform: string;
  language?: string;
  logicalCores?: number | null;
  deviceMemoryGb?: number | null;
}

export interface SoftphoneFitness {
  fit: 'yes' | 'no' | 'unknown';
  /** The checks that make the softphone unfit (fail), or doubtful (warn). */
  blockers: { id: CheckId; verdict: Verdict; summary: string }[];
}

export interface CallSample {
  tMs: number;
  rttMs?: number | null;
  jitterMs?: number | null;
  lossPct?: number | null;
  mos?: number | null;
}

export interface MetricSummary {
  avg: number | null;
  p95: number | null;
  max: number | null;
}

/** A live softphone call's quality summary. Samples are bounded. */
export interface CallSummary {
  contactId?: string;
  startedAt: string;
  endedAt?: string;
  durationMs: number;
  source: 'softphone-stats' | 'peer-connection';
  rttMs: MetricSummary;
  jitterMs: MetricSummary;
  lossPct: { avg: number | null; max: number | null };
  mos: { avg: number | null; min: number | null };
  verdict: Verdict;
  samples: CallSample[];
}

export interface FailoverRecord {
  at: string;
  action: 'to-external-phone' | 'to-softphone';
  status: 'switched' | 'failed';
  consent: 'agent' | 'policy';
  reason: string;
  before: { softphoneEnabled: boolean; extension: string | null };
  after: { softphoneEnabled: boolean; extension: string | null };
  error?: string;
}

export interface Report {
  schema: ReportSchema;
  id: string;
  /** ISO 8601 */
  createdAt: string;
  tool: { name: 'ccp-preflight'; version: string };
  subject: Subject;
  environment: Environment;
  verdict: Verdict;
  /** One line for the agent. */
  summary: string;
  softphone: SoftphoneFitness;
  checks: AnyCheckResult[];
  calls: CallSummary[];
  failover?: FailoverRecord[];
  /**
   * What was redacted, when redaction ran (report/redact.ts): the paths of the values removed or masked, e.g.
   * `subject.agent.name`, `checks[5].data.servers[0].relayAddress`. Present (possibly empty) on every redacted
   * report, including every share code made with the default `redact: true`.
   */
  redacted?: string[];
  /** True when the run was cancelled before every check finished; the results are partial. */
  incomplete?: boolean;
  /** Unknown optional fields from newer minor versions are kept as they are. */
  [extra: string]: unknown;
}

/** Severity order for verdicts. */
export const VERDICT_RANK: Record<Verdict, number> = { skip: 0, pass: 1, warn: 2, fail: 3 };

/** The worst verdict among those given, ignoring skips; `skip` when all skipped or none. */
export function worstVerdict(verdicts: Iterable<Verdict>): Verdict {
  let worst: Verdict = 'skip';
  for (const v of verdicts) if (VERDICT_RANK[v] > VERDICT_RANK[worst]) worst = v;
  return worst;
}
