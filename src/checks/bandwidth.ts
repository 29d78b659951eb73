/**
 * `bandwidth`: measured throughput through the TURN relay against the seed's "100 Kbps bandwidth per
 * connected workstation" (seed 003, Agent Workstation Requirements).
 *
 * Method: the relay pair of the media check (two peer connections in this page, relay-only, same TURN URL),
 * a reliable data channel, and both ends sending at once, paced (never in bursts) at {@link PACE_KBPS} for
 * {@link SEND_MS}, in {@link CHUNK_BYTES} messages. Each direction's throughput is what arrived over the time
 * from the first send to the last arrival. Every byte crosses the workstation's uplink (to the relay) and
 * its downlink (back), so each figure is bounded by the slower of the two; `upKbps` is peer A -> B and
 * `downKbps` B -> A. The pace caps the test at a light load: a figure close to the pace means "at least this
 * much", which is all the 100 Kbps bar needs. Bytes are bounded ({@link MAX_BYTES} per direction).
 *
 * A reliable data channel is congestion-controlled (SCTP, like TCP): on a path with long round trips and
 * loss it cannot reach even a modest rate in a second or two, whatever the capacity. When the media check
 * ran first, its RTT and loss give the rate such a transfer can reach (Mathis et al. 1997:
 * MSS / RTT x 1.22 / sqrt(p), with RTT the sender's round trip A -> relay -> B -> relay -> A = 2 x rttMs);
 * a shortfall explained by that bound is a `warn` (capacity not proven; the loss and RTT are the problem
 * the media check reports), not a capacity `fail`.
 */
import type { Check, CheckContext, CheckOutcome } from './types.js';
import type { BandwidthData, MediaData } from '../report/schema.js';
import { tickUntilDone } from '../internal/timeout.js';
import { MIN_BANDWIDTH_KBPS } from '../stats/thresholds.js';
import { preferredTurnUrl, singleUrlServer } from './ice-url.js';
import { openRelayPair, type RelayPair } from './relay-pair.js';

export const PACE_KBPS = 800;
export const SEND_MS = 1500;
export const CHUNK_BYTES = 1000;
export const TICK_MS = 20;
/** Upper bound of bytes per direction (the pace times the send time, rounded up to whole chunks). */
export const MAX_BYTES = Math.ceil((PACE_KBPS * SEND_MS) / 8 / CHUNK_BYTES) * CHUNK_BYTES;
/** After sending stops, wait this long at most for the last bytes. */
export const DRAIN_MS = 800;
export const CONNECT_TIMEOUT_MS = 5000;
/** SCTP payload per packet used in the loss-limited rate (bytes). */
export const MSS_BYTES = 1200;

/**
 * The rate in kbit/s a congestion-controlled transfer can reach on a path (Mathis et al. 1997), given the
 * workstation <-> relay round trip `rttMs` (the sender's round trip through the relay pair is twice that)
 * and the loop loss in percent. Null without figures; loss below 0.1 % is taken as 0.1 %.
 */
export function lossLimitedKbps(rttMs: number | null | undefined, lossPct: number | null | undefined): number | null {
  if (typeof rttMs !== 'number' || typeof lossPct !== 'number' || !(rttMs > 0)) return null;
  const p = Math.max(0.001, lossPct / 100);
  const senderRttS = (2 * rttMs) / 1000;
  return ((MSS_BYTES * 8) / 1000 / senderRttS) * (1.22 / Math.sqrt(p));
}

export const BANDWIDTH_CODES = {
  'no-servers': 'No ICE servers are configured and no CCP provided any (skipped).',
  'no-turn-url': 'No TURN URL is configured, so the relay path could not be measured (skipped).',
  'call-failed': 'The data channel through the TURN relay did not connect.',
  'low-bandwidth': 'Measured throughput is below the required bandwidth per workstation.',
  'limited-by-loss': 'Throughput is below the bar, as expected from the measured round trip and loss of the path (capacity not proven).',
} as const;

function emptyBandwidth(): BandwidthData {
  return { upKbps: null, downKbps: null, requiredKbps: MIN_BANDWIDTH_KBPS, bytes: 0, durationMs: 0, method: 'none' };
}

/** How the throughput was measured, as the report says it (src/i18n/detail-texts.ts says it in other languages). */
export function measuredHow(url: string): string {
  return `data channel through ${url}, both directions at once, paced at ${PACE_KBPS} kbit/s for ${SEND_MS / 1000} s`;
}

