/**
 * `ccp-preflight log FILE [--json]` as a person runs it: the real CLI in a child process, reading the built
 * package (dist/report.js; scripts/test-all.mjs builds before the unit tests, or run `npm run build`).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = (...args: string[]) => spawnSync(process.execPath, ['cli/ccp-preflight.mjs', 'log', ...args], { encoding: 'utf8' });
const fixture = 'test/unit/fixtures/ccplog/streams-two-calls.json';

describe('ccp-preflight log', { timeout: 60_000 }, () => {
  beforeAll(() => {
    if (!existsSync('dist/report.js')) throw new Error('dist/report.js is missing: run "npm run build" before this test.');
  });

  it('prints the calls per direction and the problems first; exit 0', () => {
    const r = cli(fixture);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^CCP log .*: FAIL/);
    const problems = r.stdout.indexOf('Problems (');
    const calls = r.stdout.indexOf('Calls (2)');
    expect(problems).toBeGreaterThan(0);
    expect(calls).toBeGreaterThan(problems);
    expect(r.stdout).toContain('What the agent hears');
    expect(r.stdout).toContain('What the caller hears');
    expect(r.stdout).toContain('11111111-aaaa-4bbb-8ccc-000000000002');
  });

  it('--json: calls with contactId and figures, softphone errors with their type', () => {
    const ok = JSON.parse(cli(fixture, '--json').stdout);
    expect(ok.calls.map((c: { contactId: string }) => c.contactId)).toEqual(['11111111-aaaa-4bbb-8ccc-000000000001', '11111111-aaaa-4bbb-8ccc-000000000002']);
    expect(ok.calls[1].agentHears.lossPct).toBeGreaterThan(5);
    expect(ok.calls[1].agentHears.rttMs.avg).toBeCloseTo(420, 5);
    const ice = JSON.parse(cli('test/unit/fixtures/ccplog/streams-ice-error.json', '--json').stdout);
    expect(ice.softphoneErrors.map((e: { type: string }) => e.type)).toEqual(['ice_collection_timeout']);
  });

  it('exit 3 with a message for a missing file, a file that is not a log, and no file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccplog-cli-'));
    try {
      const missing = cli(join(dir, 'nope.txt'));
      expect(missing.status).toBe(3);
      expect(missing.stderr).toMatch(/cannot read .*no such file/);
      writeFileSync(join(dir, 'report.json'), '{"schema":"ccp-preflight/1"}');
      const notLog = cli(join(dir, 'report.json'));
      expect(notLog.status).toBe(3);
      expect(notLog.stderr).toMatch(/not a CCP log/);
      const none = cli();
      expect(none.status).toBe(3);
      expect(none.stderr).toMatch(/which file/);
      expect(cli('--help').status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
