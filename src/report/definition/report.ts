/**
 * The Report, defined once (Valibot): the report-level parts, the check results (their `data` per check id from
 * ./checks.ts) and the Report itself. ./types.ts infers the TypeScript types from here, scripts/gen-schema.mjs
 * writes src/report/report.schema.json from here, and parseReport validates with it.
 */
import * as v from 'valibot';
import { CCP_MODES, CHECK_IDS, FIT_VALUES, REMEDY_AUDIENCES, VERDICTS } from './constants.js';
import { CHECK_DATA, AgentSubject, BROWSER_FAMILY } from './checks.js';
import { bool, describeValue, dict, list, literal, looseObj, textOrNull, num, numOrNull, obj, oneOf, opt, text } from './fields.js';
import type { AnyCheckResult } from './types.js';

const Verdict = oneOf(VERDICTS);

export const Remedy = obj({
  id: text('Stable id in the remedy catalogue, e.g. `udp-3478-amazon-connect`.'),
  text: text('What to do, in plain words, for the agent or the network admin.'),
  source: text('Where the advice comes from: the public document and section, or the standard.'),
  audience: opt(oneOf(REMEDY_AUDIENCES, 'Who acts on it.')),
}, 'A piece of advice.');

export const CheckError = obj({
  name: text('Machine-readable, e.g. `timeout`, `aborted`, `not-allowed`.'),
  message: text('What happened, for a person.'),
}, 'An error a check met, in words a user understands. Never contains credentials.');

/** The fields every check result has; `id` and `data` are added per check. */
export const CHECK_RESULT_ENTRIES = {
  title: text('The check\'s human title, e.g. "Relay over UDP 3478".'),
  verdict: oneOf(VERDICTS, 'pass, warn, fail, or skip (could not run; the summary says why).'),
  summary: text('One sentence: what was found.'),
  code: opt(text('Stable finding code on warn/fail/skip (e.g. `turn-auth-failed`), the key into the remedy catalogue.')),
  remedies: opt(list(Remedy, 'What to do (warn/fail). Several, because one failure can need several actions.')),
  startedAt: text('ISO 8601.'),
  durationMs: num('How long the check ran, in milliseconds.'),
  error: opt(CheckError),
  describesRunner: opt(bool('True when the check describes the machine that ran the checks (the headless CLI\'s own browser and fake microphone), not an agent\'s computer: it is shown, and it does not set the verdict.')),
};

export const CheckResultBase = obj(CHECK_RESULT_ENTRIES);

const checkId = (id: string) => literal(id, 'The check id (part of the format).');

/** A check id this version does not know (a newer minor version): kept, its data read generically. */
const OtherCheck = obj({
  ...CHECK_RESULT_ENTRIES,
  id: v.pipe(text(), v.notValues(CHECK_IDS), v.description('A check id from a newer version of the format.')),
  data: dict(v.unknown()),
});

/** One check's result: `data` follows the schema of its `id`. */
export const CheckResult = v.variant(
  'id',
  [...CHECK_IDS.map((id) => obj({ ...CHECK_RESULT_ENTRIES, id: checkId(id), data: CHECK_DATA[id] })), OtherCheck],
  (issue) => (issue.path?.length ? (issue.input === undefined ? 'Missing required field "id" (text).' : `Expected text, got ${describeValue(issue.input)}.`) : `Expected an object, got ${describeValue(issue.input)}.`),
) as unknown as v.GenericSchema<AnyCheckResult>;

export const Subject = obj({
  instance: opt(text('Instance URL origin, e.g. https://alias.my.connect.aws')),
  region: opt(text('AWS Region of the Amazon Connect instance, e.g. us-east-1.')),
  ccpMode: oneOf(CCP_MODES, 'full: the CCP with softphone media in this page; media-less: CCP without media (VDI); none: no CCP.'),
  agent: opt(AgentSubject),
  label: opt(text('Free text from the host page, e.g. a site or desk id.')),
}, 'Who and what was tested: instance, Region, CCP mode, agent (identity only when the host passed it).');

export const Environment = obj({
  userAgent: text('The browser\'s user agent string.'),
  browser: obj({ family: BROWSER_FAMILY, major: numOrNull() }, 'Browser family and major version parsed from the user agent.'),
  platform: text('Operating system as the browser reports it.'),
  language: opt(text('The browser\'s language, e.g. en-GB.')),
  logicalCores: opt(numOrNull('navigator.hardwareConcurrency.')),
  deviceMemoryGb: opt(numOrNull('navigator.deviceMemory (Chromium only; rounded by the browser).')),
}, 'The browser and machine the checks ran in.');

