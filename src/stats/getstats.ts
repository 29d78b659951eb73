/**
 * Pure functions over getStats payloads. A payload is what `pc.getStats()` resolves to (an RTCStatsReport,
 * a Map-like), or its JSON form: an array of stats objects or an object keyed by stats id (how recorded
 * fixtures are stored). Units: the W3C stats give seconds for `jitter`, `roundTripTime` and
 * `currentRoundTripTime`; everything returned here is in milliseconds, with `Ms` in the name.
 *
 * Firefox (checked on recorded Firefox ESR 153 payloads, test/unit/fixtures/getstats/firefox-*.json) reports the
 * same standard entries with these differences, all handled here so both browsers feed the same figures:
 * - `remote-inbound-rtp.roundTripTime` is absent until an RTCP round trip was measured
 *   (`roundTripTimeMeasurements` 0); `totalRoundTripTime / roundTripTimeMeasurements` stands in when only the
 *   totals are there.
 * - `candidate-pair.currentRoundTripTime` has millisecond resolution (0 on loopback), and older Firefox marks
 *   the pair in use with a non-standard `selected: true` instead of a transport's `selectedCandidatePairId`.
 * - The microphone's own level is not on `media-source` (Chromium has `audioLevel` there); the received level
 *   is `inbound-rtp.audioLevel` in both.
 * - Firefox before 66 spelled the types without hyphens (`inboundrtp`, `candidatepair`...); webrtc-adapter's
 *   stats shim renames them, and statsEntries() does too, so old recordings parse alike.
 */

/** One stats object, loosely typed (the fields used here are read defensively). */
export interface StatsEntry {
  id: string;
  type: string;
  timestamp: number;
  [field: string]: unknown;
}

export type StatsPayload =
  | { forEach(cb: (value: unknown, key: string) => void): void }
  | readonly unknown[]
  | Readonly<Record<string, unknown>>;

function isEntry(v: unknown): v is StatsEntry {
  return typeof v === 'object' && v !== null && typeof (v as StatsEntry).type === 'string' && typeof (v as StatsEntry).id === 'string';
}

/** Pre-standard type names (Firefox before 66) and their standard spelling. */
export const LEGACY_STATS_TYPES: Readonly<Record<string, string>> = Object.freeze({
  inboundrtp: 'inbound-rtp',
  outboundrtp: 'outbound-rtp',
  candidatepair: 'candidate-pair',
  localcandidate: 'local-candidate',
  remotecandidate: 'remote-candidate',
});

function normalized(v: StatsEntry): StatsEntry {
  const std = LEGACY_STATS_TYPES[v.type];
  return std ? { ...v, type: std } : v;
}

/** Normalizes any payload form to an array of stats entries. */
export function statsEntries(payload: StatsPayload): StatsEntry[] {
  const out: StatsEntry[] = [];
  if (Array.isArray(payload)) {
    for (const v of payload) if (isEntry(v)) out.push(normalized(v));
  } else if (typeof (payload as { forEach?: unknown }).forEach === 'function') {
    (payload as { forEach(cb: (value: unknown) => void): void }).forEach((v) => {
      if (isEntry(v)) out.push(normalized(v));
    });
  } else {
    for (const v of Object.values(payload as Record<string, unknown>)) if (isEntry(v)) out.push(normalized(v));
  }
  return out;
}

function num(e: StatsEntry | undefined, field: string): number | null {
  const v = e?.[field];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function str(e: StatsEntry | undefined, field: string): string | null {
  const v = e?.[field];
  return typeof v === 'string' ? v : null;
}

/**
 * The candidate pair in use: the transport's selectedCandidatePairId, else Firefox's non-standard
 * `selected: true`, else the nominated succeeded pair.
 */
export function selectedCandidatePair(entries: readonly StatsEntry[]): StatsEntry | undefined {
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const t of entries) {
    if (t.type !== 'transport') continue;
    const id = str(t, 'selectedCandidatePairId');
    if (id && byId.get(id)) return byId.get(id);
  }
  return (
    entries.find((e) => e.type === 'candidate-pair' && e['selected'] === true) ??
    entries.find((e) => e.type === 'candidate-pair' && e['nominated'] === true && e['state'] === 'succeeded')
  );
}

/**
 * remote-inbound-rtp round trip in seconds: `roundTripTime` (the latest), else the mean of the measured ones
 * (`totalRoundTripTime / roundTripTimeMeasurements`, what Firefox may give alone); null before any measurement.
 */
export function remoteInboundRttSeconds(rin: StatsEntry | undefined): number | null {
  const rtt = num(rin, 'roundTripTime');
  if (rtt !== null) return rtt;
  const total = num(rin, 'totalRoundTripTime');
  const n = num(rin, 'roundTripTimeMeasurements');
  return total !== null && n !== null && n > 0 ? total / n : null;
}

/** A flat snapshot of the audio figures of one peer connection at one instant. */
export interface AudioSnapshot {
  /** Stats timestamp, ms. */
  timestampMs: number;
  packetsSent: number | null;
  bytesSent: number | null;
  packetsReceived: number | null;
  packetsLost: number | null;
  bytesReceived: number | null;
  /** inbound-rtp.jitter converted to ms. */
  jitterMs: number | null;
  /** remote-inbound-rtp.roundTripTime in ms (appears after the first RTCP receiver report). */
  remoteInboundRttMs: number | null;
  /** Selected candidate pair's currentRoundTripTime in ms (STUN consent checks). */
  candidatePairRttMs: number | null;
  /** Selected pair's local candidate: type, protocol, relay protocol, address. */
  localCandidate: { candidateType: string | null; protocol: string | null; relayProtocol: string | null; address: string | null; url: string | null } | null;
  codec: string | null;
  /** inbound-rtp.audioLevel (0..1, linear) of the received audio; both browsers report it. */
  recvAudioLevel: number | null;
  /** media-source.audioLevel (0..1) of the sent audio: Chromium only (Firefox has no level there). */
  sendAudioLevel: number | null;
}

