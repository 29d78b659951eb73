/**
 * Deadlines that speak of today. The networking guide ("About Amazon Connect IP address ranges"; "Port and
 * protocol considerations"): new ranges are kept in ip-ranges.json at least 30 days before the service uses
 * them, and traffic through them then grows over the next two weeks. `now` is injected (tests pass a fixed
 * day; the CLI passes the real clock).
 */
import type { AllowlistDiff } from './diff.js';

const DAY_MS = 86_400_000;
/** "Near": fewer days left than this before the latest date. The guide's ramp-up after the 30 days is two weeks; a week's notice leaves time for a change window. */
export const DEADLINE_NEAR_DAYS = 7;

export type DeadlineState = 'none' | 'ahead' | 'near' | 'safe-passed' | 'latest-passed';

export interface DeadlineStatus {
  state: DeadlineState;
  /** Whole days from `now` to the safe date: positive ahead, negative passed. */
  safeDays: number;
  /** Whole days from `now` to the latest date: positive ahead, negative passed. */
  latestDays: number;
  /** One sentence an admin acts on. */
  message: string;
}

/** Whole days from `now` to `date` (rounded toward zero, so "0" means less than a day). */
export function daysUntil(date: Date, now: Date): number {
  return Math.trunc((date.getTime() - now.getTime()) / DAY_MS);
}

const plural = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
const day = (iso: string) => iso.slice(0, 10);
const ago = (n: number) => (n === 0 ? 'less than a day ago' : `${plural(n)} ago`);
const left = (n: number) => (n === 0 ? 'less than a day left' : `${plural(n)} left`);

/** Where today stands against the diff's two dates. */
export function deadlineStatus(diff: AllowlistDiff, now: Date): DeadlineStatus {
  const safe = new Date(diff.safeDeadline);
  const latest = new Date(diff.latestDeadline);
  const safeDays = daysUntil(safe, now);
  const latestDays = daysUntil(latest, now);
  const n = diff.added.length;
  const rules = `${n} added rule${n === 1 ? '' : 's'}`;
  if (n === 0) return { state: 'none', safeDays, latestDays, message: 'No range was added since the previous file: nothing to allow.' };
  if (now.getTime() >= latest.getTime()) {
    return {
      state: 'latest-passed',
      safeDays,
      latestDays,
      message: `OVERDUE: the latest date ${day(diff.latestDeadline)} passed ${ago(-latestDays)}: Amazon Connect uses these ranges now, and calls through them fail until you allow the ${rules}. Allow them today.`,
    };
  }
  if (now.getTime() >= safe.getTime()) {
    return {
      state: 'safe-passed',
      safeDays,
      latestDays,
      message: `OVERDUE: the safe date ${day(diff.safeDeadline)} passed ${ago(-safeDays)}: Amazon Connect may already use these ranges. Allow the ${rules} now; the latest date is ${day(diff.latestDeadline)} (${latestDays < DEADLINE_NEAR_DAYS ? `only ${left(latestDays)}` : left(latestDays)}).`,
    };
  }
  const near = safeDays < DEADLINE_NEAR_DAYS;
  return {
    state: near ? 'near' : 'ahead',
    safeDays,
    latestDays,
    message: `${near ? 'SOON: allow' : 'Allow'} the ${rules} by the safe date ${day(diff.safeDeadline)} (${left(safeDays)}); the latest date is ${day(diff.latestDeadline)} (${left(latestDays)}).`,
  };
}

/** `--check` exit codes (the CLI's 0 pass / 1 warn / 2 fail convention). */
export const CHECK_OK = 0;
export const CHECK_NEAR = 1;
export const CHECK_OVERDUE = 2;

/** The exit code of `allowlist --check`: 2 when added ranges are not allowed and the safe date passed, 1 within DEADLINE_NEAR_DAYS of it. */
export function checkExitCode(status: DeadlineStatus): number {
  if (status.state === 'latest-passed' || status.state === 'safe-passed') return CHECK_OVERDUE;
  if (status.state === 'near') return CHECK_NEAR;
  return CHECK_OK;
}
