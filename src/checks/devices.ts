/**
 * `devices`: can the softphone hear the agent, and through what?
 *
 * 1. Microphone permission (Permissions API; 'unknown' where the browser has none for the microphone).
 * 2. Capture: getUserMedia({ audio }) with the browser's voice processing OFF (echo cancellation, noise
 *    suppression, automatic gain), so the level below is the microphone's own, not what AGC makes of it. Every
 *    captured track is stopped in `finally`, also on abort, timeout and error, and also when a late answer
 *    arrives after the check gave up.
 * 3. Input level over LEVEL_WINDOW_MS: an AnalyserNode on the captured stream (never connected to the
 *    speakers), RMS and peak in dBFS and the share of full-scale samples -> silent / ok / clipping.
 * 4. Headset kind from the device label. Seed 003, Agent Workstation Requirements: "For the best agent and
 *    customer audio experience, a USB headset is recommended."
 * 5. Output device present (enumerateDevices audiooutput). Only Chromium browsers list outputs; elsewhere the
 *    count is unknown, not zero.
 */
import type { DevicesData, HeadsetKind } from '../report/schema.js';
import { raceAbort, throwIfAborted } from '../internal/timeout.js';
import { describeBrowser } from '../internal/ua.js';
import { outcomeFromFindings, type Finding } from './browser.js';
import type { Check, CheckOutcome, Deps } from './types.js';

/** Finding codes of the `devices` check. */
export const DEVICES_CODES = {
  'permission-denied': 'Microphone access is blocked for this site (browser setting, company policy, or a frame without allow="microphone") (fail)',
  'os-permission-denied': 'The operating system blocks the browser from using the microphone (Windows/macOS privacy settings) (fail)',
  'permission-timeout': 'The browser asked for microphone permission and no answer came in time (fail)',
  'capture-timeout': 'The microphone did not open in time (fail)',
  'no-microphone': 'No microphone found (NotFoundError/OverconstrainedError) (fail)',
  'mic-busy': 'A microphone exists but could not be opened: in use by another program, or a driver/hardware problem (NotReadableError/AbortError) (fail)',
  'no-capture-api': 'The page cannot capture audio at all: no getUserMedia (not HTTPS, or an old browser) (fail)',
  'capture-error': 'Opening the microphone failed for another reason (fail)',
  'mic-silent': 'The microphone delivers (near) digital silence: muted, switched off, or zero gain (warn)',
  'mic-clipping': 'The microphone level hits full scale: distorted audio, input gain too high (warn)',
  'level-unknown': 'The level could not be measured (no Web Audio, or the audio engine stayed suspended) (info)',
  'headset-bluetooth': 'The microphone in use is a Bluetooth device: narrowband hands-free mode and extra delay; USB recommended (warn)',
  'headset-builtin': 'The microphone in use is built in (laptop, monitor, camera): room noise and echo; USB headset recommended (warn)',
  'headset-virtual': 'The microphone in use is virtual (loopback, mixer, test/fake device), not a real microphone (warn)',
  'headset-unknown': 'The kind of microphone could not be told from its name (info)',
  'no-output-device': 'The browser lists no speaker or headphones (warn)',
  'outputs-unknown': 'This browser does not list output devices (info)',
} as const satisfies Record<string, string>;

export type DevicesCode = keyof typeof DEVICES_CODES;

// ---------------------------------------------------------------------------------------------------------
// Level meter
// ---------------------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------------------
// Headset kind
// ---------------------------------------------------------------------------------------------------------

/** Chrome prefixes the pseudo devices "default" and "communications" (Windows) with these. */
const PSEUDO_PREFIX = /^(?:default|communications)\s*-\s*/i;

/**
 * Label patterns, tried in this order (first match wins). Labels are what the OS calls the device; Chromium
 * appends USB vendor:product ids, e.g. "Headset Microphone (Jabra EVOLVE 20 MS) (0b0e:0300)".
 */
