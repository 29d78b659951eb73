/** generateAllowlist: parse, build the Region's rules, diff with a previous file. */
import { diffRules } from './diff.js';
import { formatAllowlist, sourceOf, type Allowlist, type AllowlistFormat } from './format.js';
import { parseIpRanges, type IpRanges } from './ranges.js';
import { buildRules, regionWarnings, type BuildOptions } from './rules.js';

export class AllowlistInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AllowlistInputError';
  }
}

function parsed(json: unknown, what: string): IpRanges {
  const r = parseIpRanges(json);
  if (!r.ok) throw new AllowlistInputError(`${what}: ${r.error}`);
  return r.value;
}

/**
 * Builds the allowlist for `region` from a parsed ip-ranges.json (and, optionally, the previous one for the
 * diff and deadlines). Throws AllowlistInputError / UnknownRegionError / DiffOrderError with clear messages.
 */
export function generateAllowlist(ipRanges: unknown, region: string, options: BuildOptions & { previous?: unknown } = {}): Allowlist {
  const current = parsed(ipRanges, 'ip-ranges');
  const rules = buildRules(current, region, options);
  const out: Allowlist = { region, source: sourceOf(current), rules };
  const warnings = regionWarnings(current, region);
  if (warnings.length) out.warnings = warnings;
  if (options.previous !== undefined) {
    const prev = parsed(options.previous, 'previous');
    let prevRules: ReturnType<typeof buildRules>;
    try {
      prevRules = buildRules(prev, region, options);
    } catch {
      prevRules = []; // the Region is new in the newer file: everything is added
    }
    out.diff = diffRules(prev, prevRules, current, rules);
  }
  return out;
}

/** generateAllowlist + formatAllowlist. */
export function renderAllowlist(ipRanges: unknown, region: string, format: AllowlistFormat = 'table', options: BuildOptions & { previous?: unknown } = {}): string {
  return formatAllowlist(generateAllowlist(ipRanges, region, options), format);
}
