// What the allowlist tests share: the recorded ip-ranges.json files, a fixed "today", and the CLI's main with
// its output captured (a test helper module, not a test file).
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { allowlistMain, type AllowlistIo } from '../../src/allowlist/index.js';

export const dir = fileURLToPath(new URL('./fixtures/ip-ranges/', import.meta.url));
export const CURRENT = `${dir}ip-ranges.json`;
export const PREVIOUS = `${dir}ip-ranges-previous.json`;
export const current: unknown = JSON.parse(readFileSync(CURRENT, 'utf8'));
export const previous: unknown = JSON.parse(readFileSync(PREVIOUS, 'utf8'));
/** A fixed "today" (never the real date): 17 days after the fixtures' safe date, 18 days before the latest. */
export const TODAY = new Date('2026-12-02T03:00:00Z');

/** Runs `ccp-preflight allowlist` in process, its output captured. */
export async function run(argv: string[], extra: Partial<AllowlistIo> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await allowlistMain(argv, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    readFile: (p) => readFile(p, 'utf8'),
    now: () => TODAY,
    ...extra,
  });
  return { code, out, err };
}
