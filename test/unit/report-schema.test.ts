// src/report/report.schema.json is written by `npm run schema` (scripts/gen-schema.mjs) from the Report's one
// definition (src/report/definition/). This test fails when the committed file is stale, and checks that the
// published schema and parseReport (the same definition through Valibot) accept and refuse the same reports.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaText, SCHEMA_FILE } from '../../src/report/definition/json-schema.js';
import { parseReportJson } from './report-helpers.js';

type Json = { [k: string]: unknown };

const fileText = readFileSync(SCHEMA_FILE, 'utf8');
const file = JSON.parse(fileText) as Json;
const load = (name: string): Record<string, any> => JSON.parse(readFileSync(`test/unit/fixtures/reports/${name}`, 'utf8')) as Record<string, any>;

// An independent reader of the subset of JSON Schema 2020-12 the file uses ($ref, type, const, enum, pattern,
// required, properties, additionalProperties, items, oneOf, anyOf, not), so the file itself is exercised.
function validate(schema: Json, value: unknown, path = '$'): string[] {
  if (schema.$ref) return validate((file.$defs as Record<string, Json>)[String(schema.$ref).replace('#/$defs/', '')]!, value, path);
  const typeOf = (x: unknown): string => (x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x);
  if (schema.type) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.includes(typeOf(value))) return [`${path}: expected ${types.join('|')}, got ${typeOf(value)}`];
  }
  const errs: string[] = [];
  if ('const' in schema && value !== schema.const) errs.push(`${path}: expected ${String(schema.const)}`);
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) errs.push(`${path}: ${String(value)} not in enum`);
  if (schema.pattern && typeof value === 'string' && !new RegExp(String(schema.pattern), 'u').test(value)) errs.push(`${path}: pattern`);
  if (schema.not && validate(schema.not as Json, value, path).length === 0) errs.push(`${path}: matches "not"`);
  if (schema.anyOf && !(schema.anyOf as Json[]).some((s) => validate(s, value, path).length === 0)) errs.push(`${path}: matches no anyOf branch`);
  if (schema.oneOf) {
    const results = (schema.oneOf as Json[]).map((s) => validate(s, value, path));
    const passing = results.filter((r) => r.length === 0).length;
    if (passing !== 1) errs.push(...(passing === 0 ? [`${path}: matches no oneOf branch`, ...results.flat()] : [`${path}: matches ${passing} oneOf branches`]));
  }
  if (typeOf(value) === 'object') {
    const o = value as Record<string, unknown>;
    const props = (schema.properties as Record<string, Json> | undefined) ?? {};
    for (const r of (schema.required as string[] | undefined) ?? []) if (!(r in o)) errs.push(`${path}.${r}: missing`);
    for (const [k, s] of Object.entries(props)) if (k in o) errs.push(...validate(s, o[k], `${path}.${k}`));
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      for (const [k, x] of Object.entries(o)) if (!(k in props)) errs.push(...validate(schema.additionalProperties as Json, x, `${path}.${k}`));
    }
  }
  if (typeOf(value) === 'array' && schema.items) (value as unknown[]).forEach((x, i) => errs.push(...validate(schema.items as Json, x, `${path}[${i}]`)));
  return errs;
}

describe('report.schema.json', () => {
  it('is what `npm run schema` writes from the definition now (run it and commit the file when this fails)', () => {
    expect(fileText === jsonSchemaText(), `${SCHEMA_FILE} is stale: run "npm run schema" and commit it`).toBe(true);
  });

  it('documents the fields and names the enums of the definition', () => {
    const defs = file.$defs as Record<string, any>;
    expect(defs.MediaData.properties.rttMs).toMatchObject({ description: expect.stringContaining('Round trip') });
    expect(defs.MediaData.properties.rttMs.anyOf ?? defs.MediaData.properties.rttMs.type).toBeTruthy();
    expect(validate(defs.MediaData.properties.rttMs, null)).toEqual([]);
    expect(validate(defs.MediaData.properties.rttMs, 42)).toEqual([]);
    expect(validate(defs.MediaData.properties.rttMs, '42')).not.toEqual([]);
    expect(file.required).toEqual(expect.arrayContaining(['schema', 'id', 'createdAt', 'tool', 'subject', 'environment', 'verdict', 'summary', 'softphone', 'checks', 'calls']));
    expect(file.properties).toHaveProperty('verdict.enum', ['pass', 'warn', 'fail', 'skip']);
    // One branch per check id, plus one for ids of newer versions.
    expect((defs.CheckResult.oneOf as unknown[]).length).toBe(11);
  });

  it('the recorded reports are valid against it', () => {
    for (const name of ['full-pass.json', 'degraded-udp-blocked.json']) expect(validate(file, load(name)), name).toEqual([]);
  });

  it('a check id of a newer version is allowed, with any data', () => {
    const r = load('full-pass.json');
    r.checks.push({ ...r.checks[0], id: 'dns', data: { resolver: '10.0.0.2' } });
    expect(validate(file, r)).toEqual([]);
  });

  it('refuses what parseReport refuses, on the same mutations', () => {
    const mutations: [string, (r: Record<string, any>) => void][] = [
      ['verdict', (r) => (r.verdict = 'great')],
      ['checks[8].data.rttMs', (r) => (r.checks[8].data.rttMs = 'x')],
      ['subject.ccpMode', (r) => delete r.subject.ccpMode],
      ['checks[0].data.family', (r) => (r.checks[0].data.family = 'netscape')],
      ['calls[0].samples', (r) => (r.calls[0].samples = {})],
      ['checks[5].data.servers[0].relay', (r) => (r.checks[5].data.servers[0].relay = 'yes')],
    ];
    for (const [path, mutate] of mutations) {
      const r = load('full-pass.json');
      mutate(r);
      const schemaErrors = validate(file, r);
      expect(schemaErrors.some((e) => e.startsWith(`$.${path}`)), `${path}: ${schemaErrors.join('; ')}`).toBe(true);
      const parsed = parseReportJson(JSON.stringify(r));
      expect(parsed.ok ? [] : parsed.errors.map((e) => e.path), path).toContain(path);
    }
  });
});
