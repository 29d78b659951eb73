/**
 * The browser version table shipped with ccp-preflight, and how "latest" is estimated from it.
 *
 * Seed 003, Agent Workstation Requirements: "The latest three versions of Google Chrome or Mozilla Firefox".
 * A table frozen into a package rots, so the check does not trust it as it is: from each entry's release date
 * it extrapolates to today (`ctx.deps.date()`) with the browser's release cadence,
 * `latest ≈ major + floor(days since release / cadence days)`, and widens its tolerance the longer it has to
 * extrapolate. A host page can pass a fresher table (`browserVersions: { chrome, firefox, date }`).
 *
 * How the shipped figures were obtained (written 2026-11-23; re-check them when you cut a release):
 * - Chrome: Google moved Chrome's stable channel from a four-week to a TWO-week cycle starting with
 *   Chrome 153 on 2026-09-08 (Chrome release team announcement, March 2026, reported e.g. by
 *   https://www.superchargebrowser.com/library/chrome-two-week-release-cycle-2026-explained/). On that
 *   schedule 154 = 09-22, 155 = 10-06, 156 = 10-20, 157 = 11-03, 158 = 11-17. So the latest stable Chrome on
 *   2026-11-23 is estimated at 158 (scheduled date, not observed: this machine has no network access to
 *   chromiumdash). Debian's Chromium on the build machine is 156.0.8078.79 (distributions lag a few weeks).
 * - Firefox: four-week cycle. Mozilla's release calendar (whattrainisitnow.com) lists Firefox 155 on
 *   2026-09-15 and 159 on 2027-01-19 (a six-week holiday cycle before it), hence 156 = 10-13, 157 = 11-10,
 *   158 = 12-08. Latest Firefox on 2026-11-23: 157.
 * Extended Stable (Chrome, eight weeks) and Firefox ESR lag further behind and are not "the latest three".
 */

export type VersionedFamily = 'chrome' | 'firefox';

export interface VersionEntry {
  /** Latest stable major at `released`. */
  major: number;
  /** ISO date (YYYY-MM-DD) that major reached the stable channel. */
  released: string;
  /** Days between stable majors, used to extrapolate past `released`. */
  cadenceDays: number;
}

export interface VersionTable {
  /** When the table was written (ISO date). */
  date: string;
  chrome: VersionEntry;
  firefox: VersionEntry;
}

/** Chrome's stable cadence since M153 (2026-09-08): two weeks. */
export const CHROME_CADENCE_DAYS = 14;
/** Firefox's stable cadence: four weeks. */
export const FIREFOX_CADENCE_DAYS = 28;

/** The shipped table (see the file comment for where every figure comes from). */
export const SHIPPED_BROWSER_VERSIONS: Readonly<VersionTable> = Object.freeze({
  date: '2026-11-23',
  chrome: Object.freeze({ major: 158, released: '2026-11-17', cadenceDays: CHROME_CADENCE_DAYS }),
  firefox: Object.freeze({ major: 157, released: '2026-11-10', cadenceDays: FIREFOX_CADENCE_DAYS }),
});

/**
 * Majors a browser may lag behind "the latest three" and get a warning instead of a failure: Chrome's staged
 * rollout takes about a week, release dates slip around holidays (each slip makes the extrapolation one major
 * too high), and an estimate is an estimate. Beyond it, the browser is clearly out of date.
 */
export const OUTDATED_GRACE_MAJORS = 2;
/** Every this many days of extrapolation adds one major of tolerance (schedules slip about once a half-year). */
export const GRACE_WIDENING_DAYS = 180;

const DAY_MS = 86_400_000;

function parseIsoDate(s: string | undefined): number | null {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isFinite(t) ? t : null;
}

/** The override a host page may pass (RunOptions.browserVersions). */
export interface VersionOverride {
  chrome?: number;
  firefox?: number;
  /** Date of the override's figures; without it they are taken as current (no extrapolation). */
  date?: string;
}

export interface LatestEstimate {
  /** Estimated latest stable major today. */
  latest: number;
  /** Majors added by extrapolation (0 when the figure is from today or from an undated override). */
  extrapolatedBy: number;
  /** Days between the figure's date and now (0 when undated). */
  ageDays: number;
  source: 'shipped' | 'override';
  /** ISO date of the figure the estimate starts from, when known. */
  basedOn?: string;
}

/** latest ≈ major + floor(days since `released` / cadence); never extrapolates backwards. */
export function extrapolateMajor(entry: VersionEntry, now: Date): { latest: number; extrapolatedBy: number; ageDays: number } {
  const t = parseIsoDate(entry.released);
  if (t === null || !(entry.cadenceDays > 0)) return { latest: entry.major, extrapolatedBy: 0, ageDays: 0 };
  const ageDays = Math.max(0, Math.floor((now.getTime() - t) / DAY_MS));
  const extrapolatedBy = Math.floor(ageDays / entry.cadenceDays);
  return { latest: entry.major + extrapolatedBy, extrapolatedBy, ageDays };
}

