/**
 * The shape of AWS `ip-ranges.json` (https://ip-ranges.amazonaws.com/ip-ranges.json), validated.
 *
 * ```json
 * { "syncToken": "1700000000", "createDate": "2023-11-14-22-13-10",
 *   "prefixes":      [{ "ip_prefix": "15.193.0.0/19", "region": "GLOBAL", "service": "AMAZON_CONNECT", "network_border_group": "GLOBAL" }],
 *   "ipv6_prefixes": [{ "ipv6_prefix": "2600:1f18::/33", "region": "us-east-1", "service": "EC2", "network_border_group": "us-east-1" }] }
 * ```
 * Seed 000, Allow IP address ranges: every range is listed at least twice (once under its service, once
 * under `AMAZON`), so consumers must deduplicate.
 */
import { parseCidr, type Cidr } from './ip.js';
import { allowlistTexts as t } from '../i18n/allowlist-texts.js';

export interface IpRangeEntry {
  cidr: Cidr;
  region: string;
  service: string;
  networkBorderGroup?: string;
}

export interface IpRanges {
  syncToken: string;
  /** As in the file: `YYYY-MM-DD-hh-mm-ss` (UTC). */
  createDate: string;
  /** The same instant as a Date. */
  created: Date;
  /** IPv4 and IPv6 entries, in file order. */
  entries: IpRangeEntry[];
}

export type ParseResult = { ok: true; value: IpRanges } | { ok: false; error: string };

const CREATE_DATE = /^(\d{4})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD-hh-mm-ss` (UTC, the ip-ranges.json format) to a Date, or null when malformed. */
export function parseCreateDate(s: unknown): Date | null {
  if (typeof s !== 'string') return null;
  const m = CREATE_DATE.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, se));
  // Reject rolled-over values such as month 13 or day 32.
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || se > 59) return null;
  return date;
}

/** Formats a Date back into the ip-ranges.json `createDate` format. */
export function formatCreateDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}-${p(d.getUTCHours())}-${p(d.getUTCMinutes())}-${p(d.getUTCSeconds())}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const MAX_ERRORS_SHOWN = 3;

/**
 * Validates a parsed ip-ranges.json. Errors name the JSON path and say what was expected, e.g.
 * `prefixes[3].ip_prefix: "10.0.0/8" is not an IPv4 CIDR`.
 */
export function parseIpRanges(json: unknown): ParseResult {
  if (!isRecord(json)) {
    return { ok: false, error: t.notAnObject };
  }
  const errors: string[] = [];
  const syncToken = json['syncToken'];
  if (typeof syncToken !== 'string' && typeof syncToken !== 'number') errors.push(`syncToken: ${t.syncTokenMissing}`);
  const created = parseCreateDate(json['createDate']);
  if (!created) errors.push(`createDate: ${t.badCreateDate(JSON.stringify(json['createDate'] ?? null))}`);
  const entries: IpRangeEntry[] = [];
  const lists: [key: 'prefixes' | 'ipv6_prefixes', field: 'ip_prefix' | 'ipv6_prefix', family: 4 | 6][] = [
    ['prefixes', 'ip_prefix', 4],
    ['ipv6_prefixes', 'ipv6_prefix', 6],
  ];
  for (const [key, field, family] of lists) {
    const list = json[key];
    if (list === undefined && key === 'ipv6_prefixes') continue; // tolerated: an IPv4-only extract
    if (!Array.isArray(list)) {
      errors.push(`${key}: ${t.listMissing}`);
      continue;
    }
    list.forEach((item: unknown, i: number) => {
      const at = `${key}[${i}]`;
      if (!isRecord(item)) return void errors.push(`${at}: ${t.notObject}`);
      const cidr = typeof item[field] === 'string' ? parseCidr(item[field]) : null;
      if (!cidr || cidr.family !== family) return void errors.push(`${at}.${field}: ${t.notCidr(JSON.stringify(item[field] ?? null), family)}`);
      if (typeof item['region'] !== 'string' || !item['region']) return void errors.push(`${at}.region: ${t.missing}`);
      if (typeof item['service'] !== 'string' || !item['service']) return void errors.push(`${at}.service: ${t.missing}`);
      const nbg = item['network_border_group'];
      entries.push({ cidr, region: item['region'], service: item['service'], ...(typeof nbg === 'string' ? { networkBorderGroup: nbg } : {}) });
    });
  }
  if (errors.length) {
    return { ok: false, error: t.notValid(errors.slice(0, MAX_ERRORS_SHOWN).join('; '), Math.max(0, errors.length - MAX_ERRORS_SHOWN)) };
  }
  return { ok: true, value: { syncToken: String(syncToken), createDate: json['createDate'] as string, created: created!, entries } };
}

/** Regions present in the file (sorted; `GLOBAL` excluded). */
export function regionsIn(ranges: IpRanges): string[] {
  const set = new Set<string>();
  for (const e of ranges.entries) if (e.region !== 'GLOBAL') set.add(e.region);
  return [...set].sort();
}
