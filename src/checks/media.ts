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
import { tickUntilDone } from '../internal/timeout.js';
import { inAmazonConnectRanges, preferredTurnUrl, singleUrlServer } from './ice-url.js';
import { openRelayPair, type RelayPair } from './relay-pair.js';
import { audioSnapshot } from '../stats/getstats.js';
import { computeFigures, emptyMedia, fillMediaData, figuresConclusive, mediaOutcome, ProbeSession, StatsAccumulator } from './media-steps.js';

export { REORDER_PCT, PAGE_BLOCK_MS, MAX_SAMPLES } from './media-steps.js';

/**
 * One probe from each peer every 10 ms (100 per second per direction, about 60 kbit/s each way with
 * headers): paced, never in bursts, each its own packet. Loss is a count of chance events, so more trials
 * per second mean a tighter interval in the same few seconds.
 */
export const PROBE_INTERVAL_MS = 10;
/** getStats poll period. */
export const POLL_INTERVAL_MS = 250;
/** Measurements before this (after the call connects) are discarded: codecs, jitter buffers and TURN settle. */
export const WARMUP_MS = 600;
/** Shortest measurement before an early stop. */
export const MIN_MEASURE_MS = 2500;
/** Connecting the test call must not take longer. */
export const CONNECT_TIMEOUT_MS = 8000;

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
      const call = await measureCall(ctx, pair, signal);
      fillMediaData(data, call.figures, call.stats, options.thresholds);
      data.durationMs = Math.round(call.measuredMs + pair.connectMs);
      data.stoppedEarly = call.stoppedEarly;
      const relay = call.stats.lastA?.localCandidate;
      if (relay?.address) {
        data.relayAddress = relay.address;
        data.relayInAmazonConnect = inAmazonConnectRanges(relay.address, options.ipRanges, options.region);
      }
      ctx.progress(1, 'Test call: done.');
      return mediaOutcome(data, pick.url.safe, options.thresholds);
    } finally {
      pair?.close();
    }
  },
};

/**
 * The measurement loop: probes every {@link PROBE_INTERVAL_MS} both ways, getStats of both peers every
 * {@link POLL_INTERVAL_MS}, until the duration or an early, conclusive stop.
 */
async function measureCall(ctx: CheckContext, pair: RelayPair, signal: AbortSignal) {
  const { deps, options } = ctx;
  const { a, b, dcA, dcB } = pair;
  const probes = new ProbeSession(() => deps.now(), PROBE_INTERVAL_MS);
  dcB.addEventListener('message', (ev: MessageEvent) => probes.receive(probes.ab, ev.data));
  dcA.addEventListener('message', (ev: MessageEvent) => probes.receive(probes.ba, ev.data));
  const logs = [probes.ab, probes.ba] as const;
  const send = (dc: RTCDataChannel, log: (typeof logs)[number]) => {
    // Never queue a probe behind another: a probe waiting in the send buffer (congestion window full after
    // losses) would time the queue, not the path. Skipped probes are simply not sent.
    if (dc.readyState !== 'open' || dc.bufferedAmount > 0) return;
    const buf = probes.next(log);
    if (buf) dc.send(buf);
  };
  const t0 = deps.now();
  const measureFrom = t0 + WARMUP_MS;
  const maxMs = options.durationS * 1000;
  const stats = new StatsAccumulator(t0, measureFrom);
  let stoppedEarly = false;
  let polling = false;
  let lastPoll = 0;
  await tickUntilDone(signal, deps, PROBE_INTERVAL_MS, (ctl) => {
    probes.tick();
    const now = deps.now();
    const elapsed = now - t0;
    send(dcA, probes.ab);
    send(dcB, probes.ba);
    if (polling || now - lastPoll < POLL_INTERVAL_MS) return;
    polling = true;
    lastPoll = now;
    Promise.all([a.getStats(), b.getStats()])
      .then(([ra, rb]) => {
        stats.ingest(audioSnapshot(ra), audioSnapshot(rb), deps.now(), logs);
        polling = false;
        if (ctl.finished) return;
        ctx.progress(Math.min(0.98, elapsed / maxMs), 'Test call: measuring round trip, jitter and loss…');
        if (elapsed >= maxMs) return ctl.done();
        if (deps.now() - measureFrom >= MIN_MEASURE_MS && figuresConclusive(computeFigures(logs, stats, measureFrom, deps.now()), options.thresholds)) {
          stoppedEarly = elapsed < maxMs - POLL_INTERVAL_MS;
          ctl.done();
        }
      })
      .catch((e: unknown) => ctl.fail(e));
  });
  const end = deps.now();
  return { stats, figures: computeFigures(logs, stats, measureFrom, end), measuredMs: end - t0, stoppedEarly };
}
