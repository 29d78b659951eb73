/**
 * The endpoints check's probes: one timed no-cors request, the DNS hint through WebRTC's host lookup, the
 * WebSocket handshake, mixed content. Browser APIs come in through `Deps` (fakes in unit tests).
 */
import type { Deps } from './types.js';
import type { EndpointsData } from '../report/schema.js';
import { AbortError, TimeoutError } from '../internal/timeout.js';
import { isIpLiteral } from './ice-url.js';

/** One request's time limit. A warm HTTPS round trip anywhere on Earth is well under 1 s; 3 s means no answer. */
export const PROBE_TIMEOUT_MS = 3000;
/** WebSocket handshake time limit. */
export const WEBSOCKET_TIMEOUT_MS = 3000;
/** How long the DNS hint waits for WebRTC's host lookup to report a failure. */
export const DNS_HINT_WINDOW_MS = 1500;

// ---------------------------------------------------------------------------------------------------------
// One request
// ---------------------------------------------------------------------------------------------------------

export type Attempt =
  | { ok: true; ms: number }
  | { ok: false; ms: number; kind: 'timeout' | 'failed'; message: string };

/** A child controller that aborts with `parent` or after `ms`; `dispose()` clears the timer and listener. */
function child(parent: AbortSignal, ms: number, deps: Pick<Deps, 'setTimeout' | 'clearTimeout'>) {
  const ctl = new AbortController();
  let timedOut = false;
  const onAbort = () => ctl.abort(parent.reason ?? new AbortError());
  if (parent.aborted) onAbort();
  else parent.addEventListener('abort', onAbort, { once: true });
  const h = deps.setTimeout(() => {
    timedOut = true;
    ctl.abort(new TimeoutError(ms, 'request'));
  }, ms);
  return {
    ctl,
    timedOut: () => timedOut,
    dispose: () => {
      deps.clearTimeout(h);
      parent.removeEventListener('abort', onAbort);
    },
  };
}

export function withCacheBuster(url: string, n: number): string {
  const u = new URL(url);
  u.searchParams.set('ccp-preflight', `${Date.now().toString(36)}${n}`);
  return u.toString();
}

/** One timed no-cors request. Rejects only when `parent` aborts. */
export async function timedRequest(url: string, deps: Deps, parent: AbortSignal, timeoutMs: number): Promise<Attempt> {
  const c = child(parent, Math.max(1, timeoutMs), deps);
  const t0 = deps.now();
  try {
    await deps.fetch(url, {
      method: 'GET',
      mode: 'no-cors',
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: c.ctl.signal,
    });
    const ms = deps.now() - t0;
    c.ctl.abort(); // the headers are in: stop the body download
    return { ok: true, ms };
  } catch (e) {
    const ms = deps.now() - t0;
    if (parent.aborted) throw parent.reason ?? new AbortError();
    if (c.timedOut()) return { ok: false, ms, kind: 'timeout', message: `no answer within ${Math.round(timeoutMs)} ms` };
    return { ok: false, ms, kind: 'failed', message: e instanceof Error ? e.message : String(e) };
  } finally {
    c.dispose();
  }
}

// ---------------------------------------------------------------------------------------------------------
// DNS hint through WebRTC's host lookup
// ---------------------------------------------------------------------------------------------------------

export { isIpLiteral };

/**
 * Asks WebRTC to resolve `host` (an ICE `stun:` URL; nothing is sent when the name does not resolve).
 * `true`: the lookup failed (Chromium: icecandidateerror 701 "STUN host lookup received error."; Firefox ESR
 * 140 fires no error but ends gathering at once, within tens of ms, with host candidates and no
 * server-reflexive one, where a name that resolves keeps gathering until its STUN requests time out,
 * about 11 s);
 * `null`: no lookup error within the window (the name probably resolved; a slow resolver also lands here).
 */
