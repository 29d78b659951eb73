/**
 * IPv4 / IPv6 address and CIDR arithmetic on bigints: parse, compare numerically (never as text), contain.
 * Pure, no DOM, no Node APIs.
 */

export type IpFamily = 4 | 6;

export interface Cidr {
  family: IpFamily;
  /** Network address (host bits cleared) as an unsigned integer. */
  network: bigint;
  /** Prefix length. */
  bits: number;
  /** Canonical text, e.g. `15.193.0.0/19`, `2600:1f18::/33` (as given, lower-cased, host bits cleared). */
  text: string;
}

const V4_PART = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** Parses dotted-quad IPv4 to an integer, or null. */
export function parseIPv4(s: string): bigint | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  let n = 0n;
  for (const p of parts) {
    if (!V4_PART.test(p)) return null;
    n = (n << 8n) | BigInt(Number(p));
  }
  return n;
}

/** Parses an IPv6 address (with `::`, an embedded IPv4 tail, an optional `%zone`) to an integer, or null. */
export function parseIPv6(input: string): bigint | null {
  let s = input;
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  if (!s.includes(':')) return null;
  // Embedded IPv4 in the last 32 bits (e.g. ::ffff:1.2.3.4).
  let tail: bigint | null = null;
  const lastColon = s.lastIndexOf(':');
  const last = s.slice(lastColon + 1);
  if (last.includes('.')) {
    tail = parseIPv4(last);
    if (tail === null) return null;
    s = s.slice(0, lastColon + 1) + '0:0';
  }
  const dbl = s.indexOf('::');
  if (dbl !== s.lastIndexOf('::')) return null;
  let groups: string[];
  if (dbl >= 0) {
    const head = s.slice(0, dbl) ? s.slice(0, dbl).split(':') : [];
    const rest = s.slice(dbl + 2) ? s.slice(dbl + 2).split(':') : [];
    const missing = 8 - head.length - rest.length;
    if (missing < 1) return null;
    groups = [...head, ...Array<string>(missing).fill('0'), ...rest];
  } else {
    groups = s.split(':');
  }
  if (groups.length !== 8) return null;
  let n = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    n = (n << 16n) | BigInt(parseInt(g, 16));
  }
  if (tail !== null) n = (n & ~0xffffffffn) | tail;
  return n;
}

/** Parses an address of either family. IPv4-mapped IPv6 (`::ffff:a.b.c.d`) is returned as IPv4. */
export function parseAddress(s: string): { family: IpFamily; value: bigint } | null {
  const t = s.trim();
  const v4 = parseIPv4(t);
  if (v4 !== null) return { family: 4, value: v4 };
  const v6 = parseIPv6(t);
  if (v6 === null) return null;
  if (v6 >> 32n === 0xffffn) return { family: 4, value: v6 & 0xffffffffn };
  return { family: 6, value: v6 };
}

/** Parses `a.b.c.d/n` or `x:y::/n`; host bits are cleared. Null on bad input. */
export function parseCidr(s: string): Cidr | null {
  if (typeof s !== 'string') return null;
  const slash = s.indexOf('/');
  if (slash < 0) return null;
  const addr = s.slice(0, slash).trim();
  const bitsText = s.slice(slash + 1).trim();
  if (!/^\d{1,3}$/.test(bitsText)) return null;
  const bits = Number(bitsText);
  const v4 = parseIPv4(addr);
  if (v4 !== null) {
    if (bits > 32) return null;
    const network = v4 & maskOf(4, bits);
    return { family: 4, network, bits, text: `${formatIPv4(network)}/${bits}` };
  }
  const v6 = parseIPv6(addr);
  if (v6 === null || bits > 128) return null;
  const network = v6 & maskOf(6, bits);
  return { family: 6, network, bits, text: `${formatIPv6(network)}/${bits}` };
}

function maskOf(family: IpFamily, bits: number): bigint {
  const width = family === 4 ? 32n : 128n;
  const all = (1n << width) - 1n;
  return all ^ ((1n << (width - BigInt(bits))) - 1n);
}

/** Does the CIDR contain the address (same family)? */
export function cidrContains(cidr: Cidr, addr: { family: IpFamily; value: bigint }): boolean {
  return cidr.family === addr.family && (addr.value & maskOf(cidr.family, cidr.bits)) === cidr.network;
}

export function formatIPv4(n: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 0xffn)).join('.');
}

/** RFC 5952 text: lower case, leading zeros dropped, the longest run (>= 2) of zero groups as `::`. */
export function formatIPv6(n: bigint): string {
  const g: number[] = [];
  for (let i = 7; i >= 0; i--) g.push(Number((n >> BigInt(i * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/** Numeric order: IPv4 before IPv6, then by network address, then shorter prefix first. */
export function compareCidr(a: Cidr, b: Cidr): number {
  if (a.family !== b.family) return a.family - b.family;
  if (a.network !== b.network) return a.network < b.network ? -1 : 1;
  return a.bits - b.bits;
}
