import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseReport,
  parseReportJson,
  validateReport,
  validateCallSummary,
  encodeShareCode,
  decodeShareCode,
  redactReport,
  toBase64UrlForTest,
  type Report,
  type ParseResult,
} from './report-helpers.js';

const FIXTURES = ['full-pass.json', 'degraded-udp-blocked.json'];
const load = (name: string): Report => JSON.parse(readFileSync(`test/unit/fixtures/reports/${name}`, 'utf8')) as Report;
const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function errorsOf(r: ParseResult): { path: string; message: string }[] {
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}
async function refusal(text: string): Promise<string> {
  const errs = errorsOf(await parseReport(text));
  expect(errs.length).toBeGreaterThan(0);
  return errs.map((e) => `${e.path}: ${e.message}`).join('\n');
}

describe('parseReport round trips on recorded reports', () => {
  for (const name of FIXTURES) {
    it(`${name}: report -> JSON -> parse gives the same report`, async () => {
      const original = load(name);
      const r = await parseReport(JSON.stringify(original, null, 2));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.from).toBe('json');
      expect(plain(r.report)).toEqual(original);
      expect(parseReportJson(JSON.stringify(original)).ok).toBe(true);
    });

    it(`${name}: report -> share code (no redaction) -> parse gives the same report`, async () => {
      const original = load(name);
      const code = await encodeShareCode(original, { redact: false });
      expect(code.startsWith('CCPF1.')).toBe(true);
      expect(code).toMatch(/^CCPF1\.[A-Za-z0-9_-]+$/);
      const r = await parseReport(code);
      expect(r.ok && r.from).toBe('share-code');
      if (r.ok) expect(plain(r.report)).toEqual(original);
    });

    it(`${name}: the default share code is the redacted report`, async () => {
      const original = load(name);
      const r = await parseReport(await encodeShareCode(original));
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(plain(r.report)).toEqual(plain(redactReport(original)));
        expect(r.report.redacted?.length).toBeGreaterThan(0);
      }
    });
  }

  it('a share code wrapped by a chat client (line breaks, spaces, indentation) still parses', async () => {
    const code = await encodeShareCode(load('full-pass.json'));
    const wrapped = '  ' + code.replace(/(.{64})/g, '$1\n   ').replace(/(.{13})/, '$1 ') + '\n';
    const r = await parseReport(wrapped);
    expect(r.ok).toBe(true);
  });

  it('a whole link with #report=CCPF1... parses', async () => {
    const code = await encodeShareCode(load('full-pass.json'));
    const r = await parseReport(`https://support.example.com/demo/report.html#report=${code}`);
    expect(r.ok).toBe(true);
  });

  it('the share code of a typical full report fits a chat message (measured size)', async () => {
    const full = load('full-pass.json');
    const json = JSON.stringify(full);
    const code = await encodeShareCode(full);
    const degraded = await encodeShareCode(load('degraded-udp-blocked.json'));
    // Recorded on this machine: full-pass 12,958 B of JSON -> ~4.6 k chars; degraded (with failover) ~5.8 k.
    console.log(`share code size: full-pass JSON ${json.length} B -> ${code.length} chars; degraded -> ${degraded.length} chars`);
    expect(full.checks).toHaveLength(10);
    expect(code.length).toBeLessThan(8000); // Slack allows 40,000 characters a message, Teams about 28,000
    expect(code.length).toBeLessThan(json.length / 2);
  });

  it('parsed objects have no prototype, so nothing reaches Object.prototype', async () => {
    const r = await parseReport(JSON.stringify(load('full-pass.json')));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.getPrototypeOf(r.report)).toBe(null);
    expect(Object.getPrototypeOf(r.report.checks[0]!.data)).toBe(null);
  });

  it('unknown optional fields and unknown check ids (newer minor versions) are kept', async () => {
    const r0 = load('full-pass.json') as Report & Record<string, unknown>;
    const withExtras = {
      ...r0,
      schema: 'ccp-preflight/1.3',
      futureTopLevel: { hint: 'kept' },
      checks: [...r0.checks, { id: 'dns', title: 'DNS', verdict: 'pass', summary: 'ok', startedAt: r0.createdAt, durationMs: 3, data: { resolver: '10.0.0.2', futureNumber: 4 } }],
    };
    (withExtras.checks[0] as unknown as Record<string, unknown>).futureCheckField = [1, 2, 3];
    const r = await parseReport(JSON.stringify(withExtras));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(plain(r.report.futureTopLevel)).toEqual({ hint: 'kept' });
    expect(plain((r.report.checks[0] as unknown as Record<string, unknown>).futureCheckField)).toEqual([1, 2, 3]);
    expect(r.report.checks[10]!.id).toBe('dns');
  });

  it('validateReport accepts an object (property set by code) and refuses a bad one', () => {
    expect(validateReport(load('full-pass.json')).ok).toBe(true);
    const bare = validateReport({ schema: 'ccp-preflight/1' });
    expect(bare.ok ? [] : bare.errors.slice(0, 3)).toEqual([
      { path: 'id', message: 'Missing required field "id" (text).' },
      { path: 'createdAt', message: 'Missing required field "createdAt" (text).' },
      { path: 'tool', message: 'Missing required field "tool" (an object).' },
    ]);
    const notObject = validateReport('nope');
    expect(notObject.ok ? '' : notObject.errors[0]!.message).toMatch(/^This is JSON, but not a report: expected an object/);
  });
});

