/**
 * parseReport: turns pasted text (a report's JSON, or a `CCPF1.` share code) into a validated Report.
 *
 * Never throws. Every refusal is `{ ok: false, errors: [{ path, message }] }` with a message written for a
 * supervisor: what is wrong with what they pasted and what to do about it.
 *
 * Safety:
 * - Input over MAX_INPUT_CHARS characters is refused before any parsing (a share code's inflated JSON is held
 *   to MAX_JSON_BYTES while it is decompressed, so a small code cannot expand into a huge one).
 * - Nesting deeper than MAX_DEPTH is refused by a linear pre-scan, before JSON.parse.
 * - Keys `__proto__`, `constructor` and `prototype` anywhere are refused, and the report is rebuilt into
 *   null-prototype objects: nothing in a pasted report can reach Object.prototype.
 * - Strings over MAX_STRING_CHARS and arrays over MAX_ARRAY_ITEMS are refused (a report's samples are bounded).
 */
import { CHECK_IDS, REPORT_SCHEMA, type Report } from './schema.js';
import { decodeShareCode, findShareCode, ShareCodeError } from './share.js';

export { MAX_INPUT_CHARS, MAX_JSON_BYTES, MAX_DEPTH, MAX_STRING_CHARS, MAX_ARRAY_ITEMS, MAX_ERRORS } from './limits.js';
import { MAX_INPUT_CHARS, MAX_JSON_BYTES, MAX_DEPTH, MAX_STRING_CHARS, MAX_ARRAY_ITEMS, MAX_ERRORS } from './limits.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ParseError {
  /** Where in the report, e.g. `checks[3].data.rttMs`; `` (empty) for the input as a whole. */
  path: string;
  message: string;
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
    return fail('', `The report could not be read (${describe(e)}). ${WHAT_TO_DO}`);
  }
}

/** The JSON-only path, synchronous (for tooling that already holds the JSON text). Never throws. */
export function parseReportJson(text: string): ParseResult {
  try {
    const pre = checkSize(text);
    if (pre) return pre;
    return fromJsonText(text, 'json');
  } catch (e) {
    return fail('', `The report could not be read (${describe(e)}). ${WHAT_TO_DO}`);
  }
}

/** Validates an already-parsed value (e.g. a `report` property set by code). Never throws. */
export function validateReport(value: unknown): ParseResult {
  try {
    const depthErr = valueDepthError(value);
    if (depthErr) return fail('', depthErr);
    return validateTree(value, 'json');
  } catch (e) {
    return fail('', `The report could not be read (${describe(e)}). ${WHAT_TO_DO}`);
  }
}

async function parseInner(text: unknown): Promise<ParseResult> {
  if (typeof text !== 'string') return fail('', `Expected text (a report's JSON or share code), got ${kindOf(text)}.`);
  const pre = checkSize(text);
  if (pre) return pre;
  // Markdown code fences around a paste (```json ... ```) are common in tickets and chats.
  const trimmed = text.trim().replace(/^```[\w-]*[ \t]*\r?\n?([\s\S]*?)\r?\n?```$/, '$1').trim();
  if (trimmed === '') return fail('', 'Nothing was pasted. Paste the report the agent copied (JSON starting with "{", or a share code starting with "CCPF1.").');
  const code = findShareCode(trimmed);
  if (code !== null) {
    let json: string;
    try {
      json = await decodeShareCode(code, { maxBytes: MAX_JSON_BYTES });
    } catch (e) {
      const message = e instanceof ShareCodeError ? e.message : `The share code could not be decoded (${describe(e)}). ${WHAT_TO_DO}`;
      return fail('', message);
    }
    const r = fromJsonText(json, 'share-code');
    if (!r.ok && r.errors[0]?.path === '' && r.errors[0].message.startsWith('This is not valid JSON')) {
      return fail('', `The share code is damaged: it decoded, but not into a report (some characters were probably changed or lost when it was copied). ${WHAT_TO_DO}`);
    }
    return r;
  }
  const inside = trimmed.indexOf('CCPF1.');
  if (inside > 0 && !trimmed.startsWith('{')) {
    return fail('', 'The text contains a share code, but also other words before it. Paste only the code: from "CCPF1." to its last character.');
  }
  if (/^ccpf\d*\./i.test(trimmed)) {
    const m = /^ccpf(\d*)\./i.exec(trimmed);
    const n = m?.[1] ?? '';
    if (n !== '1' || !trimmed.startsWith('CCPF')) {
      return fail('', `This share code starts with "${trimmed.slice(0, 6)}", a kind this viewer does not understand (it reads codes starting with "CCPF1."). Update the viewer, or ask the agent for the report as JSON.`);
    }
  }
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
    return fail('', `This is neither a report's JSON (which starts with "{") nor a share code (which starts with "CCPF1."): it starts with "${printable(trimmed.slice(0, 12))}". ${WHAT_TO_DO}`);
  }
  return fromJsonText(trimmed, 'json');
}