/** The estimated latest major of a family today, from the override when it names the family, else the table. */
export function estimateLatest(
  family: VersionedFamily,
  now: Date,
  override?: VersionOverride,
  table: VersionTable = SHIPPED_BROWSER_VERSIONS,
): LatestEstimate {
  const cadenceDays = table[family].cadenceDays;
  const overMajor = override?.[family];
  if (typeof overMajor === 'number' && Number.isFinite(overMajor) && overMajor > 0) {
    const dated = parseIsoDate(override?.date) !== null;
    if (!dated) return { latest: Math.floor(overMajor), extrapolatedBy: 0, ageDays: 0, source: 'override' };
    const e = extrapolateMajor({ major: Math.floor(overMajor), released: override!.date!, cadenceDays }, now);
    return { ...e, source: 'override', basedOn: override!.date! };
  }
  const e = extrapolateMajor(table[family], now);
  return { ...e, source: 'shipped', basedOn: table[family].released };
}

/** Tolerance in majors below the oldest supported one before "outdated" becomes "too old". */
export function graceMajors(ageDays: number): number {
  return OUTDATED_GRACE_MAJORS + Math.floor(Math.max(0, ageDays) / GRACE_WIDENING_DAYS);
}

export type VersionStanding = 'current' | 'outdated' | 'too-old' | 'unknown';

export interface VersionVerdict {
  standing: VersionStanding;
  latest: number;
  minSupported: number;
  grace: number;
  estimate: LatestEstimate;
}

/**
 * Where `major` stands against "the latest `supported` versions". A browser newer than the estimate raises
 * the estimate (the table is behind, not the browser).
 */
export function judgeVersion(
  family: VersionedFamily,
  major: number | null,
  now: Date,
  supported: number,
  override?: VersionOverride,
  table: VersionTable = SHIPPED_BROWSER_VERSIONS,
): VersionVerdict {
  const estimate = estimateLatest(family, now, override, table);
  const latest = major !== null && major > estimate.latest ? major : estimate.latest;
  const minSupported = latest - Math.max(1, Math.floor(supported)) + 1;
  const grace = graceMajors(estimate.ageDays);
  let standing: VersionStanding;
  if (major === null) standing = 'unknown';
  else if (major >= minSupported) standing = 'current';
  else if (major >= minSupported - grace) standing = 'outdated';
  else standing = 'too-old';
  return { standing, latest, minSupported, grace, estimate };
}

// ---------------------------------------------------------------------------------------------------------
// Firefox ESR (Extended Support Release)
// ---------------------------------------------------------------------------------------------------------

/**
 * Firefox ESR majors and the dates they shipped. Mozilla's "Firefox Extended Support Release" pages
 * (https://www.mozilla.org/firefox/enterprise/, https://whattrainisitnow.com/release/?version=esr): a new ESR
 * major about once a year, each kept on security and stability updates (no new features) until about three
 * months after the next ESR major ships, so that organisations can move. 153 is dated from the four-week
 * schedule the release table above uses (155 on 2026-09-15, so 153 on 2026-07-21); Debian's firefox-esr on the
 * build machine is 153.8.0esr.
 */
export const FIREFOX_ESR_MAJORS: readonly { major: number; released: string }[] = Object.freeze([
  { major: 115, released: '2023-07-04' },
  { major: 128, released: '2024-07-09' },
  { major: 140, released: '2025-06-24' },
  { major: 153, released: '2026-07-21' },
]);
/** How long an ESR major keeps getting updates after the next one ships: about three release cycles. */
export const ESR_OVERLAP_DAYS = 84;
/** When the table has no next ESR yet, the next one is expected this long after the last (about a year). */
export const ESR_CYCLE_DAYS = 364;

export interface EsrStanding {
  /** The major is an ESR major (the user agent does not say "ESR"; a Firefox on an ESR major almost always is). */
  esr: boolean;
  /** Still getting updates today (by the table, or by the expected date of the next ESR). */
  supported: boolean;
  /** The next ESR major, when known. */
  nextMajor: number | null;
  /** About when this ESR stops getting updates (ISO date). */
  endsAround: string | null;
}

/** Whether `major` is a Firefox ESR major and whether that ESR still gets updates on `now`. */
export function esrStanding(major: number | null, now: Date): EsrStanding {
  const i = FIREFOX_ESR_MAJORS.findIndex((e) => e.major === major);
  if (major === null || i < 0) return { esr: false, supported: false, nextMajor: null, endsAround: null };
  const next = FIREFOX_ESR_MAJORS[i + 1];
  const nextAt = next ? parseIsoDate(next.released)! : parseIsoDate(FIREFOX_ESR_MAJORS[i]!.released)! + ESR_CYCLE_DAYS * DAY_MS;
  const ends = nextAt + ESR_OVERLAP_DAYS * DAY_MS;
  return { esr: true, supported: now.getTime() < ends, nextMajor: next?.major ?? null, endsAround: new Date(ends).toISOString().slice(0, 10) };
}
