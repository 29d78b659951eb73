/**
 * The Report: the one data structure of ccp-preflight.
 *
 * Everything the widget, the CLI and the supervisor's viewer show is a Report. Its shape is defined once, in
 * ./definition/ (Valibot): the types below are inferred from it, `npm run schema` writes report.schema.json
 * from it, and parseReport validates with it. This module re-exports the types and plain constants under their
 * long-standing names; it loads no schema library (the widget imports it up front).
 *
 * The format is versioned by `schema`; a reader refuses an unknown major version and keeps unknown optional
 * fields (forward compatible). Units are part of every numeric field's name (`rttMs`, `lossPct`, `sendKbps`):
 * never mix seconds and ms. Credentials never appear in a Report (see redact.ts).
 */
import type { Verdict } from './definition/types.js';

export { REPORT_SCHEMA, CHECK_IDS, VERDICTS } from './definition/constants.js';
export type {
  ReportSchema,
  Verdict,
  CheckId,
  CcpMode,
  HeadsetKind,
  MosBand,
  Remedy,
  CheckError,
  CheckResult,
  AnyCheckResult,
  CheckDataMap,
  Interval,
  BrowserData,
  WorkstationData,
  DevicesData,
  EndpointSample,
  RegionLatency,
  EndpointsData,
  IceServerProbe,
  IceData,
  MediaSample,
  MediaData,
  BandwidthData,
  SoftphoneErrorSeen,
  CcpData,
  AgentSubject,
  Subject,
  Environment,
  SoftphoneFitness,
  CallSample,
  MetricSummary,
  CallSummary,
  FailoverRecord,
  Report,
} from './definition/types.js';

/** Severity order for verdicts. */
export const VERDICT_RANK: Record<Verdict, number> = { skip: 0, pass: 1, warn: 2, fail: 3 };

/** The worst verdict among those given, ignoring skips; `skip` when all skipped or none. */
export function worstVerdict(verdicts: Iterable<Verdict>): Verdict {
  let worst: Verdict = 'skip';
  for (const v of verdicts) if (VERDICT_RANK[v] > VERDICT_RANK[worst]) worst = v;
  return worst;
}
