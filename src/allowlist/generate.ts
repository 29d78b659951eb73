/** generateAllowlist: both options of the networking guide for an instance and Region, a diff with a previous file. */
import { deadlineStatus } from './deadlines.js';
import { diffRules } from './diff.js';
import { aliasFromCcpUrl, buildDomainRules, parseAlias, PLACEHOLDER_ALIAS } from './domains.js';
import { formatAllowlist, sourceOf, type Allowlist, type AllowlistFormat } from './format.js';
import type { AllowlistOption } from './notes.js';
import { parseIpRanges, type IpRanges } from './ranges.js';
import { buildRules, MEDIA_KINDS, regionNotices, type BuildOptions } from './rules.js';
import { allowlistTexts as t, type AllowlistNotice } from '../i18n/allowlist-texts.js';
import { inSourceLocale } from '../i18n/runtime.js';

export class AllowlistInputError extends Error {
  /** Which input the message is about, when generateAllowlist threw it (the CLI names the option and file). */
  constructor(
    message: string,
    readonly input?: 'ip-ranges' | 'previous',
  ) {
    super(message);
    this.name = 'AllowlistInputError';
  }
}

function parsed(json: unknown, what: 'ip-ranges' | 'previous'): IpRanges {
  const r = parseIpRanges(json);
  if (!r.ok) throw new AllowlistInputError(`${what}: ${r.error}`, what);
  return r.value;
}

export interface GenerateOptions extends Omit<BuildOptions, 'kinds'> {
  /** `domains` (Option 1 + the media ranges), `ip-ranges` (Option 2), `both` (default). */
  option?: AllowlistOption;
  /** The instance alias (`acme` of acme.my.connect.aws). */
  instance?: string;
  /** Or its CCP URL (either address form); the alias is taken from it. */
  ccpUrl?: string;
  /** An older ip-ranges.json: what was added since, and by when to allow it. */
  previous?: unknown;
  /** "Today" for the deadlines (inject it; the CLI passes the real clock). */
  now?: Date;
}

/**
 * Builds the allowlist for `region`. `ipRanges` (a parsed ip-ranges.json) may be undefined only for the
 * `domains` option. Throws AllowlistInputError / InstanceInputError / UnknownRegionError / DiffOrderError
 * with clear messages.
 */
export function generateAllowlist(ipRanges: unknown, region: string, options: GenerateOptions = {}): Allowlist {
  const option = options.option ?? 'both';
  const alias = options.instance !== undefined ? parseAlias(options.instance) : options.ccpUrl !== undefined ? aliasFromCcpUrl(options.ccpUrl) : undefined;
  const out: Allowlist = {
    region,
    option,
    instance: { alias: alias ?? PLACEHOLDER_ALIAS, placeholder: alias === undefined },
    domains: option === 'ip-ranges' ? [] : buildDomainRules(region, alias),
    rules: [],
  };
  const notices: AllowlistNotice[] = [];
  if (option !== 'ip-ranges' && alias === undefined) notices.push({ code: 'no-instance', placeholder: PLACEHOLDER_ALIAS });
  if (ipRanges === undefined) {
    if (option !== 'domains') throw new AllowlistInputError(`ip-ranges: ${t.needsIpRanges}`, 'ip-ranges');
    if (options.previous !== undefined) throw new AllowlistInputError(`previous: ${t.previousNeedsCurrent}`, 'previous');
  } else {
    const build = { ...(options.stateless !== undefined ? { stateless: options.stateless } : {}), ...(option === 'domains' ? { kinds: MEDIA_KINDS } : {}) };
    const current = parsed(ipRanges, 'ip-ranges');
    out.rules = buildRules(current, region, build);
    out.source = sourceOf(current);
    notices.push(...regionNotices(current, region));
    if (options.previous !== undefined) {
      const prev = parsed(options.previous, 'previous');
      let prevRules: ReturnType<typeof buildRules>;
      try {
        prevRules = buildRules(prev, region, build);
      } catch {
        prevRules = []; // the Region is new in the newer file: everything is added
      }
      out.diff = diffRules(prev, prevRules, current, out.rules);
      if (options.now) out.deadline = deadlineStatus(out.diff, options.now);
    }
  }
  if (notices.length) {
    out.notices = notices;
    out.warnings = notices.map((n) => inSourceLocale(() => t.notice(n)));
  }
  return out;
}

/** generateAllowlist + formatAllowlist. */
export function renderAllowlist(ipRanges: unknown, region: string, format: AllowlistFormat = 'table', options: GenerateOptions = {}): string {
  return formatAllowlist(generateAllowlist(ipRanges, region, options), format);
}
