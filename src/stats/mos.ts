/**
 * MOS from the E-model (ITU-T G.107), in the simplified form DESIGN.md "MOS, from the E-model" gives:
 *
 *   R = 93.2 - Id - Ie,eff                       (all other G.107 terms at their defaults)
 *   Id = 0.024 d + 0.11 (d - 177.3) H(d - 177.3)  (Cole & Rosenbluth 2001; d = one-way mouth-to-ear delay, ms)
 *   Ie,eff = Ie + (95 - Ie) Ppl / (Ppl / BurstR + Bpl)   (Ppl in percent)
 *   MOS = 1 (R < 0), 4.5 (R > 100), else 1 + 0.035 R + 7e-6 R (R - 60)(100 - R)
 *
 * Codec constants: G.711 with packet-loss concealment, Ie = 0 and Bpl = 25.1 (ITU-T G.113 Appendix I).
 * Why these: the Amazon Connect softphone negotiates Opus, for which G.113 gives no Ie/Bpl; Opus at
 * softphone rates is at least as good as G.711 and conceals loss, so G.711+PLC is the closest tabulated,
 * conservative stand-in. Bpl 4.3 (G.711 without PLC) would call 2 % loss "poor", which no modern softphone
 * sounds like. The model is a planning estimate, not a listening test.
 */
import type { MosBand } from '../report/schema.js';
import { MOS_FAIL, MOS_GOOD } from './thresholds.js';

/** ITU-T G.113 Appendix I, G.711 with PLC. */
export const CODEC_IE = 0;
export const CODEC_BPL = 25.1;
/** Default R without impairments (G.107 defaults). */
export const R0 = 93.2;
/** Opus/G.711 packetization of one 20 ms frame. */
export const PACKETIZATION_MS = 20;
/** A typical adaptive jitter buffer holds about twice the measured jitter, at least one frame. */
export const JITTER_BUFFER_FACTOR = 2;

export interface MosInput {
  /** Round trip workstation <-> relay, ms. */
  rttMs: number;
  /** Interarrival jitter, ms. */
  jitterMs: number;
  /** Packet loss, percent (0..100). */
  lossPct: number;
  /** Burst ratio (1 = random loss). */
  burstR?: number;
}

/** Cole-Rosenbluth delay impairment Id for a one-way mouth-to-ear delay in ms. */
export function delayImpairment(oneWayMs: number): number {
  const d = Math.max(0, oneWayMs);
  return 0.024 * d + (d > 177.3 ? 0.11 * (d - 177.3) : 0);
}

/** Effective equipment impairment Ie,eff for packet loss in percent. */
export function lossImpairment(lossPct: number, burstR = 1, ie = CODEC_IE, bpl = CODEC_BPL): number {
  const ppl = Math.min(100, Math.max(0, lossPct));
  const br = burstR > 0 ? burstR : 1;
  return ie + ((95 - ie) * ppl) / (ppl / br + bpl);
}

/** MOS (conversational quality, CQE) from the rating factor R. */
export function mosFromR(r: number): number {
  if (r < 0) return 1;
  if (r > 100) return 4.5;
  return 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r);
}

/**
 * One-way mouth-to-ear delay in ms from network figures: half the round trip, plus the jitter buffer
 * (twice the jitter, at least one frame), plus one packetization frame.
 */
export function mouthToEarMs(rttMs: number, jitterMs: number): number {
  const buffer = Math.max(PACKETIZATION_MS, JITTER_BUFFER_FACTOR * Math.max(0, jitterMs));
  return Math.max(0, rttMs) / 2 + buffer + PACKETIZATION_MS;
}

/** R factor for network figures. */
export function rFactor(i: MosInput): number {
  return R0 - delayImpairment(mouthToEarMs(i.rttMs, i.jitterMs)) - lossImpairment(i.lossPct, i.burstR ?? 1);
}

/** MOS for network figures (RTT and jitter in ms, loss in percent). Null on non-finite input. */
export function mos(i: MosInput): number | null {
  if (![i.rttMs, i.jitterMs, i.lossPct].every((x) => typeof x === 'number' && Number.isFinite(x))) return null;
  return mosFromR(rFactor(i));
}

/**
 * Band of a MOS value without gaps: good at or above `good` (4.0), poor below `fail` (3.1), fair in
 * between (including exactly 3.1). Null MOS gives null.
 */
export function mosBand(m: number | null, good = MOS_GOOD, fail = MOS_FAIL): MosBand | null {
  if (m === null || !Number.isFinite(m)) return null;
  if (m >= good) return 'good';
  if (m < fail) return 'poor';
  return 'fair';
}
