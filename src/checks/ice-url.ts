/**
 * ICE server URL helpers shared by the ice-*, media and bandwidth checks: classify a STUN/TURN URL by
 * transport, strip anything credential-like for reports, and test a relay address against ip-ranges.
 */
import { relayInAmazonConnect } from '../allowlist/match.js';

export type IceTransport = 'udp' | 'tcp' | 'tls';

const IPV4_LITERAL = /^\d{1,3}(\.\d{1,3}){3}$/;
/** True for an IP address (v4, or v6 with or without brackets): no DNS lookup is involved. */
export function isIpLiteral(host: string): boolean {
  return IPV4_LITERAL.test(host) || host.startsWith('[') || host.includes(':');
}

export interface ParsedIceUrl {
  /** The URL as configured (may carry a query); use `safe` in reports. */
  raw: string;
  /** scheme:host:port[?transport=x], never a username or credential. */
  safe: string;
  kind: 'stun' | 'turn' | 'turns';
  transport: IceTransport;
  host: string;
  port: number;
}

/**
 * Parses `stun:`, `stuns:`, `turn:` and `turns:` URLs (RFC 7064/7065). Default ports: 3478 (stun/turn),
 * 5349 (stuns/turns). `turns:` is TURN over TLS; `turn:` is UDP unless `?transport=tcp`. Null when the
 * string is not such a URL.
 */
export function parseIceUrl(raw: string): ParsedIceUrl | null {
  const m = /^(stuns?|turns?):(?:[^@/?]*@)?(\[[0-9a-fA-F:.]+\]|[^:?/]+)(?::(\d{1,5}))?(?:\?(.*))?$/.exec(raw.trim());
  if (!m) return null;
  const scheme = m[1]!.toLowerCase();
  const host = m[2]!;
  const secure = scheme.endsWith('s');
  const port = m[3] ? Number(m[3]) : secure ? 5349 : 3478;
  if (!(port > 0 && port < 65536)) return null;
  const q = new URLSearchParams(m[4] ?? '');
  const tp = (q.get('transport') ?? '').toLowerCase();
  const kind: ParsedIceUrl['kind'] = scheme === 'turns' ? 'turns' : scheme === 'turn' ? 'turn' : 'stun';
  const transport: IceTransport = secure ? 'tls' : tp === 'tcp' ? 'tcp' : 'udp';
  const base = `${scheme}:${host}:${port}`;
  const safe = kind === 'stun' || !tp ? base : `${base}?transport=${tp}`;
  return { raw: raw.trim(), safe, kind, transport, host, port };
}

/** Every URL of every server, each with the server it came from (credentials stay in `server`). */
export function listIceUrls(servers: readonly RTCIceServer[]): { url: ParsedIceUrl; server: RTCIceServer }[] {
  const out: { url: ParsedIceUrl; server: RTCIceServer }[] = [];
  for (const server of servers) {
    const urls = Array.isArray(server.urls) ? server.urls : [server.urls];
    for (const u of urls) {
      if (typeof u !== 'string') continue;
      const p = parseIceUrl(u);
      if (p) out.push({ url: p, server });
    }
  }
  return out;
}

/**
 * The TURN URL a test call should use: UDP first (what the softphone uses, seed 003: UDP 3478), then TCP,
 * then TLS. Null without a TURN URL.
 */
export function preferredTurnUrl(servers: readonly RTCIceServer[]): { url: ParsedIceUrl; server: RTCIceServer } | null {
  const turns = listIceUrls(servers).filter((x) => x.url.kind !== 'stun');
  for (const t of ['udp', 'tcp', 'tls'] as const) {
    const hit = turns.find((x) => x.url.transport === t);
    if (hit) return hit;
  }
  return null;
}

/** One-URL RTCIceServer for a probe, keeping the server's credentials in memory only. */
export function singleUrlServer(url: ParsedIceUrl, server: RTCIceServer): RTCIceServer {
  const s: RTCIceServer = { urls: url.raw };
  if (server.username !== undefined) s.username = server.username;
  if (server.credential !== undefined) s.credential = server.credential;
  return s;
}

/**
 * Is `ip` inside the AMAZON_CONNECT prefixes (of `region` and GLOBAL, when a Region is given) of an AWS
 * ip-ranges.json document? IPv4 and IPv6. Null when there is no document or the address is not an IP.
 */
export function inAmazonConnectRanges(ip: string | undefined, ipRanges: unknown, region?: string): boolean | null {
  if (!ip || !ipRanges) return null;
  return relayInAmazonConnect(ip, ipRanges, region);
}
