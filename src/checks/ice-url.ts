/**
 * ICE server URL helpers shared by the ice-*, media and bandwidth checks: classify a STUN/TURN URL by
 * transport, strip anything credential-like for reports, and test a relay address against ip-ranges.
 */
export type IceTransport = 'udp' | 'tcp' | 'tls';

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

function ipv4ToInt(ip: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
}

/**
 * Is `ip` inside the AMAZON_CONNECT prefixes of an AWS ip-ranges.json document? Null when no document or
 * the address is not IPv4 (IPv6 ranges are not checked).
 */
export function inAmazonConnectRanges(ip: string | undefined, ipRanges: unknown): boolean | null {
  if (!ip || !ipRanges || typeof ipRanges !== 'object') return null;
  const prefixes = (ipRanges as { prefixes?: unknown }).prefixes;
  if (!Array.isArray(prefixes)) return null;
  const addr = ipv4ToInt(ip);
  if (addr === null) return null;
  for (const p of prefixes) {
    if (!p || typeof p !== 'object') continue;
    const { ip_prefix: prefix, service } = p as { ip_prefix?: unknown; service?: unknown };
    if (service !== 'AMAZON_CONNECT' || typeof prefix !== 'string') continue;
    const [net, bitsStr] = prefix.split('/');
    const base = ipv4ToInt(net ?? '');
    const bits = Number(bitsStr);
    if (base === null || !(bits >= 0 && bits <= 32)) continue;
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if (((addr & mask) >>> 0) === ((base & mask) >>> 0)) return true;
  }
  return false;
}
