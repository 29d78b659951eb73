import type { CheckDataMap, CheckError, CheckId, CheckResult, Remedy, Report, Verdict } from '../report/schema.js';
import type { Thresholds } from '../stats/thresholds.js';

/**
 * Browser APIs a check may use, injected so logic runs in Node tests with fakes.
 * `defaultDeps()` fills them from globals in a browser.
 */
export interface Deps {
  /** Creates a peer connection (a fake in unit tests). */
  createPeerConnection: (config: RTCConfiguration) => RTCPeerConnection;
  getUserMedia: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  enumerateDevices: () => Promise<MediaDeviceInfo[]>;
  /** Permission state for a named permission, or 'unknown' where the API is missing. */
  queryPermission: (name: 'microphone') => Promise<'granted' | 'denied' | 'prompt' | 'unknown'>;
  fetch: typeof fetch;
  /** Monotonic milliseconds. */
  now: () => number;
  /** Wall clock (ISO timestamps). */
  date: () => Date;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  /** Navigator facts. */
  navigator: {
    userAgent: string;
    hardwareConcurrency?: number;
    deviceMemory?: number;
    language?: string;
    platform?: string;
    userAgentData?: { brands?: { brand: string; version: string }[]; platform?: string };
  };
  isSecureContext: boolean;
  /** Creates an AudioContext (level meter); absent in Node. */
  createAudioContext?: () => AudioContext;
  /** Opens a WebSocket (endpoints check); absent in Node. */
  createWebSocket?: (url: string) => WebSocket;
  /** Where `securitypolicyviolation` events fire (the document): the endpoints check tells a CSP refusal from a network block. */
  securityPolicyEvents?: EventTarget;
}

/** Where ICE servers for the network checks come from. */
export interface IceServerSource {
  source: 'ccp' | 'config' | 'none';
  servers: RTCIceServer[];
}

/**
 * A handle to the wrapped CCP (implemented in src/ccp/). The `ccp` check reads it, and the ICE/media
 * checks ask it for the agent's own TURN servers (createTransport).
 */
export interface CcpHandle {
  /** Resolves when the CCP is initialized or failed; never hangs past `timeoutMs`. */
  waitReady(signal: AbortSignal, timeoutMs: number): Promise<CheckOutcome<'ccp'>>;
  /** Softphone media connections from createTransport; credentials stay in memory only. */
  getIceServers(signal: AbortSignal): Promise<RTCIceServer[]>;
  /** The CCP's part of the report (live calls, failovers); the runner asks once, at the end of a run. */
  addToReport?(report: Report): Report;
}

/** Options a run was started with, after defaults were applied. */
export interface RunOptions {
  checks: CheckId[];
  /** Explicit ICE servers (customer TURN, demo, tests). Ignored when a CCP provides its own. */
  iceServers: RTCIceServer[];
  /** Media test length in seconds (upper bound; the test may stop early once the verdict is certain). */
  durationS: number;
  thresholds: Thresholds;
  /** Per-check timeouts in ms, overriding each check's default. */
  timeouts: Partial<Record<CheckId, number>>;
  /** Instance CCP URL (endpoints, ccp). */
  ccpUrl?: string;
  region?: string;
  ccpMode: 'full' | 'media-less' | 'none';
  /** Endpoint list for the endpoints check (defaults derived from ccpUrl and region). */
  endpoints?: { url: string; role: 'instance' | 'signaling' | 'media' | 'region' | 'custom' }[];
  /** Region probe URLs; `false` turns the Region table off. */
  regions?: { region: string; url: string }[] | false;
  /** Parsed ip-ranges.json (to say if the relay is inside AMAZON_CONNECT ranges). */
  ipRanges?: unknown;
  /** Browser version table override (see checks/browser.ts). */
  browserVersions?: { chrome?: number; firefox?: number; date?: string };
}

/** What a check hands back; the runner adds id, title, timing and remedies. */
export interface CheckOutcome<K extends CheckId = CheckId> {
  verdict: Verdict;
  summary: string;
  code?: string;
  remedies?: Remedy[];
  data: CheckDataMap[K];
  error?: CheckError;
}

/** What a check sees while it runs. */
export interface CheckContext {
  options: RunOptions;
  deps: Deps;
  /** Results of the checks that ran before this one in the same run. */
  results: ReadonlyMap<CheckId, CheckResult>;
  /** ICE servers to use: from the CCP (createTransport), the config, or none. Memoized per run. */
  iceServers(signal: AbortSignal): Promise<IceServerSource>;
  ccp?: CcpHandle;
  /** Progress inside a long check, 0..1, with an optional phrase. */
  progress(fraction: number, phrase?: string): void;
}

/** The check contract: one file per check under src/checks/. */
export interface Check<K extends CheckId = CheckId> {
  id: K;
  title: string;
  /** Default timeout in ms (may depend on options, e.g. the media duration). */
  timeoutMs: (options: RunOptions) => number;
  /** Finding codes this check can emit on warn/fail/skip, with their meaning (for the remedy catalogue). */
  codes: Readonly<Record<string, string>>;
  /** The data reported when the check times out, is aborted or throws. */
  emptyData: (options: RunOptions) => CheckDataMap[K];
  run: (ctx: CheckContext, signal: AbortSignal) => Promise<CheckOutcome<K>>;
}

/** Errors a check throws on purpose carry a code and a user-facing message. */
export class CheckFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly verdict: Verdict = 'fail',
  ) {
    super(message);
    this.name = 'CheckFailure';
  }
}
