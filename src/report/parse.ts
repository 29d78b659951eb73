/**
 * parseReport: turns pasted text (a report's JSON, or a `CCPF1.` share code) into a validated Report.
 *
 * Never throws. Every refusal is `{ ok: false, errors: [{ path, message }] }` with a message written for a
 * supervisor: what is wrong with what they pasted and what to do about it. A refusal of the input as a whole also
 * has a stable `code` and the figures of its message (`params`), so a viewer can say it in the reader's language
 * (src/i18n/parse-texts.ts); the English message is the same with or without them.
 *
 * Safety:
 * - Input over MAX_INPUT_CHARS characters is refused before any parsing (a share code's inflated JSON is held
 *   to MAX_JSON_BYTES while it is decompressed, so a small code cannot expand into a huge one).
 * - Nesting deeper than MAX_DEPTH is refused by a linear pre-scan, before JSON.parse.
 * - Keys `__proto__`, `constructor` and `prototype` anywhere are refused, and the report is rebuilt into
 *   null-prototype objects: nothing in a pasted report can reach Object.prototype.
 * - Strings over MAX_STRING_CHARS and arrays over MAX_ARRAY_ITEMS are refused (a report's samples are bounded).
 */
import * as v from 'valibot';
import { REPORT_SCHEMA } from './definition/constants.js';
import { CallSummary as CallSummaryDefinition, Report as ReportDefinition } from './definition/report.js';
import { printable } from './definition/fields.js';
import type { CallSummary, Report } from './definition/types.js';
import { decodeShareCode, findShareCode, ShareCodeError, type ShareCodeErrorCode } from './share.js';

