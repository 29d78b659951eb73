/**
 * ICE checks `ice-udp`, `ice-tcp`, `ice-tls`: for every configured server URL of the transport, one probe in
 * its own RTCPeerConnection (closed in `finally`):
 * - `stun:` URLs (UDP): gather with policy `all` and wait for a server-reflexive (srflx) candidate, i.e. a
 *   STUN Binding answer. On a machine without NAT (or on loopback) the srflx address equals the host
 *   address; Chromium still reports it while host addresses are mDNS-obfuscated, otherwise it may drop it as
 *   redundant, and the probe then says so instead of claiming a failure it cannot prove.
 * - `turn:` / `turns:` URLs: gather with policy `relay` and wait for a relay candidate (a TURN Allocate that
 *   succeeded with the credential).
 * Time to candidate is measured from `setLocalDescription`. `icecandidateerror` codes are explained (401 the
 * credential was refused, 701 the server could not be reached, ...). Each probe has its own timeout well
 * inside the check's timeout; probes run in parallel.
 * Seed 003, Network Ports and Protocols: Amazon Connect media uses UDP 3478; TCP 443 is the fallback.
 */
import type { Check, CheckContext, CheckOutcome, Deps } from './types.js';
import type { CheckId, IceData, IceServerProbe, Verdict } from '../report/schema.js';
import { worstVerdict } from '../report/schema.js';
import { AbortError } from '../internal/timeout.js';
import { inAmazonConnectRanges, isIpLiteral, listIceUrls, parseIceUrl, singleUrlServer, type IceTransport, type ParsedIceUrl } from './ice-url.js';

/** Default check timeout; each probe gets at most {@link PROBE_TIMEOUT_MS} (or 60 % of an overridden timeout). */
export const ICE_CHECK_TIMEOUT_MS = 8000;
export const PROBE_TIMEOUT_MS = 4000;

export const ICE_CODES = {
  'no-servers': 'No ICE server is configured for this transport (the check was skipped).',
  'no-turns-url': 'No turns: (TURN over TLS) URL is configured (the check was skipped).',
  'turn-auth-failed': 'The TURN server refused the username/credential (401/441).',
  'turn-unreachable': 'The TURN server did not answer on this transport (blocked port, wrong host or port).',
  'stun-unreachable': 'The STUN server did not answer (UDP blocked or wrong host/port).',
  'no-relay': 'No relay candidate was allocated, for another reason (see the error codes).',
  'no-srflx': 'No server-reflexive candidate (STUN answer) was seen.',
  'partial': 'Some server URLs work and some do not.',
} as const;

/** What an icecandidateerror code means, in words an agent or admin understands. */
export function explainIceError(code: number, url: string): string {
  switch (code) {
    case 300:
      return `${url} asked the browser to use another server (Try Alternate); the redirect was not followed.`;
    case 400:
      return `${url} rejected the request as malformed (Bad Request).`;
    case 401:
      return `${url} refused the username/credential (Unauthorized): the TURN credential is wrong or expired.`;
    case 403:
      return `${url} forbids this request (Forbidden): the server's policy does not allow this client or peer.`;
    case 437:
      return `${url} reported an allocation mismatch (stale allocation); retry.`;
    case 438:
      return `${url} reported a stale nonce; the browser normally retries by itself.`;
    case 441:
      return `${url} refused the credential (Wrong Credentials) for an existing allocation.`;
    case 442:
      return `${url} does not support this transport protocol.`;
    case 486:
      return `${url} has reached the allocation quota for this user.`;
    case 500:
      return `${url} reported a server error.`;
    case 508:
      return `${url} has no capacity for a new allocation (Insufficient Capacity).`;
    case 701:
      return `${url} could not be reached: no answer on this host and port (a firewall blocking the port, a wrong address, or the server is down).`;
    default:
      if (code >= 700 && code < 800) return `${url} could not be reached (browser code ${code}).`;
      return `${url} answered with error ${code}.`;
  }
}

type ProbeError = IceServerProbe['errors'][number];

