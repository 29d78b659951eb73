// src/report/report.schema.json is generated from the TypeScript types in src/report/schema.ts (with their
// JSDoc as descriptions) by the generator below, and this test fails when the two drift apart.
// Regenerate after changing schema.ts:  UPDATE_SCHEMA=1 npx vitest run test/unit/report-schema.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SCHEMA_TS = 'src/report/schema.ts';
const SCHEMA_JSON = 'src/report/report.schema.json';

type Json = { [k: string]: unknown };

/** Descriptions for fields schema.ts leaves without JSDoc (the format's reference documentation). */
const EXTRA_DOCS: Record<string, string> = {
  'Report.id': 'Unique id of this report (random), to refer to it in a ticket.',
  'Report.tool': 'The tool and version that made the report.',
  'Report.subject': 'Who and what was tested: instance, region, CCP mode, agent (identity only when the host passed it).',
  'Report.environment': 'The browser and machine the checks ran in.',
  'Report.verdict': 'Overall verdict: the worst check verdict, ignoring skips (fail > warn > pass > skip).',
  'Report.softphone': 'Whether the softphone can be used in this browser, and the checks that stand in the way.',
  'Report.calls': 'Live softphone call quality summaries recorded by the widget (bounded samples). Empty when there were no calls.',
  'Report.failover': 'Switches between softphone and external phone made from the widget, in order.',
  'CheckResult.id': 'The check id (part of the format).',
  'CheckResult.title': 'The check\'s human title, e.g. "Relay over UDP 3478".',
  'CheckResult.verdict': 'pass, warn, fail, or skip (could not run; the summary says why).',
  'CheckResult.durationMs': 'How long the check ran, in milliseconds.',
  'CheckResult.error': 'The error the check met, if any, in words a user understands.',
  'CheckError.message': 'What happened, for a person.',
  'Subject.region': 'AWS region of the Amazon Connect instance, e.g. us-east-1.',
  'Subject.ccpMode': 'full: the CCP with softphone media in this page; media-less: CCP without media (VDI); none: no CCP.',
  'Subject.agent': 'The agent, from the CCP or the host page. Name and username are removed by redaction.',
  'AgentSubject.username': 'The agent\'s Amazon Connect login. Removed by redaction.',
  'AgentSubject.softphoneEnabled': 'True when calls ring in the browser (softphone), false for a deskphone / external number.',
  'AgentSubject.routingProfile': 'The agent\'s routing profile name.',
  'AgentSubject.dialableCountries': 'ISO country codes the agent may dial (for external phone numbers).',
  'Environment.userAgent': 'The browser\'s user agent string.',
  'Environment.browser': 'Browser family and major version parsed from the user agent.',
  'Environment.platform': 'Operating system as the browser reports it.',
  'Environment.language': 'The browser\'s language, e.g. en-GB.',
  'Environment.logicalCores': 'navigator.hardwareConcurrency.',
  'Environment.deviceMemoryGb': 'navigator.deviceMemory (Chromium only; rounded by the browser).',
  'SoftphoneFitness.fit': 'yes, no, or unknown (no test call ran).',
  'SoftphoneFitness.blockers': 'The checks that make the softphone unfit (fail) or doubtful (warn).',
  'CallSummary.contactId': 'Amazon Connect contact id of the call.',
  'CallSummary.startedAt': 'ISO 8601.',
  'CallSummary.endedAt': 'ISO 8601; absent while the call is going on.',
  'CallSummary.source': 'Where the figures come from: the softphone\'s own stats, or the page\'s peer connection.',
  'CallSummary.verdict': 'The call\'s quality verdict by the same thresholds as the media test.',
  'CallSummary.samples': 'Bounded time series of the call.',
  'FailoverRecord.at': 'ISO 8601.',
  'FailoverRecord.action': 'to-external-phone (softphone off, calls to a number) or to-softphone (the way back).',
  'FailoverRecord.status': 'switched, or failed (see error).',
  'FailoverRecord.consent': 'agent: the agent agreed in the widget; policy: the host page\'s policy did it.',
  'FailoverRecord.reason': 'Why the switch was made.',
  'FailoverRecord.before': 'Agent configuration before the switch. The number is masked by redaction.',
  'FailoverRecord.after': 'Agent configuration after the switch. The number is masked by redaction.',
  'FailoverRecord.error': 'Why the switch failed.',
  'MetricSummary.avg': 'Mean over the samples.',
  'MetricSummary.p95': '95th percentile over the samples.',
  'MetricSummary.max': 'Largest sample.',
  'Interval.lo': 'Lower bound.',
  'Interval.hi': 'Upper bound.',
};