export const HEADSET_PATTERNS: readonly { kind: HeadsetKind; re: RegExp; why: string }[] = [
  {
    kind: 'virtual',
    re: /\b(virtual|loopback|stereo mix|what u hear|wave out mix|vb-audio|voicemeeter|cable output|blackhole|soundflower|monitor of|fake)\b/i,
    why: 'virtual, loopback or test device',
  },
  { kind: 'bluetooth', re: /\b(bluetooth|hands-?free|airpods|bt|hfp|hsp)\b/i, why: 'Bluetooth device' },
  // A camera's microphone is USB too, but it is an open room microphone like a laptop's, not a headset.
  { kind: 'builtin', re: /\b(web ?cam|webcam|camera|brio|c9[0-9]{2}|c270|c310|c615)\b/i, why: 'camera microphone' },
  { kind: 'usb', re: /\busb\b|\([0-9a-f]{4}:[0-9a-f]{4}\)/i, why: 'USB device' },
  {
    kind: 'builtin',
    re: /\b(built-?in|internal|integrated|microphone array|mic array|macbook|imac|digital microphone|laptop)\b/i,
    why: 'built-in microphone',
  },
  { kind: 'analog', re: /\b(headset|headphones?|earphones?|line in|mic in|front mic|rear mic|external microphone)\b/i, why: 'headset on the audio jack' },
];

/** The headset kind from a device label; 'unknown' for empty or unrecognised labels (e.g. a bare "Default"). */
export function classifyHeadset(label: string): HeadsetKind {
  const name = (label ?? '').replace(PSEUDO_PREFIX, '').trim();
  if (!name) return 'unknown';
  for (const p of HEADSET_PATTERNS) if (p.re.test(name)) return p.kind;
  return 'unknown';
}

/** At most this many inputs are listed in the report (bounded). */
export const MAX_LISTED_INPUTS = 16;

/** Input list for the report: real devices, the default one marked; Chrome's pseudo entries folded in. */
export function listInputs(devices: readonly MediaDeviceInfo[]): DevicesData['inputs'] {
  const inputs = devices.filter((d) => d.kind === 'audioinput');
  const pseudo = inputs.filter((d) => d.deviceId === 'default' || d.deviceId === 'communications');
  const real = inputs.filter((d) => d.deviceId !== 'default' && d.deviceId !== 'communications');
  const def = pseudo.find((d) => d.deviceId === 'default');
  const defName = def ? def.label.replace(PSEUDO_PREFIX, '').trim() : '';
  const out = real.map((d) => ({
    label: d.label,
    kind: classifyHeadset(d.label),
    isDefault: def ? (def.groupId && d.groupId ? d.groupId === def.groupId : d.label === defName) : false,
  }));
  if (def && !out.some((d) => d.isDefault)) out.unshift({ label: def.label, kind: classifyHeadset(def.label), isDefault: true });
  if (!def && out.length) out[0]!.isDefault = true; // browsers without a pseudo entry list the default first
  return out.slice(0, MAX_LISTED_INPUTS);
}

// ---------------------------------------------------------------------------------------------------------
// Capture errors
// ---------------------------------------------------------------------------------------------------------

function errName(e: unknown): string {
  return e && typeof e === 'object' && 'name' in e ? String((e as { name: unknown }).name) : 'Error';
}
function errMessage(e: unknown): string {
  return e instanceof Error ? e.message : e && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e);
}

function siteName(): string {
  const loc = (globalThis as { location?: { origin?: string; protocol?: string } }).location;
  return loc?.origin && /^https?:/.test(loc.protocol ?? '') ? loc.origin : 'this site';
}

/** Maps a getUserMedia rejection to a finding an agent understands. */
export function captureFailure(e: unknown, isSecureContext: boolean): Finding {
  const name = errName(e);
  const msg = errMessage(e);
  if (name === 'NotAllowedError' || name === 'PermissionDeniedError' || name === 'SecurityError') {
    if (/system/i.test(msg)) {
      return {
        code: 'os-permission-denied',
        verdict: 'fail',
        sentence:
          "Your computer's privacy settings stop the browser from using the microphone. Allow it (Windows: Settings > Privacy & security > Microphone, let desktop apps and your browser use it; macOS: System Settings > Privacy & Security > Microphone, switch your browser on), restart the browser and run the test again.",
      };
    }
    return {
      code: 'permission-denied',
      verdict: 'fail',
      sentence: `Microphone access is blocked for ${siteName()}. Click the icon left of the address bar (a lock or sliders), set Microphone to Allow, reload the page and run the test again. If that setting is missing or locked, ask IT: company policy or the page around this one may block it.`,
    };
  }
  if (name === 'NotFoundError' || name === 'DevicesNotFoundError' || name === 'OverconstrainedError') {
    return {
      code: 'no-microphone',
      verdict: 'fail',
      sentence: 'No microphone was found. Plug in your headset (a USB headset is recommended), check it is switched on, then run the test again.',
    };
  }
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') {
    return {
      code: 'mic-busy',
      verdict: 'fail',
      sentence: 'The microphone is there but could not be opened: another program may be using it (close other call or meeting apps), or its driver has a problem (unplug and replug the headset, or restart the computer).',
    };
  }
  if (!isSecureContext || name === 'TypeError' || /not (available|supported|implemented)/i.test(msg)) {
    return {
      code: 'no-capture-api',
      verdict: 'fail',
      sentence: isSecureContext
        ? 'This browser cannot use a microphone from a web page. Use an up-to-date Google Chrome or Mozilla Firefox.'
        : 'This page was not loaded securely (https://), so the browser will not let it use the microphone. Open the agent desktop through its https:// address.',
    };
  }
  return { code: 'capture-error', verdict: 'fail', sentence: `The microphone could not be opened (${name}: ${msg}).` };
}

