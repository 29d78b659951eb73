// Fuzz: >= 10,000 generated and mutated inputs through parseReport. Zero throws; every refusal carries
// messages with paths; every acceptance is a safe, valid report (null prototypes, round-trips, passes the
// definition again); inputs that cannot be reports (cut off, polluted, random bytes) are always refused.
// Deterministic (seeded) so a failure reproduces.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { encodeShareCode, parseReport, validateReport, type ParseResult, type Report } from './report-helpers.js';

let seed = 0x5eed1234;
const rnd = (): number => {
  seed ^= seed << 13; seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5; seed >>>= 0;
  return seed / 0x100000000;
};
const int = (n: number): number => Math.floor(rnd() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;

const base = JSON.parse(readFileSync('test/unit/fixtures/reports/full-pass.json', 'utf8')) as Report;
const baseText = JSON.stringify(base);
const SWAPS: unknown[] = [null, 0, -1, 1e308, '', 'x', true, false, [], {}, [null], { a: 1 }, 'NaN', '<img src=x onerror=alert(1)>'];
const PROTO = ['__proto__', 'constructor', 'prototype'];

function paths(v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...prefix, Array.isArray(v) ? Number(k) : k], out);
  return out;
}
const ALL_PATHS = paths(base).filter((p) => p.length > 0);

function mutateObject(): string {
  const r = JSON.parse(baseText) as Record<string, unknown>;
  const n = 1 + int(3);
  for (let i = 0; i < n; i++) {
    const p = pick(ALL_PATHS);
    let parent: any = r;
    for (const k of p.slice(0, -1)) parent = parent?.[k];
    if (!parent || typeof parent !== 'object') continue;
    const last = p[p.length - 1]!;
    const op = int(5);
    if (op === 0) delete parent[last];
    else if (op === 1) parent[last] = pick(SWAPS);
    else if (op === 2) parent[last] = 'z'.repeat(int(2) ? 25_000 : 100);
    else if (op === 3) {
      let deep: unknown = 1;
      for (let d = 0; d < 20 + int(40); d++) deep = int(2) ? [deep] : { d: deep };
      parent[last] = deep;
    } else parent[last] = pick([...SWAPS, 'ccp-preflight/2', 'ccp-preflight/0', 'ccp-preflight/1.9']);
  }
  let text = JSON.stringify(r);
  if (int(4) === 0) text = text.replace('"subject":{', `"subject":{"${pick(PROTO)}":{"polluted":1},`);
  return text;
}

function randomBytes(): string {
  const n = int(300);
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(int(4) === 0 ? int(0x10000) : 32 + int(95));
  return pick(['', '{', '[', 'CCPF1.', ' ']) + s;
}

function truncate(text: string): string {
  return text.slice(0, int(text.length));
}

function flip(text: string): string {
  const i = int(text.length);
  const chars = '{}[]":,\\0123456789abcdefxyzAZ-_. \n\u0000\u2028';
  return text.slice(0, i) + chars[int(chars.length)] + text.slice(i + 1);
}

function deepNest(): string {
  const d = int(5000);
  return int(2) ? '['.repeat(d) + ']'.repeat(int(2) ? d : int(d)) : '{"a":'.repeat(d) + '1' + '}'.repeat(d);
}

/** Every object and array of an accepted report has a null prototype (objects) and no refused key. */
function assertSafe(v: unknown, path = 'report'): void {
  if (v === null || typeof v !== 'object') return;
  if (!Array.isArray(v)) {
    if (Object.getPrototypeOf(v) !== null) throw new Error(`${path} has a prototype`);
    for (const k of ['__proto__', 'constructor', 'prototype']) if (Object.hasOwn(v, k)) throw new Error(`${path} kept the key ${k}`);
  }
  for (const [k, x] of Object.entries(v)) assertSafe(x, `${path}.${k}`);
}

