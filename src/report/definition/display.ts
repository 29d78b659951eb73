/**
 * How each check's `data` is shown to people, field by field: a label in plain words, the unit, the decimals,
 * words for coded values, or a table for a list. It lives with the definition (./checks.ts): the type
 * `Display<D>` requires an entry for EVERY field of the data type (null = not shown), so adding a field to a
 * check's data does not compile until this file says how to show it. The HTML rows (elements/.../check-data.ts)
 * and the terminal text (report/text.ts) both read it through ./rows.ts.
 *
 * Plain data and small functions only (no schema library): the widget loads it up front.
 *
 * Languages: labels, `words` and `missing` stay English data here, translated by the rows through
 * src/i18n/display-texts.ts (the one owner of those words). A `show()` function composes its value in the active
 * language itself: the words it uses through the same displayText(), the composite phrases ("yes, 42 ms",
 * "120 to 122", "on a phone (+44…)") through msg() here.
 */
import { msg, str } from '@lit/localize';
import type * as T from './types.js';
import { arr, fmt, fmtDate, num, obj, str as asStr, type Loose } from './format.js';
import { displayText as tr } from '../../i18n/display-texts.js';
import { bandwidthMethod, endpointDetail, iceErrorMeaning, regionRecommendation, websocketDetail } from '../../i18n/detail-texts.js';

export interface FieldDisplay<V = unknown> {
  /** What the value is, in plain words. */
  label: string;
  /** Unit after a number, as people read it: ms, kbit/s, %, GHz, GB, dBFS. */
  unit?: string;
  /** Decimals shown (default 0). */
  digits?: number;
  /** A sibling field with the value's 95 % interval ({ lo, hi }). */
  ci?: string;
  /** Plain words for coded values (enum values, true/false). */
  words?: Readonly<Record<string, string>>;
  /** A composite value: how to show it from the value and the check's whole data. '' hides the row. */
  show?: (value: unknown, data: Loose) => string;
  /** Shown when the value is absent (default: the row is hidden) or null (default: "not measured"). */
  missing?: string;
  /** A list of objects shown as a table: its columns, by item field. */
  table?: NonNullable<V> extends readonly (infer I)[] ? (I extends object ? Display<I> : never) : never;
  /** A time series drawn as charts (HTML only; the terminal omits it). */
  chart?: boolean;
}

/** An entry for every field: how to show it, or null when it is not shown. */
export type Display<D> = { readonly [K in keyof D]-?: FieldDisplay<D[K]> | null };

const TRANSPORT = { udp: 'UDP', tcp: 'TCP', tls: 'TLS (TCP 443)' } as const;
const OUTCOME = { ok: 'reachable', slow: 'slow', blocked: 'blocked', dns: 'name not found (DNS)', timeout: 'no answer', error: 'error', skipped: 'not tried' } as const;
const ICE_SOURCE = { ccp: 'your Amazon Connect instance', config: 'the page settings', none: 'none configured' } as const;
const HEADSET = { usb: 'USB', bluetooth: 'Bluetooth', analog: 'analog (jack)', builtin: 'built-in', virtual: 'virtual', unknown: 'unknown' } as const;
const FAMILY = { chrome: 'Chrome', chromium: 'Chromium', edge: 'Edge', firefox: 'Firefox', safari: 'Safari' } as const;
const ms = (v: unknown): string => fmt(v, 'ms');
const kbps = (v: unknown): string => fmt(v, 'kbit/s');
const MOS_BAND = { good: 'good', fair: 'fair', poor: 'poor' } as const;

/** The word for a coded value in the active language; `fallback` (English, translated) for a code not listed. */
const wordOf = (words: Readonly<Record<string, string>>, v: unknown, fallback = 'unknown'): string => {
  const k = asStr(v);
  return tr(Object.prototype.hasOwnProperty.call(words, k) ? words[k]! : fallback);
};
/** The browser family's name; "another browser" for one not named. */
const familyName = (v: unknown): string => {
  const k = asStr(v);
  if (k === 'other') return msg('another browser');
  return Object.prototype.hasOwnProperty.call(FAMILY, k) ? FAMILY[k as keyof typeof FAMILY] : tr('unknown');
};
/** An outcome word, then its explanation when there is one (in the reader's language: ../../i18n/detail-texts.ts). */
const outcomeText = (v: unknown, explain: string): string => {
  const k = asStr(v);
  const w = Object.prototype.hasOwnProperty.call(OUTCOME, k) ? tr(OUTCOME[k as keyof typeof OUTCOME]) : k;
  return explain ? `${w}: ${explain}` : w;
};
/** A relay address, said to be in (or not in) the Amazon Connect IP ranges when that is known. */
const relayText = (address: string, inRanges: unknown): string =>
  inRanges === true ? msg(str`${address} (in the Amazon Connect IP ranges)`) : inRanges === false ? msg(str`${address} (not in the Amazon Connect IP ranges)`) : address;
