/**
 * The key figures of a Report that the fleet queries filter and group on (kept in columns; the whole report is
 * kept as jsonb beside them). Pure: no I/O.
 */
import type { Report, Verdict, CheckResult, MediaData } from '../src/report/index.js';

/** What the collector files a report under. */
export interface ReportKeys {
  id: string;
  createdAt: string;
  /** The agent: `subject.agent.username` when present, else the host's agent id, else the label, else "unknown". */
  agentKey: string;
  agentName: string | null;
  /** The site label the host passed (`subject.label`). */
  site: string | null;
  region: string | null;
  instance: string | null;
  verdict: Verdict;
  /** Softphone fitness: yes / no / unknown. */
  fit: string;
  /** The cause of the worst finding, `checkId/code` (e.g. `ice-udp/udp-blocked`), or null when all passed. */
  cause: string | null;
  /** The human title of the cause's check with its summary, for the fleet view. */
  causeText: string | null;
  browser: string | null;
  rttMs: number | null;
  jitterMs: number | null;
  lossPct: number | null;
  mos: number | null;
}

const UNKNOWN_AGENT = 'unknown';
/** Longest key kept in a column (a label longer than this is cut, the full text stays in the report). */
const MAX_KEY_CHARS = 200;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim().slice(0, MAX_KEY_CHARS) : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function agentKeyOf(report: Pick<Report, 'subject'> & Record<string, unknown>): string {
  const s = report.subject as Report['subject'] & { agentId?: unknown };
  return str(s?.agent?.username) ?? str(s?.agentId) ?? str(s?.agent?.name) ?? str(s?.label) ?? UNKNOWN_AGENT;
}

/** Order of severity for choosing the cause: the first failing check in report order, else the first warning. */
function worstCheck(checks: readonly CheckResult[]): CheckResult | null {
  return checks.find((c) => c.verdict === 'fail') ?? checks.find((c) => c.verdict === 'warn') ?? null;
}

export function extractKeys(report: Report): ReportKeys {
  const checks = Array.isArray(report.checks) ? (report.checks as CheckResult[]) : [];
  const worst = worstCheck(checks);
  const media = checks.find((c) => c.id === 'media' && c.verdict !== 'skip')?.data as MediaData | undefined;
  const created = Date.parse(report.createdAt);
  return {
    id: report.id,
    createdAt: Number.isFinite(created) ? new Date(created).toISOString() : new Date().toISOString(),
    agentKey: agentKeyOf(report),
    agentName: str(report.subject?.agent?.name),
    site: str(report.subject?.label),
    region: str(report.subject?.region),
    instance: str(report.subject?.instance),
    verdict: report.verdict,
    fit: str(report.softphone?.fit) ?? 'unknown',
    cause: worst ? `${worst.id}/${str(worst.code) ?? worst.verdict}` : null,
    causeText: worst ? `${worst.title}: ${worst.summary}`.slice(0, 500) : null,
    browser: str(report.environment?.browser?.family),
    rttMs: num(media?.rttMs),
    jitterMs: num(media?.jitterMs),
    lossPct: num(media?.lossPct),
    mos: num(media?.mos),
  };
}
