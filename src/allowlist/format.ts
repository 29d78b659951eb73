/** Output formats of the allowlist: an aligned text table, RFC 4180 CSV, JSON. Option 1 (domains) first. */
import { ruleKey, MEDIA_KINDS, type AllowRule } from './rules.js';
import type { AllowlistDiff } from './diff.js';
import type { DeadlineStatus } from './deadlines.js';
import type { DomainRule } from './domains.js';
import { allowlistNotes, type AllowlistOption } from './notes.js';
import type { IpRanges } from './ranges.js';

export type AllowlistFormat = 'table' | 'csv' | 'json';
export const FORMATS: readonly AllowlistFormat[] = ['table', 'csv', 'json'];

export interface Allowlist {
  region: string;
  option: AllowlistOption;
  /** The instance alias the domain rules name (`myInstanceName` when none was given: `placeholder` true). */
  instance: { alias: string; placeholder: boolean };
  /** The ip-ranges.json the IP rules come from (absent for `domains` without a file). */
  source?: { syncToken: string; createDate: string };
  /** Option 1 rules (empty for `ip-ranges`). */
  domains: DomainRule[];
  /** IP-range rules: all of Option 2, or only the media ones both options need. */
  rules: AllowRule[];
  /** Things to double-check (e.g. no Region-specific AMAZON_CONNECT range). */
  warnings?: string[];
  diff?: AllowlistDiff;
  /** Where today stands against the diff's dates (with `now`). */
  deadline?: DeadlineStatus;
}

const isMedia = (r: AllowRule) => MEDIA_KINDS.includes(r.kind);

function table(head: readonly string[], rows: string[][]): string[] {
  const all = [[...head], ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  return all.map((row) => row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join('  '));
}
const IP_HEAD = ['DIRECTION', 'PROTOCOL', 'PORT', 'PREFIX', 'SERVICE', 'REGION', 'PURPOSE'] as const;
const ipCells = (r: AllowRule) => [r.direction, r.protocol, r.port, r.prefix, r.service, r.region, r.purpose];
const DOMAIN_HEAD = ['DIRECTION', 'PROTOCOL', 'PORT', 'DOMAIN/URL', 'PURPOSE'] as const;
const domainCells = (d: DomainRule) => [d.direction, d.protocol, d.port, d.destination, d.purpose];

function day(iso: string): string {
  return iso.replace(/\.\d{3}Z$/, 'Z');
}

export function formatTable(a: Allowlist): string {
  const out: string[] = [];
  out.push(`# Amazon Connect CCP allowlist: instance ${a.instance.alias}, Region ${a.region}`);
  if (a.source) out.push(`# IP ranges from ip-ranges.json createDate ${a.source.createDate} (syncToken ${a.source.syncToken}).`);
  for (const w of a.warnings ?? []) out.push(`# WARNING: ${w}`);
  const media = a.rules.filter(isMedia);
  const option2 = a.option === 'both' ? a.rules.filter((r) => !isMedia(r)) : a.rules;
  if (a.option !== 'ip-ranges') {
    out.push('', `# Option 1 (recommended): allow these domains on your proxy or firewall (${a.domains.length} rules)`);
    out.push(...table(DOMAIN_HEAD, a.domains.map(domainCells)));
    out.push('', `# Both options: call audio also needs these AMAZON_CONNECT ranges, which only IP ranges express (${media.length} rules)`);
    if (media.length) out.push(...table(IP_HEAD, media.map(ipCells)));
    else out.push('# (pass --ip-ranges ip-ranges.json to list them)');
  }
  if (a.option !== 'domains') {
    out.push(
      '',
      a.option === 'both'
        ? `# Option 2 (not recommended): instead of the domains of Option 1, allow these IP ranges (${option2.length} rules)`
        : `# Option 2: IP ranges (${option2.length} rules)`,
    );
    out.push(...table(IP_HEAD, option2.map(ipCells)));
  }
  if (a.diff) {
    const d = a.diff;
    out.push('', `# Since the previous file (createDate ${d.previous.createDate}): ${d.added.length} rules added, ${d.removed.length} removed.`);
    if (d.added.length) {
      out.push(`# Allow the added ranges by ${day(d.safeDeadline)} (previous createDate + 30 days: the safe date),`);
      out.push(`# and no later than ${day(d.latestDeadline)} (newer createDate + 30 days: the latest date).`);
      if (a.deadline) out.push(`# ${a.deadline.message}`);
      out.push('# Added:');
      out.push(...table(IP_HEAD, d.added.map(ipCells)));
    }
    if (d.removed.length) {
      out.push('# Removed (no longer listed for this Region):');
      out.push(...table(IP_HEAD, d.removed.map(ipCells)));
    }
  }
  out.push('', '# Notes:');
  for (const n of allowlistNotes(a.region, a.option, a.instance.alias)) out.push(`# - ${n}`);
  return out.join('\n') + '\n';
}

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatCsv(a: Allowlist): string {
  const head = ['option', 'direction', 'protocol', 'port', 'destination', 'ip_version', 'service', 'region', 'purpose', 'stateless_only', 'source'];
  const withDiff = !!a.diff;
  if (withDiff) head.push('change', 'allow_by_safe', 'allow_by_latest');
  const added = new Set(a.diff?.added.map(ruleKey));
  const lines = [head.join(',')];
  const push = (cells: string[], change: '' | 'added' | 'removed') => {
    if (withDiff) cells.push(change, change === 'added' ? day(a.diff!.safeDeadline) : '', change === 'added' ? day(a.diff!.latestDeadline) : '');
    lines.push(cells.map(csvCell).join(','));
  };
  const ipRow = (r: AllowRule, change: '' | 'added' | 'removed') => {
    const option = a.option !== 'ip-ranges' && isMedia(r) ? 'both' : 'ip-ranges';
    push([option, r.direction, r.protocol, r.port, r.prefix, `IPv${r.ipVersion}`, r.service, r.region, r.purpose, r.statelessOnly ? 'yes' : 'no', r.source], change);
  };
  for (const d of a.domains) push(['domains', d.direction, d.protocol, d.port, d.destination, '', 'domain', a.region, d.purpose, 'no', d.source], '');
  const ordered = a.option === 'both' ? [...a.rules.filter(isMedia), ...a.rules.filter((r) => !isMedia(r))] : a.rules;
  for (const r of ordered) ipRow(r, added.has(ruleKey(r)) ? 'added' : '');
  for (const r of a.diff?.removed ?? []) ipRow(r, 'removed');
  return lines.join('\r\n') + '\r\n';
}

export function formatJson(a: Allowlist): string {
  const body = {
    region: a.region,
    instance: a.instance,
    option: a.option,
    ...(a.source ? { source: a.source } : {}),
    domains: a.domains,
    rules: a.rules,
    warnings: a.warnings ?? [],
    notes: allowlistNotes(a.region, a.option, a.instance.alias),
    ...(a.diff ? { diff: a.diff } : {}),
    ...(a.deadline ? { deadline: a.deadline } : {}),
  };
  return JSON.stringify(body, null, 2) + '\n';
}

export function formatAllowlist(a: Allowlist, format: AllowlistFormat): string {
  return format === 'csv' ? formatCsv(a) : format === 'json' ? formatJson(a) : formatTable(a);
}

/** Source facts of a parsed file, for Allowlist.source. */
export function sourceOf(r: IpRanges): NonNullable<Allowlist['source']> {
  return { syncToken: r.syncToken, createDate: r.createDate };
}
