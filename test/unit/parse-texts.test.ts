// Why a pasted report could not be opened, said in the reader's language: every refusal of parseReport (and of
// decodeShareCode) carries a stable code and its figures beside its unchanged English message, and every code reads
// in every language with those figures, without a raw placeholder or English left.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { parseReport, validateReport, validateCallSummary, MAX_DEPTH, MAX_INPUT_CHARS, MAX_JSON_BYTES, type ParseError } from '../../src/report/parse.js';
import { decodeShareCode, ShareCodeError, toBase64Url } from '../../src/report/share.js';
import { MAX_ERRORS } from '../../src/report/limits.js';
import { fieldProblemsAdvice, fieldProblemsLead, parseErrorText, parseFromCode } from '../../src/i18n/parse-texts.js';
import { setLocale } from '../../src/i18n/runtime.js';
import { TARGET_LOCALES } from '../../src/i18n/locale.js';

async function deflate(text: string | Uint8Array): Promise<string> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const out = await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
  return 'CCPF1.' + toBase64Url(new Uint8Array(out));
}

async function only(input: unknown): Promise<ParseError> {
  const r = await parseReport(input);
  if (r.ok) throw new Error('expected a refusal');
  expect(r.errors).toHaveLength(1);
  return r.errors[0]!;
}

/** English words of these sentences, as whole words (Unicode letters). */
const ENGLISH_WORDS = new Set(['the', 'report', 'ask', 'again', 'paste', 'pasted', 'copied', 'nothing', 'this', 'not', 'valid', 'was', 'with', 'from', 'share', 'parts', 'viewer', 'characters']);
const englishIn = (s: string): string[] => (s.match(/\p{L}+/gu) ?? []).filter((w) => ENGLISH_WORDS.has(w.toLowerCase()));