// ---------------------------------------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------------------------------------

/** How long getUserMedia may take when the browser must ask the agent first, and when it need not. */
export const PROMPT_WAIT_MS = 15000;
export const CAPTURE_WAIT_MS = 8000;

/** Audio constraints: the raw microphone (voice processing off) so silence and clipping show as they are. */
export const CAPTURE_CONSTRAINTS: MediaStreamConstraints = {
  audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
  video: false,
};

const emptyDevicesData = (): DevicesData => ({ permission: 'unknown', inputs: [], outputs: 0, captureOk: false });

const KIND_WORDS: Record<HeadsetKind, string> = {
  usb: 'a USB headset',
  analog: 'a headset on the audio jack',
  bluetooth: 'a Bluetooth device',
  builtin: 'a built-in or camera microphone',
  virtual: 'a virtual or test device, not a real microphone',
  unknown: 'a microphone of a kind this test cannot tell',
};

function sleepVia(deps: Deps, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      deps.clearTimeout(h);
      reject(signal.reason);
    };
    const h = deps.setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Resolves with the promise's value, or `onTimeout()`'s after `ms`; rejects with the signal's reason on abort.
 * The timer is always cleared (nothing keeps running after an abort).
 */
function withTimeout<T>(deps: Deps, p: Promise<T>, ms: number, onTimeout: () => T, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const done = () => {
      deps.clearTimeout(h);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      done();
      reject(signal!.reason);
    };
    const h = deps.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(onTimeout());
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        done();
        resolve(v);
      },
      (e: unknown) => {
        done();
        reject(e);
      },
    );
  });
}

function stopAll(stream: MediaStream | null | undefined): void {
  if (!stream) return;
  for (const t of stream.getTracks()) {
    try {
      t.stop();
    } catch {
      /* already stopped */
    }
  }
}

/** Measures the input level of `stream` for `windowMs`; 'unknown' with a reason when it cannot. */
export async function measureLevel(
  deps: Deps,
  stream: MediaStream,
  signal: AbortSignal,
  windowMs = LEVEL_WINDOW_MS,
): Promise<{ rmsDbfs: number | null; peakDbfs: number | null; clippedPct: number | null; samples: number; reason?: string }> {
  if (!deps.createAudioContext) return { rmsDbfs: null, peakDbfs: null, clippedPct: null, samples: 0, reason: 'this browser has no Web Audio' };
  let ac: AudioContext | undefined;
  let source: MediaStreamAudioSourceNode | undefined;
  try {
    ac = deps.createAudioContext();
    if (ac.state === 'suspended') {
      await withTimeout(deps, ac.resume().catch(() => undefined), AUDIO_RESUME_WAIT_MS, () => undefined, signal);
    }
    throwIfAborted(signal);
    if (ac.state !== 'running') {
      return { rmsDbfs: null, peakDbfs: null, clippedPct: null, samples: 0, reason: 'the browser kept its audio engine paused' };
    }
    source = ac.createMediaStreamSource(stream);
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
    return { ...meter.result(), samples: meter.samples };
  } finally {
    try {
      source?.disconnect();
    } catch {
      /* ignore */
    }
    if (ac && ac.state !== 'closed') await ac.close().catch(() => undefined);
  }
}

