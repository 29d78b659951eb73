/**
 * `media`: a relay-only test call between two RTCPeerConnections in this page through the TURN server.
 *
 * Path: both peers use `iceTransportPolicy: 'relay'` with the same TURN URL (UDP preferred: the softphone's
 * path, seed 003 "UDP 3478"), so every packet goes workstation -> relay -> workstation. What is measured:
 * - RTT (`rttMs`): the workstation <-> relay round trip. Probes on an unordered, no-retransmit data
 *   channel, one every {@link PROBE_INTERVAL_MS} from each peer, carry their send time; both peers share the
 *   page's clock, so each probe's transit A -> relay -> B is one "loop", which equals the workstation <->
 *   relay round trip (= half the loop's round trip A -> relay -> B -> relay -> A). Cross-checks: the
 *   selected candidate pair's currentRoundTripTime / 2 and remote-inbound-rtp.roundTripTime / 2 (both
 *   measure the loop's round trip; RTCP's appears only after the first receiver report).
 * - Jitter (`jitterMs`): inbound-rtp.jitter (seconds in the stats, converted to ms) of both peers' audio,
 *   the interquartile mean of polls after the warm-up; the probes' own RFC 3550-style estimate cross-checks it
 *   and replaces it when the path reorders packets (Chromium's RTP jitter skips out-of-order packets and
 *   reads low there).
 * - Loss (`lossPct`): from counter deltas after the warm-up, never cumulative ratios: audio RTP
 *   (packetsLost / (packetsReceived + packetsLost) deltas, both directions) pooled with the probes (sent vs
 *   arrived, both directions). Wilson 95 % interval, widened by a design effect when losses come in bursts.
 * - MOS from the E-model (stats/mos.ts), send/receive bitrate of the audio, bounded samples over time.
 * Probes handled right after the page's main thread was blocked (a late timer) count for loss but not for
 * RTT and jitter: their timestamps carry the block, which is load on this machine, not the network.
 * The call stops early, after at least {@link MIN_MEASURE_MS}, once every interval lies inside one verdict
 * band; `durationS` is the upper bound.
 */
import type { Check, CheckContext, CheckOutcome } from './types.js';
import type { MediaData, MediaSample } from '../report/schema.js';
import { tickUntilDone } from '../internal/timeout.js';
import { inAmazonConnectRanges, preferredTurnUrl, singleUrlServer } from './ice-url.js';
import { openRelayPair, type RelayPair } from './relay-pair.js';
import { audioSnapshot, snapshotDelta, type AudioSnapshot } from '../stats/getstats.js';
import { designEffect, finite, mean, median, medianInterval95, round, roundInterval, trimmedMean, wilsonInterval95Pct } from '../stats/math.js';
import { mos as mosOf, mosBand } from '../stats/mos.js';
import { ProbeLog, summarizeProbes } from '../stats/probes.js';
import { callQualityVerdict, intervalConclusive } from '../stats/verdict.js';

/**
 * One probe from each peer every 10 ms (100 per second per direction, about 60 kbit/s each way with
 * headers): paced, never in bursts, each its own packet. Loss is a count of chance events, so more trials
 * per second mean a tighter interval in the same few seconds.
 */
export const PROBE_INTERVAL_MS = 10;
/** Above this share of reordered probe arrivals, jitter comes from the probes (see compute()). */
export const REORDER_PCT = 1;
/** A timer or message later than expected by more than this means the page's main thread was blocked. */
export const PAGE_BLOCK_MS = 12;
/** getStats poll period. */
export const POLL_INTERVAL_MS = 250;
/** Measurements before this (after the call connects) are discarded: codecs, jitter buffers and TURN settle. */
export const WARMUP_MS = 600;
/** Shortest measurement before an early stop. */
export const MIN_MEASURE_MS = 2500;
/** Connecting the test call must not take longer. */
export const CONNECT_TIMEOUT_MS = 8000;
/** At most this many samples in the report (the series is decimated evenly when longer). */
export const MAX_SAMPLES = 60;

