/**
 * The published JSON Schema of the Report (src/report/report.schema.json), converted from the one definition
 * by @valibot/to-json-schema. Written by `npm run schema` (scripts/gen-schema.mjs); a unit test fails when the
 * committed file differs from what this returns. Not part of any bundle the widget loads.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import * as C from './checks.js';
import * as R from './report.js';

export const SCHEMA_FILE = 'src/report/report.schema.json';
export const SCHEMA_ID = 'https://github.com/ccp-preflight/ccp-preflight/src/report/report.schema.json';

/** Named parts: each becomes a `$defs` entry referenced by `$ref`. */
const DEFINITIONS = {
  Remedy: R.Remedy,
  CheckError: R.CheckError,
  CheckResult: R.CheckResult,
  Subject: R.Subject,
  Environment: R.Environment,
  SoftphoneFitness: R.SoftphoneFitness,
  CallSample: R.CallSample,
  MetricSummary: R.MetricSummary,
  CallSummary: R.CallSummary,
  FailoverRecord: R.FailoverRecord,
  AgentSubject: C.AgentSubject,
  Interval: C.Interval,
  BrowserData: C.BrowserData,
  WorkstationData: C.WorkstationData,
  DevicesData: C.DevicesData,
  EndpointSample: C.EndpointSample,
  RegionLatency: C.RegionLatency,
  EndpointsData: C.EndpointsData,
  IceServerProbe: C.IceServerProbe,
  IceData: C.IceData,
  MediaSample: C.MediaSample,
  MediaData: C.MediaData,
  BandwidthData: C.BandwidthData,
  SoftphoneErrorSeen: C.SoftphoneErrorSeen,
  CcpData: C.CcpData,
};

/** Units are in the field names (rttMs, lossPct, sendKbps); fields without a description say theirs. */
const UNIT_WORDS: readonly [RegExp, string][] = [
  [/Ms$/, 'Milliseconds.'],
  [/Pct$/, 'Percent (0-100).'],
  [/Kbps$/, 'Kilobits per second.'],
  [/Gb$/, 'Gigabytes.'],
  [/Dbfs$/, 'Decibels relative to full scale (0 is the loudest).'],
];

function describeUnits(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(describeUnits);
  if (node === null || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  const props = o.properties as Record<string, Record<string, unknown>> | undefined;
  for (const [key, prop] of Object.entries(props ?? {})) {
    const unit = UNIT_WORDS.find(([re]) => re.test(key))?.[1];
    if (unit && prop.description === undefined) prop.description = unit;
  }
  for (const v of Object.values(o)) describeUnits(v);
}

/** The JSON Schema (draft 2020-12) of the Report. Deterministic: same definition, same text. */
export function buildJsonSchema(): Record<string, unknown> {
  const schema = toJsonSchema(R.Report, {
    target: 'draft-2020-12',
    definitions: DEFINITIONS,
    // The createdAt date check has no JSON Schema keyword that means the same (Date.parse); its description says ISO 8601.
    ignoreActions: ['check'],
  }) as Record<string, unknown>;
  describeUnits(schema);
  return {
    $schema: schema.$schema,
    $id: SCHEMA_ID,
    title: 'ccp-preflight report (ccp-preflight/1)',
    ...schema,
    description: `${String(schema.description ?? '')}\n\nGenerated from src/report/definition/ by \`npm run schema\`; do not edit by hand. Unknown optional fields are allowed everywhere (forward compatible).`,
  };
}

/** The file's text: two-space JSON with a final newline. */
export function jsonSchemaText(): string {
  return JSON.stringify(buildJsonSchema(), null, 2) + '\n';
}