function check(r: ParseResult, input: string, mustRefuse: boolean): void {
  const show = JSON.stringify(input.slice(0, 200));
  if (r.ok) {
    if (mustRefuse) throw new Error(`accepted an input that is not a report: ${show}`);
    expect(r.report.schema).toMatch(/^ccp-preflight\/1(\.\d+)?$/);
    assertSafe(r.report);
    // What was accepted is valid by the definition on its own, and survives a round trip unchanged.
    const again = validateReport(JSON.parse(JSON.stringify(r.report)));
    if (!again.ok) throw new Error(`accepted ${show} but its own copy is refused: ${JSON.stringify(again.errors)}`);
    expect(JSON.stringify(again.report)).toBe(JSON.stringify(r.report));
    return;
  }
  if (r.errors.length === 0 || r.errors.length > 26 || r.errors.some((e) => typeof e.message !== 'string' || !/^[A-Z…].*\S$/s.test(e.message.trim()) || typeof e.path !== 'string')) {
    throw new Error(`bad error list for input ${show}: ${JSON.stringify(r.errors)}`);
  }
}

it('10,000+ generated and mutated inputs: zero throws, refusals with messages, acceptances safe and valid', async () => {
  const code = await encodeShareCode(base, { redact: false });
  const counts = { ok: 0, refused: 0 };
  const t0 = Date.now();
  // Generators whose inputs can never be a valid report: random bytes, a cut-off JSON text, a cut-off code,
  // a code with shuffled characters, a code of random characters, an oversized string.
  const MUST_REFUSE = new Set([0, 1, 6, 8, 10, 11]);
  const gens: (() => string | Promise<string>)[] = [
    randomBytes,
    () => truncate(baseText),
    () => flip(baseText),
    () => flip(flip(flip(baseText))),
    mutateObject,
    deepNest,
    () => truncate(code),
    () => flip(code),
    () => code.slice(0, 6) + code.slice(6).split('').sort(() => rnd() - 0.5).join('').slice(0, 200),
    async () => encodeShareCode(JSON.parse(mutateObject()) as Report, { redact: int(2) === 0 }),
    () => 'CCPF1.' + randomBytes().replace(/[^A-Za-z0-9_-]/g, 'A'),
    () => `{"schema":"ccp-preflight/1","x":"${'y'.repeat(int(2_000_000))}"}`,
  ];
  // How often each generator runs per 80 inputs: the share-code ones (stream inflate, ~5 ms each in Node) and the
  // megabyte strings less often, so 10,000 inputs stay within a few seconds on a loaded 2-core machine.
  const WEIGHTS = [16, 10, 10, 6, 14, 8, 3, 3, 2, 1, 6, 1];
  const SCHEDULE = WEIGHTS.flatMap((w, g) => Array.from({ length: w }, () => g));
  const N = Number(process.env.FUZZ_N ?? 10_200);
  const perGen = gens.map(() => 0);
  for (let i = 0; i < N; i++) {
    const tg = Date.now();
    const gi = SCHEDULE[i % SCHEDULE.length]!;
    const gen = gens[gi]!;
    const input = await gen();
    let r: ParseResult;
    try {
      r = await parseReport(input);
    } catch (e) {
      throw new Error(`parseReport threw on input #${i} (${JSON.stringify(String(input).slice(0, 200))}): ${String(e)}`, { cause: e });
    }
    const polluted = /"(__proto__|constructor|prototype)":/.test(input);
    check(r, input, MUST_REFUSE.has(gi) || polluted);
    if (r.ok) counts.ok++;
    else counts.refused++;
    perGen[gi]! += Date.now() - tg;
  }
  console.log(`fuzz time per generator (ms): ${perGen.join(', ')}`);
  console.log(`fuzz: ${N} inputs, ${counts.ok} ok, ${counts.refused} refused, ${Date.now() - t0} ms`);
  // Both outcomes were exercised: the mutations keep some inputs valid (e.g. a swapped optional value).
  expect(counts.ok).toBeGreaterThan(N / 100);
  expect(counts.refused).toBeGreaterThan(N / 2);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}, 120_000);
