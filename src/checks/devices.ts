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
 * 6. Firefox: the headset sample-rate hum (devices-rate.ts); an AudioContext that starts 'suspended' (Firefox
 *    always starts it so and runs it once the page captures or was clicked); a permission that Firefox keeps at
 *    'prompt' after a one-time Allow.
 *
 * The parts live by concern: devices-level.ts (level meter), devices-headset.ts (headset kind, input list),
 * devices-capture.ts (getUserMedia errors), devices-rate.ts (sample rate), devices-wait.ts (timers).
 */
import type { DevicesData, HeadsetKind } from '../report/schema.js';
import { raceAbort, throwIfAborted } from '../internal/timeout.js';
import { describeBrowser } from '../internal/ua.js';
import { outcomeFromFindings, type Finding } from './browser.js';
import type { Check, CheckOutcome } from './types.js';
import { classifyLevel, DBFS_FLOOR, LEVEL_WINDOW_MS, measureLevel, reportDbfs } from './devices-level.js';
import { classifyHeadset, listInputs, PSEUDO_PREFIX } from './devices-headset.js';
import { captureFailure } from './devices-capture.js';
import { judgeSampleRate } from './devices-rate.js';
import { stopAll, withTimeout } from './devices-wait.js';

export * from './devices-level.js';
export { classifyHeadset, listInputs, HEADSET_PATTERNS, MAX_LISTED_INPUTS } from './devices-headset.js';
export { captureFailure } from './devices-capture.js';
export { judgeSampleRate, BROWSER_AUDIO_RATE_HZ, type SampleRateFacts } from './devices-rate.js';

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
  'audio-suspended': 'The browser kept its audio engine paused until the agent clicks the page (Firefox, Safari), so the level was not measured (info)',
  'firefox-sample-rate': 'Firefox: the headset or the audio engine is not at 48 kHz, which Amazon reports gives a hum on the agent\'s outgoing audio (warn)',
  'sample-rate-unverified': 'Firefox does not report the microphone\'s sample rate: what to check if callers hear a hum (info)',
  'headset-bluetooth': 'The microphone in use is a Bluetooth device: narrowband hands-free mode and extra delay; USB recommended (warn)',
  'headset-builtin': 'The microphone in use is built in (laptop, monitor, camera): room noise and echo; USB headset recommended (warn)',
  'headset-virtual': 'The microphone in use is virtual (loopback, mixer, test/fake device), not a real microphone (warn)',
  'headset-unknown': 'The kind of microphone could not be told from its name (info)',
  'no-output-device': 'The browser lists no speaker or headphones (warn)',
  'outputs-unknown': 'This browser does not list output devices (info)',
} as const satisfies Record<string, string>;

export type DevicesCode = keyof typeof DEVICES_CODES;

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
      const browser = describeBrowser(deps.navigator.userAgent ?? '', deps.navigator.userAgentData?.brands);

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
            const settings = typeof track.getSettings === 'function' ? track.getSettings() : {};
            const trackRateHz = typeof settings.sampleRate === 'number' && settings.sampleRate > 0 ? settings.sampleRate : null;
            const rate = judgeSampleRate({ family: browser.family, trackRateHz, contextRateHz: lvl.contextRateHz ?? null, sourceRateMismatch: !!lvl.sourceRateMismatch });
            if (rate) findings.push(rate);
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
            } else if (data.level === 'unknown' && lvl.stayedSuspended) {
              findings.push({
                code: 'audio-suspended',
                verdict: 'pass',
                sentence: `${browser.name} kept its audio engine paused (it waits for a click on the page before it plays or analyses sound), so the microphone level was not measured. Click anywhere on this page and run the test again.`,
              });
            } else if (data.level === 'unknown' && !lvl.sourceRateMismatch) {
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
      const blink = browser.engine === 'blink';
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
          // Firefox answers 'prompt' after a one-time Allow (nothing remembered for the site), and 'unknown' where
          // there is no Permissions API for the microphone: a microphone that opened was granted either way.
          if (after !== 'unknown' || data.captureOk) data.permission = data.captureOk && after !== 'denied' ? 'granted' : after;
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