function checkSize(text: string): ParseResult | null {
  if (text.length > MAX_INPUT_CHARS) {
    return fail('', `The input is too large: ${text.length.toLocaleString('en-US')} characters, over the limit of ${MAX_INPUT_CHARS.toLocaleString('en-US')} characters (a full report is usually under 50,000). Check that only the report was pasted.`);
  }
  return null;
}

function fromJsonText(text: string, from: 'json' | 'share-code'): ParseResult {
  if (text.length > MAX_INPUT_CHARS) return checkSize(text)!;
  const depth = scanDepth(text);
  if (depth > MAX_DEPTH) {
    return fail('', `The report is nested too deeply (more than ${MAX_DEPTH} levels of objects and arrays); a real report nests about 7. It is not a ccp-preflight report or it was altered.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const where = describe(e).replace(/^.*?(at position \d+.*|in JSON at position \d+.*)$/, '$1');
    const truncated = /end of (json|data)|unterminated|unexpected end/i.test(describe(e));
    return fail(
      '',
      truncated
        ? `This is not valid JSON: it ends too early, as if it was cut off when copied. ${WHAT_TO_DO}`
        : `This is not valid JSON (${where}). ${WHAT_TO_DO}`,
    );
  }
  return validateTree(value, from);
}

/** Deepest nesting of [ and { outside strings; linear, stops counting past MAX_DEPTH + 1. */
function scanDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > MAX_DEPTH) return max;
      }
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

function valueDepthError(value: unknown): string | null {
  const tooDeep = (v: unknown, d: number): boolean => {
    if (d > MAX_DEPTH) return true;
    if (v === null || typeof v !== 'object') return false;
    const items = Array.isArray(v) ? v : Object.values(v as object);
    for (const x of items) if (tooDeep(x, d + 1)) return true;
    return false;
  };
  return tooDeep(value, 0) ? `The report is nested too deeply (more than ${MAX_DEPTH} levels).` : null;
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
    return this.dropped ? [...this.list, { path: '', message: `…and ${this.dropped} more problems.` }] : this.list;
  }
}

function safeCopy(v: unknown, path: string, errs: Errors, depth: number): unknown {
  if (depth > MAX_DEPTH) {
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
// Structure validation
// ---------------------------------------------------------------------------------------------------------

const VERDICTS = ['pass', 'warn', 'fail', 'skip'] as const;
const CCP_MODES = ['full', 'media-less', 'none'] as const;
const FIT = ['yes', 'no', 'unknown'] as const;

/** Field rules: s string, n finite number, b boolean, o object, a array, N number|null, B boolean|null; `?` optional. */
type Rule = 's' | 's?' | 'n' | 'n?' | 'N' | 'N?' | 'b' | 'b?' | 'B?' | 'o' | 'o?' | 'a' | 'a?' | readonly string[];

function validateTree(raw: unknown, from: 'json' | 'share-code'): ParseResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return fail('', `This is JSON, but not a report: expected an object ({ ... }), got ${kindOf(raw)}. ${WHAT_TO_DO}`);
  }
  const errs = new Errors();
  const r = safeCopy(raw, '', errs, 0) as Obj;
  if (errs.list.some((e) => e.message.startsWith('The key'))) return { ok: false, errors: errs.result() };

  // The schema first: a report of another kind or version gets one clear message, not a list of type errors.
  const schema = r.schema;
  if (schema === undefined) {
    return fail('schema', `This is JSON, but not a ccp-preflight report: it has no "schema" field (a report has "schema": "${REPORT_SCHEMA}"). ${WHAT_TO_DO}`);
  }
  if (typeof schema !== 'string') return fail('schema', `Expected "schema" to be text like "${REPORT_SCHEMA}", got ${kindOf(schema)}.`);
  const m = /^ccp-preflight\/(\d+)(?:\.(\d+))?$/.exec(schema);
  if (!m) return fail('schema', `This is not a ccp-preflight report: its schema is "${printable(schema.slice(0, 60))}" (expected "${REPORT_SCHEMA}").`);
  const major = Number(m[1]);
  if (major !== 1) {
    return fail(
      'schema',
      major > 1
        ? `This report uses ${schema}, which is newer than this viewer understands (${REPORT_SCHEMA}). Open it in an updated ccp-preflight viewer, or ask the agent to update the tool that made it.`
        : `This report uses ${schema}, an unknown version (this viewer reads ${REPORT_SCHEMA}).`,
    );
  }

  fields(r, '', errs, {
    id: 's',
    createdAt: 's',
    verdict: VERDICTS,
    summary: 's',
    tool: 'o',
    subject: 'o',
    environment: 'o',
    softphone: 'o',
    checks: 'a',
    calls: 'a',
    failover: 'a?',
    redacted: 'a?',
    incomplete: 'b?',
  });
  if (typeof r.createdAt === 'string' && Number.isNaN(Date.parse(r.createdAt))) errs.add('createdAt', `Expected a date and time (ISO 8601), got "${printable(r.createdAt.slice(0, 40))}".`);
  if (isObj(r.tool)) fields(r.tool, 'tool', errs, { name: 's', version: 's' });
  if (isObj(r.subject)) {
    fields(r.subject, 'subject', errs, { ccpMode: CCP_MODES, instance: 's?', region: 's?', agent: 'o?', label: 's?' });
    if (isObj(r.subject.agent)) agentFields(r.subject.agent, 'subject.agent', errs);
  }
  if (isObj(r.environment)) {
    const env = r.environment;
    fields(env, 'environment', errs, { userAgent: 's', browser: 'o', platform: 's', language: 's?', logicalCores: 'N?', deviceMemoryGb: 'N?' });
    if (isObj(env.browser)) fields(env.browser, 'environment.browser', errs, { family: 's', major: 'N' });
  }
  if (isObj(r.softphone)) {
    fields(r.softphone, 'softphone', errs, { fit: FIT, blockers: 'a' });
    eachObj(r.softphone.blockers, 'softphone.blockers', errs, (b, p) => fields(b, p, errs, { id: 's', verdict: VERDICTS, summary: 's' }));
  }
  eachObj(r.checks, 'checks', errs, (c, p) => checkFields(c, p, errs));
  eachObj(r.calls, 'calls', errs, (c, p) => callFields(c, p, errs));
  eachObj(r.failover, 'failover', errs, (f, p) => {
    fields(f, p, errs, { at: 's', action: ['to-external-phone', 'to-softphone'], status: ['switched', 'failed'], consent: 's', reason: 's', before: 'o', after: 'o', error: 's?' });
    for (const side of ['before', 'after'] as const) {
      const s = f[side];
      if (isObj(s)) {
        fields(s, `${p}.${side}`, errs, { softphoneEnabled: 'b' });
        if (s.extension !== null && typeof s.extension !== 'string') errs.add(`${p}.${side}.extension`, `Expected text or null, got ${kindOf(s.extension)}.`);
      }
    }
  });
  if (Array.isArray(r.redacted)) r.redacted.forEach((x, i) => { if (typeof x !== 'string') errs.add(`redacted[${i}]`, `Expected text, got ${kindOf(x)}.`); });

  if (errs.list.length) return { ok: false, errors: errs.result() };
  return { ok: true, report: r as unknown as Report, from };
}

function checkFields(c: Obj, p: string, errs: Errors): void {
  fields(c, p, errs, { id: 's', title: 's', verdict: VERDICTS, summary: 's', code: 's?', remedies: 'a?', startedAt: 's', durationMs: 'n', data: 'o', error: 'o?' });
  eachObj(c.remedies, `${p}.remedies`, errs, (x, q) => fields(x, q, errs, { id: 's', text: 's', source: 's', audience: 's?' }));
  if (isObj(c.error)) fields(c.error, `${p}.error`, errs, { name: 's', message: 's' });
  if (!isObj(c.data)) return;
  const d = c.data;
  const dp = `${p}.data`;
  const id = typeof c.id === 'string' && (CHECK_IDS as readonly string[]).includes(c.id) ? c.id : 'unknown';
  switch (id) {
    case 'browser':
      fields(d, dp, errs, { family: 's?', major: 'N?', userAgent: 's?', secureContext: 'b?', apis: 'o?', minSupportedMajor: 'N?', latestMajor: 'N?', versionTableDate: 's?' }, true);
      break;
    case 'workstation':
      fields(d, dp, errs, { logicalCores: 'N?', deviceMemoryGb: 'N?', cpuGhzEstimate: 'N?', benchmark: 'o?', loadHint: 's?', eventLoopLagMs: 'N?' }, true);
      if (isObj(d.benchmark)) fields(d.benchmark, `${dp}.benchmark`, errs, { iterations: 'N?', medianMs: 'N?', runs: 'N?' }, true);
      break;
    case 'devices':
      fields(d, dp, errs, { permission: 's?', inputs: 'a?', outputs: 'N?', captureOk: 'b?', levelDbfs: 'N?', peakDbfs: 'N?', level: 's?', selectedInput: 'o?' }, true);
      eachObj(d.inputs, `${dp}.inputs`, errs, (x, q) => fields(x, q, errs, { label: 's?', kind: 's?', isDefault: 'b?' }, true));
      break;
    case 'endpoints':
      fields(d, dp, errs, { endpoints: 'a?', regions: 'a?', bestRegion: 's?', instanceRegion: 's?', recommendation: 's?', websocket: 'o?' }, true);
      eachObj(d.endpoints, `${dp}.endpoints`, errs, (x, q) => {
        fields(x, q, errs, { url: 's', role: 's?', outcome: 's', medianMs: 'N?', samplesMs: 'a?', detail: 's?' }, true);
        numbers(x.samplesMs, `${q}.samplesMs`, errs);
      });
      eachObj(d.regions, `${dp}.regions`, errs, (x, q) => fields(x, q, errs, { region: 's', url: 's?', medianMs: 'N?', outcome: 's?' }, true));
      break;
    case 'ice-udp':
    case 'ice-tcp':
    case 'ice-tls':
      fields(d, dp, errs, { transport: 's?', servers: 'a?', source: 's?' }, true);
      eachObj(d.servers, `${dp}.servers`, errs, (x, q) => {
        fields(x, q, errs, { url: 's', kind: 's?', transport: 's?', srflx: 'b?', relay: 'b?', srflxMs: 'N?', relayMs: 'N?', relayAddress: 's?', errors: 'a?', relayInAmazonConnect: 'B?' }, true);
        eachObj(x.errors, `${q}.errors`, errs, (e, r) => fields(e, r, errs, { code: 'N?', text: 's?', meaning: 's?' }, true));
      });
      break;
    case 'media':
      fields(d, dp, errs, {
        transport: 's?', serverUrl: 's?', relayAddress: 's?', relayInAmazonConnect: 'B?', durationMs: 'N?', rttMs: 'N?', jitterMs: 'N?', lossPct: 'N?', packetsSent: 'N?', packetsReceived: 'N?', packetsLost: 'N?',
        mos: 'N?', mosBand: 's?', sendKbps: 'N?', recvKbps: 'N?', rttSources: 'o?', codec: 's?', stoppedEarly: 'b?', samples: 'a?', source: 's?',
        rttCi95: 'o?', jitterCi95: 'o?', lossCi95: 'o?',
      }, true);
      for (const k of ['rttCi95', 'jitterCi95', 'lossCi95']) if (isObj(d[k])) fields(d[k], `${dp}.${k}`, errs, { lo: 'n', hi: 'n' }, true);
      eachObj(d.samples, `${dp}.samples`, errs, (x, q) => fields(x, q, errs, { tMs: 'n', rttMs: 'N?', jitterMs: 'N?', lossPct: 'N?', sendKbps: 'N?', recvKbps: 'N?' }, true));
      break;
    case 'bandwidth':
      fields(d, dp, errs, { upKbps: 'N?', downKbps: 'N?', requiredKbps: 'N?', bytes: 'N?', durationMs: 'N?', method: 's?' }, true);
      break;
    case 'ccp':
      fields(d, dp, errs, { mode: 's?', state: 's?', ccpUrl: 's?', streamsVersion: 's?', mediaLocation: 's?', agent: 'o?', softphoneErrors: 'a?', websocket: 's?', agentState: 'o?', missedCall: 'b?', iceServersFromCcp: 'N?' }, true);
      if (isObj(d.agent)) agentFields(d.agent, `${dp}.agent`, errs);
      eachObj(d.softphoneErrors, `${dp}.softphoneErrors`, errs, (x, q) => fields(x, q, errs, { errorType: 's', errorMessage: 's?', at: 's?', remedyId: 's?' }, true));
      break;
    default:
      // A check id from a newer minor version: kept; its data is shown generically.
      break;
  }
}

function agentFields(a: Obj, p: string, errs: Errors): void {
  fields(a, p, errs, { name: 's?', username: 's?', softphoneEnabled: 'b?', extension: 's?', routingProfile: 's?', dialableCountries: 'a?' }, true);
}

function callFields(c: Obj, p: string, errs: Errors): void {
  fields(c, p, errs, { contactId: 's?', startedAt: 's', endedAt: 's?', durationMs: 'n', source: 's', rttMs: 'o', jitterMs: 'o', lossPct: 'o', mos: 'o', verdict: VERDICTS, samples: 'a' });
  if (isObj(c.rttMs)) fields(c.rttMs, `${p}.rttMs`, errs, { avg: 'N', p95: 'N', max: 'N' });
  if (isObj(c.jitterMs)) fields(c.jitterMs, `${p}.jitterMs`, errs, { avg: 'N', p95: 'N', max: 'N' });
  if (isObj(c.lossPct)) fields(c.lossPct, `${p}.lossPct`, errs, { avg: 'N', max: 'N' });
  if (isObj(c.mos)) fields(c.mos, `${p}.mos`, errs, { avg: 'N', min: 'N' });
  eachObj(c.samples, `${p}.samples`, errs, (x, q) => fields(x, q, errs, { tMs: 'n', rttMs: 'N?', jitterMs: 'N?', lossPct: 'N?', mos: 'N?' }));
}

/**
 * Checks fields by rule. With `loose` (check data), an optional field may also be null: check data is read
 * leniently (several data interfaces use `X | null` for "not measured"), only wrong types are refused.
 */
function fields(o: Obj, base: string, errs: Errors, rules: Record<string, Rule>, loose = false): void {
  for (const [key, rule] of Object.entries(rules)) {
    const p = base ? `${base}.${key}` : key;
    const v = o[key];
    if (Array.isArray(rule)) {
      if (v === undefined) errs.add(p, `Missing required field "${key}" (one of ${rule.join(', ')}).`);
      else if (typeof v !== 'string' || !rule.includes(v)) errs.add(p, `Expected one of ${rule.join(', ')}, got ${describeValue(v)}.`);
      continue;
    }
    const r = rule as Exclude<Rule, readonly string[]>;
    const optional = r.endsWith('?');
    if (v === undefined || (loose && optional && v === null)) {
      if (!optional) errs.add(p, `Missing required field "${key}" (${TYPE_WORDS[r[0] as keyof typeof TYPE_WORDS]}).`);
      continue;
    }
    const t = r[0] as keyof typeof TYPE_WORDS;
    const ok =
      t === 's' ? typeof v === 'string'
      : t === 'n' ? typeof v === 'number'
      : t === 'N' ? typeof v === 'number' || v === null
      : t === 'b' ? typeof v === 'boolean'
      : t === 'B' ? typeof v === 'boolean' || v === null
      : t === 'o' ? isObj(v)
      : Array.isArray(v);
    if (!ok) errs.add(p, `Expected ${TYPE_WORDS[t]}, got ${describeValue(v)}.`);
  }
}

const TYPE_WORDS = { s: 'text', n: 'a number', N: 'a number or null', b: 'true or false', B: 'true, false or null', o: 'an object', a: 'a list' } as const;

function eachObj(list: unknown, base: string, errs: Errors, fn: (o: Obj, path: string) => void): void {
  if (!Array.isArray(list)) return;
  list.forEach((x, i) => {
    if (isObj(x)) fn(x, `${base}[${i}]`);
    else errs.add(`${base}[${i}]`, `Expected an object, got ${describeValue(x)}.`);
  });
}

function numbers(list: unknown, base: string, errs: Errors): void {
  if (!Array.isArray(list)) return;
  list.forEach((x, i) => { if (typeof x !== 'number') errs.add(`${base}[${i}]`, `Expected a number, got ${describeValue(x)}.`); });
}

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
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

function describeValue(v: unknown): string {
  if (typeof v === 'string') return `text "${printable(v.slice(0, 40))}${v.length > 40 ? '…' : ''}"`;
  if (typeof v === 'number' || typeof v === 'boolean') return `${kindOf(v)} ${String(v)}`;
  return kindOf(v);
}

/** Control characters shown as \u escapes so a message never carries invisible text. */
function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function describe(e: unknown): string {
  try {
    return e instanceof Error ? e.message : String(e);
  } catch {
    return 'unknown error';
  }
}

function fail(path: string, message: string): ParseResult {
  return { ok: false, errors: [{ path, message }] };
}