/** Units are in the field names; say them. */
function unitDoc(name: string): string | undefined {
  if (/Ms$/.test(name)) return 'Milliseconds.';
  if (/Pct$/.test(name)) return 'Percent (0-100).';
  if (/Kbps$/.test(name)) return 'Kilobits per second.';
  if (/Gb$/.test(name)) return 'Gigabytes.';
  if (/Dbfs$/.test(name)) return 'Decibels relative to full scale (0 is the loudest).';
  if (/Ghz|GhzEstimate$/i.test(name)) return 'Gigahertz (equivalent).';
  return undefined;
}

function generate(): Json {
  const program = ts.createProgram([SCHEMA_TS], { strict: true, target: ts.ScriptTarget.ES2022, noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const sf = program.getSourceFile(SCHEMA_TS)!;
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  ts.forEachChild(sf, (n) => {
    if (ts.isInterfaceDeclaration(n)) interfaces.set(n.name.text, n);
  });
  const defs: Record<string, Json> = {};
  const doc = (sym: ts.Symbol | undefined): string | undefined => {
    const t = sym ? ts.displayPartsToString(sym.getDocumentationComment(checker)).trim() : '';
    return t || undefined;
  };

  const toSchema = (type: ts.Type, depth = 0): Json => {
    if (depth > 12) return {};
    const sym = type.aliasSymbol ?? type.getSymbol();
    if (sym && interfaces.has(sym.getName()) && !type.aliasSymbol && (type.flags & ts.TypeFlags.Object) && !(type as ts.TypeReference).typeArguments?.length) {
      define(sym.getName());
      return { $ref: `#/$defs/${sym.getName()}` };
    }
    if (type.flags & ts.TypeFlags.Unknown || type.flags & ts.TypeFlags.Any) return {};
    if (type.flags & ts.TypeFlags.String) return { type: 'string' };
    if (type.flags & ts.TypeFlags.Number) return { type: 'number' };
    if (type.flags & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (type.flags & ts.TypeFlags.Null) return { type: 'null' };
    if (type.isStringLiteral()) return { const: type.value };
    if (type.isUnion()) {
      const parts = type.types.filter((t) => !(t.flags & ts.TypeFlags.Undefined));
      const lits = parts.filter((t) => t.isStringLiteral()) as ts.StringLiteralType[];
      const bools = parts.filter((t) => t.flags & ts.TypeFlags.BooleanLiteral);
      const rest = parts.filter((t) => !t.isStringLiteral() && !(t.flags & ts.TypeFlags.BooleanLiteral));
      const out: Json[] = [];
      if (lits.length) out.push(lits.length === 1 ? { const: lits[0]!.value } : { enum: lits.map((l) => l.value) });
      if (bools.length) out.push({ type: 'boolean' });
      for (const r of rest) out.push(toSchema(r, depth + 1));
      const simple = out.every((o) => Object.keys(o).length === 1 && typeof o.type === 'string');
      if (simple && out.length > 1) return { type: out.map((o) => o.type as string) };
      if (out.length === 2 && out[1]!.type === 'null' && out[0]!.enum) return { enum: [...(out[0]!.enum as unknown[]), null] };
      return out.length === 1 ? out[0]! : { anyOf: out };
    }
    if (checker.isArrayType(type)) {
      const [el] = checker.getTypeArguments(type as ts.TypeReference);
      return { type: 'array', items: el ? toSchema(el, depth + 1) : {} };
    }
    if (type.flags & ts.TypeFlags.Object) {
      const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
      const props = checker.getPropertiesOfType(type);
      const out: Json = { type: 'object' };
      if (props.length) {
        const properties: Record<string, Json> = {};
        const required: string[] = [];
        for (const p of props) {
          const decl = p.valueDeclaration ?? p.declarations?.[0];
          const pt = decl ? checker.getTypeOfSymbolAtLocation(p, decl) : checker.getTypeOfSymbol(p);
          const s = toSchema(pt, depth + 1);
          const d = doc(p) ?? unitDoc(p.getName());
          properties[p.getName()] = d ? { description: d, ...s } : s;
          if (!(p.flags & ts.SymbolFlags.Optional)) required.push(p.getName());
        }
        out.properties = properties;
        if (required.length) out.required = required;
      }
      if (index) out.additionalProperties = toSchema(index.type, depth + 1);
      return out;
    }
    return {};
  };

  function define(name: string): void {
    if (defs[name]) return;
    defs[name] = {}; // placeholder against recursion
    const decl = interfaces.get(name)!;
    const type = checker.getTypeAtLocation(decl.name);
    const s = toSchema(type.getSymbol() ? checker.getDeclaredTypeOfSymbol(type.getSymbol()!) : type, 0);
    // Interfaces are referenced by name; expand the declared type's members here.
    const members = expandObject(checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(decl.name)!), name);
    const d = doc(checker.getSymbolAtLocation(decl.name));
    defs[name] = { ...(d ? { description: d } : {}), ...(members ?? s) };
  }

  function expandObject(type: ts.Type, owner = ''): Json | null {
    const props = checker.getPropertiesOfType(type);
    const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
    const properties: Record<string, Json> = {};
    const required: string[] = [];
    for (const p of props) {
      const decl = p.valueDeclaration ?? p.declarations?.[0];
      const pt = decl ? checker.getTypeOfSymbolAtLocation(p, decl) : checker.getTypeOfSymbol(p);
      const s = toSchema(pt, 1);
      const d = doc(p) ?? EXTRA_DOCS[`${owner}.${p.getName()}`] ?? unitDoc(p.getName());
      properties[p.getName()] = d ? { description: d, ...s } : s;
      if (!(p.flags & ts.SymbolFlags.Optional)) required.push(p.getName());
    }
    const out: Json = { type: 'object', properties };
    if (required.length) out.required = required;
    if (index) out.additionalProperties = toSchema(index.type, 1);
    return out;
  }

  define('Report');
  // checks[]: each item is a CheckResult whose `data` follows the interface of its `id` (CheckDataMap).
  const dataMap = checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(interfaces.get('CheckDataMap')!.name)!);
  const byId: Json[] = [];
  for (const p of checker.getPropertiesOfType(dataMap)) {
    const pt = checker.getTypeOfSymbolAtLocation(p, p.valueDeclaration!);
    byId.push({ if: { properties: { id: { const: p.getName() } }, required: ['id'] }, then: { properties: { data: toSchema(pt) } } });
  }
  const checkResult = expandObject(checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(interfaces.get('CheckResult')!.name)!), 'CheckResult')!;
  (checkResult.properties as Record<string, Json>).data = { description: 'Per-check data; its shape follows the check id (see allOf).', type: 'object' };
  defs.CheckResult = { description: doc(checker.getSymbolAtLocation(interfaces.get('CheckResult')!.name)), ...checkResult, allOf: byId };
  const report = defs.Report as { properties: Record<string, Json> };
  report.properties.checks = { description: 'The checks in the order they ran.', type: 'array', items: { $ref: '#/$defs/CheckResult' } };
  report.properties.incomplete = { description: 'True when the run was cancelled before every check finished; the results are partial.', type: 'boolean' };
  report.properties.schema = { description: 'The format and its major version. Readers refuse any other major version; `ccp-preflight/1.N` minor versions only add optional fields.', type: 'string', pattern: '^ccp-preflight/1(\\.\\d+)?$' };

  const sorted: Record<string, Json> = {};
  for (const k of Object.keys(defs).sort()) sorted[k] = defs[k]!;
  const { properties, required, additionalProperties, description } = defs.Report as Json;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/ccp-preflight/ccp-preflight/src/report/report.schema.json',
    title: 'ccp-preflight report (ccp-preflight/1)',
    description: `${String(description)}\n\nGenerated from src/report/schema.ts by test/unit/report-schema.test.ts; do not edit by hand. Unknown optional fields are allowed everywhere (forward compatible).`,
    type: 'object',
    properties,
    required,
    additionalProperties,
    $defs: sorted,
  };
}

