/**
 * The `media` check's steps as functions over plain data (probe logs, getStats snapshots, thresholds), so they
 * run in Node tests on recorded getStats payloads. The check (./media.ts) wires them to a relayed call.
 */
import type { CheckOutcome } from './types.js';
import type { MediaData, MediaSample } from '../report/schema.js';
import type { Thresholds } from '../stats/thresholds.js';
import { snapshotDelta, type AudioSnapshot } from '../stats/getstats.js';
import { designEffect, finite, mean, median, medianInterval95, round, roundInterval, trimmedMean, wilsonInterval95Pct } from '../stats/math.js';
import { mos as mosOf, mosBand } from '../stats/mos.js';
import { ProbeLog, summarizeProbes } from '../stats/probes.js';
import { callQualityVerdict, intervalConclusive } from '../stats/verdict.js';

/** Above this share of reordered probe arrivals, jitter comes from the probes (see computeFigures). */
export const REORDER_PCT = 1;
/**
 * When inbound-rtp.jitter reads more than this above the probes' jitter on the same path, the excess is the
 * sender's own timing, not the network (see computeFigures), and jitter comes from the probes.
 */
export const SENDER_JITTER_EXCESS_MS = 5;
/** A timer or message later than expected by more than this means the page's main thread was blocked. */
export const PAGE_BLOCK_MS = 12;
/** At most this many samples in the report (the series is decimated evenly when longer). */
export const MAX_SAMPLES = 60;

export function emptyMedia(): MediaData {
  return { transport: 'udp', serverUrl: '', durationMs: 0, rttMs: null, jitterMs: null, lossPct: null, packetsSent: 0, packetsReceived: 0, packetsLost: 0, mos: null, mosBand: null, sendKbps: null, recvKbps: null, samples: [], source: 'none' };
}

/** Keeps at most `max` samples spread over the whole call (drops every second one when full). */
export class SampleSeries {
  private stride = 1;
  private count = 0;
  readonly items: MediaSample[] = [];
  constructor(private readonly max: number = MAX_SAMPLES) {}
  push(s: MediaSample): void {
    if (this.count++ % this.stride !== 0) return;
    this.items.push(s);
    if (this.items.length > this.max) {
      for (let i = 1; i < this.items.length; i++) this.items.splice(i, 1);
      this.stride *= 2;
    }
  }
}

/**
 * The data-channel probes of both directions, with page-block detection: the probe timer should run every
 * `intervalMs`; when it (or a message) runs much later, the main thread was blocked, and arrivals handled
 * until shortly after carry the block in their timestamps (load on this machine, not the network).
 */
export class ProbeSession {
  readonly ab = new ProbeLog();
  readonly ba = new ProbeLog();
  private lastTickAt: number;
  private blockedUntil = -Infinity;

  constructor(
    private readonly now: () => number,
    private readonly intervalMs: number,
  ) {
    this.lastTickAt = now();
  }

  private noteLiveness(now: number): void {
    if (now - this.lastTickAt > this.intervalMs + PAGE_BLOCK_MS) this.blockedUntil = now + PAGE_BLOCK_MS;
  }

  /** The timer ran. */
  tick(): void {
    const now = this.now();
    this.noteLiveness(now);
    this.lastTickAt = now;
  }

  /** A probe arrived: 16 bytes, send time (float64) then sequence number (uint32). */
  receive(log: ProbeLog, data: unknown): void {
    const now = this.now();
    if (!(data instanceof ArrayBuffer) || data.byteLength < 12) return;
    this.noteLiveness(now);
    const v = new DataView(data);
    log.receive(v.getUint32(8), v.getFloat64(0), now, now <= this.blockedUntil);
  }

  /** The next probe to send on `log`'s direction, or null (log full). */
  next(log: ProbeLog): ArrayBuffer | null {
    const now = this.now();
    const seq = log.send(now);
    if (seq < 0) return null;
    const buf = new ArrayBuffer(16);
    const v = new DataView(buf);
    v.setFloat64(0, now);
    v.setUint32(8, seq);
    return buf;
  }
}

/**
 * What the getStats polls of both peers add up to after the warm-up: jitter and RTT cross-check polls, the
 * first and last snapshots for counter deltas, and the time series.
 */
export class StatsAccumulator {
  readonly jitterPolls: number[] = [];
  readonly rttPairPolls: number[] = [];
  readonly rttRemotePolls: number[] = [];
  baseA: AudioSnapshot | null = null;
  baseB: AudioSnapshot | null = null;
  lastA: AudioSnapshot | null = null;
  lastB: AudioSnapshot | null = null;
  readonly samples = new SampleSeries(MAX_SAMPLES);
  private seenProbes = [0, 0];

  constructor(
    private readonly t0: number,
    private readonly measureFrom: number,
  ) {}