export const MEDIA_CODES = {
  'no-servers': 'No ICE servers are configured and no CCP provided any (skipped).',
  'no-turn-url': 'No TURN URL is configured, so no relayed test call is possible (skipped).',
  'call-failed': 'The relayed test call did not connect through the TURN server.',
  'no-audio-source': 'No audio source could be created for the test call.',
  'high-rtt': 'The round trip to the relay is above the warn/fail bar.',
  'high-jitter': 'Jitter is above the warn bar.',
  'high-loss': 'Packet loss is above the warn/fail bar.',
  'low-mos': 'The estimated MOS is below good (or below the fail bar).',
} as const;

function emptyMedia(): MediaData {
  return { transport: 'udp', serverUrl: '', durationMs: 0, rttMs: null, jitterMs: null, lossPct: null, packetsSent: 0, packetsReceived: 0, packetsLost: 0, mos: null, mosBand: null, sendKbps: null, recvKbps: null, samples: [], source: 'none' };
}

/** Keeps at most `max` samples spread over the whole call (drops every second one when full). */
class SampleSeries {
  private stride = 1;
  private count = 0;
  readonly items: MediaSample[] = [];
  constructor(private readonly max: number) {}
  push(s: MediaSample): void {
    if (this.count++ % this.stride !== 0) return;
    this.items.push(s);
    if (this.items.length > this.max) {
      for (let i = 1; i < this.items.length; i++) this.items.splice(i, 1);
      this.stride *= 2;
    }
  }
}

