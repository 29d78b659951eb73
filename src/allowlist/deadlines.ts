/**
 * Deadlines that speak of today. The networking guide ("About Amazon Connect IP address ranges"; "Port and
 * protocol considerations"): new ranges are kept in ip-ranges.json at least 30 days before the service uses
 * them, and traffic through them then grows over the next two weeks. `now` is injected (tests pass a fixed
 * day; the CLI passes the real clock).
 */
import type { AllowlistDiff } from './diff.js';
import { allowlistTexts } from '../i18n/allowlist-texts.js';
import { inSourceLocale } from '../i18n/runtime.js';

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
  /** One sentence an admin acts on, in English (deadlineText says it in the reader's language). */
  message: string;
}

/** Whole days from `now` to `date` (rounded toward zero, so "0" means less than a day). */
export function daysUntil(date: Date, now: Date): number {
  return Math.trunc((date.getTime() - now.getTime()) / DAY_MS);
}

const day = (iso: string) => iso.slice(0, 10);

/** The deadline sentence in the active language (`message` holds it in English, for the JSON output). */
export function deadlineText(status: Pick<DeadlineStatus, 'state' | 'safeDays' | 'latestDays'>, diff: AllowlistDiff): string {
  return allowlistTexts.deadline({
    state: status.state,
    added: diff.added.length,
    safe: day(diff.safeDeadline),
    latest: day(diff.latestDeadline),
    safeDays: status.safeDays,
    latestDays: status.latestDays,
    nearDays: DEADLINE_NEAR_DAYS,
  });
}

/** Where today stands against the diff's two dates. */
export function deadlineStatus(diff: AllowlistDiff, now: Date): DeadlineStatus {
  const safeDays = daysUntil(new Date(diff.safeDeadline), now);
  const latestDays = daysUntil(new Date(diff.latestDeadline), now);
  const state: DeadlineState =
    diff.added.length === 0
      ? 'none'
      : now.getTime() >= new Date(diff.latestDeadline).getTime()
        ? 'latest-passed'
        : now.getTime() >= new Date(diff.safeDeadline).getTime()
          ? 'safe-passed'
          : safeDays < DEADLINE_NEAR_DAYS
            ? 'near'
            : 'ahead';
  return { state, safeDays, latestDays, message: inSourceLocale(() => deadlineText({ state, safeDays, latestDays }, diff)) };
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