describe('parseReport refusals, each with its message', () => {
  it('empty input', async () => {
    expect(await refusal('')).toMatch(/Nothing was pasted/);
    expect(await refusal('   \n\t ')).toMatch(/Nothing was pasted/);
  });

  it('not text at all', async () => {
    expect(errorsOf(await parseReport(42))[0]!.message).toMatch(/Expected text/);
    expect(errorsOf(await parseReport(undefined))[0]!.message).toMatch(/Expected text/);
  });

  it('not JSON and not a share code', async () => {
    expect(await refusal('hello, here is my report')).toMatch(/neither a report's JSON .* nor a share code .*starts with "hello, here "/);
  });

  it('broken JSON', async () => {
    expect(await refusal('{"schema": "ccp-preflight/1", oops}')).toMatch(/This is not valid JSON/);
  });

  it('JSON cut off while copying', async () => {
    const text = JSON.stringify(load('full-pass.json'));
    expect(await refusal(text.slice(0, 5000))).toMatch(/ends too early, as if it was cut off/);
  });

  it('JSON that is not an object', async () => {
    expect(await refusal('[1,2,3]')).toMatch(/not a report: expected an object/);
    expect(await refusal('"CCPF"')).toMatch(/neither|not a report/);
  });

  it('JSON of something else (no schema)', async () => {
    expect(await refusal('{"name":"x"}')).toMatch(/^schema: This is JSON, but not a ccp-preflight report: it has no "schema" field/);
  });

  it('a schema of another tool', async () => {
    expect(await refusal('{"schema":"other-tool/1"}')).toMatch(/not a ccp-preflight report: its schema is "other-tool\/1"/);
  });

  it('an unknown major version, naming it', async () => {
    const r = { ...load('full-pass.json'), schema: 'ccp-preflight/2' };
    const msg = await refusal(JSON.stringify(r));
    expect(msg).toBe('schema: This report uses ccp-preflight/2, which is newer than this viewer understands (ccp-preflight/1). Open it in an updated ccp-preflight viewer, or ask the agent to update the tool that made it.');
  });

  it('wrong types, with their paths', async () => {
    const r = plain(load('full-pass.json')) as unknown as Record<string, any>;
    r.verdict = 'great';
    r.checks[8].data.rttMs = '42';
    r.checks[8].data.samples[3].jitterMs = true;
    r.calls[0].rttMs.avg = 'fast';
    r.environment.browser = 'chrome';
    const errs = errorsOf(await parseReport(JSON.stringify(r)));
    const byPath = Object.fromEntries(errs.map((e) => [e.path, e.message]));
    expect(byPath['verdict']).toBe('Expected one of pass, warn, fail, skip, got text "great".');
    expect(byPath['checks[8].data.rttMs']).toBe('Expected a number or null, got text "42".');
    expect(byPath['checks[8].data.samples[3].jitterMs']).toBe('Expected a number or null, got true/false true.');
    expect(byPath['calls[0].rttMs.avg']).toBe('Expected a number or null, got text "fast".');
    expect(byPath['environment.browser']).toBe('Expected an object, got text "chrome".');
  });

  it('missing required fields, with their paths', async () => {
    const r = plain(load('full-pass.json')) as unknown as Record<string, any>;
    delete r.checks;
    delete r.softphone.fit;
    delete r.calls[0].samples;
    const errs = errorsOf(await parseReport(JSON.stringify(r)));
    expect(errs).toContainEqual({ path: 'checks', message: 'Missing required field "checks" (a list).' });
    expect(errs).toContainEqual({ path: 'softphone.fit', message: 'Missing required field "fit" (one of yes, no, unknown).' });
    expect(errs).toContainEqual({ path: 'calls[0].samples', message: 'Missing required field "samples" (a list).' });
  });

  it('numbers out of range (1e999 parses as Infinity)', async () => {
    const text = JSON.stringify(load('full-pass.json')).replace('"rttMs":42,', '"rttMs":1e999,');
    expect(await refusal(text)).toMatch(/checks\[8\]\.data\.rttMs: Expected a finite number, got Infinity/);
  });

  it('input over the size limit, naming the limit', async () => {
    const big = '{"schema":"ccp-preflight/1","pad":"' + 'x'.repeat(1_000_000) + '"}';
    expect(await refusal(big)).toMatch(/too large: 1,000,03\d characters, over the limit of 1,000,000 characters/);
  });

  it('limits at their edges: 20,000-character text, 5,000-item lists and 32 levels pass; one more is refused', async () => {
    const withExtra = (extra: unknown) => JSON.stringify({ ...load('full-pass.json'), extra });
    const nest = (levels: number): unknown => JSON.parse('['.repeat(levels) + ']'.repeat(levels)) as unknown;
    expect((await parseReport(withExtra('t'.repeat(20_000)))).ok).toBe(true);
    expect(await refusal(withExtra('t'.repeat(20_001)))).toMatch(/^extra: Text is too long: 20,001 characters, over the limit of 20,000\.$/);
    expect((await parseReport(withExtra(new Array(5_000).fill(0)))).ok).toBe(true);
    expect(await refusal(withExtra(new Array(5_001).fill(0)))).toMatch(/^extra: List is too long: 5,001 items, over the limit of 5,000\.$/);
    // The report object is level 1, so 31 nested lists inside it reach 32 levels.
    expect((await parseReport(withExtra(nest(31)))).ok).toBe(true);
    expect(await refusal(withExtra(nest(32)))).toMatch(/nested too deeply \(more than 32 levels/);
    // The same count for a value set by code, and a number inside the deepest list is not a level.
    expect(validateReport({ ...load('full-pass.json'), extra: nest(32) }).ok).toBe(false);
    expect(validateReport({ ...load('full-pass.json'), extra: JSON.parse('['.repeat(31) + '1' + ']'.repeat(31)) }).ok).toBe(true);
    expect((await parseReport(withExtra(JSON.parse('['.repeat(31) + '1' + ']'.repeat(31))))).ok).toBe(true);
  });

  it('a huge string inside', async () => {
    const r = { ...load('full-pass.json'), summary: 'a'.repeat(30_000) };
    expect(await refusal(JSON.stringify(r))).toMatch(/^summary: Text is too long: 30,000 characters, over the limit of 20,000/);
  });

  it('excessive nesting', async () => {
    expect(await refusal('['.repeat(100_000) + ']'.repeat(100_000))).toMatch(/nested too deeply \(more than 32 levels/);
    const deep = { ...load('full-pass.json'), extra: JSON.parse('['.repeat(40) + ']'.repeat(40)) as unknown };
    expect(await refusal(JSON.stringify(deep))).toMatch(/nested too deeply/);
  });

  it('__proto__, constructor and prototype keys are refused and pollute nothing', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const text = JSON.stringify(load('full-pass.json')).replace('"subject":{', `"subject":{"${key}":{"polluted":"yes","toString":1},`);
      const msg = await refusal(text);
      expect(msg).toContain(`subject.${key}: The key "${key}" is not allowed in a report`);
    }
    const top = await refusal('{"__proto__":{"polluted":1},"schema":"ccp-preflight/1"}');
    expect(top).toMatch(/The key "__proto__" is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a share code cut off when copied', async () => {
    const code = await encodeShareCode(load('full-pass.json'));
    expect(await refusal(code.slice(0, code.length - 40))).toMatch(/The share code is incomplete|incomplete or damaged/);
    expect(await refusal(code.slice(0, 300))).toMatch(/share code is incomplete/);
    expect(await refusal('CCPF1.')).toMatch(/empty after "CCPF1\."/);
    // Every cut point gives a refusal that talks about the share code.
    for (let cut = 7; cut < code.length; cut += 97) expect(await refusal(code.slice(0, cut))).toMatch(/share code/);
  });

  it('a share code with a character changed', async () => {
    const code = await encodeShareCode(load('full-pass.json'));
    const mid = 6 + Math.floor((code.length - 6) / 2);
    const damaged = code.slice(0, mid) + (code[mid] === 'A' ? 'B' : 'A') + code.slice(mid + 1);
    expect(await refusal(damaged)).toMatch(/share code is (damaged|incomplete)/);
    expect(await refusal(code.slice(0, 40) + '!' + code.slice(41))).toMatch(/contains a character that cannot be in one \("!" at position 41\)/);
  });

  it('a share code of an unknown kind', async () => {
    expect(await refusal('CCPF2.abcdef')).toMatch(/starts with "CCPF2\.", a kind this viewer does not understand/);
  });

  it('a share code that would inflate past the limit (decompression bomb)', async () => {
    const bomb = new TextEncoder().encode('{"schema":"ccp-preflight/1","pad":"' + ' '.repeat(3_000_000) + '"}');
    const packed = new Uint8Array(await new Response(new Blob([bomb]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    const code = 'CCPF1.' + toBase64UrlForTest(packed);
    expect(code.length).toBeLessThan(10_000);
    expect(await refusal(code)).toMatch(/unpacks to more than 1,000,000 bytes/);
  });

  it('a share code that decodes into something that is not a report', async () => {
    const packed = new Uint8Array(await new Response(new Blob(['hello']).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    expect(await refusal('CCPF1.' + toBase64UrlForTest(packed))).toMatch(/share code is damaged: it decoded, but not into a report/);
  });

  it('decodeShareCode throws ShareCodeError with the same words', async () => {
    await expect(decodeShareCode('nope')).rejects.toThrow(/starts with "CCPF1\."/);
  });
});

describe('parseReport: what people really paste', () => {
  it('JSON inside a Markdown code fence', async () => {
    const r = await parseReport('```json\n' + JSON.stringify(load('full-pass.json'), null, 2) + '\n```');
    expect(r.ok).toBe(true);
  });

  it('a share code with words before it gets a specific message', async () => {
    const code = await encodeShareCode(load('full-pass.json'));
    expect(await refusal(`Hi, here is my report: ${code}`)).toMatch(/contains a share code, but also other words before it/);
  });
});

describe('validateCallSummary (the collector\'s /v1/calls body)', () => {
  it('accepts a recorded call and refuses a broken one with paths, by the same definition as calls[]', () => {
    const call = plain(load('full-pass.json').calls[0]!);
    const ok = validateCallSummary(call);
    expect(ok.ok && Object.getPrototypeOf(ok.call)).toBe(null);
    const bad = validateCallSummary({ ...call, verdict: 'meh', rttMs: { ...call.rttMs, avg: 'x' } });
    expect(bad.ok ? [] : bad.errors).toEqual([
      { path: 'rttMs.avg', message: 'Expected a number or null, got text "x".' },
      { path: 'verdict', message: 'Expected one of pass, warn, fail, skip, got text "meh".' },
    ]);
    expect(validateCallSummary(JSON.parse('{"__proto__":{"x":1}}')).ok).toBe(false);
  });
});