export const mediaCheck: Check<'media'> = {
  id: 'media',
  title: 'Test call',
  timeoutMs: (o) => o.durationS * 1000 + CONNECT_TIMEOUT_MS + 4000,
  codes: MEDIA_CODES,
  emptyData: emptyMedia,
  run: async (ctx: CheckContext, signal: AbortSignal): Promise<CheckOutcome<'media'>> => {
    const { deps, options } = ctx;
    const { source, servers } = await ctx.iceServers(signal);
    const data = emptyMedia();
    data.source = source;
    if (!servers.length) return { verdict: 'skip', code: 'no-servers', summary: 'No STUN/TURN servers are configured and no CCP provided any, so no test call was made.', data };
    const pick = preferredTurnUrl(servers);
    if (!pick) return { verdict: 'skip', code: 'no-turn-url', summary: 'Only STUN URLs are configured; a relayed test call needs a TURN URL.', data };
    data.transport = pick.url.transport;
    data.serverUrl = pick.url.safe;
    const config: RTCConfiguration = { iceServers: [singleUrlServer(pick.url, pick.server)], iceTransportPolicy: 'relay' };

    const maxMs = options.durationS * 1000;
    let pair: RelayPair | undefined;
    try {
      ctx.progress(0.02, 'Test call: connecting through the relay…');
      const opened = await openRelayPair(deps, config, signal, { audio: true, dc: { ordered: false, maxRetransmits: 0 }, timeoutMs: CONNECT_TIMEOUT_MS });
      if (!opened.ok) {
        if (opened.reason === 'no-audio-source') {
          return { verdict: 'fail', code: 'no-audio-source', summary: `No audio source for the test call (${opened.detail ?? 'unknown error'}): the browser could create neither a WebAudio tone nor a microphone track.`, data };
        }
        return {
          verdict: 'fail',
          code: 'call-failed',
          summary: `The relayed test call through ${pick.url.safe} did not connect within ${CONNECT_TIMEOUT_MS / 1000} s (${opened.reason === 'timeout' ? 'no answer' : 'ICE failed'}): the TURN server allocated no working relay on this path.`,
          data,
        };
      }
      pair = opened.pair;
      const { a, b, dcA, dcB, connectMs } = pair;

      // ---- measurement -------------------------------------------------------------------------------
      const logAB = new ProbeLog();
      const logBA = new ProbeLog();
      // Page-block detection: the probe timer should run every PROBE_INTERVAL_MS. When it (or a message)
      // runs much later than that, the main thread was blocked, and arrivals handled until shortly after
      // the block carry its delay in their timestamps (load on this machine, not the network).
      let lastTickAt = deps.now();
      let blockedUntil = -Infinity;
      const noteLiveness = (now: number) => {
        if (now - lastTickAt > PROBE_INTERVAL_MS + PAGE_BLOCK_MS) blockedUntil = now + PAGE_BLOCK_MS;
      };
      const onProbe = (log: ProbeLog) => (ev: MessageEvent) => {
        const now = deps.now();
        const buf = ev.data as ArrayBuffer;
        if (!(buf instanceof ArrayBuffer) || buf.byteLength < 12) return;
        noteLiveness(now);
        const v = new DataView(buf);
        log.receive(v.getUint32(8), v.getFloat64(0), now, now <= blockedUntil);
      };
      dcB.addEventListener('message', onProbe(logAB));
      dcA.addEventListener('message', onProbe(logBA));
      const sendProbe = (dc: RTCDataChannel, log: ProbeLog) => {
        // Never queue a probe behind another: a probe waiting in the send buffer (congestion window full
        // after losses) would time the queue, not the path. Skipped probes are simply not sent.
        if (dc.readyState !== 'open' || dc.bufferedAmount > 0) return;
        const now = deps.now();
        const seq = log.send(now);
        if (seq < 0) return;
        const buf = new ArrayBuffer(16);
        const v = new DataView(buf);
        v.setFloat64(0, now);
        v.setUint32(8, seq);
        dc.send(buf);
      };

      const t0 = deps.now();
      const measureFrom = t0 + WARMUP_MS;
      const jitterPolls: number[] = [];
      const rttPairPolls: number[] = [];
      const rttRemotePolls: number[] = [];
      let baseA: AudioSnapshot | null = null;
      let baseB: AudioSnapshot | null = null;
      let lastA: AudioSnapshot | null = null;
      let lastB: AudioSnapshot | null = null;
      let prevA: AudioSnapshot | null = null;
      let prevB: AudioSnapshot | null = null;
      const seenProbes = [0, 0];
      const samples = new SampleSeries(MAX_SAMPLES);
      let stoppedEarly = false;

      const pollStats = async (): Promise<void> => {
        const [ra, rb] = await Promise.all([a.getStats(), b.getStats()]);
        const sa = audioSnapshot(ra);
        const sb = audioSnapshot(rb);
        const now = deps.now();
        if (now >= measureFrom) {
          if (!baseA) { baseA = sa; baseB = sb; }
          for (const s of [sa, sb]) {
            if (s.jitterMs !== null) jitterPolls.push(s.jitterMs);
            if (s.candidatePairRttMs !== null) rttPairPolls.push(s.candidatePairRttMs / 2);
            if (s.remoteInboundRttMs !== null) rttRemotePolls.push(s.remoteInboundRttMs / 2);
          }
          // Interval sample for the time series.
          const newTransits: number[] = [];
          [logAB, logBA].forEach((log, k) => {
            for (let i = seenProbes[k]!; i < log.sent; i++) if (!Number.isNaN(log.transitMs[i]!)) newTransits.push(log.transitMs[i]!);
            seenProbes[k] = log.sent;
          });
          const dA = prevA ? snapshotDelta(prevA, sa) : null;
          const dB = prevB ? snapshotDelta(prevB, sb) : null;
          const lossParts = [dA, dB].filter((d) => d && d.packetsReceived !== null && d.packetsLost !== null);
          const exp = lossParts.reduce((s, d) => s + d!.packetsReceived! + d!.packetsLost!, 0);
          const lst = lossParts.reduce((s, d) => s + Math.max(0, d!.packetsLost!), 0);
          samples.push({
            tMs: Math.round(now - t0),
            rttMs: round(median(newTransits), 1),
            jitterMs: round(mean(finite([sa.jitterMs, sb.jitterMs])), 1),
            lossPct: exp > 0 ? round((100 * lst) / exp, 2) : null,
            sendKbps: round(dA?.sendKbps ?? null, 1),
            recvKbps: round(dA?.recvKbps ?? null, 1),
          });
        }
        prevA = sa;
        prevB = sb;
        lastA = sa;
        lastB = sb;
      };

      type Figures = ReturnType<typeof compute>;
      const compute = (end: number) => {
        let maxTransit = 0;
        for (const log of [logAB, logBA]) for (let i = 0; i < log.sent; i++) if (log.transitMs[i]! > maxTransit) maxTransit = log.transitMs[i]!;
        const grace = Math.max(250, 3 * maxTransit);
        const probes = summarizeProbes([logAB, logBA], measureFrom, end, Math.min(grace, 1500));
        let rtpExpected = 0;
        let rtpLost = 0;
        for (const [base, last] of [[baseA, lastA], [baseB, lastB]] as const) {
          if (!base || !last) continue;
          const d = snapshotDelta(base, last);
          if (d.packetsReceived === null || d.packetsLost === null) continue;
          rtpExpected += d.packetsReceived + Math.max(0, d.packetsLost);
          rtpLost += Math.max(0, d.packetsLost);
        }
        const trials = probes.trials + rtpExpected;
        const lost = probes.lost + rtpLost;
        const deff = designEffect(probes.lossAutocorrelation);
        const lossPct = trials > 0 ? (100 * lost) / trials : null;
        const lossCi = trials > 0 ? wilsonInterval95Pct(lost, trials, deff) : null;
        // Interquartile mean of the polled RFC 3550 estimates (both peers): a scheduler stall inflates the
        // smoothed estimator for a few hundred ms, which trimming ignores, and Chromium reports jitter in
        // whole milliseconds, which a mean of the middle half resolves better than a median. Polls of a
        // smoothed estimator are correlated: count one independent value per ~0.5 s per peer.
        const rtpJitterMs = trimmedMean(jitterPolls, 0.25);
        // Chromium's inbound-rtp.jitter skips packets that arrive out of order, so on a path that reorders
        // (jitter larger than the packet spacing) it reads low. The probes' estimate pairs consecutive
        // sequence numbers whatever their arrival order; it is the reported figure when the probes saw
        // reordering (more than REORDER_PCT of arrivals), otherwise inbound-rtp.jitter is.
        const useProbes = probes.reorderedPct > REORDER_PCT && probes.jitterMs !== null;
        const jitterMs = useProbes ? probes.jitterMs : rtpJitterMs;
        const jitterCi = useProbes ? probes.jitterCi95 : medianInterval95(jitterPolls, Math.max(2, jitterPolls.length / 4));
        return { probes, rtpExpected, rtpLost, trials, lost, deff, lossPct, lossCi, jitterMs, jitterCi, rtpJitterMs, jitterFrom: useProbes ? ('data-channel' as const) : ('inbound-rtp' as const) };
      };

      const conclusive = (f: Figures): boolean => {
        const t = options.thresholds;
        const { probes, lossCi, jitterCi } = f;
        if (!probes.rttCi95 || !lossCi || !jitterCi) return false;
        return (
          intervalConclusive('rtt', probes.rttCi95.lo, probes.rttCi95.hi, t) &&
          intervalConclusive('loss', lossCi.lo, lossCi.hi, t) &&
          intervalConclusive('jitter', jitterCi.lo, jitterCi.hi, t)
        );
      };

      let polling = false;
      let lastPoll = 0;
      await tickUntilDone(signal, deps, PROBE_INTERVAL_MS, (ctl) => {
        const now = deps.now();
        noteLiveness(now);
        lastTickAt = now;
        const elapsed = now - t0;
        sendProbe(dcA, logAB);
        sendProbe(dcB, logBA);
        if (!polling && now - lastPoll >= POLL_INTERVAL_MS) {
          polling = true;
          lastPoll = now;
          pollStats()
            .then(() => {
              polling = false;
              if (ctl.finished) return;
              const measured = deps.now() - measureFrom;
              ctx.progress(Math.min(0.98, elapsed / maxMs), 'Test call: measuring round trip, jitter and loss…');
              if (elapsed >= maxMs) return ctl.done();
              if (measured >= MIN_MEASURE_MS && conclusive(compute(deps.now()))) {
                stoppedEarly = elapsed < maxMs - POLL_INTERVAL_MS;
                ctl.done();
              }
            })
            .catch((e: unknown) => ctl.fail(e));
        }
      });

      const end = deps.now();
      const f = compute(end);
      const p = f.probes;
      const sa = lastA as AudioSnapshot | null;
      const da = baseA && sa ? snapshotDelta(baseA, sa) : null;
      data.durationMs = Math.round(end - t0 + connectMs);
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
      data.rttSources = {
        dataChannelMs: round(p.rttMs, 1),
        candidatePairMs: round(mean(rttPairPolls), 1),
        remoteInboundMs: round(mean(rttRemotePolls), 1),
      };
      data.jitterSources = { inboundRtpMs: round(f.rtpJitterMs, 1), dataChannelMs: round(p.jitterMs, 1), used: f.jitterFrom };
      data.reorderedPct = round(p.reorderedPct, 2) ?? 0;
      data.lossSources = { rtp: { expected: f.rtpExpected, lost: f.rtpLost }, dataChannel: { sent: p.trials, lost: p.lost } };
      data.lossDesignEffect = round(f.deff, 2) ?? 1;
      data.probesPageBlocked = p.pageBlocked;
      data.stoppedEarly = stoppedEarly;
      if (sa?.codec) data.codec = sa.codec;
      const relay = sa?.localCandidate;
      if (relay?.address) {
        data.relayAddress = relay.address;
        data.relayInAmazonConnect = inAmazonConnectRanges(relay.address, options.ipRanges, options.region);
      }
      const m = data.rttMs !== null && data.jitterMs !== null && data.lossPct !== null ? mosOf({ rttMs: data.rttMs, jitterMs: data.jitterMs, lossPct: data.lossPct }) : null;
      data.mos = round(m, 2);
      data.mosBand = mosBand(data.mos, options.thresholds.mosGood, options.thresholds.mosFail);
      data.samples = samples.items;
      ctx.progress(1, 'Test call: done.');

      if (data.rttMs === null || data.lossPct === null) {
        return { verdict: 'fail', code: 'call-failed', summary: `The test call through ${pick.url.safe} connected but no probe came back: the relay drops the media.`, data };
      }
      const q = callQualityVerdict({ rttMs: data.rttMs, jitterMs: data.jitterMs, lossPct: data.lossPct, mos: data.mos }, options.thresholds);
      const worst = q.findings.filter((x) => x.verdict === q.verdict && x.verdict !== 'pass');
      const figures = `round trip ${data.rttMs} ms, jitter ${data.jitterMs ?? '–'} ms, loss ${data.lossPct} %, MOS ${data.mos?.toFixed(2) ?? '–'} (${data.mosBand ?? 'unknown'})`;
      const summary =
        q.verdict === 'pass'
          ? `Test call through ${pick.url.safe}: ${figures}.`
          : `Test call through ${pick.url.safe}: ${worst.map((x) => x.text).join('; ')} (${figures}).`;
      return { verdict: q.verdict === 'skip' ? 'pass' : q.verdict, ...(worst[0] ? { code: worst[0].code } : {}), summary, data };
    } finally {
      pair?.close();
    }
  },
};
