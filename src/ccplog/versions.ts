/**
 * Which meaning `jitterBufferMillis` has in a log. The softphone copies rtc-js's `jbMilliseconds` into it
 * (amazon-connect-streams src/softphone.js `getTimeSeriesStats`); depending on the Streams / rtc-js pair that
 * figure has been the RTP interarrival jitter in some versions and the jitter buffer's delay in others.
 * In Streams 2.28.2 (the version this project pins and checked) it is a jitter-buffer figure, not jitter.
 */
import type { CcpLogVersions, JitterMeaning } from './types.js';

/**
 * The first Streams release after the last one checked to report a jitter-buffer delay (2.28.2). Logs
 * written by this version or later are read as RTP jitter. Change here if a release says otherwise.
 */
export const STREAMS_JITTER_SINCE = '2.29.0';
/** Jitter-buffer figures grow with buffered time; a series that only rises for this many seconds is one. */
export const MONOTONIC_MIN_SAMPLES = 10;

/** Compares dotted versions numerically ("2.10.0" > "2.9.1"); non-numeric parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length, 3); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d < 0 ? -1 : 1;
  }
  return 0;
}

const VERSION = /^\d+\.\d+(\.\d+)?/;

/** A version string as written in the log ("2.28.2"), or null when it does not look like one. */
export function cleanVersion(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const m = VERSION.exec(v.trim().replace(/^v/i, ''));
  return m ? m[0] : null;
}

/** True when a series never falls and rises overall: a growing buffer figure, not jitter. */
export function looksCumulative(values: readonly number[]): boolean {
  if (values.length < MONOTONIC_MIN_SAMPLES) return false;
  for (let i = 1; i < values.length; i++) if (values[i]! < values[i - 1]!) return false;
  return values[values.length - 1]! > values[0]!;
}

/** The meaning and the reason, from the versions the log names and, without them, the data's shape. */
export function jitterMeaning(streams: string | null, sampleJb: readonly number[]): { meaning: JitterMeaning; reason: string; code: CcpLogVersions['jitterMeaningCode'] } {
  if (streams) {
    return compareVersions(streams, STREAMS_JITTER_SINCE) >= 0
      ? { meaning: 'rtp-jitter', code: 'streams-rtp-jitter', reason: `Streams ${streams} reports jitterBufferMillis as RTP jitter (versions ${STREAMS_JITTER_SINCE} and later).` }
      : {
          meaning: 'jitter-buffer-delay',
          code: 'streams-buffer-delay',
          reason: `Streams ${streams} reports jitterBufferMillis as the jitter buffer's delay, not as jitter (versions before ${STREAMS_JITTER_SINCE}); jitter is not shown and MOS assumes the smallest buffer.`,
        };
  }
  if (looksCumulative(sampleJb)) {
    return { meaning: 'jitter-buffer-delay', code: 'no-version-growing', reason: 'The log names no Streams version; jitterBufferMillis only grows, so it is read as a buffer delay, not jitter.' };
  }
  return { meaning: 'rtp-jitter', code: 'no-version-jitter', reason: 'The log names no Streams version; jitterBufferMillis is read as RTP jitter.' };
}
