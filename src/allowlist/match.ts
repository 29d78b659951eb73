/**
 * Where the relay is: does an address (a TURN relay candidate, a media peer) fall inside the Amazon Connect
 * ranges of ip-ranges.json? Seed 000, Allow IP address ranges: the AMAZON_CONNECT ranges are for the
 * exclusive use of Amazon Connect, so a relay inside them is Amazon Connect's media edge; useful to confirm
 * that a Direct Connect routing plan (seed 000, Scope BGP communities) covers the path the softphone uses.
 */
import { cidrContains, parseAddress } from './ip.js';
import { parseIpRanges, type IpRanges } from './ranges.js';

const cache = new WeakMap<object, IpRanges | null>();

function rangesOf(ipRanges: unknown): IpRanges | null {
  if (typeof ipRanges !== 'object' || ipRanges === null) return null;
  if (cache.has(ipRanges)) return cache.get(ipRanges) ?? null;
  const parsed = parseIpRanges(ipRanges);
  const value = parsed.ok ? parsed.value : null;
  cache.set(ipRanges, value);
  return value;
}

/**
 * `true` when `address` (IPv4, IPv6, or IPv4-mapped IPv6) is inside an `AMAZON_CONNECT` prefix of
 * `ipRanges` (a parsed ip-ranges.json); with `region`, only that Region's prefixes and the `GLOBAL` ones
 * count. `false` when it is outside. `null` when it cannot be told: the file is not in the ip-ranges.json
 * shape, or the address is not an IP (e.g. an mDNS `*.local` name or a redacted value).
 */
export function relayInAmazonConnect(address: string, ipRanges: unknown, region?: string): boolean | null {
  const ranges = rangesOf(ipRanges);
  if (!ranges) return null;
  const addr = typeof address === 'string' ? parseAddress(address) : null;
  if (!addr) return null;
  for (const e of ranges.entries) {
    if (e.service !== 'AMAZON_CONNECT') continue;
    if (region && e.region !== region && e.region !== 'GLOBAL') continue;
    if (cidrContains(e.cidr, addr)) return true;
  }
  return false;
}