// A small validator for the subset of JSON Schema the generator emits.
function validate(schema: Json, value: unknown, root: Json, path = '$'): string[] {
  if (schema.$ref) {
    const name = String(schema.$ref).replace('#/$defs/', '');
    return validate((root.$defs as Record<string, Json>)[name]!, value, root, path);
  }
  const errs: string[] = [];
  const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  if (schema.type) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.includes(typeOf(value))) return [`${path}: expected ${types.join('|')}, got ${typeOf(value)}`];
  }
  if ('const' in schema && value !== schema.const) errs.push(`${path}: expected ${String(schema.const)}`);
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) errs.push(`${path}: ${String(value)} not in enum`);
  if (schema.pattern && typeof value === 'string' && !new RegExp(String(schema.pattern)).test(value)) errs.push(`${path}: pattern`);
  if (schema.anyOf && !(schema.anyOf as Json[]).some((s) => validate(s, value, root, path).length === 0)) errs.push(`${path}: matches no anyOf branch`);
  if (typeOf(value) === 'object') {
    const o = value as Record<string, unknown>;
    for (const r of (schema.required as string[] | undefined) ?? []) if (!(r in o)) errs.push(`${path}.${r}: missing`);
    for (const [k, s] of Object.entries((schema.properties as Record<string, Json> | undefined) ?? {})) if (k in o) errs.push(...validate(s, o[k], root, `${path}.${k}`));
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      for (const [k, v] of Object.entries(o)) if (!(k in ((schema.properties as object) ?? {}))) errs.push(...validate(schema.additionalProperties as Json, v, root, `${path}.${k}`));
    }
    for (const c of (schema.allOf as Json[] | undefined) ?? []) {
      if (validate(c.if as Json, value, root, path).length === 0) errs.push(...validate(c.then as Json, value, root, path));
    }
  }
  if (typeOf(value) === 'array' && schema.items) (value as unknown[]).forEach((x, i) => errs.push(...validate(schema.items as Json, x, root, `${path}[${i}]`)));
  return errs;
}