/** Builds the `devices` check; `devicesCheck` is the default instance. */
export function createDevicesCheck(opts: { levelWindowMs?: number } = {}): Check<'devices'> {
  const windowMs = opts.levelWindowMs ?? LEVEL_WINDOW_MS;
  return {
    id: 'devices',
    title: 'Microphone and headset',
    timeoutMs: () => PROMPT_WAIT_MS + windowMs + 5000,
    codes: DEVICES_CODES,
    emptyData: emptyDevicesData,
    run: async (ctx, signal): Promise<CheckOutcome<'devices'>> => {
      throwIfAborted(signal);
      const { deps } = ctx;
      const findings: Finding[] = [];
      const data: DevicesData = emptyDevicesData();

      data.permission = await raceAbort(deps.queryPermission('microphone').catch(() => 'unknown' as const), signal);
      let stream: MediaStream | null = null;
      let gaveUp = false;
      try {
        if (data.permission === 'denied') {
          findings.push(captureFailure(Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' }), deps.isSecureContext));
        } else {
          ctx.progress(0.05, data.permission === 'prompt' ? 'Waiting for microphone permission…' : 'Opening the microphone…');
          const waitMs = data.permission === 'prompt' ? PROMPT_WAIT_MS : CAPTURE_WAIT_MS;
          let pending: Promise<MediaStream>;
          try {
            pending = deps.getUserMedia(CAPTURE_CONSTRAINTS);
          } catch (e) {
            pending = Promise.reject(e);
          }
          // Whatever happens to this check, a stream that arrives late is stopped at once.
          pending.then((s) => {
            if (gaveUp) stopAll(s);
          }, () => undefined);
          const TIMED_OUT = Symbol('timeout');
          try {
            const got = await withTimeout<MediaStream | typeof TIMED_OUT>(deps, pending, waitMs, () => TIMED_OUT, signal);
            if (got === TIMED_OUT) {
              gaveUp = true;
              findings.push(
                data.permission === 'prompt'
                  ? {
                      code: 'permission-timeout',
                      verdict: 'fail',
                      sentence: `The browser asked to use your microphone and got no answer within ${PROMPT_WAIT_MS / 1000} s. Run the test again and click Allow when the browser asks.`,
                    }
                  : {
                      code: 'capture-timeout',
                      verdict: 'fail',
                      sentence: `The microphone did not open within ${waitMs / 1000} s. Unplug and replug the headset, close other call apps, and run the test again.`,
                    },
              );
            } else {
              stream = got;
            }
          } catch (e) {
            gaveUp = true;
            if (signal.aborted) throw e;
            findings.push(captureFailure(e, deps.isSecureContext));
          }
        }

        if (stream) {
          const track = stream.getAudioTracks()[0];
          if (!track) {
            findings.push({ code: 'capture-error', verdict: 'fail', sentence: 'The browser opened the microphone but delivered no audio track.' });
          } else {
            data.captureOk = true;
            data.selectedInput = { label: track.label, kind: classifyHeadset(track.label) };
            ctx.progress(0.2, 'Listening to the microphone…');
            const lvl = await measureLevel(deps, stream, signal, windowMs);
            data.levelDbfs = reportDbfs(lvl.rmsDbfs);
            data.peakDbfs = reportDbfs(lvl.peakDbfs);
            data.clippedPct = lvl.clippedPct === null ? null : Math.round(lvl.clippedPct * 1000) / 1000;
            data.levelWindowMs = windowMs;
            data.level = classifyLevel(lvl);
            if (data.level === 'silent') {
              findings.push({
                code: 'mic-silent',
                verdict: 'warn',
                sentence: `Your microphone sends no sound at all (${data.levelDbfs === DBFS_FLOOR ? 'digital silence' : `${data.levelDbfs} dBFS`}): check the mute button on the headset cable or earcup and the computer's input volume.`,
              });
            } else if (data.level === 'clipping') {
              findings.push({
                code: 'mic-clipping',
                verdict: 'warn',
                sentence: `Your microphone is too loud and distorts (${data.clippedPct} % of the sound at the limit): lower the microphone volume in the computer's sound settings or move the microphone away from your mouth.`,
              });
            } else if (data.level === 'unknown') {
              findings.push({ code: 'level-unknown', verdict: 'pass', sentence: `The microphone level could not be measured (${lvl.reason ?? 'no samples'}).` });
            }
          }
        }
      } finally {
        stopAll(stream);
        gaveUp = true;
        if (stream) data.liveTracksAfter = stream.getTracks().filter((t) => t.readyState === 'live').length;
      }
      throwIfAborted(signal);

      // Devices (labels are visible once capture was allowed).
      ctx.progress(0.9, 'Listing audio devices…');
      let devices: MediaDeviceInfo[] = [];
      try {
        devices = await raceAbort(deps.enumerateDevices(), signal);
      } catch (e) {
        if (signal.aborted) throw e;
      }
      data.inputs = listInputs(devices);
      const outputs = devices.filter((d) => d.kind === 'audiooutput' && d.deviceId !== 'default' && d.deviceId !== 'communications');
      const anyOutput = devices.some((d) => d.kind === 'audiooutput');
      const labelsHidden = devices.length > 0 && devices.every((d) => !d.label);
      const blink = describeBrowser(deps.navigator.userAgent, deps.navigator.userAgentData?.brands).engine === 'blink';
      data.outputs = outputs.length || (anyOutput ? 1 : 0);
      data.outputsKnown = anyOutput ? !labelsHidden : blink && !labelsHidden && devices.length > 0;
      if (data.outputsKnown && data.outputs === 0) {
        findings.push({
          code: 'no-output-device',
          verdict: 'warn',
          sentence: 'The browser sees no speaker or headphones, so you would not hear callers. Plug in your headset and check it is the selected playback device.',
        });
      } else if (!data.outputsKnown) {
        findings.push({ code: 'outputs-unknown', verdict: 'pass', sentence: 'This browser does not say which speakers or headphones are present.' });
      }

      // Headset kind of the microphone actually captured.
      const sel = data.selectedInput;
      if (sel && data.captureOk) {
        const name = sel.label.replace(PSEUDO_PREFIX, '').trim() || 'the microphone';
        const kindSentence = `"${name}" looks like ${KIND_WORDS[sel.kind]}.`;
        if (sel.kind === 'bluetooth') {
          findings.push({
            code: 'headset-bluetooth',
            verdict: 'warn',
            sentence: `${kindSentence} Bluetooth headsets switch to a low-quality phone mode during calls and add delay; Amazon recommends a USB headset.`,
          });
        } else if (sel.kind === 'builtin') {
          findings.push({
            code: 'headset-builtin',
            verdict: 'warn',
            sentence: `${kindSentence} It picks up room noise, and callers may hear themselves echo from your speakers; Amazon recommends a USB headset.`,
          });
        } else if (sel.kind === 'virtual') {
          findings.push({
            code: 'headset-virtual',
            verdict: 'warn',
            sentence: `${kindSentence} Callers would hear that device, not you. Select your headset as the microphone (browser site settings or the computer's sound settings).`,
          });
        } else if (sel.kind === 'unknown') {
          findings.push({ code: 'headset-unknown', verdict: 'pass', sentence: `${kindSentence} Amazon recommends a USB headset.` });
        }
      }

      // Permission as it stands after the attempt (a prompt answered with Allow is now 'granted').
      if (data.permission !== 'denied') {
        try {
          const after = await raceAbort(deps.queryPermission('microphone'), signal);
          if (after !== 'unknown' || data.captureOk) data.permission = after === 'unknown' && data.captureOk ? 'granted' : after;
        } catch (e) {
          if (signal.aborted) throw e;
        }
      }

      data.findings = findings.map((f) => f.code);
      const selText = data.selectedInput ? ` "${data.selectedInput.label.replace(PSEUDO_PREFIX, '').trim()}" (${KIND_WORDS[data.selectedInput.kind]})` : '';
      const levelText = data.levelDbfs !== null && data.levelDbfs !== undefined ? `, level ${data.levelDbfs === DBFS_FLOOR ? 'digital silence' : `${data.levelDbfs} dBFS`}` : '';
      const ok = `Your microphone works:${selText}${levelText}; ${data.outputsKnown ? `${data.outputs} speaker/headphone device${data.outputs === 1 ? '' : 's'} found` : 'speakers not listed by this browser'}.`;
      return { ...outcomeFromFindings('devices', findings, ok), data };
    },
  };
}

/** The shipped `devices` check. */
export const devicesCheck: Check<'devices'> = createDevicesCheck();
