/**
 * The microphone's input level for the `devices` check: an AnalyserNode on the captured stream (never connected
 * to the speakers), RMS and peak in dBFS and the share of full-scale samples -> silent / ok / clipping. Also
 * what the audio engine reveals about sample rates (the Firefox 48 kHz headset hum, see devices-rate.ts).
 */
import type { DevicesData } from '../report/schema.js';
import { throwIfAborted } from '../internal/timeout.js';
import type { Deps } from './types.js';
import { sleepVia, withTimeout } from './devices-wait.js';


/** How long the input level is measured: long enough for a few syllables, short enough for a shift start. */
export const LEVEL_WINDOW_MS = 1000;
/** Analyser frame: 2048 samples = 42.7 ms at 48 kHz, 46 ms at 44.1 kHz. */
export const ANALYSER_FFT_SIZE = 2048;
/** Read a frame every 40 ms: shorter than a frame at 44.1/48 kHz, so consecutive reads leave no gaps. */
export const FRAME_INTERVAL_MS = 40;
/**
 * Below this RMS the input is silent. 16-bit audio has a quantisation noise floor near -98 dBFS, while a live
 * analog or USB microphone with the browser's processing off picks up its own and the room's noise well above
 * -80 dBFS at normal gain. A reading below -80 dBFS means a muted, switched-off or zero-gain input (or a
 * mute button that sends zeros), not a quiet room.
 */
export const SILENT_RMS_DBFS = -80;
/** A sample at or above this magnitude (-0.09 dBFS) sits at full scale: the converter clipped it. */
export const CLIP_SAMPLE_ABS = 0.99;
/**
 * Clipping when at least this share of samples is at full scale (0.1 %, ~48 samples per second at 48 kHz):
 * one knock on the microphone gives a few such samples; speech driven into the limit gives many.
 */
export const CLIPPING_PCT = 0.1;
/** Levels are reported no lower than this (JSON has no -Infinity): the floor means digital silence. */
export const DBFS_FLOOR = -120;
/** How long to wait for a suspended AudioContext to resume. */
export const AUDIO_RESUME_WAIT_MS = 1000;

/** Running level statistics over float samples in [-1, 1]; bounded memory (no samples kept). */
export class LevelMeter {
  private sumSquares = 0;
  private count = 0;
  private peak = 0;
  private clipped = 0;

  add(frame: ArrayLike<number>): void {
    for (let i = 0; i < frame.length; i++) {
      const v = frame[i]!;
      if (!Number.isFinite(v)) continue;
      const a = Math.abs(v);
      this.sumSquares += v * v;
      if (a > this.peak) this.peak = a;
      if (a >= CLIP_SAMPLE_ABS) this.clipped++;
      this.count++;
    }
  }

  get samples(): number {
    return this.count;
  }

  /** RMS and peak in dBFS (-Infinity for digital silence), clipped share in percent; nulls with no samples. */
  result(): { rmsDbfs: number | null; peakDbfs: number | null; clippedPct: number | null } {
    if (!this.count) return { rmsDbfs: null, peakDbfs: null, clippedPct: null };
    const rms = Math.sqrt(this.sumSquares / this.count);
    return { rmsDbfs: toDbfs(rms), peakDbfs: toDbfs(this.peak), clippedPct: (this.clipped / this.count) * 100 };
  }
}

/** 20·log10(amplitude), -Infinity for 0. */
export function toDbfs(amplitude: number): number {
  return amplitude > 0 ? 20 * Math.log10(amplitude) : Number.NEGATIVE_INFINITY;
}

/** A dBFS figure for the report: one decimal, clamped at DBFS_FLOOR; null stays null. */
export function reportDbfs(x: number | null): number | null {
  if (x === null || Number.isNaN(x)) return null;
  return Math.max(DBFS_FLOOR, Math.round(x * 10) / 10);
}