export interface ProbeResult {
  probe: IceServerProbe;
  /** The probe saw no wanted candidate before its timeout. */
  timedOut: boolean;
  /** Gathering completed without the wanted candidate. */
  gatheringComplete: boolean;
  /** Only host candidates came back for a STUN URL without an error (srflx probably equal to host). */
  srflxMaybeHost: boolean;
}

/**
 * Probes one ICE server URL in its own peer connection. Resolves when the wanted candidate appears, when
 * gathering completes, or after `timeoutMs`; rejects with AbortError if `signal` aborts. Always closes the
 * peer connection.
 */
export async function probeIceUrl(
  url: ParsedIceUrl,
  server: RTCIceServer,
  deps: Pick<Deps, 'createPeerConnection' | 'now' | 'setTimeout' | 'clearTimeout'>,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<ProbeResult> {
  if (signal.aborted) throw new AbortError();
  const wantRelay = url.kind !== 'stun';
  const probe: IceServerProbe = {
    url: url.safe,
    kind: url.kind,
    transport: url.transport,
    srflx: false,
    relay: false,
    srflxMs: null,
    relayMs: null,
    errors: [],
  };
  let pc: RTCPeerConnection;
  try {
    pc = deps.createPeerConnection({
      iceServers: [singleUrlServer(url, server)],
      iceTransportPolicy: wantRelay ? 'relay' : 'all',
      iceCandidatePoolSize: 0,
    });
  } catch (e) {
    // Firefox refuses a server on a port it blocks for safety (e.g. 9, 25, 110) in the configuration itself:
    // "... uses a port that is blocked". Said as what it is, not as a crash of the check.
    const msg = e instanceof Error ? e.message : String(e);
    if (!/port that is blocked/i.test(msg)) throw e;
    probe.errors.push({ code: 0, text: BLOCKED_PORT_TEXT, meaning: `The browser refuses ${url.safe}: it blocks that port for every site (Firefox does so for ports of other services, such as 9, 25 or 110). Use the TURN server's usual port: 3478, or 443 for TCP and TLS.` });
    return { probe, timedOut: false, gatheringComplete: false, srflxMaybeHost: false };
  }
  let timer: unknown;
  let onAbort: (() => void) | undefined;
  let hostSeen = false;
  try {
    const t0 = deps.now();
    const outcome = await new Promise<'found' | 'complete' | 'timeout'>((resolve, reject) => {
      onAbort = () => reject(new AbortError());
      signal.addEventListener('abort', onAbort, { once: true });
      timer = deps.setTimeout(() => resolve('timeout'), timeoutMs);
      pc.addEventListener('icecandidate', (ev: Event) => {
        const c = (ev as RTCPeerConnectionIceEvent).candidate;
        if (!c) return resolve('complete');
        const type = c.type ?? /typ (\w+)/.exec(c.candidate)?.[1];
        const ms = Math.round(deps.now() - t0);
        if (type === 'host') hostSeen = true;
        if (type === 'srflx' && !probe.srflx) {
          probe.srflx = true;
          probe.srflxMs = ms;
          if (!wantRelay) resolve('found');
        }
        if (type === 'relay' && !probe.relay) {
          probe.relay = true;
          probe.relayMs = ms;
          const addr = c.address ?? c.candidate.split(' ')[4];
          if (addr) probe.relayAddress = addr;
          if (wantRelay) resolve('found');
        }
      });
      pc.addEventListener('icegatheringstatechange', () => {
        if (pc.iceGatheringState === 'complete') resolve('complete');
      });
      pc.addEventListener('icecandidateerror', (ev: Event) => {
        const e = ev as RTCPeerConnectionIceErrorEvent;
        if (probe.errors.length >= 8) return; // bounded
        const code = typeof e.errorCode === 'number' ? e.errorCode : 0;
        if (probe.errors.some((x) => x.code === code)) return;
        const err: ProbeError = { code, text: String(e.errorText ?? '').slice(0, 120), meaning: explainIceError(code, url.safe) };
        probe.errors.push(err);
      });
      pc.createDataChannel('ccp-preflight-probe');
      pc.createOffer()
        .then((offer) => pc.setLocalDescription(offer))
        .catch((e: unknown) => reject(e instanceof Error ? e : new Error(String(e))));
    });
    return {
      probe,
      timedOut: outcome === 'timeout',
      gatheringComplete: outcome === 'complete',
      srflxMaybeHost: !wantRelay && !probe.srflx && hostSeen && probe.errors.length === 0 && outcome === 'complete',
    };
  } finally {
    if (timer !== undefined) deps.clearTimeout(timer);
    if (onAbort) signal.removeEventListener('abort', onAbort);
    try {
      pc.close();
    } catch {
      /* already closed */
    }
  }
}

/** ProbeError.text of a server the browser refused outright because of its port (Firefox). */
export const BLOCKED_PORT_TEXT = 'port blocked by the browser';

/** True when the server URL names its host (DNS is involved), false for an IP address. */
function hostIsName(url: string): boolean {
  const host = parseIceUrl(url)?.host;
  return !!host && !isIpLiteral(host);
}

/** Per-probe verdict and finding code. */
export function judgeProbe(r: ProbeResult): { verdict: Verdict; code?: string; text: string } {
  const p = r.probe;
  const blocked = p.errors.find((e) => e.text === BLOCKED_PORT_TEXT);
  if (blocked) return { verdict: p.kind === 'stun' ? 'warn' : 'fail', code: p.kind === 'stun' ? 'stun-unreachable' : 'turn-unreachable', text: `${p.url}: ${blocked.meaning}` };
  const codes = p.errors.map((e) => e.code);
  if (p.kind === 'stun') {
    if (p.srflx) return { verdict: 'pass', text: `${p.url}: STUN answered in ${p.srflxMs} ms` };
    if (r.srflxMaybeHost) {
      // Firefox ESR 140 reports a name that does not resolve the same way (no error, gathering over at once).
      const unsure = hostIsName(p.url) ? ', or its name did not resolve (this browser reports both the same way)' : '';
      return { verdict: 'pass', text: `${p.url}: the STUN server answered with this machine's own address (no NAT between this machine and the server)${unsure}` };
    }
    if (codes.some((c) => c >= 700)) return { verdict: 'warn', code: 'stun-unreachable', text: `${p.url}: no STUN answer (error ${codes.join(', ')})` };
    return { verdict: 'warn', code: r.timedOut ? 'stun-unreachable' : 'no-srflx', text: `${p.url}: no STUN answer${r.timedOut ? ' before the probe timeout' : ''}` };
  }
  if (p.relay) return { verdict: 'pass', text: `${p.url}: relay allocated in ${p.relayMs} ms` };
  if (codes.includes(401) || codes.includes(441)) {
    return { verdict: 'fail', code: 'turn-auth-failed', text: `${p.url}: the TURN server refused the username/credential (error ${codes.includes(401) ? 401 : 441}): the TURN credential is wrong or expired` };
  }
  if (codes.length === 0 && r.gatheringComplete) {
    // Firefox ESR 140 fires no icecandidateerror: a TURN server that refuses the Allocate (a wrong credential
    // answers 401 within two round trips) ends gathering at once with no relay, where a server that does not
    // answer keeps it going until the probe times out. A name that does not resolve ends it at once too.
    const name = hostIsName(p.url);
    return {
      verdict: 'fail',
      code: 'turn-auth-failed',
      text: `${p.url}: the TURN server answered but allocated no relay, and this browser does not say why; the usual reason is a refused username/credential (wrong or expired)${name ? ', or the server name did not resolve (DNS)' : ''}`,
    };
  }
  if (codes.some((c) => c >= 700) || (r.timedOut && codes.length === 0)) {
    return { verdict: 'fail', code: 'turn-unreachable', text: `${p.url}: the TURN server could not be reached over ${p.transport.toUpperCase()}${codes.length ? ` (error ${codes.join(', ')})` : ' (no answer before the probe timeout)'}` };
  }
  return { verdict: 'fail', code: 'no-relay', text: `${p.url}: no relay allocated (error ${codes.join(', ') || 'none'})` };
}

function emptyIce(transport: IceTransport): IceData {
  return { transport, servers: [], source: 'none' };
}

function makeIceCheck<K extends 'ice-udp' | 'ice-tcp' | 'ice-tls'>(id: K, transport: IceTransport, title: string): Check<K> {
  const check = {
    id,
    title,
    timeoutMs: () => ICE_CHECK_TIMEOUT_MS,
    codes: ICE_CODES,
    emptyData: () => emptyIce(transport),
    run: async (ctx: CheckContext, signal: AbortSignal): Promise<CheckOutcome<K>> => {
      const { source, servers } = await ctx.iceServers(signal);
      const urls = listIceUrls(servers).filter((u) => u.url.transport === transport);
      // Do not probe the same URL twice (two servers can list it).
      const seen = new Set<string>();
      const unique = urls.filter((u) => (seen.has(u.url.safe) ? false : (seen.add(u.url.safe), true)));
      const data: IceData = { transport, servers: [], source };
      if (!servers.length) {
        return { verdict: 'skip', code: 'no-servers', summary: 'No STUN/TURN servers are configured and no CCP provided any, so there is nothing to test.', data } as CheckOutcome<K>;
      }
      if (!unique.length) {
        const summary =
          transport === 'tls'
            ? 'No turns: (TURN over TLS) URL is configured, so TLS could not be tested.'
            : transport === 'tcp'
              ? 'No turn: URL with ?transport=tcp is configured, so TURN over TCP could not be tested.'
              : 'No stun: or UDP turn: URL is configured, so UDP could not be tested.';
        return { verdict: 'skip', code: transport === 'tls' ? 'no-turns-url' : 'no-servers', summary, data } as CheckOutcome<K>;
      }
      const override = ctx.options.timeouts[id as CheckId];
      const probeMs = Math.min(PROBE_TIMEOUT_MS, Math.round(0.6 * (override ?? ICE_CHECK_TIMEOUT_MS)));
      let done = 0;
      const results = await Promise.all(
        unique.map(async (u) => {
          const r = await probeIceUrl(u.url, u.server, ctx.deps, probeMs, signal);
          ctx.progress(++done / unique.length, `${title}: ${u.url.safe}`);
          return r;
        }),
      );
      for (const r of results) {
        if (r.probe.relayAddress !== undefined) r.probe.relayInAmazonConnect = inAmazonConnectRanges(r.probe.relayAddress, ctx.options.ipRanges, ctx.options.region);
        data.servers.push(r.probe);
      }
      const judged = results.map(judgeProbe);
      const turnJudged = judged.filter((_, i) => results[i]!.probe.kind !== 'stun');
      const anyRelay = results.some((r) => r.probe.relay);
      let verdict = worstVerdict(judged.map((j) => j.verdict));
      const bad = judged.filter((j) => j.verdict !== 'pass');
      let code = bad[0]?.code;
      // A working relay on this transport means calls can flow; other broken URLs are a warning.
      if (verdict === 'fail' && anyRelay) {
        verdict = 'warn';
        code = 'partial';
      }
      // If every TURN URL failed the same way, say that way (auth beats unreachable).
      if (verdict === 'fail') {
        code = turnJudged.find((j) => j.code === 'turn-auth-failed')?.code ?? turnJudged.find((j) => j.code)?.code ?? code;
      }
      const summary =
        verdict === 'pass'
          ? `${judged.map((j) => j.text).join('; ')}.`
          : `${bad.map((j) => j.text).join('; ')}${judged.length > bad.length ? `; ${judged.filter((j) => j.verdict === 'pass').map((j) => j.text).join('; ')}` : ''}.`;
      return { verdict, ...(code && verdict !== 'pass' ? { code } : {}), summary, data } as CheckOutcome<K>;
    },
  };
  return check as Check<K>;
}

export const iceUdpCheck = makeIceCheck('ice-udp', 'udp', 'STUN/TURN over UDP');
export const iceTcpCheck = makeIceCheck('ice-tcp', 'tcp', 'TURN over TCP');
export const iceTlsCheck = makeIceCheck('ice-tls', 'tls', 'TURN over TLS');
