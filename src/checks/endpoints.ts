/**
 * `endpoints`: can this browser reach the CCP's endpoints over HTTPS (TCP 443), how fast, and which Amazon
 * Connect Region is closest?
 *
 * What is probed (defaults; `options.endpoints` replaces them, see regions.ts for the sources):
 * - the instance URL origin (`options.ccpUrl`, CloudFront), role `instance`;
 * - the Region's signaling endpoint `rtc.connect-telecom.{region}.amazonaws.com`, role `signaling`
 *   (seed 003, Network Ports and Protocols);
 * - a WebSocket handshake to the signaling host (seed 003: "In certain proxy applications, web socket
 *   handling may impact functionality"). A `ws:`/`wss:` URL in `options.endpoints` replaces the default;
 * - every Amazon Connect Region's API endpoint for the Region latency table (`options.regions`; `false`
 *   turns it off).
 *
 * How: `fetch` with `mode: 'no-cors'` (the answer is opaque, but it still arrives, so the request's round
 * trip can be timed), one warm-up request (DNS + TCP + TLS set-up, reported apart) and then several samples
 * on the warm connection; the median is the figure. Each request has its own AbortController and timeout,
 * and the check keeps inside its own time budget, so it always ends.
 *
 * What a browser can tell apart, and what it cannot:
 * - answered (any HTTP status: an opaque answer hides it) vs no answer before the timeout (packets dropped
 *   silently, typical of a firewall DROP rule or a hung proxy) vs a failed request (TypeError);
 * - a failed request hides its cause (refused, reset, DNS failure, TLS interception, mixed content). For
 *   host names, a second probe asks WebRTC to resolve the name (an ICE `stun:` URL): Chromium reports a DNS
 *   failure as icecandidateerror 701 "STUN host lookup received error.", which lets the check say `dns`.
 *   Without that signal the check says `blocked` and lists the possible causes;
 * - a proxy that answers with its own block page looks reachable (the opaque answer hides the status).
 * Reported latencies are HTTPS request round trips (network round trip plus server time), not ICMP ping.
 */
import type { Check, CheckContext, CheckOutcome, Deps } from './types.js';
import type { EndpointSample, EndpointsData, Remedy, RegionLatency, Verdict } from '../report/schema.js';
import { worstVerdict } from '../report/schema.js';
import { remediesFor } from '../report/remedies.js';
import { AbortError, TimeoutError } from '../internal/timeout.js';
import { median } from '../stats/math.js';
import { regionProbesOf, signalingHost, signalingUrl, signalingWebSocketUrl } from './regions.js';

/** Default check timeout without the Region table. */
export const ENDPOINTS_TIMEOUT_MS = 12_000;
/** Extra time for the Region table (10 Regions, {@link REGION_CONCURRENCY} at a time). */
export const REGIONS_EXTRA_TIMEOUT_MS = 12_000;
/** The check stops starting new requests at this share of its timeout, so it reports instead of timing out. */
export const BUDGET_SHARE = 0.9;
/** One request's time limit. A warm HTTPS round trip anywhere on Earth is well under 1 s; 3 s means no answer. */
export const PROBE_TIMEOUT_MS = 3000;
/** Samples after the warm-up, per endpoint (the median of these is reported). */
export const ENDPOINT_SAMPLES = 5;
/** Samples after the warm-up, per Region (fewer: there are ten Regions). */
export const REGION_SAMPLES = 3;
/** Region probes in flight at once: keeps the agent's link and the browser's socket pool light. */
export const REGION_CONCURRENCY = 4;
/** WebSocket handshake time limit. */
export const WEBSOCKET_TIMEOUT_MS = 3000;
/** How long the DNS hint waits for WebRTC's host lookup to report a failure. */
export const DNS_HINT_WINDOW_MS = 1500;
/**
 * A Region is "much slower" than the best one when its median is both this many ms and
 * {@link REGION_MUCH_SLOWER_RATIO} times above the best. The seeds give no number (seed 003, Region Selection
 * Considerations: "the lowest latency and fewest hops"); 50 ms is well above the jitter of a browser's HTTPS
 * round trip on a warm connection and about a continent's width, so a flagged gap is a real distance.
 */
export const REGION_MUCH_SLOWER_MS = 50;
export const REGION_MUCH_SLOWER_RATIO = 1.5;