export { MAX_INPUT_CHARS, MAX_JSON_BYTES, MAX_DEPTH, MAX_STRING_CHARS, MAX_ARRAY_ITEMS, MAX_ERRORS } from './limits.js';
import { MAX_INPUT_CHARS, MAX_JSON_BYTES, MAX_DEPTH, MAX_STRING_CHARS, MAX_ARRAY_ITEMS, MAX_ERRORS, jsonDepthExceeds } from './limits.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * What went wrong, one stable code per kind of refusal of the input as a whole (the share code's own refusals
 * keep their codes, `share-*`), `more` for the "…and N more problems" entry. `field` names the family of the
 * problems of single fields (a path and an English detail); this version leaves their `code` absent, so their
 * entries stay `{ path, message }` as before (an entry with a path and no code is a field's problem). A viewer in another language says the sentence again from the
 * code and its `params` (src/i18n/parse-texts.ts); the English `message` stays what the collector's API returns.
 */
export type ParseErrorCode =
  | 'unreadable'
  | 'not-text'
  | 'too-large'
  | 'empty'
  | ShareCodeErrorCode
  | 'share-undecodable'
  | 'share-not-report'
  | 'code-with-words'
  | 'code-version'
  | 'not-json-or-code'
  | 'too-deep'
  | 'json-cut-off'
  | 'json-invalid'
  | 'not-object'
  | 'no-schema'
  | 'schema-not-text'
  | 'other-schema'
  | 'schema-newer'
  | 'schema-older'
  | 'more'
  | 'field';

export interface ParseError {
  /** Where in the report, e.g. `checks[3].data.rttMs`; `` (empty) for the input as a whole. */
  path: string;
  /** What is wrong, in English, for a supervisor: what happened and what to do (unchanged by `code`). */
  message: string;
  /**
   * The refusal's stable code (absent on per-field problems and on errors made elsewhere): set on every refusal
   * of the input as a whole (path `` or, for the schema's refusals, `schema`) and on the "more problems" entry.
   */
  code?: ParseErrorCode;
  /**
   * The figures the message uses, by name: `chars` and `limit` (too-large), `start` (not-json-or-code,
   * code-version), `max` (too-deep), `position` (json-invalid, when the engine said one; share-characters with
   * `char`), `limit` in bytes (share-too-large), `schema` and `expected` (the schema codes), `count` (more),
   * `detail` (an engine's or runtime's own English words: unreadable, share-undecodable, json-invalid), `kind`
   * (not-text, not-object, schema-not-text: `null`, `a list`, `an object`, `text`, `a number`, `true/false`).
   */
  params?: Readonly<Record<string, string | number>>;
}

export type ParseResult = { ok: true; report: Report; from: 'json' | 'share-code' } | { ok: false; errors: ParseError[] };

const WHAT_TO_DO = 'Ask the agent to copy the report again (Copy report, as JSON or share code) or to send the downloaded JSON file.';

/**
 * Parses JSON or a share code (whitespace and line breaks inside a pasted code are ignored; a whole
 * `...#report=CCPF1...` link is accepted too). Async because share codes are inflated with DecompressionStream.
 */
export async function parseReport(text: unknown): Promise<ParseResult> {
  try {
    return await parseInner(text);
  } catch (e) {
    // Defence in depth: nothing above should throw, but a bug here must not break the viewer.
    return fail('', `The report could not be read (${describe(e)}). ${WHAT_TO_DO}`, 'unreadable', { detail: describe(e) });
  }
}

/** The JSON-only path, synchronous (for tooling that already holds the JSON text). Never throws. */
export function parseReportJson(text: string): ParseResult {
  try {
    const pre = checkSize(text);
    if (pre) return pre;
    return fromJsonText(text, 'json');
  } catch (e) {
    return fail('', `The report could not be read (${describe(e)}). ${WHAT_TO_DO}`, 'unreadable', { detail: describe(e) });
  }
}

/** Validates an already-parsed value (e.g. a `report` property set by code). Never throws. */
export function validateReport(value: unknown): ParseResult {
  try {
    const depthErr = valueDepthError(value);
    if (depthErr) return fail('', depthErr, 'too-deep', { max: MAX_DEPTH });
    return validateTree(value, 'json');
  } catch (e) {
    return fail('', `The report could not be read (${describe(e)}). ${WHAT_TO_DO}`, 'unreadable', { detail: describe(e) });
  }
}

/**
 * Validates one live call summary (the collector's `/v1/calls` body) by the same definition as a report's
 * `calls[]`, with the same limits and messages. Never throws; the call is a null-prototype copy.
 */
export function validateCallSummary(value: unknown): { ok: true; call: CallSummary } | { ok: false; errors: ParseError[] } {
  try {
    const depthErr = valueDepthError(value);
    if (depthErr) return { ok: false, errors: [{ path: '', message: depthErr, code: 'too-deep', params: { max: MAX_DEPTH } }] };
    const errs = new Errors();
    const copy = safeCopy(value, '', errs, 1);
    if (!errs.list.length) {
      const checked = v.safeParse(CallSummaryDefinition, copy, { abortEarly: false });
      if (!checked.success) for (const issue of checked.issues) errs.add(issuePath(issue), issue.message);
    }
    return errs.list.length ? { ok: false, errors: errs.result() } : { ok: true, call: copy as CallSummary };
  } catch (e) {
    return { ok: false, errors: [{ path: '', message: `The call summary could not be read (${describe(e)}).`, code: 'unreadable', params: { detail: describe(e) } }] };
  }
}

async function parseInner(text: unknown): Promise<ParseResult> {
  if (typeof text !== 'string') return fail('', `Expected text (a report's JSON or share code), got ${kindOf(text)}.`, 'not-text', { kind: kindOf(text) });
  const pre = checkSize(text);
  if (pre) return pre;
  // Markdown code fences around a paste (```json ... ```) are common in tickets and chats.
  const trimmed = text.trim().replace(/^```[\w-]*[ \t]*\r?\n?([\s\S]*?)\r?\n?```$/, '$1').trim();
  if (trimmed === '') return fail('', 'Nothing was pasted. Paste the report the agent copied (JSON starting with "{", or a share code starting with "CCPF1.").', 'empty');
  const code = findShareCode(trimmed);
  if (code !== null) {
    let json: string;
    try {
      json = await decodeShareCode(code, { maxBytes: MAX_JSON_BYTES });
    } catch (e) {
      if (e instanceof ShareCodeError && e.code) return fail('', e.message, e.code, e.params);
      return fail('', e instanceof ShareCodeError ? e.message : `The share code could not be decoded (${describe(e)}). ${WHAT_TO_DO}`, 'share-undecodable', { detail: describe(e) });
    }
    const r = fromJsonText(json, 'share-code');
    if (!r.ok && r.errors[0]?.path === '' && (r.errors[0].code === 'json-invalid' || r.errors[0].code === 'json-cut-off')) {
      return fail('', `The share code is damaged: it decoded, but not into a report (some characters were probably changed or lost when it was copied). ${WHAT_TO_DO}`, 'share-not-report');
    }
    return r;
  }
  const inside = trimmed.indexOf('CCPF1.');
  if (inside > 0 && !trimmed.startsWith('{')) {
    return fail('', 'The text contains a share code, but also other words before it. Paste only the code: from "CCPF1." to its last character.', 'code-with-words');
  }
  if (/^ccpf\d*\./i.test(trimmed)) {
    const m = /^ccpf(\d*)\./i.exec(trimmed);
    const n = m?.[1] ?? '';
    if (n !== '1' || !trimmed.startsWith('CCPF')) {
      return fail('', `This share code starts with "${trimmed.slice(0, 6)}", a kind this viewer does not understand (it reads codes starting with "CCPF1."). Update the viewer, or ask the agent for the report as JSON.`, 'code-version', { start: trimmed.slice(0, 6) });
    }
  }
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
    return fail('', `This is neither a report's JSON (which starts with "{") nor a share code (which starts with "CCPF1."): it starts with "${printable(trimmed.slice(0, 12))}". ${WHAT_TO_DO}`, 'not-json-or-code', { start: printable(trimmed.slice(0, 12)) });
  }
  return fromJsonText(trimmed, 'json');
}

