/**
 * The Firefox headset sample-rate problem. Amazon Connect Administrator Guide, "Agent headset and workstation
 * requirements for using the CCP" (https://docs.aws.amazon.com/connect/latest/adminguide/ccp-agent-hardware.html),
 * headset requirements: when the agent's audio device does not support up to 48 kHz and the browser asserts a
 * 48 kHz sample rate, agents' outgoing audio may carry an audible hum; seen in Firefox, not in Chrome.
 *
 * What a page can see: the rate of the browser's audio engine (`AudioContext.sampleRate`, which follows the
 * output device), the microphone track's `getSettings().sampleRate` where the browser reports it (Chromium does;
 * Firefox 153 does not), and Firefox refusing to connect a microphone whose rate differs from the AudioContext's
 * (`createMediaStreamSource` throws NotSupportedError). None of these proves the headset can do 48 kHz, so when
 * nothing contradicts it Firefox gets an informational note saying what to check.
 */
import type { Finding } from './browser.js';

/** The rate WebRTC audio runs at in Firefox (Opus at 48 kHz), which the guide says the headset must support. */
export const BROWSER_AUDIO_RATE_HZ = 48000;

export interface SampleRateFacts {
  family: string;
  /** Microphone track's reported sample rate (null when the browser does not report it). */
  trackRateHz: number | null;
  /** The AudioContext's sample rate (null when no AudioContext could be made). */
  contextRateHz: number | null;
  /** Firefox refused to connect the microphone to the AudioContext because their rates differ. */
  sourceRateMismatch: boolean;
}

const khz = (hz: number) => `${Math.round(hz / 100) / 10} kHz`;

/** What to check; the same words in the warning and the note. */
const HOW_TO_CHECK =
  "check that the headset supports 48 kHz and is set to 48000 Hz in the computer's sound settings (Windows: Sound settings > the headset > Properties > Advanced > Default format; macOS: Audio MIDI Setup > the headset > Format), for both its microphone and its speakers";

/** A finding about the headset's sample rate, for Firefox only (the guide saw the hum there, not in Chrome). */
export function judgeSampleRate(f: SampleRateFacts): Finding | null {
  if (f.family !== 'firefox') return null;
  const off = (hz: number | null): hz is number => typeof hz === 'number' && hz > 0 && hz !== BROWSER_AUDIO_RATE_HZ;
  if (f.sourceRateMismatch || off(f.trackRateHz) || off(f.contextRateHz)) {
    const seen = f.sourceRateMismatch
      ? 'Firefox could not connect the microphone to its audio engine because their sample rates differ'
      : off(f.trackRateHz)
        ? `the microphone runs at ${khz(f.trackRateHz)}`
        : `Firefox's audio runs at ${khz(f.contextRateHz!)} on this computer (it follows the speakers or headset)`;
    return {
      code: 'firefox-sample-rate',
      verdict: 'warn',
      sentence: `In Firefox, Amazon Connect calls use 48 kHz audio, and ${seen}: Amazon reports that a headset that cannot do 48 kHz gives a hum on what callers hear from you in Firefox. To fix it, ${HOW_TO_CHECK}; or take calls in Google Chrome.`,
    };
  }
  return {
    code: 'sample-rate-unverified',
    verdict: 'pass',
    sentence: `Firefox does not tell which sample rate the microphone uses. Amazon reports a hum on the agent's outgoing audio in Firefox when a headset cannot do 48 kHz: if callers hear a hum, ${HOW_TO_CHECK}.`,
  };
}