/**
 * One relay error: its code, the browser's own text (English evidence, kept where the meaning is shown as the
 * writer wrote it, i.e. in English) and what the code means in the reader's language.
 */
const iceErrorText = (e: Loose): string => {
  const written = asStr(e.meaning);
  const meaning = written ? iceErrorMeaning(num(e.code) ?? 0, written) : '';
  const head = meaning === written ? `${fmt(e.code)} ${asStr(e.text)}`.trim() : fmt(e.code);
  return meaning ? `${head}: ${meaning}` : head;
};
/** "yes, 42 ms" when it worked, "no" when not. */
const yesIn = (v: unknown, took: unknown): string => (v === true ? msg(str`yes, ${ms(took)}`) : tr('no'));
const FINDINGS = null; // finding codes are for tools; people read the summary and the remedies

export const BROWSER_DISPLAY: Display<T.BrowserData> = {
  name: { label: 'Browser' },
  family: { label: 'Browser', show: (v, d) => (asStr(d.name) ? '' : `${familyName(v)} ${num(d.major) ?? ''}`.trim()) },
  major: { label: 'Version', show: (v, d) => (asStr(d.name) && num(v) !== null ? String(v) : '') },
  versionStanding: { label: 'Up to date', words: { current: 'yes, one of the latest three', outdated: 'no, older than the latest three', 'too-old': 'no, too old for the softphone', unknown: 'unknown', 'not-applicable': 'not applicable' } },
  minSupportedMajor: { label: 'Supported versions', show: (v, d) => (num(v) !== null ? msg(str`${fmt(v)} to ${fmt(d.latestMajor)}`) : '') },
  latestMajor: null,
  secureContext: { label: 'Secure page (https)' },
  apis: { label: 'Missing calling features (WebRTC)', show: (v) => (Object.keys(obj(v)).length ? Object.entries(obj(v)).filter(([, x]) => x === false).map(([k]) => k).join(', ') || tr('none') : '') },
  engine: { label: 'Engine', words: { blink: 'Blink', gecko: 'Gecko', webkit: 'WebKit', edgehtml: 'EdgeHTML', unknown: 'unknown' } },
  engineMajor: { label: 'Engine version' },
  versionTableDate: { label: 'Version table date' },
  versionSource: { label: 'Version table', words: { shipped: 'shipped with the tool', override: 'set by the page' } },
  versionExtrapolatedBy: null,
  userAgent: null,
  findings: FINDINGS,
};

export const WORKSTATION_DISPLAY: Display<T.WorkstationData> = {
  cpuGhzEstimate: { label: 'CPU speed (estimate)', unit: 'GHz', digits: 1, show: (v, d) => (num(v) === null ? '' : `${fmt(v, 'GHz', 1)}${num(d.cpuGhzUncertaintyPct) !== null ? ` (± ${fmt(d.cpuGhzUncertaintyPct)} %)` : ''}`) },
  cpuGhzUncertaintyPct: null,
  logicalCores: { label: 'Processor cores' },
  deviceMemoryGb: { label: 'Memory', unit: 'GB', digits: 1, missing: 'not reported by the browser' },
  loadHint: { label: 'Load', words: { idle: 'idle', busy: 'busy', unknown: 'unknown' } },
  eventLoopLagMs: { label: 'Page delay (event loop lag)', unit: 'ms' },
  benchmarkSpreadPct: { label: 'Benchmark spread', unit: '%' },
  benchmark: null,
  findings: FINDINGS,
};