export const SoftphoneFitness = obj({
  fit: oneOf(FIT_VALUES, 'yes, no, or unknown (no test call ran).'),
  blockers: list(obj({ id: text(), verdict: Verdict, summary: text() }), 'The checks that make the softphone unfit (fail) or doubtful (warn).'),
}, 'Whether the softphone can be used in this browser, and the checks that stand in the way.');

export const CallSample = obj({ tMs: num(), rttMs: opt(numOrNull()), jitterMs: opt(numOrNull()), lossPct: opt(numOrNull()), mos: opt(numOrNull()) });

export const MetricSummary = obj({
  avg: numOrNull('Mean over the samples.'),
  p95: numOrNull('95th percentile over the samples.'),
  max: numOrNull('Largest sample.'),
});

export const CallSummary = obj({
  contactId: opt(text('Amazon Connect contact id of the call.')),
  startedAt: text('ISO 8601.'),
  endedAt: opt(text('ISO 8601; absent while the call is going on.')),
  durationMs: num(),
  source: oneOf(['softphone-stats', 'peer-connection'], 'Where the figures come from: the softphone\'s own stats, or the page\'s peer connection.'),
  rttMs: MetricSummary,
  jitterMs: MetricSummary,
  lossPct: obj({ avg: numOrNull(), max: numOrNull() }),
  mos: obj({ avg: numOrNull(), min: numOrNull() }),
  verdict: oneOf(VERDICTS, 'The call\'s quality verdict by the same thresholds as the media test.'),
  samples: list(CallSample, 'Bounded time series of the call.'),
}, 'A live softphone call\'s quality summary. Samples are bounded.');

const phoneConfig = (description: string) => obj({ softphoneEnabled: bool(), extension: textOrNull() }, description);

export const FailoverRecord = obj({
  at: text('ISO 8601.'),
  action: oneOf(['to-external-phone', 'to-softphone'], 'to-external-phone (softphone off, calls to a number) or to-softphone (the way back).'),
  status: oneOf(['switched', 'failed'], 'switched, or failed (see error).'),
  consent: oneOf(['agent', 'policy'], 'agent: the agent agreed in the widget; policy: the host page\'s policy did it.'),
  reason: text('Why the switch was made.'),
  before: phoneConfig('Agent configuration before the switch. The number is masked by redaction.'),
  after: phoneConfig('Agent configuration after the switch. The number is masked by redaction.'),
  error: opt(text('Why the switch failed.')),
});

export const REPORT_SCHEMA_PATTERN = /^ccp-preflight\/1(\.\d+)?$/;

export const Report = looseObj({
  schema: v.pipe(text('The format and its major version. Readers refuse any other major version; `ccp-preflight/1.N` minor versions only add optional fields.'), v.regex(REPORT_SCHEMA_PATTERN)),
  id: text('Unique id of this report (random), to refer to it in a ticket.'),
  createdAt: v.pipe(text('ISO 8601.'), v.check((s) => !Number.isNaN(Date.parse(s)), (issue) => `Expected a date and time (ISO 8601), got ${describeValue(issue.input)}.`)),
  tool: obj({ name: literal('ccp-preflight'), version: text() }, 'The tool and version that made the report.'),
  subject: Subject,
  environment: Environment,
  verdict: oneOf(VERDICTS, 'Overall verdict: the worst check verdict, ignoring skips (fail > warn > pass > skip).'),
  summary: text('One line for the agent.'),
  softphone: SoftphoneFitness,
  checks: list(CheckResult, 'The checks in the order they ran.'),
  calls: list(CallSummary, 'Live softphone call quality summaries recorded by the widget (bounded samples). Empty when there were no calls.'),
  failover: opt(list(FailoverRecord, 'Switches between softphone and external phone made from the widget, in order.')),
  redacted: opt(list(text(), 'What was redacted, when redaction ran: the paths of the values removed or masked. Present (possibly empty) on every redacted report.')),
  incomplete: opt(bool('True when the run was cancelled before every check finished; the results are partial.')),
  partial: opt(bool('True when the verdict covers only part of what the softphone needs: only some checks were chosen, or the test call through the media servers did not run (no servers, or the CCP did not hand out its own). A partial run is never a plain pass.')),
}, 'A ccp-preflight report: the result of one run of the checks, with live call summaries and phone switches.');