const REGEN = 'UPDATE_SCHEMA=1 npx vitest run test/unit/report-schema.test.ts';

/**
 * Compares the committed schema with the one generated from schema.ts now. Problems (the test fails): a field
 * in the file that the types no longer have, a changed type/enum/required-ness, a new required field. Additions
 * (a warning): new optional fields or definitions, which reports may carry anyway (unknown fields are allowed).
 */
function drift(fileNode: unknown, genNode: unknown, path = '$', problems: string[] = [], additions: string[] = []): { problems: string[]; additions: string[] } {
  const f = (fileNode ?? {}) as Json;
  const g = (genNode ?? {}) as Json;
  for (const key of new Set([...Object.keys(f), ...Object.keys(g)])) {
    if (key === 'description' || key === 'title' || key === '$id') continue;
    const fv = f[key];
    const gv = g[key];
    if (key === 'properties' || key === '$defs') {
      const fp = (fv ?? {}) as Record<string, unknown>;
      const gp = (gv ?? {}) as Record<string, unknown>;
      const req = new Set((g.required as string[] | undefined) ?? []);
      for (const k of Object.keys(fp)) {
        if (!(k in gp)) problems.push(`${path}.${k}: in the JSON schema but no longer in schema.ts`);
        else drift(fp[k], gp[k], `${path}.${k}`, problems, additions);
      }
      for (const k of Object.keys(gp)) {
        if (k in fp) continue;
        if (key === 'properties' && req.has(k)) problems.push(`${path}.${k}: a new required field in schema.ts`);
        else additions.push(`${path}.${k}`);
      }
    } else if (key === 'required') {
      const fr = new Set((fv as string[] | undefined) ?? []);
      const gr = new Set((gv as string[] | undefined) ?? []);
      for (const k of fr) if (!gr.has(k)) problems.push(`${path}.${k}: required in the JSON schema, optional or gone in schema.ts`);
    } else if (key === 'items' || key === 'additionalProperties' || key === 'then' || key === 'if') {
      drift(fv, gv, `${path}.${key}`, problems, additions);
    } else if (key === 'allOf' || key === 'anyOf') {
      const fa = (fv as unknown[] | undefined) ?? [];
      const ga = (gv as unknown[] | undefined) ?? [];
      if (fa.length !== ga.length) problems.push(`${path}.${key}: ${fa.length} branches in the JSON schema, ${ga.length} in schema.ts`);
      else fa.forEach((x, i) => drift(x, ga[i], `${path}.${key}[${i}]`, problems, additions));
    } else {
      const norm = (v: unknown): string => JSON.stringify(Array.isArray(v) ? [...v].map(String).sort() : v);
      if (norm(fv) !== norm(gv)) problems.push(`${path}.${key}: ${norm(fv)} in the JSON schema, ${norm(gv)} in schema.ts`);
    }
  }
  return { problems, additions };
}