export const DEVICES_DISPLAY: Display<T.DevicesData> = {
  permission: { label: 'Microphone permission', words: { granted: 'allowed', denied: 'blocked', prompt: 'not asked yet', unknown: 'unknown' } },
  captureOk: { label: 'Microphone records' },
  level: { label: 'Input level', words: { silent: 'silent', ok: 'fine', clipping: 'too loud (clipping)', unknown: 'unknown' } },
  levelDbfs: { label: 'Average level', unit: 'dBFS', digits: 1 },
  peakDbfs: { label: 'Peak level', unit: 'dBFS', digits: 1 },
  clippedPct: { label: 'Samples at full scale', unit: '%', digits: 1 },
  selectedInput: { label: 'Microphone in use', show: (v) => (asStr(obj(v).label) ? `${asStr(obj(v).label)} (${wordOf(HEADSET, obj(v).kind)})` : '') },
  outputs: { label: 'Speakers and headphones', show: (v, d) => (d.outputsKnown === false ? tr('not listed by this browser') : num(v) !== null ? fmt(v) : '') },
  inputs: { label: 'Microphones', table: { label: { label: 'Name', missing: '(no name)' }, kind: { label: 'Kind', words: HEADSET }, isDefault: { label: 'Default', words: { true: 'default', false: '' } } } },
  outputsKnown: null,
  levelWindowMs: null,
  liveTracksAfter: null,
  findings: FINDINGS,
};

export const ENDPOINTS_DISPLAY: Display<T.EndpointsData> = {
  endpoints: {
    label: 'Amazon Connect addresses (TCP 443)',
    table: {
      url: { label: 'Address' },
      role: { label: 'What it is', words: { instance: 'your instance (CloudFront)', signaling: 'call signaling', media: 'media', region: 'Region', custom: 'custom' } },
      outcome: { label: 'Result', show: (v, e) => outcomeText(v, endpointDetail(asStr(v), asStr(e.detail), e.failedRequests)) },
      medianMs: { label: 'Median', unit: 'ms' },
      firstRequestMs: { label: 'First request', unit: 'ms' },
      failedRequests: null,
      samplesMs: null,
      detail: null,
    },
  },
  regions: {
    label: 'Delay to each Amazon Connect Region',
    table: {
      region: { label: 'Region' },
      medianMs: { label: 'Median', unit: 'ms' },
      outcome: { label: 'Result', words: OUTCOME },
      url: null,
    },
  },
  bestRegion: { label: 'Closest Region' },
  instanceRegion: { label: 'Your instance\'s Region' },
  recommendation: { label: 'Recommendation', show: (v, d) => regionRecommendation(asStr(v), arr(d.regions).map(obj), d.bestRegion, d.instanceRegion) },
  websocket: { label: 'Live connection (WebSocket)', show: (v) => (asStr(obj(v).outcome) ? outcomeText(obj(v).outcome, websocketDetail(asStr(obj(v).outcome), asStr(obj(v).detail))) : '') },
};

export const ICE_DISPLAY: Display<T.IceData> = {
  source: { label: 'Relay servers from', words: ICE_SOURCE },
  transport: null,
  servers: {
    label: 'Relay servers tested',
    table: {
      url: { label: 'Server' },
      srflx: { label: 'Public address found (STUN)', show: (v, s) => yesIn(v, s.srflxMs) },
      relay: { label: 'Relay works (TURN)', show: (v, s) => yesIn(v, s.relayMs) },
      relayAddress: { label: 'Relay address', show: (v, s) => relayText(asStr(v), s.relayInAmazonConnect) },
      errors: { label: 'Errors', show: (v) => arr(v).map(obj).map(iceErrorText).join('; ') || tr('none') },
      kind: null,
      transport: null,
      srflxMs: null,
      relayMs: null,
      relayInAmazonConnect: null,
    },
  },
};