export const bandwidthCheck: Check<'bandwidth'> = {
  id: 'bandwidth',
  title: 'Bandwidth',
  timeoutMs: () => CONNECT_TIMEOUT_MS + SEND_MS + DRAIN_MS + 2000,
  codes: BANDWIDTH_CODES,
  emptyData: emptyBandwidth,
  run: async (ctx: CheckContext, signal: AbortSignal): Promise<CheckOutcome<'bandwidth'>> => {
    const { deps, options } = ctx;
    const required = options.thresholds.minBandwidthKbps;
    const data = emptyBandwidth();
    data.requiredKbps = required;
    const { servers } = await ctx.iceServers(signal);
    if (!servers.length) return { verdict: 'skip', code: 'no-servers', summary: 'No STUN/TURN servers are configured and no CCP provided any, so throughput through the relay could not be measured.', data };
    const pick = preferredTurnUrl(servers);
    if (!pick) return { verdict: 'skip', code: 'no-turn-url', summary: 'Only STUN URLs are configured; measuring throughput needs a TURN URL.', data };
    data.method = measuredHow(pick.url.safe);
    let pair: RelayPair | undefined;
    try {
      const opened = await openRelayPair(deps, { iceServers: [singleUrlServer(pick.url, pick.server)], iceTransportPolicy: 'relay' }, signal, { audio: false, dc: { ordered: true }, timeoutMs: CONNECT_TIMEOUT_MS });
      if (!opened.ok) {
        return { verdict: 'fail', code: 'call-failed', summary: `The data channel through ${pick.url.safe} did not connect within ${CONNECT_TIMEOUT_MS / 1000} s, so no throughput could be measured.`, data };
      }
      pair = opened.pair;
      const { dcA, dcB } = pair;
      const chunk = new Uint8Array(CHUNK_BYTES);
      const dirs = [
        { from: dcA, to: dcB, sent: 0, received: 0, lastAt: 0 },
        { from: dcB, to: dcA, sent: 0, received: 0, lastAt: 0 },
      ];
      for (const d of dirs) {
        d.to.addEventListener('message', (ev: MessageEvent) => {
          const n = (ev.data as ArrayBuffer).byteLength ?? 0;
          d.received += n;
          d.lastAt = deps.now();
        });
      }
      const t0 = deps.now();
      await tickUntilDone(signal, deps, TICK_MS, (ctl) => {
        const elapsed = deps.now() - t0;
        if (elapsed < SEND_MS) {
          // Pace: bytes due by now, never more than MAX_BYTES, never more than 64 KB queued.
          const due = Math.min(MAX_BYTES, Math.ceil((PACE_KBPS * elapsed) / 8 / CHUNK_BYTES) * CHUNK_BYTES);
          for (const d of dirs) {
            while (d.sent < due && d.from.readyState === 'open' && d.from.bufferedAmount < 65536) {
              d.from.send(chunk);
              d.sent += CHUNK_BYTES;
            }
          }
        }
        const drained = dirs.every((d) => d.received >= d.sent);
        if ((elapsed >= SEND_MS && drained) || elapsed >= SEND_MS + DRAIN_MS) return ctl.done();
        ctx.progress(Math.min(0.99, elapsed / (SEND_MS + DRAIN_MS)), 'Bandwidth: sending through the relay…');
      });
      const kbps = (d: (typeof dirs)[number]) => (d.received > 0 && d.lastAt > t0 ? (d.received * 8) / (d.lastAt - t0) : 0);
      data.upKbps = Math.round(kbps(dirs[0]!));
      data.downKbps = Math.round(kbps(dirs[1]!));
      data.bytes = dirs[0]!.received + dirs[1]!.received;
      data.durationMs = Math.round(deps.now() - t0);
      const worst = Math.min(data.upKbps, data.downKbps);
      const media = ctx.results.get('media');
      const md = media && media.verdict !== 'skip' ? (media.data as MediaData) : undefined;
      const bound = lossLimitedKbps(md?.rttMs, md?.lossPct);
      if (bound !== null) data.lossLimitedKbps = Math.round(bound);
      if (worst < required && bound !== null && worst >= 0.5 * Math.min(bound, PACE_KBPS)) {
        return {
          verdict: 'warn',
          code: 'limited-by-loss',
          summary: `Throughput through the relay is ${worst} kbit/s, below ${required} kbit/s, about what a congestion-controlled transfer can reach with the measured round trip ${md!.rttMs} ms and loss ${md!.lossPct} % (about ${Math.round(bound)} kbit/s): the loss and delay limit it; the capacity itself was not proven short.`,
          data,
        };
      }
      if (worst < required) {
        return {
          verdict: 'fail',
          code: 'low-bandwidth',
          summary: `Throughput through the relay is ${worst} kbit/s (A->B ${data.upKbps}, B->A ${data.downKbps}), below the ${required} kbit/s a softphone workstation needs.`,
          data,
        };
      }
      const capped = worst >= PACE_KBPS * 0.9 ? ` (at least; the test is paced at ${PACE_KBPS} kbit/s)` : '';
      return { verdict: 'pass', summary: `Throughput through the relay: ${worst} kbit/s${capped}, above the ${required} kbit/s required.`, data };
    } finally {
      pair?.close();
    }
  },
};