export const ENDPOINTS_CODES = {
  'not-configured': 'No instance URL, Region or endpoint list is configured (the check was skipped).',
  'no-fetch': 'This browser has no fetch API (the check was skipped).',
  'instance-unreachable': 'The instance URL (CloudFront, TCP 443) did not answer: blocked, refused or timed out.',
  'instance-dns': 'The instance host name did not resolve (DNS).',
  'signaling-unreachable': 'The Region signaling endpoint (EC2, TCP 443) did not answer: blocked, refused or timed out.',
  'signaling-dns': 'The signaling host name did not resolve (DNS).',
  'signaling-host-unlisted': "The default signaling host name for a Region AWS does not list did not resolve: configure the Region's signaling endpoint.",
  'media-unreachable': 'A configured Amazon Connect media endpoint (TCP 443) did not answer.',
  'endpoint-unreachable': 'A configured custom endpoint did not answer.',
  slow: 'An endpoint answers, but its HTTPS round trip is above the RTT warn threshold.',
  flaky: 'Some requests to an endpoint failed while others succeeded.',
  'websocket-blocked': 'HTTPS to the signaling host works, but a WebSocket handshake there got no answer (a proxy that does not handle WebSockets).',
  'region-far': "The instance's Region is much slower from here than the closest Amazon Connect Region.",
  'bad-url': 'A configured endpoint URL is not a valid http(s) or ws(s) URL.',
} as const;
export type EndpointsCode = keyof typeof ENDPOINTS_CODES;

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

function withCacheBuster(url: string, n: number): string {
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

const IPV4_LITERAL = /^\d{1,3}(\.\d{1,3}){3}$/;
export function isIpLiteral(host: string): boolean {
  return IPV4_LITERAL.test(host) || host.startsWith('[') || host.includes(':');
}

/**
 * Asks WebRTC to resolve `host` (an ICE `stun:` URL; nothing is sent when the name does not resolve).
 * `true`: the lookup failed (Chromium: icecandidateerror 701 "STUN host lookup received error.");
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
        if (/lookup|resolv/i.test(e.errorText ?? '')) resolve(true);
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
            detail: `No answer to the WebSocket handshake within ${timeoutMs} ms: typical of a proxy or firewall that holds WebSocket upgrades (seed 003, Network Ports and Protocols).`,
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

// ---------------------------------------------------------------------------------------------------------
// Classification (pure)
// ---------------------------------------------------------------------------------------------------------

export interface Classified {
  outcome: EndpointSample['outcome'];
  medianMs: number | null;
  samplesMs: number[];
  /** Requests that failed after at least one succeeded. */
  failedAfterOk: number;
  /** The warm-up request's time when it succeeded. */
  firstMs: number | null;
  detail: string;
}

/**
 * From a warm-up and samples to an outcome. `dns`: the DNS hint's answer (true = the name did not resolve).
 * `ipLiteral`: the host is an IP address (no DNS involved).
 */
