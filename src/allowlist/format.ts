/** Output formats of the allowlist: an aligned text table, RFC 4180 CSV, JSON. */
import { hostAlternatives, type AllowRule } from './rules.js';
import type { AllowlistDiff } from './diff.js';
import type { IpRanges } from './ranges.js';

export type AllowlistFormat = 'table' | 'csv' | 'json';
export const FORMATS: readonly AllowlistFormat[] = ['table', 'csv', 'json'];

export interface Allowlist {
  region: string;
  source: { syncToken: string; createDate: string };
  rules: AllowRule[];
  /** Things to double-check (e.g. no Region-specific AMAZON_CONNECT range). */
  warnings?: string[];
  diff?: AllowlistDiff;
}

/** Advice printed with every allowlist (each names its seed section). */
export function allowlistNotes(region: string): string[] {
  return [
    'New ranges are used by the service 30 days after they appear in ip-ranges.json: re-run this against a fresh ip-ranges.json at least every 30 days (seed 003, Network Ports and Protocols; seed 000, Port and protocol considerations).',
    'UDP 49152-65535 inbound from AMAZON_CONNECT is needed only behind a stateless firewall (seed 000, Stateless firewalls).',
    `Instead of the EC2 ranges you may allow rtc.connect-telecom.${region}.amazonaws.com:443, and instead of the CLOUDFRONT ranges https://myInstanceName.awsapps.com:443; some proxies break WebSockets there, so test before production (seed 003, Network Ports and Protocols).`,
    'A proxy or firewall between the CCP and Amazon Connect needs an SSL certificate cache timeout of at least a whole agent shift, breaks included (seed 000 / seed 003, Port and protocol considerations).',
  ];
}

const COLUMNS = ['DIRECTION', 'PROTOCOL', 'PORT', 'PREFIX', 'SERVICE', 'REGION', 'PURPOSE'] as const;

function cells(r: AllowRule): string[] {
  return [r.direction, r.protocol, r.port, r.prefix, r.service, r.region, r.purpose];
}

function table(rows: string[][]): string[] {
  const all = [[...COLUMNS], ...rows];
  const widths = COLUMNS.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  return all.map((row) => row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join('  '));
}

function day(iso: string): string {
  return iso.replace(/\.\d{3}Z$/, 'Z');
}

export function formatTable(a: Allowlist): string {
  const out: string[] = [];
  out.push(`# Amazon Connect CCP allowlist for ${a.region}: ${a.rules.length} rules`);
  out.push(`# From ip-ranges.json createDate ${a.source.createDate} (syncToken ${a.source.syncToken}).`);
  for (const w of a.warnings ?? []) out.push(`# WARNING: ${w}`);
  out.push(...table(a.rules.map(cells)));
  if (a.diff) {
    const d = a.diff;
    out.push('');
    out.push(`# Since the previous file (createDate ${d.previous.createDate}): ${d.added.length} rules added, ${d.removed.length} removed.`);
    if (d.added.length) {
      out.push(`# Allow the added ranges by ${day(d.safeDeadline)} (previous createDate + 30 days: the safe deadline),`);
      out.push(`# and no later than ${day(d.latestDeadline)} (newer createDate + 30 days) (seed 000, Allow IP address ranges).`);
      out.push('# Added:');
      out.push(...table(d.added.map(cells)));
    }
    if (d.removed.length) {
      out.push('# Removed (no longer listed for this Region):');
      out.push(...table(d.removed.map(cells)));
    }
  }
  out.push('');
  out.push('# Notes:');
  for (const n of allowlistNotes(a.region)) out.push(`# - ${n}`);
  return out.join('\n') + '\n';
}

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatCsv(a: Allowlist): string {
  const head = ['direction', 'protocol', 'port', 'prefix', 'ip_version', 'service', 'region', 'purpose', 'stateless_only', 'source'];
  const withDiff = !!a.diff;
  if (withDiff) head.push('change', 'allow_by_safe', 'allow_by_latest');
  const added = new Set(a.diff?.added.map((r) => `${r.kind} ${r.prefix}`));
  const row = (r: AllowRule, change: '' | 'added' | 'removed') => {
    const c = [r.direction, r.protocol, r.port, r.prefix, `IPv${r.ipVersion}`, r.service, r.region, r.purpose, r.statelessOnly ? 'yes' : 'no', r.source];
    if (withDiff) c.push(change, change === 'added' ? day(a.diff!.safeDeadline) : '', change === 'added' ? day(a.diff!.latestDeadline) : '');
    return c.map(csvCell).join(',');
  };
  const lines = [head.join(',')];
  for (const r of a.rules) lines.push(row(r, added.has(`${r.kind} ${r.prefix}`) ? 'added' : ''));
  for (const r of a.diff?.removed ?? []) lines.push(row(r, 'removed'));
  return lines.join('\r\n') + '\r\n';
}

export function formatJson(a: Allowlist): string {
  const body = {
    region: a.region,
    source: a.source,
    rules: a.rules,
    warnings: a.warnings ?? [],
    alternatives: hostAlternatives(a.region),
    notes: allowlistNotes(a.region),
    ...(a.diff ? { diff: a.diff } : {}),
  };
  return JSON.stringify(body, null, 2) + '\n';
}

export function formatAllowlist(a: Allowlist, format: AllowlistFormat): string {
  return format === 'csv' ? formatCsv(a) : format === 'json' ? formatJson(a) : formatTable(a);
}

/** Source facts of a parsed file, for Allowlist.source. */
export function sourceOf(r: IpRanges): Allowlist['source'] {
  return { syncToken: r.syncToken, createDate: r.createDate };
}
