/**
 * The agent's own TURN servers, asked from the CCP with createTransport (`transportType: 'softphone'`), through
 * whichever client runs the page's CCP (the host's or ours). Credentials live in memory only: nothing here
 * logs, reports or emits them.
 */
import { AbortError } from '../internal/timeout.js';
import type { ConnectLike } from './connect-types.js';
import { describe } from './streams.js';

/** A failed createTransport is not retried for this long (one run's ICE checks share the answer). */
export const TRANSPORT_FAILURE_CACHE_MS = 30_000;
/** Bound on createTransport. */
export const TRANSPORT_TIMEOUT_MS = 8_000;
/** createTransport answers are reused this long (TURN credentials are short-lived; never persisted). */
export const TRANSPORT_CACHE_MS = 60_000;

/** How a request ended, for the CCP's snapshot (a count of servers or an error message; never credentials). */
export type TransportOutcome = { servers: number } | { error: string; limitBreached?: boolean };

/** Asks the CCP once. Rejects with a plain message; `life` aborting ends the wait at once. */
export function requestTransport(connect: ConnectLike, life: AbortSignal, onOutcome: (o: TransportOutcome) => void): Promise<RTCIceServer[]> {
  const method = connect.ClientMethods.CREATE_TRANSPORT ?? 'createTransport';
  const softphoneClientId = connect.randomId?.() ?? globalThis.crypto?.randomUUID?.() ?? `ccpf-${Date.now()}`;
  return new Promise<RTCIceServer[]>((resolve, reject) => {
    let settled = false;
    const finish = (err: string | null, servers: RTCIceServer[] = [], limitBreached = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      life.removeEventListener('abort', onClose);
      if (err !== null) {
        onOutcome({ error: err, ...(limitBreached ? { limitBreached } : {}) });
        reject(new Error(err));
      } else {
        onOutcome({ servers: servers.length });
        resolve(servers);
      }
    };
    const onClose = () => finish('the CCP was closed');
    const timer = setTimeout(() => finish(`no answer to createTransport within ${TRANSPORT_TIMEOUT_MS / 1000} s`), TRANSPORT_TIMEOUT_MS);
    life.addEventListener('abort', onClose, { once: true });
    try {
      connect.core.getClient().call(
        method,
        { transportType: 'softphone', softphoneClientId },
        {
          success: (data) => {
            const list = (data as { softphoneTransport?: { softphoneMediaConnections?: unknown } } | null)?.softphoneTransport?.softphoneMediaConnections;
            const servers = normalizeServers(list);
            if (!servers.length) finish('createTransport answered without softphone media connections');
            else finish(null, servers);
          },
          failure: (err) => {
            const m = describe(err);
            finish(`createTransport failed: ${m}`, [], /SoftphoneConnectionLimitBreached/i.test(m));
          },
          authFailure: () => finish('createTransport failed: authentication failed'),
          accessDenied: () => finish('createTransport failed: access denied'),
        },
      );
    } catch (e) {
      finish(`createTransport could not be sent: ${describe(e)}`);
    }
  });
}

/** One request at a time, answers cached {@link TRANSPORT_CACHE_MS}, failures {@link TRANSPORT_FAILURE_CACHE_MS}. */
export class TransportCache {
  private ok: { at: number; servers: RTCIceServer[] } | null = null;
  private failure: { at: number; message: string } | null = null;
  private pending: Promise<RTCIceServer[]> | null = null;

  /** Servers from a fresh answer, undefined when none; throws the recent failure. */
  fresh(): RTCIceServer[] | undefined {
    if (this.ok && Date.now() - this.ok.at < TRANSPORT_CACHE_MS) return cloneServers(this.ok.servers);
    if (this.failure && Date.now() - this.failure.at < TRANSPORT_FAILURE_CACHE_MS) throw new Error(this.failure.message);
    return undefined;
  }

  /** Joins the request in flight or starts `request`; the caller's `signal` ends only its own wait. */
  get(request: () => Promise<RTCIceServer[]>, signal: AbortSignal): Promise<RTCIceServer[]> {
    if (signal.aborted) return Promise.reject(new AbortError());
    this.pending ??= request().then(
      (servers) => {
        this.ok = { at: Date.now(), servers };
        this.failure = null;
        return servers;
      },
      (e: unknown) => {
        this.failure = { at: Date.now(), message: e instanceof Error ? e.message : String(e) };
        throw e;
      },
    ).finally(() => {
      this.pending = null;
    });
    const pending = this.pending;
    return new Promise<RTCIceServer[]>((resolve, reject) => {
      const onAbort = () => reject(new AbortError());
      signal.addEventListener('abort', onAbort, { once: true });
      pending.then(
        (s) => {
          signal.removeEventListener('abort', onAbort);
          resolve(cloneServers(s));
        },
        (e: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  }

  clear(): void {
    this.ok = null;
    this.failure = null;
    this.pending = null;
  }
}

/** `[{ urls, username, credential }]` in any shape Streams gives it -> RTCIceServer[] (invalid entries dropped). */
export function normalizeServers(list: unknown): RTCIceServer[] {
  if (!Array.isArray(list)) return [];
  const out: RTCIceServer[] = [];
  for (const x of list) {
    if (!x || typeof x !== 'object') continue;
    const o = x as { urls?: unknown; url?: unknown; username?: unknown; credential?: unknown };
    const raw = o.urls ?? o.url;
    const urls = (Array.isArray(raw) ? raw : [raw]).filter((u): u is string => typeof u === 'string' && /^(stun|turns?):/i.test(u));
    if (!urls.length) continue;
    out.push({
      urls,
      ...(typeof o.username === 'string' ? { username: o.username } : {}),
      ...(typeof o.credential === 'string' ? { credential: o.credential } : {}),
    });
  }
  return out;
}

function cloneServers(s: RTCIceServer[]): RTCIceServer[] {
  return s.map((x) => ({ ...x, urls: Array.isArray(x.urls) ? [...x.urls] : x.urls }));
}