export function classifyAttempts(attempts: readonly Attempt[], slowMs: number, dns: boolean | null = null, ipLiteral = false): Classified {
  const r = (x: number) => Math.round(x);
  const [warm, ...rest] = attempts;
  if (!warm) return { outcome: 'error', medianMs: null, samplesMs: [], failedAfterOk: 0, firstMs: null, detail: 'Not probed: the check ran out of time.' };
  const okSamples = rest.filter((a): a is Extract<Attempt, { ok: true }> => a.ok).map((a) => a.ms);
  const failed = rest.filter((a) => !a.ok).length;
  const allOk = [warm, ...rest].filter((a) => a.ok);
  if (!allOk.length) {
    const f = warm as Extract<Attempt, { ok: false }>;
    if (f.kind === 'timeout') {
      return {
        outcome: 'timeout',
        medianMs: null,
        samplesMs: [],
        failedAfterOk: 0,
        firstMs: null,
        detail: `No answer within ${r(f.ms)} ms: packets are probably dropped silently (a firewall DROP rule, a missing route) or a proxy holds the request.`,
      };
    }
    if (dns === true) {
      return {
        outcome: 'dns',
        medianMs: null,
        samplesMs: [],
        failedAfterOk: 0,
        firstMs: null,
        detail: `The request failed after ${r(f.ms)} ms and the browser could not resolve the host name (WebRTC host lookup error): a DNS failure (a typo in the host, or a DNS server that does not know the name).`,
      };
    }
    const causes = ipLiteral
      ? 'the connection was refused or reset (nothing listening, or a firewall REJECT rule), or TLS/proxy interception failed; the host is an IP address, so DNS is not involved'
      : dns === false
        ? 'the connection was refused or reset, or TLS/proxy interception failed'
        : 'the connection was refused or reset (a firewall REJECT rule), TLS/proxy interception failed, or the name did not resolve (the browser reported no DNS error, but it cannot always tell)';
    return {
      outcome: 'blocked',
      medianMs: null,
      samplesMs: [],
      failedAfterOk: 0,
      firstMs: null,
      detail: `The request failed ${f.ms < 1000 ? 'at once' : 'after'} ${r(f.ms)} ms: ${causes}. A browser hides the exact network error.`,
    };
  }
  // Reachable. The median of the warm samples; a warm-up alone when the budget allowed nothing more.
  const series = okSamples.length ? okSamples : allOk.map((a) => a.ms);
  const med = median(series)!;
  const parts: string[] = [];
  if (warm.ok) parts.push(`first request (with DNS, TCP and TLS set-up) ${r(warm.ms)} ms`);
  else parts.push(`the first request failed (${(warm as Extract<Attempt, { ok: false }>).message})`);
  parts.push(okSamples.length ? `median of ${okSamples.length} warm request${okSamples.length === 1 ? '' : 's'} ${r(med)} ms` : 'no warm request fitted in the time budget');
  if (failed) parts.push(`${failed} of ${rest.length} later requests failed`);
  return {
    outcome: med > slowMs ? 'slow' : 'ok',
    medianMs: Math.round(med * 10) / 10,
    samplesMs: series.map((x) => Math.round(x * 10) / 10),
    failedAfterOk: failed + (warm.ok ? 0 : 1),
    firstMs: warm.ok ? Math.round(warm.ms * 10) / 10 : null,
    detail: `${parts.join('; ')}.`,
  };
}

/** Ranks Regions by numeric median (unreachable last, then by name). */
export function rankRegions(rows: readonly RegionLatency[]): RegionLatency[] {
  return [...rows].sort((a, b) => {
    if (a.medianMs === null && b.medianMs === null) return a.region.localeCompare(b.region);
    if (a.medianMs === null) return 1;
    if (b.medianMs === null) return -1;
    return a.medianMs - b.medianMs || a.region.localeCompare(b.region);
  });
}

/** Is the instance Region much slower than the best? (see {@link REGION_MUCH_SLOWER_MS}) */
export function muchSlower(instanceMs: number, bestMs: number): boolean {
  return instanceMs - bestMs >= REGION_MUCH_SLOWER_MS && instanceMs >= bestMs * REGION_MUCH_SLOWER_RATIO;
}

// ---------------------------------------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------------------------------------

type Role = EndpointSample['role'];

interface Target {
  url: string;
  role: Role;
  /** A default host built from seed 003's pattern for a Region AWS does not list (see regions.ts). */
  assumed?: boolean;
}

function isHttp(u: URL): boolean {
  return u.protocol === 'https:' || u.protocol === 'http:';
}

/** The endpoint list and WebSocket URL of a run (defaults documented in the module comment). */
export function targetsOf(ctx: Pick<CheckContext, 'options'>): { targets: Target[]; websocketUrl?: string; bad: string[] } {
  const o = ctx.options;
  const bad: string[] = [];
  if (o.endpoints) {
    const targets: Target[] = [];
    let websocketUrl: string | undefined;
    for (const e of o.endpoints) {
      let u: URL;
      try {
        u = new URL(e.url);
      } catch {
        bad.push(e.url);
        continue;
      }
      if (u.protocol === 'ws:' || u.protocol === 'wss:') websocketUrl ??= u.toString();
      else if (isHttp(u)) targets.push({ url: u.toString(), role: e.role });
      else bad.push(e.url);
    }
    return { targets, ...(websocketUrl ? { websocketUrl } : {}), bad };
  }
  const targets: Target[] = [];
  if (o.ccpUrl) {
    try {
      const u = new URL(o.ccpUrl);
      if (!isHttp(u)) throw new Error('scheme');
      // The origin, not the CCP page: the page may redirect to a sign-in page on another host.
      targets.push({ url: `${u.origin}/favicon.ico`, role: 'instance' });
    } catch {
      bad.push(o.ccpUrl);
    }
  }
  if (o.region) targets.push({ url: signalingUrl(o.region), role: 'signaling', ...(signalingHost(o.region).listed ? {} : { assumed: true }) });
  return { targets, ...(o.region ? { websocketUrl: signalingWebSocketUrl(o.region) } : {}), bad };
}