function checkSize(text: string): ParseResult | null {
  if (text.length > MAX_INPUT_CHARS) {
    return fail('', `The input is too large: ${text.length.toLocaleString('en-US')} characters, over the limit of ${MAX_INPUT_CHARS.toLocaleString('en-US')} characters (a full report is usually under 50,000). Check that only the report was pasted.`, 'too-large', { chars: text.length, limit: MAX_INPUT_CHARS });
  }
  return null;
}

function fromJsonText(text: string, from: 'json' | 'share-code'): ParseResult {
  if (text.length > MAX_INPUT_CHARS) return checkSize(text)!;
  if (jsonDepthExceeds(text, MAX_DEPTH)) {
    return fail('', `The report is nested too deeply (more than ${MAX_DEPTH} levels of objects and arrays); a real report nests about 7. It is not a ccp-preflight report or it was altered.`, 'too-deep', { max: MAX_DEPTH });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const where = describe(e).replace(/^.*?(at position \d+.*|in JSON at position \d+.*)$/, '$1');
    const truncated = /end of (json|data)|unterminated|unexpected end/i.test(describe(e));
    if (truncated) return fail('', `This is not valid JSON: it ends too early, as if it was cut off when copied. ${WHAT_TO_DO}`, 'json-cut-off');
    // The engines say where in their own words (V8 "at position 12", from 0; Firefox "at line 1 column 13", from
    // 1); `position` is the character, counted from 1, when the text is one line.
    const params: Record<string, string | number> = { detail: where };
    const v8 = /position (\d+)/.exec(where);
    const gecko = /line 1 column (\d+)/.exec(where);
    if (v8) params.position = Number(v8[1]) + 1;
    else if (gecko) params.position = Number(gecko[1]);
    return fail('', `This is not valid JSON (${where}). ${WHAT_TO_DO}`, 'json-invalid', params);
  }
  return validateTree(value, from);
}

function valueDepthError(value: unknown): string | null {
  // Levels counted as jsonDepthExceeds counts them: the outermost object or list is level 1.
  const tooDeep = (v: unknown, d: number): boolean => {
    if (v === null || typeof v !== 'object') return false;
    if (d > MAX_DEPTH) return true;
    const items = Array.isArray(v) ? v : Object.values(v as object);
    for (const x of items) if (tooDeep(x, d + 1)) return true;
    return false;
  };
  return tooDeep(value, 1) ? `The report is nested too deeply (more than ${MAX_DEPTH} levels).` : null;
}

// ---------------------------------------------------------------------------------------------------------
// Safe copy: null-prototype objects, refused keys, bounded strings and arrays, finite numbers.
// ---------------------------------------------------------------------------------------------------------

type Obj = Record<string, unknown>;

class Errors {
  list: ParseError[] = [];
  dropped = 0;
  add(path: string, message: string): void {
    if (this.list.length < MAX_ERRORS) this.list.push({ path, message });
    else this.dropped++;
  }
  result(): ParseError[] {
    return this.dropped ? [...this.list, { path: '', message: `…and ${this.dropped} more problems.`, code: 'more', params: { count: this.dropped } }] : this.list;
  }
}

