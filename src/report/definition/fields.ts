/**
 * The building blocks of the Report definition: Valibot schemas whose error messages are sentences a
 * supervisor understands ("Expected a number or null, got text "42"."), and an optional description that goes
 * into the published JSON Schema. Validation only: no transforms, so a parsed report is exactly what was sent.
 *
 * Only the lazily loaded parser (parse.ts) and the schema generator import this module (with Valibot); the
 * widget imports types and ./constants.ts, which keeps Valibot out of the up-front bundle.
 */
import * as v from 'valibot';

type Schema = v.GenericSchema;
type Issue = v.BaseIssue<unknown>;

/** A schema's shape in plain words: "a number or null", "one of pass, warn, fail, skip", "a list". */
export function wordsOf(schema: Schema): string {
  const s = schema as Schema & { wrapped?: Schema; options?: readonly unknown[]; literal?: unknown };
  switch (s.type) {
    case 'nullable':
      return `${wordsOf(s.wrapped!)} or null`;
    case 'optional':
      return wordsOf(s.wrapped!);
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'picklist':
      return `one of ${(s.options ?? []).join(', ')}`;
    case 'literal':
      return `"${String(s.literal)}"`;
    case 'array':
      return 'a list';
    default:
      return 'an object';
  }
}

/** Control characters shown as \u escapes so a message never carries invisible text. */
export function printable(s: string): string {
  return s.replace(/[\p{Cc}\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** What a value is, in words: `text "abc"`, `a number 4`, `a list`, `null`. */
export function describeValue(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'a list';
  if (typeof x === 'string') return `text "${printable(x.slice(0, 40))}${x.length > 40 ? '…' : ''}"`;
  if (typeof x === 'number') return `a number ${String(x)}`;
  if (typeof x === 'boolean') return `true/false ${String(x)}`;
  if (typeof x === 'object') return 'an object';
  return typeof x;
}

const expected = (words: string) => (issue: Issue): string => `Expected ${words}, got ${describeValue(issue.input)}.`;

function describe<S extends Schema>(schema: S, description?: string): S {
  return (description ? v.pipe(schema, v.description(description)) : schema) as S;
}

export const text = (description?: string) => describe(v.string(expected('text')), description);
export const num = (description?: string) => describe(v.number(expected('a number')), description);
export const numOrNull = (description?: string) => describe(v.nullable(v.number(expected('a number or null'))), description);
export const bool = (description?: string) => describe(v.boolean(expected('true or false')), description);
export const boolOrNull = (description?: string) => describe(v.nullable(v.boolean(expected('true, false or null'))), description);
export const textOrNull = (description?: string) => describe(v.nullable(v.string(expected('text or null'))), description);

export function oneOf<const T extends readonly [string, ...string[]]>(options: T, description?: string) {
  return describe(v.picklist(options, expected(`one of ${options.join(', ')}`)), description);
}

export function list<S extends Schema>(item: S, description?: string) {
  return describe(v.array(item, expected('a list')), description);
}

export const literal = <const T extends string>(value: T, description?: string) => describe(v.literal(value, expected(`"${value}"`)), description);

/** An object used as a map from text keys to values of one kind. */
export function dict<S extends Schema>(value: S, description?: string) {
  return describe(v.record(v.string(), value, expected('an object')), description);
}

/** Optional field: may be absent. */
export const opt = <S extends Schema>(schema: S) => v.optional(schema);

/** The message of an object: a missing required field names the field and what it should hold. */
function objectMessage(entries: v.ObjectEntries) {
  return (issue: Issue): string => {
    const last = issue.path?.[issue.path.length - 1] as { origin?: string; key?: unknown } | undefined;
    if (last?.origin === 'key' && typeof last.key === 'string') {
      const entry = entries[last.key];
      return `Missing required field "${last.key}" (${entry ? wordsOf(entry) : 'a value'}).`;
    }
    return `Expected an object, got ${describeValue(issue.input)}.`;
  };
}

/**
 * An object with the given fields. Fields it does not list are allowed (newer minor versions add optional
 * fields); parseReport keeps them because it returns its own null-prototype copy, not Valibot's output.
 */
export function obj<E extends v.ObjectEntries>(entries: E, description?: string) {
  return describe(v.object(entries, objectMessage(entries)), description);
}

/** Like obj(), and its type keeps unknown fields as `[key: string]: unknown` (the Report's top level). */
export function looseObj<E extends v.ObjectEntries>(entries: E, description?: string) {
  return describe(v.looseObject(entries, objectMessage(entries)), description);
}