interface Finding {
  code: EndpointsCode;
  verdict: Verdict;
  sentence: string;
}

function roleLabel(role: Role): string {
  return role === 'instance' ? 'instance URL' : role === 'signaling' ? 'signaling endpoint' : role === 'media' ? 'media endpoint' : 'endpoint';
}

function safeOrigin(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Runs `fn` over `items` with at most `limit` in flight; results in input order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
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

function checkTimeoutMs(o: CheckContext['options']): number {
  return o.timeouts.endpoints ?? ENDPOINTS_TIMEOUT_MS + (o.regions === false ? 0 : REGIONS_EXTRA_TIMEOUT_MS);
}

export const endpointsCheck: Check<'endpoints'> = {
  id: 'endpoints',
  title: 'Endpoints (TCP 443)',
  timeoutMs: (o) => ENDPOINTS_TIMEOUT_MS + (o.regions === false ? 0 : REGIONS_EXTRA_TIMEOUT_MS),
  codes: ENDPOINTS_CODES,
  emptyData: (o) => ({ endpoints: [], ...(o.region ? { instanceRegion: o.region } : {}) }),
  run: async (ctx, signal): Promise<CheckOutcome<'endpoints'>> => {
    const { deps, options } = ctx;
    const data: EndpointsData = { endpoints: [], ...(options.region ? { instanceRegion: options.region } : {}) };
    const { targets, websocketUrl, bad } = targetsOf(ctx);
    if (!targets.length && !websocketUrl && !bad.length) {
      return {
        verdict: 'skip',
        code: 'not-configured',
        summary: 'Not run: no instance URL (ccp-url), Region or endpoint list is configured.',
        data,
      };
    }
    if (typeof deps.fetch !== 'function') {
      return { verdict: 'skip', code: 'no-fetch', summary: 'Not run: this browser has no fetch API.', data };
    }
    const t0 = deps.now();
    const deadline = t0 + checkTimeoutMs(options) * BUDGET_SHARE;
    const left = () => deadline - deps.now();
    const slowMs = options.thresholds.rttWarnMs;
    const findings: Finding[] = [];
    for (const b of bad) findings.push({ code: 'bad-url', verdict: 'warn', sentence: `"${b}" is not a valid http(s) or ws(s) URL; it was not probed.` });

    // Sequential requests on one endpoint (so the warm-up's connection is reused), until done or out of time.
    const sampleEndpoint = async (url: string, samples: number, budgetEnd: number): Promise<Attempt[]> => {
      const attempts: Attempt[] = [];
      for (let i = 0; i <= samples; i++) {
        const remaining = budgetEnd - deps.now();
        if (remaining < 50) break;
        const a = await timedRequest(withCacheBuster(url, i), deps, signal, Math.min(PROBE_TIMEOUT_MS, remaining));
        attempts.push(a);
        if (!a.ok && i === 0) break; // no answer at all: do not spend the budget on more of the same
      }
      return attempts;
    };

    // 1. Endpoints (in parallel: one or two hosts by default), then the DNS hint for those that failed.
    const regionProbes = regionProbesOf(options);
    const endpointsEnd = regionProbes.length ? t0 + (deadline - t0) * 0.45 : deadline;
    ctx.progress(0.05, 'Reaching the instance and signaling endpoints…');
    const wsPromise = websocketUrl ? websocketProbe(websocketUrl, deps, signal, Math.min(WEBSOCKET_TIMEOUT_MS, Math.max(1, left()))) : undefined;
    // Awaited below; when an abort ends the run first, its rejection must not surface as unhandled.
    wsPromise?.catch(() => undefined);
    const samples = await Promise.all(
      targets.map(async (t): Promise<EndpointSample> => {
        if (isMixedContent(t.url, (globalThis as { location?: { protocol?: string } }).location?.protocol)) {
          return { url: t.url, role: t.role, outcome: 'error', medianMs: null, samplesMs: [], detail: 'Not probed: this page is HTTPS and the URL is plain http:, which the browser blocks as mixed content. Use an https: URL.' };
        }
        const attempts = await sampleEndpoint(t.url, ENDPOINT_SAMPLES, endpointsEnd);
        const h = new URL(t.url).hostname;
        const ip = isIpLiteral(h);
        let dns: boolean | null = null;
        if (attempts.length && !attempts.some((a) => a.ok) && !attempts[0]!.ok && attempts[0]!.kind === 'failed' && !ip) {
          dns = await dnsLookupFailed(h, deps, signal, Math.min(DNS_HINT_WINDOW_MS, Math.max(1, deadline - deps.now())));
        }
        const c = classifyAttempts(attempts, slowMs, dns, ip);
        return {
          url: t.url,
          role: t.role,
          outcome: c.outcome,
          medianMs: c.medianMs,
          samplesMs: c.samplesMs,
          detail: c.detail,
          ...(attempts.length ? { firstRequestMs: c.firstMs } : {}),
          ...(c.failedAfterOk ? { failedRequests: c.failedAfterOk } : {}),
        };
      }),
    );
    data.endpoints = samples;
    samples.forEach((s, i) => {
      if (targets[i]!.assumed && s.outcome === 'dns') s.detail = `${s.detail} AWS does not list a signaling host for ${options.region}; this name follows seed 003's pattern and may not exist there.`;
    });
    for (const [i, s] of samples.entries()) {
      const label = `${roleLabel(s.role)} ${host(s.url)}`;
      const unreachable = s.outcome === 'blocked' || s.outcome === 'timeout' || s.outcome === 'error' || s.outcome === 'dns';
      if (unreachable) {
        const how = s.outcome === 'dns' ? 'does not resolve (DNS)' : s.outcome === 'timeout' ? 'did not answer (timeout)' : 'could not be reached (refused, reset or blocked)';
        if (s.role === 'instance') findings.push({ code: s.outcome === 'dns' ? 'instance-dns' : 'instance-unreachable', verdict: 'fail', sentence: `The ${label} ${how}: the CCP page cannot load.` });
        else if (s.role === 'signaling' && s.outcome === 'dns' && targets[i]!.assumed)
          findings.push({ code: 'signaling-host-unlisted', verdict: 'warn', sentence: `The default signaling host ${host(s.url)} does not resolve; AWS lists no signaling host for ${options.region}, so configure it in the endpoint list to test it.` });
        else if (s.role === 'signaling') findings.push({ code: s.outcome === 'dns' ? 'signaling-dns' : 'signaling-unreachable', verdict: 'fail', sentence: `The ${label} ${how}: the CCP cannot signal calls.` });
        else if (s.role === 'media') findings.push({ code: 'media-unreachable', verdict: 'fail', sentence: `The ${label} ${how}.` });
        else findings.push({ code: 'endpoint-unreachable', verdict: 'warn', sentence: `The ${label} ${how}.` });
      } else if (s.outcome === 'slow') {
        findings.push({ code: 'slow', verdict: 'warn', sentence: `The ${label} answers slowly: median ${Math.round(s.medianMs!)} ms over HTTPS (above ${slowMs} ms).` });
      }
      if (!unreachable && (s.failedRequests ?? 0) > 0) {
        findings.push({ code: 'flaky', verdict: 'warn', sentence: `Some requests to the ${label} failed while others succeeded.` });
      }
    }

    // 2. Region latency table (bounded concurrency; each Region's requests sequential).
    if (regionProbes.length && left() > 100) {
      ctx.progress(0.45, 'Measuring latency to the Amazon Connect Regions…');
      let done = 0;
      const rows = await mapLimit(regionProbes, REGION_CONCURRENCY, async (p): Promise<RegionLatency> => {
        let outcome: RegionLatency['outcome'] = 'error';
        let medianMs: number | null = null;
        try {
          new URL(p.url);
          const c = classifyAttempts(await sampleEndpoint(p.url, REGION_SAMPLES, deadline), slowMs, null, false);
          outcome = c.outcome;
          medianMs = c.medianMs;
        } catch (e) {
          if (signal.aborted) throw e;
        }
        done++;
        ctx.progress(0.45 + (0.5 * done) / regionProbes.length, `Region latency ${done}/${regionProbes.length}…`);
        return { region: p.region, url: p.url, medianMs, outcome };
      });
      data.regions = rankRegions(rows);
      const best = data.regions.find((r) => r.medianMs !== null);
      if (best) {
        data.bestRegion = best.region;
        const mine = options.region ? data.regions.find((r) => r.region === options.region) : undefined;
        const how = 'Measured as HTTPS round trips (TCP 443) from this browser to each Region\'s Amazon Connect endpoint on a warm connection; not ICMP ping, and not the call audio path (UDP 3478), but it ranks Regions by network distance.';
        if (mine?.medianMs != null && mine.region !== best.region && muchSlower(mine.medianMs, best.medianMs!)) {
          data.recommendation = `${best.region} answers in ${Math.round(best.medianMs!)} ms, the instance Region ${mine.region} in ${Math.round(mine.medianMs)} ms. Seed 003 (Region Selection Considerations): put the instance in the Region closest to the agents, or, where policy fixes the Region, choose the network path with the fewest hops to it. ${how}`;
          findings.push({ code: 'region-far', verdict: 'warn', sentence: `The instance Region ${mine.region} is much slower from here (${Math.round(mine.medianMs)} ms) than ${best.region} (${Math.round(best.medianMs!)} ms).` });
        } else if (mine?.medianMs != null) {
          data.recommendation = `The instance Region ${mine.region} (${Math.round(mine.medianMs)} ms) is ${mine.region === best.region ? 'the closest' : 'close to the closest'} Amazon Connect Region from here (best: ${best.region}, ${Math.round(best.medianMs!)} ms). ${how}`;
        } else {
          data.recommendation = `Closest Amazon Connect Region from here: ${best.region} (${Math.round(best.medianMs!)} ms). ${how}`;
        }
      } else {
        data.recommendation = 'No Amazon Connect Region answered over HTTPS from this browser: outbound TCP 443 to AWS looks blocked, or a proxy is required.';
      }
    }

    // 3. WebSocket hint.
    if (wsPromise) {
      data.websocket = await wsPromise;
      const wsHost = host(data.websocket.url);
      const httpsOk = samples.some((s) => host(s.url) === wsHost && (s.outcome === 'ok' || s.outcome === 'slow'));
      if (data.websocket.outcome === 'timeout' && httpsOk) {
        findings.push({ code: 'websocket-blocked', verdict: 'warn', sentence: `HTTPS to ${wsHost} works, but a WebSocket handshake there got no answer: a proxy may not handle WebSockets.` });
      }
    }
    ctx.progress(1, 'Endpoints done.');

    const verdict = findings.length ? worstVerdict(findings.map((f) => f.verdict)) : 'pass';
    const rank: Record<Verdict, number> = { fail: 0, warn: 1, skip: 2, pass: 3 };
    const ordered = [...findings].sort((a, b) => rank[a.verdict] - rank[b.verdict]);
    const reached = samples.filter((s) => s.outcome === 'ok' || s.outcome === 'slow');
    const okSentence = samples.length
      ? `All ${samples.length} endpoint${samples.length === 1 ? '' : 's'} answer over HTTPS (${reached.map((s) => `${roleLabel(s.role)} ${Math.round(s.medianMs!)} ms`).join(', ')}).`
      : 'No HTTP endpoint to probe.';
    const regionSentence = data.bestRegion ? ` Closest Region: ${data.bestRegion}.` : '';
    const summary = verdict === 'pass' ? `${okSentence}${regionSentence}` : `${ordered.map((f) => f.sentence).join(' ')}${regionSentence}`;
    const out: CheckOutcome<'endpoints'> = { verdict, summary, data };
    const instanceOrigin = options.ccpUrl ? safeOrigin(options.ccpUrl) : undefined;
    const remedyContext = {
      ...(options.region ? { region: options.region, signalingHost: signalingHost(options.region).host } : {}),
      ...(instanceOrigin ? { instance: instanceOrigin } : {}),
    };
    if (ordered.length) {
      out.code = ordered[0]!.code;
      const seen = new Set<string>();
      const remedies: Remedy[] = [];
      for (const f of ordered) {
        for (const r of remediesFor('endpoints', f.code, remedyContext)) {
          if (!seen.has(r.id)) {
            seen.add(r.id);
            remedies.push(r);
          }
        }
      }
      if (remedies.length) out.remedies = remedies;
    }
    return out;
  },
};