describe('report.schema.json', () => {
  const generated = generate();
  if (process.env.UPDATE_SCHEMA) writeFileSync(SCHEMA_JSON, JSON.stringify(generated, null, 2) + '\n');
  const file = JSON.parse(readFileSync(SCHEMA_JSON, 'utf8')) as Json;

  it('agrees with the TypeScript types in schema.ts (regenerate with UPDATE_SCHEMA=1)', () => {
    const { problems, additions } = drift(file, generated);
    if (additions.length) console.warn(`report.schema.json lacks ${additions.length} optional addition(s) made in schema.ts since it was generated (still valid: the schema allows unknown fields): ${additions.join(', ')}. Regenerate: ${REGEN}`);
    expect(problems, `report.schema.json disagrees with schema.ts. Regenerate: ${REGEN}`).toEqual([]);
  });

  it('documents the fields and names the enums of the types', () => {
    const defs = file.$defs as Record<string, any>;
    expect(defs.MediaData.properties.rttMs).toMatchObject({ description: expect.stringContaining('Round trip') });
    expect([...defs.MediaData.properties.rttMs.type].sort()).toEqual(['null', 'number']);
    expect(defs.Report.required).toEqual(expect.arrayContaining(['schema', 'id', 'createdAt', 'tool', 'subject', 'environment', 'verdict', 'summary', 'softphone', 'checks', 'calls']));
    expect(file.properties).toHaveProperty('verdict.enum', ['pass', 'warn', 'fail', 'skip']);
    expect((defs.CheckResult.allOf as unknown[]).length).toBe(10);
  });

  it('the recorded reports are valid against it', () => {
    for (const name of ['full-pass.json', 'degraded-udp-blocked.json']) {
      const r = JSON.parse(readFileSync(`test/unit/fixtures/reports/${name}`, 'utf8')) as unknown;
      expect(validate(file, r, file), name).toEqual([]);
    }
  });

  it('the drift check catches a renamed field, a changed type and a new required field', () => {
    const g = JSON.parse(JSON.stringify(generated)) as Record<string, any>;
    g.$defs.MediaData.properties.rttMillis = g.$defs.MediaData.properties.rttMs;
    delete g.$defs.MediaData.properties.rttMs;
    g.$defs.BandwidthData.properties.upKbps = { type: 'string' };
    g.$defs.Subject.properties.site = { type: 'string' };
    g.$defs.Subject.required = [...g.$defs.Subject.required, 'site'];
    g.$defs.Subject.properties.note = { type: 'string' };
    const { problems, additions } = drift(generated, g);
    expect(problems).toEqual(expect.arrayContaining([
      '$.MediaData.rttMs: in the JSON schema but no longer in schema.ts',
      '$.BandwidthData.upKbps.type: ["null","number"] in the JSON schema, "string" in schema.ts',
      '$.Subject.site: a new required field in schema.ts',
    ]));
    expect(additions).toContain('$.Subject.note');
  });

  it('the validator used here does catch errors', () => {
    const r = JSON.parse(readFileSync('test/unit/fixtures/reports/full-pass.json', 'utf8')) as Record<string, any>;
    r.verdict = 'great';
    r.checks[8].data.rttMs = 'x';
    delete r.subject.ccpMode;
    const errs = validate(file, r, file);
    expect(errs).toEqual(expect.arrayContaining([expect.stringContaining('$.verdict'), expect.stringContaining('$.checks[8].data.rttMs'), '$.subject.ccpMode: missing']));
  });
});