export const MEDIA_DISPLAY: Display<T.MediaData> = {
  rttMs: { label: 'Round trip to the relay', unit: 'ms', ci: 'rttCi95' },
  jitterMs: { label: 'Jitter', unit: 'ms', digits: 1, ci: 'jitterCi95' },
  lossPct: { label: 'Packet loss', unit: '%', digits: 1, ci: 'lossCi95' },
  mos: { label: 'Call quality (MOS, 1 to 5)', show: (v, d) => (num(v) !== null ? `${fmt(v, '', 2)}${asStr(d.mosBand) ? ` (${wordOf(MOS_BAND, d.mosBand, asStr(d.mosBand))})` : ''}` : fmt(null)) },
  sendKbps: { label: 'Sent / received', show: (v, d) => `${kbps(v)} / ${kbps(d.recvKbps)}` },
  packetsSent: { label: 'Packets sent / received / lost', show: (v, d) => `${fmt(v)} / ${fmt(d.packetsReceived)} / ${fmt(d.packetsLost)}` },
  transport: { label: 'Transport', words: TRANSPORT },
  serverUrl: { label: 'Relay server' },
  relayAddress: { label: 'Relay address', show: (v, d) => (asStr(v) ? relayText(asStr(v), d.relayInAmazonConnect) : '') },
  codec: { label: 'Codec' },
  rttSources: { label: 'Round trip cross-checks', show: (v) => (Object.keys(obj(v)).length ? msg(str`data channel ${ms(obj(v).dataChannelMs)}, candidate pair ${ms(obj(v).candidatePairMs)}, RTCP ${ms(obj(v).remoteInboundMs)}`) : '') },
  durationMs: { label: 'Test call length', show: (v) => (num(v) !== null ? fmt(num(v)! / 1000, 's', 1) : '') },
  stoppedEarly: { label: 'Stopped early (verdict clear)', words: { true: 'yes', false: '' } },
  reorderedPct: { label: 'Packets out of order', unit: '%', digits: 1 },
  samples: { label: 'Test call', chart: true },
  relayInAmazonConnect: null,
  rttCi95: null,
  jitterCi95: null,
  lossCi95: null,
  mosBand: null,
  recvKbps: null,
  packetsReceived: null,
  packetsLost: null,
  jitterSources: null,
  lossSources: null,
  lossDesignEffect: null,
  probesPageBlocked: null,
  source: null,
};

export const BANDWIDTH_DISPLAY: Display<T.BandwidthData> = {
  upKbps: { label: 'Upload', unit: 'kbit/s' },
  downKbps: { label: 'Download', unit: 'kbit/s' },
  requiredKbps: { label: 'Needed', unit: 'kbit/s' },
  lossLimitedKbps: { label: 'Reachable with the measured loss', unit: 'kbit/s' },
  method: { label: 'How it was measured', show: (v) => (asStr(v) && asStr(v) !== 'none' ? bandwidthMethod(asStr(v)) : '') },
  bytes: null,
  durationMs: null,
};

export const CCP_DISPLAY: Display<T.CcpData> = {
  state: { label: 'Contact Control Panel', words: { initialized: 'connected', 'login-needed': 'needs a login', 'auth-failed': 'login refused', 'access-denied': 'access denied', 'iframe-retries-exhausted': 'did not load after several tries', timeout: 'no answer', 'not-configured': 'not set up', error: 'error' } },
  mode: { label: 'Mode', words: { full: 'calls in this browser', 'media-less': 'without audio (VDI)', none: 'none' } },
  mediaLocation: { label: 'Call audio plays', words: { 'this-browser': 'in this browser', 'local-desktop': 'on the local desktop (VDI)', 'external-phone': 'on a phone', unknown: 'unknown' } },
  agent: { label: 'Calls ring', show: (v) => (isSet(obj(v).softphoneEnabled) ? (obj(v).softphoneEnabled ? msg('in the browser (softphone)') : onPhone(asStr(obj(v).extension))) : '') },
  agentState: { label: 'Agent status', show: (v) => asStr(obj(v).name) },
  websocket: { label: 'Live connection', words: { connected: 'connected', lost: 'lost', unknown: 'unknown' } },
  iceServersFromCcp: { label: 'Relay servers handed out' },
  missedCall: { label: 'Missed call', words: { true: 'yes', false: '' } },
  ccpUrl: { label: 'Address' },
  streamsVersion: { label: 'Streams library version' },
  softphoneErrors: { label: 'Softphone errors seen', table: { errorType: { label: 'Error' }, errorMessage: { label: 'Message' }, at: { label: 'When', show: (v) => fmtDate(v) }, remedyId: null } },
};

/** "on a phone (+44 20 7946 0000)", or "on a phone" without a number. */
function onPhone(extension: string): string {
  return extension ? msg(str`on a phone (${extension})`) : tr('on a phone');
}

function isSet(v: unknown): boolean {
  return v === true || v === false;
}

/** Each check id's display. */
export const CHECK_DISPLAY: { readonly [K in T.CheckId]: Display<T.CheckDataMap[K]> } = {
  browser: BROWSER_DISPLAY,
  workstation: WORKSTATION_DISPLAY,
  devices: DEVICES_DISPLAY,
  ccp: CCP_DISPLAY,
  endpoints: ENDPOINTS_DISPLAY,
  'ice-udp': ICE_DISPLAY,
  'ice-tcp': ICE_DISPLAY,
  'ice-tls': ICE_DISPLAY,
  media: MEDIA_DISPLAY,
  bandwidth: BANDWIDTH_DISPLAY,
};
