/**
 * What changed since a previous ip-ranges.json, and by when the new ranges must be allowed.
 *
 * Seed 000, Allow IP address ranges / Port and protocol considerations, and seed 003, Network Ports and
 * Protocols: new ranges are kept in ip-ranges.json for at least 30 days before the service uses them. A range
 * new in the newer file appeared after the previous file's `createDate` and no later than the newer one's,
 * so it may be in use from previous createDate + 30 days (the safe deadline) and will be at the latest from
 * newer createDate + 30 days.
 */
import { ruleKey, type AllowRule } from './rules.js';
import type { IpRanges } from './ranges.js';
import { allowlistTexts } from '../i18n/allowlist-texts.js';

/** Seed 000/003: "kept for a minimum of 30 days before they are used by the service". */
export const NEW_RANGE_GRACE_DAYS = 30;
const DAY_MS = 86_400_000;

export interface AllowlistDiff {
  previous: { syncToken: string; createDate: string };
  current: { syncToken: string; createDate: string };
  added: AllowRule[];
  removed: AllowRule[];
  /** previous createDate + 30 days (ISO 8601): allow the added ranges by then to be safe. */
  safeDeadline: string;
  /** newer createDate + 30 days (ISO 8601): the service uses them by then at the latest. */
  latestDeadline: string;
}

export class DiffOrderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DiffOrderError';
  }
}

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

/** Compares the rules built from two files (same Region, same options). */
export function diffRules(previous: IpRanges, prevRules: readonly AllowRule[], current: IpRanges, curRules: readonly AllowRule[]): AllowlistDiff {
  if (previous.created.getTime() > current.created.getTime()) {
    throw new DiffOrderError(allowlistTexts.previousNewer(previous.createDate, current.createDate));
  }
  const before = new Set(prevRules.map(ruleKey));
  const after = new Set(curRules.map(ruleKey));
  return {
    previous: { syncToken: previous.syncToken, createDate: previous.createDate },
    current: { syncToken: current.syncToken, createDate: current.createDate },
    added: curRules.filter((r) => !before.has(ruleKey(r))),
    removed: prevRules.filter((r) => !after.has(ruleKey(r))),
    safeDeadline: addDays(previous.created, NEW_RANGE_GRACE_DAYS).toISOString(),
    latestDeadline: addDays(current.created, NEW_RANGE_GRACE_DAYS).toISOString(),
  };
}
