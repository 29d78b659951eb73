/**
 * The Report's TypeScript types, inferred from the one definition (./report.ts, ./checks.ts). Type-only: importing
 * these costs nothing at run time. src/report/schema.ts re-exports them under the names every importer uses.
 */
import type * as v from 'valibot';
import type * as C from './checks.js';
import type * as R from './report.js';
import type { CCP_MODES, CHECK_IDS, HEADSET_KINDS, MOS_BANDS, REPORT_SCHEMA, VERDICTS } from './constants.js';

export type ReportSchema = typeof REPORT_SCHEMA;
/** String verdicts (readable in JSON). Order of severity: fail > warn > pass > skip. */
export type Verdict = (typeof VERDICTS)[number];
/** A check id (the one list is CHECK_IDS). */
export type CheckId = (typeof CHECK_IDS)[number];
export type CcpMode = (typeof CCP_MODES)[number];
export type HeadsetKind = (typeof HEADSET_KINDS)[number];
export type MosBand = (typeof MOS_BANDS)[number];

export type Remedy = v.InferOutput<typeof R.Remedy>;
export type CheckError = v.InferOutput<typeof R.CheckError>;
export type Interval = v.InferOutput<typeof C.Interval>;

export type BrowserData = v.InferOutput<typeof C.BrowserData>;
export type WorkstationData = v.InferOutput<typeof C.WorkstationData>;
export type DevicesData = v.InferOutput<typeof C.DevicesData>;
export type EndpointSample = v.InferOutput<typeof C.EndpointSample>;
export type RegionLatency = v.InferOutput<typeof C.RegionLatency>;
export type EndpointsData = v.InferOutput<typeof C.EndpointsData>;
export type IceServerProbe = v.InferOutput<typeof C.IceServerProbe>;
export type IceData = v.InferOutput<typeof C.IceData>;
export type MediaSample = v.InferOutput<typeof C.MediaSample>;
export type MediaData = v.InferOutput<typeof C.MediaData>;
export type BandwidthData = v.InferOutput<typeof C.BandwidthData>;
export type SoftphoneErrorSeen = v.InferOutput<typeof C.SoftphoneErrorSeen>;
export type CcpData = v.InferOutput<typeof C.CcpData>;
export type AgentSubject = v.InferOutput<typeof C.AgentSubject>;

/** The data type of each check, by id. */
export type CheckDataMap = { [K in CheckId]: v.InferOutput<(typeof C.CHECK_DATA)[K]> };

/** The result of one check. `data` is typed per check (see CheckDataMap). */
export type CheckResult<D = unknown> = v.InferOutput<typeof R.CheckResultBase> & { id: CheckId; data: D };

export type AnyCheckResult = { [K in CheckId]: CheckResult<CheckDataMap[K]> & { id: K } }[CheckId];

export type Subject = v.InferOutput<typeof R.Subject>;
export type Environment = v.InferOutput<typeof R.Environment>;
export type SoftphoneFitness = v.InferOutput<typeof R.SoftphoneFitness>;
export type CallSample = v.InferOutput<typeof R.CallSample>;
export type MetricSummary = v.InferOutput<typeof R.MetricSummary>;
export type CallSummary = v.InferOutput<typeof R.CallSummary>;
export type FailoverRecord = v.InferOutput<typeof R.FailoverRecord>;

/** A Report. Unknown optional fields from newer minor versions are kept as they are. */
export type Report = v.InferOutput<typeof R.Report> & { schema: ReportSchema };