export async function dnsLookupFailed(host: string, deps: Deps, signal: AbortSignal, windowMs = DNS_HINT_WINDOW_MS): Promise<boolean | null> {
  if (isIpLiteral(host)) return false;
  let pc: RTCPeerConnection | undefined;
  const c = child(signal, windowMs, deps);
  try {
    pc = deps.createPeerConnection({ iceServers: [{ urls: `stun:${host}:3478` }] });
    const failed = new Promise<boolean | null>((resolve) => {
      pc!.addEventListener('icecandidateerror', (ev) => {
        const e = ev as RTCPeerConnectionIceErrorEvent;
        // Firefox reports the failed lookup as a bare 701 with no text, at once (a STUN timeout comes much later).
        if (/lookup|resolv/i.test(e.errorText ?? '') || (e.errorCode === 701 && !e.errorText)) resolve(true);
      });
      let hostCandidates = 0;
      let reflexive = 0;
      pc!.addEventListener('icecandidate', (ev) => {
        const type = (ev as RTCPeerConnectionIceEvent).candidate?.type;
        if (type === 'host') hostCandidates++;
        else if (type) reflexive++;
      });
      pc!.addEventListener('icegatheringstatechange', () => {
        if (pc!.iceGatheringState === 'complete' && hostCandidates > 0 && reflexive === 0) resolve(true);
      });
      c.ctl.signal.addEventListener('abort', () => resolve(null), { once: true });
    });
    pc.createDataChannel('dns-hint');
    await pc.setLocalDescription(await pc.createOffer());
    const r = await failed;
    if (signal.aborted) throw signal.reason ?? new AbortError();
    return r;
  } catch {
    // No WebRTC here (or it refused the configuration): the hint is simply unavailable.
    if (signal.aborted) throw signal.reason ?? new AbortError();
    return null;
  } finally {
    c.dispose();
    try {
      pc?.close();
    } catch {
      /* already closed */
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// WebSocket hint
// ---------------------------------------------------------------------------------------------------------

export async function websocketProbe(url: string, deps: Deps, signal: AbortSignal, timeoutMs: number): Promise<NonNullable<EndpointsData['websocket']>> {
  if (!deps.createWebSocket) return { url, outcome: 'skipped', detail: 'This browser cannot open a WebSocket here.' };
  let ws: WebSocket;
  try {
    ws = deps.createWebSocket(url);
  } catch (e) {
    return { url, outcome: 'error', detail: `The WebSocket could not be created: ${e instanceof Error ? e.message : String(e)}.` };
  }
  const t0 = deps.now();
  const c = child(signal, timeoutMs, deps);
  try {
    const result = await new Promise<NonNullable<EndpointsData['websocket']>>((resolve) => {
      ws.onopen = () => resolve({ url, outcome: 'ok', detail: `The WebSocket handshake completed in ${Math.round(deps.now() - t0)} ms.` });
      ws.onerror = () => undefined; // `close` follows with the details
      ws.onclose = (ev) =>
        resolve({
          url,
          outcome: 'error',
          detail: `The WebSocket handshake failed after ${Math.round(deps.now() - t0)} ms (close code ${ev.code}). A browser cannot tell a server refusing an unauthenticated WebSocket from a proxy refusing it; the ccp check's WebSocket state is the real test.`,
        });
      c.ctl.signal.addEventListener(
        'abort',
        () =>
          resolve({
            url,
            outcome: 'timeout',
            detail: `No answer to the WebSocket handshake within ${timeoutMs} ms: typical of a proxy or firewall that holds WebSocket upgrades (Amazon Connect networking guide, Option 1: some proxies break WebSocket handling).`,
          }),
        { once: true },
      );
    });
    if (signal.aborted) throw signal.reason ?? new AbortError();
    return result;
  } finally {
    c.dispose();
    ws.onopen = ws.onclose = ws.onerror = null;
    try {
      ws.close(1000);
    } catch {
      /* not open */
    }
  }
}

/** An http: URL from an https: page: the browser blocks it as mixed content before any network traffic. */
export function isMixedContent(url: string, pageProtocol: string | undefined): boolean {
  return pageProtocol === 'https:' && url.startsWith('http:');
}


/** Runs `fn` over `items` with at most `limit` in flight; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
