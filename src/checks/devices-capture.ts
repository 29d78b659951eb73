/** getUserMedia rejections -> findings an agent understands (the `devices` check). */
import type { Finding } from './browser.js';


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