describe('parse error codes', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('every refusal of the input as a whole has its code and figures, and the English message is unchanged', async () => {
    const cases: [unknown, ParseError][] = [
      [42, { path: '', code: 'not-text', params: { kind: 'a number' }, message: 'Expected text (a report\'s JSON or share code), got a number.' }],
      ['', { path: '', code: 'empty', message: 'Nothing was pasted. Paste the report the agent copied (JSON starting with "{", or a share code starting with "CCPF1.").' }],
      ['```json\n```', { path: '', code: 'empty', message: 'Nothing was pasted. Paste the report the agent copied (JSON starting with "{", or a share code starting with "CCPF1.").' }],
      ['hello world', {
        path: '', code: 'not-json-or-code', params: { start: 'hello world' },
        message: 'This is neither a report\'s JSON (which starts with "{") nor a share code (which starts with "CCPF1."): it starts with "hello world". Ask the agent to copy the report again (Copy report, as JSON or share code) or to send the downloaded JSON file.',
      }],
      ['{}', {
        path: 'schema', code: 'no-schema', params: { expected: 'ccp-preflight/1' },
        message: 'This is JSON, but not a ccp-preflight report: it has no "schema" field (a report has "schema": "ccp-preflight/1"). Ask the agent to copy the report again (Copy report, as JSON or share code) or to send the downloaded JSON file.',
      }],
      ['{"schema":"acme/3"}', { path: 'schema', code: 'other-schema', params: { schema: 'acme/3', expected: 'ccp-preflight/1' }, message: 'This is not a ccp-preflight report: its schema is "acme/3" (expected "ccp-preflight/1").' }],
    ];
    for (const [input, expected] of cases) expect(await only(input), String(input)).toEqual(expected);

    const big = await only('x'.repeat(MAX_INPUT_CHARS + 1));
    expect([big.code, big.params]).toEqual(['too-large', { chars: MAX_INPUT_CHARS + 1, limit: MAX_INPUT_CHARS }]);
    expect(big.message).toMatch(/^The input is too large: 1,000,001 characters/);
    expect((await only('see CCPF1.abc')).code).toBe('code-with-words');
    expect(await only('CCPF2.abc')).toMatchObject({ code: 'code-version', params: { start: 'CCPF2.' } });
    expect(await only('['.repeat(MAX_DEPTH + 2))).toMatchObject({ code: 'too-deep', params: { max: MAX_DEPTH } });
    expect(await only('{"a": [1, ')).toMatchObject({ code: 'json-cut-off' });
    const invalid = await only('{"a" 1}');
    expect(invalid.code).toBe('json-invalid');
    expect(invalid.params?.position).toBe(6); // the character "1", counted from 1
    expect(invalid.message).toMatch(/^This is not valid JSON \(/);
    expect(await only('[1]')).toMatchObject({ code: 'not-object', params: { kind: 'a list' } });
    expect(await only('{"schema":1}')).toMatchObject({ path: 'schema', code: 'schema-not-text', params: { expected: 'ccp-preflight/1' } });
    expect(await only('{"schema":"ccp-preflight/2.1"}')).toMatchObject({ path: 'schema', code: 'schema-newer', params: { schema: 'ccp-preflight/2.1', expected: 'ccp-preflight/1' } });
    expect(await only('{"schema":"ccp-preflight/0"}')).toMatchObject({ path: 'schema', code: 'schema-older', params: { schema: 'ccp-preflight/0' } });

    // Beyond MAX_ERRORS field problems: the fields keep no code (unchanged shape), the last entry counts the rest.
    const many = await parseReport(JSON.stringify({ schema: 'ccp-preflight/1', extra: Array.from({ length: MAX_ERRORS + 4 }, () => Infinity) }).replace(/null/g, '1e999'));
    expect(many.ok).toBe(false);
    if (!many.ok) {
      expect(many.errors[0]).toEqual({ path: expect.any(String) as string, message: expect.any(String) as string });
      const last = many.errors.at(-1)!;
      expect(last.code).toBe('more');
      expect(last.message).toBe(`…and ${last.params?.count} more problems.`);
    }

    const deep = JSON.parse('['.repeat(MAX_DEPTH + 2) + ']'.repeat(MAX_DEPTH + 2)) as unknown;
    expect(validateReport(deep)).toMatchObject({ ok: false, errors: [{ path: '', code: 'too-deep', params: { max: MAX_DEPTH } }] });
    expect(validateCallSummary(deep)).toMatchObject({ ok: false, errors: [{ path: '', code: 'too-deep' }] });
  });

  it('every refusal of a share code has its code, through decodeShareCode and through parseReport', async () => {
    const cases: [string, string, Record<string, unknown>?][] = [
      ['CCPF1.', 'share-empty'],
      ['CCPF1.ab$cd', 'share-characters', { char: '$', position: 9 }],
      ['CCPF1.abcde', 'share-incomplete'],
      ['CCPF1.AAAAAAAA', 'share-damaged'],
      [await deflate(new Uint8Array([0xff, 0xfe, 0xfd])), 'share-unreadable-text'],
      [await deflate('{"a":"' + 'x'.repeat(MAX_JSON_BYTES) + '"}'), 'share-too-large', { limit: MAX_JSON_BYTES }],
    ];
    for (const [code, expected, params] of cases) {
      const thrown = await decodeShareCode(code, { maxBytes: MAX_JSON_BYTES }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(thrown, code).toBeInstanceOf(ShareCodeError);
      expect((thrown as ShareCodeError).code, code).toBe(expected);
      const e = await only(code);
      expect(e.code, code).toBe(expected);
      expect(e.message).toBe((thrown as ShareCodeError).message);
      if (params) expect(e.params).toEqual(params);
    }
    await expect(decodeShareCode('abc')).rejects.toMatchObject({ code: 'share-prefix', reason: 'prefix' });
    expect((await only(await deflate('not json at all'))).code).toBe('share-not-report');
    vi.stubGlobal('DecompressionStream', undefined);
    expect(await only('CCPF1.AAAAAAAA')).toMatchObject({ code: 'share-unsupported', message: expect.stringMatching(/^This browser cannot open share codes/) as string });
  });
});

describe('parse error texts', () => {
  afterAll(() => setLocale('en'));

  const ALL: ParseError[] = [
    { path: '', message: 'E', code: 'unreadable', params: { detail: 'boom' } },
    { path: '', message: 'E', code: 'not-text', params: { kind: 'a number' } },
    { path: '', message: 'E', code: 'too-large', params: { chars: 1_234_567, limit: 1_000_000 } },
    { path: '', message: 'E', code: 'empty' },
    { path: '', message: 'E', code: 'share-prefix' },
    { path: '', message: 'E', code: 'share-empty' },
    { path: '', message: 'E', code: 'share-incomplete' },
    { path: '', message: 'E', code: 'share-characters', params: { char: '$', position: 9 } },
    { path: '', message: 'E', code: 'share-damaged' },
    { path: '', message: 'E', code: 'share-unreadable-text' },
    { path: '', message: 'E', code: 'share-too-large', params: { limit: 1_000_000 } },
    { path: '', message: 'E', code: 'share-unsupported' },
    { path: '', message: 'E', code: 'share-undecodable', params: { detail: 'boom' } },
    { path: '', message: 'E', code: 'share-not-report' },
    { path: '', message: 'E', code: 'code-with-words' },
    { path: '', message: 'E', code: 'code-version', params: { start: 'CCPF7.' } },
    { path: '', message: 'E', code: 'not-json-or-code', params: { start: 'hello world' } },
    { path: '', message: 'E', code: 'too-deep', params: { max: 32 } },
    { path: '', message: 'E', code: 'json-cut-off' },
    { path: '', message: 'E', code: 'json-invalid', params: { detail: 'x', position: 6 } },
    { path: '', message: 'E', code: 'json-invalid', params: { detail: 'x' } },
    { path: '', message: 'E', code: 'not-object', params: { kind: 'a list' } },
    { path: 'schema', message: 'E', code: 'no-schema', params: { expected: 'ccp-preflight/1' } },
    { path: 'schema', message: 'E', code: 'schema-not-text', params: { kind: 'a number', expected: 'ccp-preflight/1' } },
    { path: 'schema', message: 'E', code: 'other-schema', params: { schema: 'acme/3', expected: 'ccp-preflight/1' } },
    { path: 'schema', message: 'E', code: 'schema-newer', params: { schema: 'ccp-preflight/2', expected: 'ccp-preflight/1' } },
    { path: 'schema', message: 'E', code: 'schema-older', params: { schema: 'ccp-preflight/0', expected: 'ccp-preflight/1' } },
    { path: '', message: 'E', code: 'more', params: { count: 7 } },
  ];

  it('covers every code of ParseErrorCode and ShareCodeErrorCode', () => {
    const union = (file: string, name: string): string[] => {
      const src = readFileSync(file, 'utf8');
      const start = src.indexOf(`export type ${name} =`);
      return [...src.slice(start, src.indexOf(';', start)).matchAll(/'([a-z-]+)'/g)].map((m) => m[1]!);
    };
    const codes = [...union('src/report/parse.ts', 'ParseErrorCode'), ...union('src/report/share.ts', 'ShareCodeErrorCode')].filter((c) => c !== 'field');
    expect(codes.length).toBeGreaterThan(25);
    const known = new Set<string | undefined>(ALL.map((e) => e.code));
    expect(codes.filter((c) => !known.has(c))).toEqual([]);
  });

  it('shows the English message in English, for a field and for an unknown code', async () => {
    await setLocale('en');
    for (const e of ALL) expect(parseErrorText(e)).toBe('E');
    await setLocale('es');
    expect(parseErrorText({ path: '', code: 'from-a-newer-version', message: 'Some new refusal.' })).toBe('Some new refusal.');
    expect(parseErrorText({ path: 'checks[0].verdict', message: 'Expected one of pass, warn, fail, skip, got text "meh".' })).toBe('Expected one of pass, warn, fail, skip, got text "meh".');
    expect(parseErrorText({ path: '', code: 'share-characters', message: 'No figures.' })).toBe('No figures.');
  });

  it('has a sentence for every code in every language, with its figures and no raw placeholder or English', async () => {
    for (const l of TARGET_LOCALES) {
      await setLocale(l);
      const seen = new Set<string>();
      for (const e of ALL) {
        const t = parseFromCode(e);
        expect(t, `${l} ${e.code}`).toBeTypeOf('string');
        expect(t, `${l} ${e.code}`).not.toMatch(/\{\d\}|\$\{|undefined|NaN|\[object/);
        expect(parseErrorText(e)).toBe(t);
        expect(englishIn(t!), `${l} ${e.code}: ${t}`).toEqual([]);
        const p = e.params ?? {};
        for (const k of ['start', 'schema', 'expected', 'char'] as const) if (p[k] !== undefined && e.code !== 'schema-not-text') expect(t, `${l} ${e.code}`).toContain(String(p[k]));
        for (const k of ['position', 'max', 'count'] as const) if (typeof p[k] === 'number') expect(t, `${l} ${e.code}`).toContain(String(p[k]));
        if (e.code === 'too-large') expect(t, l).toContain(new Intl.NumberFormat(l).format(1_234_567));
        seen.add(t!);
      }
      // share-empty and share-incomplete say the same thing (the code was cut off).
      expect(seen.size, `${l}: one sentence per kind`).toBe(ALL.length - 1);
      for (const t of [fieldProblemsLead(), fieldProblemsAdvice()]) {
        expect(englishIn(t), `${l}: ${t}`).toEqual([]);
      }
    }
  });
});