  /** One poll of both peers at `now`; `probes` gives the probe transits since the last poll. */
  ingest(sa: AudioSnapshot, sb: AudioSnapshot, now: number, probes: readonly ProbeLog[] = []): void {
    const prevA = this.lastA;
    const prevB = this.lastB;
    if (now >= this.measureFrom) {
      if (!this.baseA) {
        this.baseA = sa;
        this.baseB = sb;
      }
      for (const s of [sa, sb]) {
        if (s.jitterMs !== null) this.jitterPolls.push(s.jitterMs);
        if (s.candidatePairRttMs !== null) this.rttPairPolls.push(s.candidatePairRttMs / 2);
        if (s.remoteInboundRttMs !== null) this.rttRemotePolls.push(s.remoteInboundRttMs / 2);
      }
      this.samples.push(this.sample(sa, sb, prevA, prevB, now, probes));
    }
    this.lastA = sa;
    this.lastB = sb;
  }

  private sample(sa: AudioSnapshot, sb: AudioSnapshot, prevA: AudioSnapshot | null, prevB: AudioSnapshot | null, now: number, probes: readonly ProbeLog[]): MediaSample {
    const newTransits: number[] = [];
    probes.forEach((log, k) => {
      for (let i = this.seenProbes[k] ?? 0; i < log.sent; i++) if (!Number.isNaN(log.transitMs[i]!)) newTransits.push(log.transitMs[i]!);
      this.seenProbes[k] = log.sent;
    });
    const dA = prevA ? snapshotDelta(prevA, sa) : null;
    const dB = prevB ? snapshotDelta(prevB, sb) : null;
    const lossParts = [dA, dB].filter((d) => d && d.packetsReceived !== null && d.packetsLost !== null);
    const exp = lossParts.reduce((s, d) => s + d!.packetsReceived! + d!.packetsLost!, 0);
    const lst = lossParts.reduce((s, d) => s + Math.max(0, d!.packetsLost!), 0);
    return {
      tMs: Math.round(now - this.t0),
      rttMs: round(median(newTransits), 1),
      jitterMs: round(mean(finite([sa.jitterMs, sb.jitterMs])), 1),
      lossPct: exp > 0 ? round((100 * lst) / exp, 2) : null,
      sendKbps: round(dA?.sendKbps ?? null, 1),
      recvKbps: round(dA?.recvKbps ?? null, 1),
    };
  }

  /** RTP packets expected and lost over the measurement, both directions (counter deltas, never ratios). */
  rtpLoss(): { expected: number; lost: number } {
    let expected = 0;
    let lost = 0;
    for (const [base, last] of [[this.baseA, this.lastA], [this.baseB, this.lastB]] as const) {
      if (!base || !last) continue;
      const d = snapshotDelta(base, last);
      if (d.packetsReceived === null || d.packetsLost === null) continue;
      expected += d.packetsReceived + Math.max(0, d.packetsLost);
      lost += Math.max(0, d.packetsLost);
    }
    return { expected, lost };
  }
}

export type MediaFigures = ReturnType<typeof computeFigures>;

/** RTT, jitter and loss with their 95 % intervals, from the probes and the polls, measured until `end`. */
export function computeFigures(probeLogs: readonly ProbeLog[], acc: StatsAccumulator, measureFrom: number, end: number) {
  let maxTransit = 0;
  for (const log of probeLogs) for (let i = 0; i < log.sent; i++) if (log.transitMs[i]! > maxTransit) maxTransit = log.transitMs[i]!;
  const grace = Math.max(250, 3 * maxTransit);
  const probes = summarizeProbes(probeLogs, measureFrom, end, Math.min(grace, 1500));
  const rtp = acc.rtpLoss();
  const trials = probes.trials + rtp.expected;
  const lost = probes.lost + rtp.lost;
  const deff = designEffect(probes.lossAutocorrelation);
  const lossPct = trials > 0 ? (100 * lost) / trials : null;
  const lossCi = trials > 0 ? wilsonInterval95Pct(lost, trials, deff) : null;
  // Interquartile mean of the polled RFC 3550 estimates (both peers): a scheduler stall inflates the smoothed
  // estimator for a few hundred ms, which trimming ignores, and Chromium reports jitter in whole
  // milliseconds, which a mean of the middle half resolves better than a median. Polls of a smoothed
  // estimator are correlated: count one independent value per ~0.5 s per peer.
  const rtpJitterMs = trimmedMean(acc.jitterPolls, 0.25);
  // Chromium's inbound-rtp.jitter skips packets that arrive out of order, so on a path that reorders (jitter
  // larger than the packet spacing) it reads low. The probes' estimate pairs consecutive sequence numbers
  // whatever their arrival order; it is the reported figure when the probes saw reordering (more than
  // REORDER_PCT of arrivals), otherwise inbound-rtp.jitter is.
  // inbound-rtp.jitter also counts how evenly the sender emits its 20 ms frames. A browser whose audio clock
  // runs on coarse timers (Firefox with no sound device, e.g. headless) sends them in bursts: on a clean
  // loopback path Firefox ESR 153 reads about 10 ms there while the probes, on the same relay, read under 1 ms
  // (Chromium: 1.5 and 0.5). The network's jitter is what the check measures, so an RTP figure more than
  // SENDER_JITTER_EXCESS_MS above the probes' gives way to the probes.
  const senderTiming = probes.jitterMs !== null && rtpJitterMs !== null && rtpJitterMs - probes.jitterMs > SENDER_JITTER_EXCESS_MS;
  const useProbes = (probes.reorderedPct > REORDER_PCT || senderTiming) && probes.jitterMs !== null;
  const jitterMs = useProbes ? probes.jitterMs : rtpJitterMs;
  const jitterCi = useProbes ? probes.jitterCi95 : medianInterval95(acc.jitterPolls, Math.max(2, acc.jitterPolls.length / 4));
  return {
    probes,
    rtpExpected: rtp.expected,
    rtpLost: rtp.lost,
    trials,
    lost,
    deff,
    lossPct,
    lossCi,
    jitterMs,
    jitterCi,
    rtpJitterMs,
    jitterFrom: useProbes ? ('data-channel' as const) : ('inbound-rtp' as const),
  };
}

