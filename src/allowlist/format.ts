/** Output formats of the allowlist: an aligned text table, RFC 4180 CSV, JSON. Option 1 (domains) first. */
import { ruleKey, MEDIA_KINDS, type AllowRule } from './rules.js';
import type { AllowlistDiff } from './diff.js';
import type { DomainRule } from './domains.js';
import { allowlistNotes, type AllowlistOption } from './notes.js';
import type { IpRanges } from './ranges.js';
import { deadlineText, type DeadlineStatus } from './deadlines.js';
import { allowlistTexts as t, type AllowlistNotice } from '../i18n/allowlist-texts.js';
import { inSourceLocale } from '../i18n/runtime.js';

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
  /** Things to double-check (e.g. no Region-specific AMAZON_CONNECT range), in English. */
  warnings?: string[];
  /** The same warnings by code, for the table in the reader's language (not in the JSON). */
  notices?: AllowlistNotice[];
  diff?: AllowlistDiff;
  /** Where today stands against the diff's dates (with `now`). */
  deadline?: DeadlineStatus;
}

const isMedia = (r: AllowRule) => MEDIA_KINDS.includes(r.kind);

/** Aligned columns, by terminal width (a Japanese character takes two columns). */
function table(head: readonly string[], rows: string[][]): string[] {
  const all = [[...head], ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((row) => t.columns(row[i]!))));
  return all.map((row) => row.map((c, i) => (i === row.length - 1 ? c : c + ' '.repeat(widths[i]! - t.columns(c)))).join('  '));
}
// The table's words in the reader's language; identifiers (protocols, ports, prefixes, services, Regions) as they are.
const ipCells = (r: AllowRule) => [t.direction(r.direction), r.protocol, r.port, r.prefix, r.service, r.region, t.rulePurpose(r.kind)];
const domainCells = (d: DomainRule) => [t.direction(d.direction), d.protocol, d.port, d.destination, t.domainPurpose(d.id)];

function day(iso: string): string {
  return iso.replace(/\.\d{3}Z$/, 'Z');
}

export function formatTable(a: Allowlist): string {
  const out: string[] = [];
  out.push(`# ${t.title(a.instance.alias, a.region)}`);
  if (a.source) out.push(`# ${t.source(a.source.createDate, a.source.syncToken)}`);
  for (const w of warningTexts(a)) out.push(`# ${t.warning(w)}`);
  const media = a.rules.filter(isMedia);
  const option2 = a.option === 'both' ? a.rules.filter((r) => !isMedia(r)) : a.rules;
  if (a.option !== 'ip-ranges') {
    out.push('', `# ${t.option1Heading(a.domains.length)}`);
    out.push(...table(t.domainHead, a.domains.map(domainCells)));
    out.push('', `# ${t.mediaHeading(media.length)}`);
    if (media.length) out.push(...table(t.ipHead, media.map(ipCells)));
    else out.push(`# ${t.mediaMissing}`);
  }
  if (a.option !== 'domains') {
    out.push(
      '',
      `# ${a.option === 'both' ? t.option2InsteadHeading(option2.length) : t.option2Heading(option2.length)}`,
    );
    out.push(...table(t.ipHead, option2.map(ipCells)));
  }
  if (a.diff) {
    const d = a.diff;
    out.push('', `# ${t.diffHeading(d.previous.createDate, d.added.length, d.removed.length)}`);
    if (d.added.length) {
      out.push(`# ${t.allowBySafe(day(d.safeDeadline))}`);
      out.push(`# ${t.allowByLatest(day(d.latestDeadline))}`);
      if (a.deadline) out.push(`# ${deadlineText(a.deadline, d)}`);
      out.push(`# ${t.addedHeading}`);
      out.push(...table(t.ipHead, d.added.map(ipCells)));
    }
    if (d.removed.length) {
      out.push(`# ${t.removedHeading}`);
      out.push(...table(t.ipHead, d.removed.map(ipCells)));
    }
  }
  out.push('', `# ${t.notesHeading}`);
  for (const n of allowlistNotes(a.region, a.option, a.instance.alias)) out.push(`# - ${n}`);
  return out.join('\n') + '\n';
}

/** The warnings in the reader's language (by code), or as given when the list has no codes. */
export function warningTexts(a: Allowlist): string[] {
  return a.notices ? a.notices.map((n) => t.notice(n)) : (a.warnings ?? []);
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
    notes: inSourceLocale(() => allowlistNotes(a.region, a.option, a.instance.alias)),
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
