/** The advice printed with every allowlist, in words an admin acts on, each citing its public page. */
import { PLACEHOLDER_ALIAS, TURN_NLB_ENDPOINTS } from './domains.js';
import { NEW_RANGE_GRACE_DAYS } from './diff.js';
import { IP_RANGES_URL, NETWORKING_PAGE, NETWORKING_PAGE_URL } from './sources.js';
import { allowlistTexts } from '../i18n/allowlist-texts.js';

export type AllowlistOption = 'domains' | 'ip-ranges' | 'both';
export const OPTIONS: readonly AllowlistOption[] = ['domains', 'ip-ranges', 'both'];

/** The guide: test Option 1 with more than 200 calls; an error rate above 2 % points at the proxy's name resolution. */
export const OPTION1_TEST_CALLS = 200;
export const OPTION1_MAX_ERROR_PCT = 2;

/** The notes in the active language (the JSON output takes them in English, through inSourceLocale). */
export function allowlistNotes(region: string, option: AllowlistOption, alias: string = PLACEHOLDER_ALIAS): string[] {
  return allowlistTexts.notes({
    region,
    alias,
    domains: option !== 'ip-ranges',
    ranges: option !== 'domains',
    nlb: TURN_NLB_ENDPOINTS[region]?.[0] ?? `TurnNlb-<id>.elb.${region}.amazonaws.com`,
    testCalls: OPTION1_TEST_CALLS,
    repeatCalls: OPTION1_TEST_CALLS + 50,
    maxErrorPct: OPTION1_MAX_ERROR_PCT,
    graceDays: NEW_RANGE_GRACE_DAYS,
    ipRangesUrl: IP_RANGES_URL,
    networkingPage: NETWORKING_PAGE,
    networkingPageUrl: NETWORKING_PAGE_URL,
  });
}