function safeCopy(v: unknown, path: string, errs: Errors, depth: number): unknown {
  if (depth > MAX_DEPTH && v !== null && typeof v === 'object') {
    errs.add(path, `Nested too deeply (more than ${MAX_DEPTH} levels).`);
    return null;
  }
  if (v === null || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) errs.add(path, `Expected a finite number, got ${String(v)}.`);
    return v;
  }
  if (typeof v === 'string') {
    if (v.length > MAX_STRING_CHARS) errs.add(path, `Text is too long: ${v.length.toLocaleString('en-US')} characters, over the limit of ${MAX_STRING_CHARS.toLocaleString('en-US')}.`);
    return v;
  }
  if (Array.isArray(v)) {
    if (v.length > MAX_ARRAY_ITEMS) {
      errs.add(path, `List is too long: ${v.length.toLocaleString('en-US')} items, over the limit of ${MAX_ARRAY_ITEMS.toLocaleString('en-US')}.`);
      return [];
    }
    return v.map((x, i) => safeCopy(x, `${path}[${i}]`, errs, depth + 1));
  }
  if (typeof v === 'object') {
    const out = Object.create(null) as Obj;
    for (const key of Object.keys(v as object)) {
      const p = joinPath(path, key);
      if (FORBIDDEN_KEYS.has(key)) {
        errs.add(p, `The key "${key}" is not allowed in a report (it could tamper with the viewer); the report was altered or is not a ccp-preflight report.`);
        continue;
      }
      out[key] = safeCopy((v as Obj)[key], p, errs, depth + 1);
    }
    return out;
  }
  errs.add(path, `Unexpected value of type ${typeof v}.`);
  return null;
}

function joinPath(base: string, key: string): string {
  const k = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
  return base ? (k.startsWith('"') ? `${base}[${k}]` : `${base}.${k}`) : k;
}

// ---------------------------------------------------------------------------------------------------------
// Structure validation: the one definition (./definition/report.ts), through Valibot.
// ---------------------------------------------------------------------------------------------------------

function validateTree(raw: unknown, from: 'json' | 'share-code'): ParseResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return fail('', `This is JSON, but not a report: expected an object ({ ... }), got ${kindOf(raw)}. ${WHAT_TO_DO}`, 'not-object', { kind: kindOf(raw) });
  }
  const errs = new Errors();
  const r = safeCopy(raw, '', errs, 1) as Obj; // the report object is level 1, as in jsonDepthExceeds
  if (errs.list.some((e) => e.message.startsWith('The key'))) return { ok: false, errors: errs.result() };

  // The schema first: a report of another kind or version gets one clear message, not a list of type errors.
  const schema = r.schema;
  if (schema === undefined) {
    return fail('schema', `This is JSON, but not a ccp-preflight report: it has no "schema" field (a report has "schema": "${REPORT_SCHEMA}"). ${WHAT_TO_DO}`, 'no-schema', { expected: REPORT_SCHEMA });
  }
  if (typeof schema !== 'string') return fail('schema', `Expected "schema" to be text like "${REPORT_SCHEMA}", got ${kindOf(schema)}.`, 'schema-not-text', { kind: kindOf(schema), expected: REPORT_SCHEMA });
  const m = /^ccp-preflight\/(\d+)(?:\.(\d+))?$/.exec(schema);
  if (!m) return fail('schema', `This is not a ccp-preflight report: its schema is "${printable(schema.slice(0, 60))}" (expected "${REPORT_SCHEMA}").`, 'other-schema', { schema: printable(schema.slice(0, 60)), expected: REPORT_SCHEMA });
  const major = Number(m[1]);
  if (major !== 1) {
    return fail(
      'schema',
      major > 1
        ? `This report uses ${schema}, which is newer than this viewer understands (${REPORT_SCHEMA}). Open it in an updated ccp-preflight viewer, or ask the agent to update the tool that made it.`
        : `This report uses ${schema}, an unknown version (this viewer reads ${REPORT_SCHEMA}).`,
      major > 1 ? 'schema-newer' : 'schema-older',
      { schema, expected: REPORT_SCHEMA },
    );
  }

  // The definition's messages are already sentences (definition/fields.ts); here they get their paths. The
  // report returned is the null-prototype copy (with unknown fields kept), not Valibot's output.
  const checked = v.safeParse(ReportDefinition, r, { abortEarly: false });
  if (!checked.success) for (const issue of checked.issues) errs.add(issuePath(issue), issue.message);
  if (errs.list.length) return { ok: false, errors: errs.result() };
  return { ok: true, report: r as unknown as Report, from };
}

/** `checks[3].data.rttMs` from a Valibot issue's path. */
function issuePath(issue: v.BaseIssue<unknown>): string {
  let p = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    p = typeof key === 'number' ? `${p}[${key}]` : joinPath(p, String(key));
  }
  return p;
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return 'text';
  if (typeof v === 'number') return 'a number';
  if (typeof v === 'boolean') return 'true/false';
  return typeof v;
}

function describe(e: unknown): string {
  try {
    return e instanceof Error ? e.message : String(e);
  } catch {
    return 'unknown error';
  }
}

function fail(path: string, message: string, code: ParseErrorCode, params?: ParseError['params']): ParseResult {
  return { ok: false, errors: [params ? { path, message, code, params } : { path, message, code }] };
}