/** Reads the audio outbound/inbound RTP and the selected pair out of one payload. */
export function audioSnapshot(payload: StatsPayload): AudioSnapshot {
  const entries = statsEntries(payload);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const isAudio = (e: StatsEntry) => (e['kind'] ?? e['mediaType']) === 'audio';
  const out = entries.find((e) => e.type === 'outbound-rtp' && isAudio(e));
  const inb = entries.find((e) => e.type === 'inbound-rtp' && isAudio(e));
  const rin = entries.find((e) => e.type === 'remote-inbound-rtp' && isAudio(e));
  const src = entries.find((e) => e.type === 'media-source' && isAudio(e));
  const pair = selectedCandidatePair(entries);
  const local = pair ? byId.get(str(pair, 'localCandidateId') ?? '') : undefined;
  const codecEntry = byId.get(str(inb ?? out, 'codecId') ?? '');
  const ts = entries.reduce((m, e) => Math.max(m, typeof e.timestamp === 'number' ? e.timestamp : 0), 0);
  const toMs = (s: number | null) => (s === null ? null : s * 1000);
  return {
    timestampMs: ts,
    packetsSent: num(out, 'packetsSent'),
    bytesSent: num(out, 'bytesSent'),
    packetsReceived: num(inb, 'packetsReceived'),
    packetsLost: num(inb, 'packetsLost'),
    bytesReceived: num(inb, 'bytesReceived'),
    jitterMs: toMs(num(inb, 'jitter')),
    remoteInboundRttMs: toMs(remoteInboundRttSeconds(rin)),
    candidatePairRttMs: toMs(num(pair, 'currentRoundTripTime')),
    localCandidate: local
      ? {
          candidateType: str(local, 'candidateType'),
          protocol: str(local, 'protocol'),
          relayProtocol: str(local, 'relayProtocol'),
          address: str(local, 'address') ?? str(local, 'ip'),
          url: str(local, 'url'),
        }
      : null,
    codec: str(codecEntry, 'mimeType'),
    recvAudioLevel: num(inb, 'audioLevel'),
    sendAudioLevel: num(src, 'audioLevel'),
  };
}

/** Difference of a cumulative counter; null when either side is missing or it went backwards (reset). */
export function counterDelta(before: number | null | undefined, after: number | null | undefined): number | null {
  if (typeof before !== 'number' || typeof after !== 'number') return null;
  const d = after - before;
  return d >= 0 ? d : null;
}

/** Rates and loss between two snapshots of the same peer connection. */
export interface SnapshotDelta {
  intervalMs: number;
  packetsSent: number | null;
  packetsReceived: number | null;
  packetsLost: number | null;
  /** Loss of the inbound stream in the interval: lost / (received + lost), percent. */
  lossPct: number | null;
  sendKbps: number | null;
  recvKbps: number | null;
}

export function snapshotDelta(a: AudioSnapshot, b: AudioSnapshot): SnapshotDelta {
  const intervalMs = b.timestampMs - a.timestampMs;
  const sent = counterDelta(a.packetsSent, b.packetsSent);
  const recv = counterDelta(a.packetsReceived, b.packetsReceived);
  // packetsLost may legitimately go down (late packets counted lost earlier arrive); keep the signed delta.
  const lost = a.packetsLost !== null && b.packetsLost !== null ? b.packetsLost - a.packetsLost : null;
  const expected = recv !== null && lost !== null ? recv + lost : null;
  const kbps = (bytesA: number | null, bytesB: number | null) => {
    const d = counterDelta(bytesA, bytesB);
    return d !== null && intervalMs > 0 ? (d * 8) / intervalMs : null; // bits per ms = kbit/s
  };
  return {
    intervalMs,
    packetsSent: sent,
    packetsReceived: recv,
    packetsLost: lost,
    lossPct: expected !== null && expected > 0 ? Math.max(0, (100 * (lost ?? 0)) / expected) : null,
    sendKbps: kbps(a.bytesSent, b.bytesSent),
    recvKbps: kbps(a.bytesReceived, b.bytesReceived),
  };
}

/** Series of one field across snapshots (nulls dropped). */
export function series(snaps: readonly AudioSnapshot[], field: 'jitterMs' | 'remoteInboundRttMs' | 'candidatePairRttMs'): number[] {
  const out: number[] = [];
  for (const s of snaps) {
    const v = s[field];
    if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
  }
  return out;
}

/** Relay candidates' details of a payload (for the ICE and media checks). */
export function localCandidates(payload: StatsPayload): { candidateType: string | null; protocol: string | null; relayProtocol: string | null; address: string | null; url: string | null }[] {
  return statsEntries(payload)
    .filter((e) => e.type === 'local-candidate')
    .map((e) => ({
      candidateType: str(e, 'candidateType'),
      protocol: str(e, 'protocol'),
      relayProtocol: str(e, 'relayProtocol'),
      address: str(e, 'address') ?? str(e, 'ip'),
      url: str(e, 'url'),
    }));
}
