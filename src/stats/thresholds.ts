/**
 * Default thresholds. Every constant names its source. All are overridable per run (RunOptions.thresholds).
 *
 * Seed 003 = Amazon Connect "Best Practices for Using the Contact Control Panel" (../shared/seeds/003_*).
 */

/** Seed 003, Agent Workstation Requirements: "Processor (CPU) - 2 GHz". */
export const MIN_CPU_GHZ = 2;
/** Seed 003, Agent Workstation Requirements: "Memory - 2 GB RAM". */
export const MIN_RAM_GB = 2;
/** Seed 003, Agent Workstation Requirements: "Network - 100 Kbps bandwidth per connected workstation". */
export const MIN_BANDWIDTH_KBPS = 100;
/** Seed 003, Agent Workstation Requirements: "The latest three versions of Google Chrome or Mozilla Firefox". */
export const SUPPORTED_BROWSER_VERSIONS = 3;

/**
 * Call quality bars. The seeds give no numbers for these; they follow the common VoIP planning figures
 * (ITU-T G.114 for one-way delay: below 150 ms preferred, above 400 ms unacceptable, i.e. round trips of
 * about 300 / 600 ms when measured to the relay and back) and the loss tolerance of G.711 with PLC
 * (ITU-T G.113 Appendix I: quality falls fast above a few percent).
 */
/** Jitter warn above 30 ms: a typical adaptive jitter buffer's comfortable range. */
export const JITTER_WARN_MS = 30;
/** RTT warn above 300 ms (ITU-T G.114: one-way delay above 150 ms degrades conversation). */
export const RTT_WARN_MS = 300;
/** RTT fail above 600 ms (ITU-T G.114: one-way delay above 400 ms is unacceptable for planning). */
export const RTT_FAIL_MS = 600;
/** Loss warn above 1 %. */
export const LOSS_WARN_PCT = 1;
/** Loss fail above 5 % (G.711 + PLC, ITU-T G.113 Appendix I: Ie,eff grows past "fair"). */
export const LOSS_FAIL_PCT = 5;
/** MOS good at or above 4.0 (ITU-T G.107 Annex B: R >= 80 "satisfied"). */
export const MOS_GOOD = 4.0;
/** MOS fail below 3.1 (ITU-T G.107 Annex B: R < 60 "many users dissatisfied"). */
export const MOS_FAIL = 3.1;

export interface Thresholds {
  minCpuGhz: number;
  minRamGb: number;
  minBandwidthKbps: number;
  supportedBrowserVersions: number;
  jitterWarnMs: number;
  rttWarnMs: number;
  rttFailMs: number;
  lossWarnPct: number;
  lossFailPct: number;
  mosGood: number;
  mosFail: number;
}

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  minCpuGhz: MIN_CPU_GHZ,
  minRamGb: MIN_RAM_GB,
  minBandwidthKbps: MIN_BANDWIDTH_KBPS,
  supportedBrowserVersions: SUPPORTED_BROWSER_VERSIONS,
  jitterWarnMs: JITTER_WARN_MS,
  rttWarnMs: RTT_WARN_MS,
  rttFailMs: RTT_FAIL_MS,
  lossWarnPct: LOSS_WARN_PCT,
  lossFailPct: LOSS_FAIL_PCT,
  mosGood: MOS_GOOD,
  mosFail: MOS_FAIL,
});