/** silent / ok / clipping from the measured level; 'unknown' without samples. */
export function classifyLevel(m: { rmsDbfs: number | null; clippedPct: number | null }): NonNullable<DevicesData['level']> {
  if (m.rmsDbfs === null || m.clippedPct === null) return 'unknown';
  if (m.clippedPct >= CLIPPING_PCT) return 'clipping';
  if (m.rmsDbfs < SILENT_RMS_DBFS) return 'silent';
  return 'ok';
}

/** What measureLevel found, with what the audio engine revealed on the way. */
export interface LevelResult {
  rmsDbfs: number | null;
  peakDbfs: number | null;
  clippedPct: number | null;
  samples: number;
  reason?: string;
  /** The AudioContext was 'suspended' when made (Firefox always starts it so; Chromium without a gesture). */
  startedSuspended?: boolean;
  /** It stayed suspended: the browser waits for a click or key press on the page before it runs audio. */
  stayedSuspended?: boolean;
  /** AudioContext.sampleRate (the browser's audio engine rate, following the output device). */
  contextRateHz?: number | null;
  /** Firefox refused the microphone because its sample rate differs from the AudioContext's. */
  sourceRateMismatch?: boolean;
}

/** Firefox's refusal to mix a microphone into an AudioContext running at another sample rate. */
function isRateMismatch(e: unknown): boolean {
  const name = e && typeof e === 'object' && 'name' in e ? String((e as { name: unknown }).name) : '';
  const msg = e instanceof Error ? e.message : String(e);
  return name === 'NotSupportedError' && /sample[- ]?rate/i.test(msg);
}

/** Measures the input level of `stream` for `windowMs`; 'unknown' with a reason when it cannot. */
export async function measureLevel(deps: Deps, stream: MediaStream, signal: AbortSignal, windowMs = LEVEL_WINDOW_MS): Promise<LevelResult> {
  if (!deps.createAudioContext) return { rmsDbfs: null, peakDbfs: null, clippedPct: null, samples: 0, reason: 'this browser has no Web Audio' };
  let ac: AudioContext | undefined;
  let source: MediaStreamAudioSourceNode | undefined;
  try {
    // Made after the microphone was opened: Firefox lets a page that is capturing run audio without a click.
    ac = deps.createAudioContext();
    const startedSuspended = ac.state === 'suspended';
    if (startedSuspended) {
      await withTimeout(deps, ac.resume().catch(() => undefined), AUDIO_RESUME_WAIT_MS, () => undefined, signal);
    }
    throwIfAborted(signal);
    const contextRateHz = Number.isFinite(ac.sampleRate) && ac.sampleRate > 0 ? ac.sampleRate : null;
    const facts = { startedSuspended, contextRateHz };
    if (ac.state !== 'running') {
      return { rmsDbfs: null, peakDbfs: null, clippedPct: null, samples: 0, reason: 'the browser kept its audio engine paused', ...facts, stayedSuspended: true };
    }
    try {
      source = ac.createMediaStreamSource(stream);
    } catch (e) {
      if (!isRateMismatch(e)) throw e;
      return { rmsDbfs: null, peakDbfs: null, clippedPct: null, samples: 0, reason: 'the microphone and the browser run at different sample rates', ...facts, sourceRateMismatch: true };
    }
    const analyser = ac.createAnalyser();
    analyser.fftSize = ANALYSER_FFT_SIZE;
    source.connect(analyser); // never to ac.destination: the agent must not hear themselves
    const buf = new Float32Array(analyser.fftSize);
    const meter = new LevelMeter();
    const t0 = deps.now();
    // The first read comes one interval in, so the frame holds captured audio, not the initial zeros.
    while (deps.now() - t0 < windowMs) {
      await sleepVia(deps, FRAME_INTERVAL_MS, signal);
      analyser.getFloatTimeDomainData(buf);
      meter.add(buf);
    }
    return { ...meter.result(), samples: meter.samples, ...facts };
  } finally {
    try {
      source?.disconnect();
    } catch {
      /* ignore */
    }
    if (ac && ac.state !== 'closed') await ac.close().catch(() => undefined);
  }
}