/** True once every interval (RTT, loss, jitter) lies inside one verdict band: the call may stop early. */
export function figuresConclusive(f: MediaFigures, t: Thresholds): boolean {
  const { probes, lossCi, jitterCi } = f;
  if (!probes.rttCi95 || !lossCi || !jitterCi) return false;
  return intervalConclusive('rtt', probes.rttCi95.lo, probes.rttCi95.hi, t) && intervalConclusive('loss', lossCi.lo, lossCi.hi, t) && intervalConclusive('jitter', jitterCi.lo, jitterCi.hi, t);
}

/** Writes the measured figures, their sources and the MOS into `data`. */
export function fillMediaData(data: MediaData, f: MediaFigures, acc: StatsAccumulator, t: Thresholds): void {
  const p = f.probes;
  const sa = acc.lastA;
  const da = acc.baseA && sa ? snapshotDelta(acc.baseA, sa) : null;
  data.rttMs = round(p.rttMs, 1);
  data.rttCi95 = roundInterval(p.rttCi95, 1);
  data.jitterMs = round(f.jitterMs, 1);
  data.jitterCi95 = roundInterval(f.jitterCi, 1);
  data.lossPct = round(f.lossPct, 2);
  data.lossCi95 = roundInterval(f.lossCi, 2);
  data.packetsSent = f.trials;
  data.packetsLost = f.lost;
  data.packetsReceived = f.trials - f.lost;
  data.sendKbps = round(da?.sendKbps ?? null, 1);
  data.recvKbps = round(da?.recvKbps ?? null, 1);
  data.rttSources = { dataChannelMs: round(p.rttMs, 1), candidatePairMs: round(mean(acc.rttPairPolls), 1), remoteInboundMs: round(mean(acc.rttRemotePolls), 1) };
  data.jitterSources = { inboundRtpMs: round(f.rtpJitterMs, 1), dataChannelMs: round(p.jitterMs, 1), used: f.jitterFrom };
  data.reorderedPct = round(p.reorderedPct, 2) ?? 0;
  data.lossSources = { rtp: { expected: f.rtpExpected, lost: f.rtpLost }, dataChannel: { sent: p.trials, lost: p.lost } };
  data.lossDesignEffect = round(f.deff, 2) ?? 1;
  data.probesPageBlocked = p.pageBlocked;
  if (sa?.codec) data.codec = sa.codec;
  const m = data.rttMs !== null && data.jitterMs !== null && data.lossPct !== null ? mosOf({ rttMs: data.rttMs, jitterMs: data.jitterMs, lossPct: data.lossPct }) : null;
  data.mos = round(m, 2);
  data.mosBand = mosBand(data.mos, t.mosGood, t.mosFail);
  data.samples = acc.samples.items;
}

/** The check's verdict, finding code and summary from the filled data. */
export function mediaOutcome(data: MediaData, serverUrl: string, t: Thresholds): CheckOutcome<'media'> {
  if (data.rttMs === null || data.lossPct === null) {
    return { verdict: 'fail', code: 'call-failed', summary: `The test call through ${serverUrl} connected but no probe came back: the relay drops the media.`, data };
  }
  const q = callQualityVerdict({ rttMs: data.rttMs, jitterMs: data.jitterMs, lossPct: data.lossPct, mos: data.mos }, t);
  const worst = q.findings.filter((x) => x.verdict === q.verdict && x.verdict !== 'pass');
  const figures = `round trip ${data.rttMs} ms, jitter ${data.jitterMs ?? '–'} ms, loss ${data.lossPct} %, MOS ${data.mos?.toFixed(2) ?? '–'} (${data.mosBand ?? 'unknown'})`;
  const summary = q.verdict === 'pass' ? `Test call through ${serverUrl}: ${figures}.` : `Test call through ${serverUrl}: ${worst.map((x) => x.text).join('; ')} (${figures}).`;
  return { verdict: q.verdict === 'skip' ? 'pass' : q.verdict, ...(worst[0] ? { code: worst[0].code } : {}), summary, data };
}
