/**
 * `ccp-preflight log FILE [--json]` as a person runs it: the real CLI in a child process, reading the built
 * package (dist/report.js; scripts/test-all.mjs builds before the unit tests, or run `npm run build`).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The machine's own language settings are left out, so each test says which language it means. */
const BASE_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE'].includes(k)));
const cliEnv = (env: Record<string, string>, ...args: string[]) => spawnSync(process.execPath, ['cli/ccp-preflight.mjs', 'log', ...args], { encoding: 'utf8', env: { ...BASE_ENV, ...env } });
const cli = (...args: string[]) => cliEnv({}, ...args);
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

  it('--lang es: the same report in Spanish (problems, calls, directions, summaries); --lang=pt_BR reads as pt-BR', () => {
    const r = cli(fixture, '--lang', 'es');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Registro del CCP .*: /);
    expect(r.stdout).toContain('Problemas (2):');
    expect(r.stdout).toContain('Llamadas (2):');
    expect(r.stdout).toContain('Lo que oye el agente');
    expect(r.stdout).toContain('pérdida de paquetes de 11,2');
    expect(r.stdout).toContain('11111111-aaaa-4bbb-8ccc-000000000002');
    for (const en of ['What the agent hears', 'Problems (', 'Calls (', 'poor audio', 'is above', 'Good in both directions']) expect(r.stdout).not.toContain(en);
    const pt = cli(fixture, '--lang=pt_BR');
    expect(pt.status).toBe(0);
    expect(pt.stdout).toContain('O que o agente ouve');
  });

  it('takes the language from LC_ALL, LC_MESSAGES or LANG (the first set decides); --lang wins', () => {
    expect(cliEnv({ LANG: 'de_DE.UTF-8' }, fixture).stdout).toContain('Anrufe (2):');
    expect(cliEnv({ LANG: 'de_DE.UTF-8', LC_ALL: 'ja_JP.UTF-8' }, fixture).stdout).toContain('通話（2 件）：');
    expect(cliEnv({ LC_MESSAGES: 'fr_FR.UTF-8' }, fixture).stdout).toContain('Appels (2)');
    expect(cliEnv({ LANG: 'C' }, fixture).stdout).toContain('Calls (2):');
    expect(cliEnv({ LANG: 'de_DE.UTF-8' }, fixture, '--lang', 'en').stdout).toContain('Calls (2):');
  });

  it('a language this tool does not have is a usage error that lists the languages (exit 3)', () => {
    for (const args of [['--lang', 'xx'], ['--lang=zh-CN'], ['--lang']]) {
      const r = cli(fixture, ...args);
      expect(r.status, args.join(' ')).toBe(3);
      expect(r.stderr).toContain('en, es, fr, de, pt-BR, ja');
      expect(r.stdout).toBe('');
    }
    expect(cli('--help').stdout).toMatch(/--lang LANG .*en, es, fr, de, pt-BR, ja/);
  });

  it('--json is the same in every language: English sentences with their codes and figures', () => {
    const en = cli(fixture, '--json').stdout;
    const ja = cli(fixture, '--json', '--lang', 'ja').stdout;
    expect(ja).toBe(en);
    const log = JSON.parse(en);
    expect(log.problems[0].title).toMatch(/poor audio in what the agent hears/);
    expect(log.problems[0].params).toMatchObject({ contactId: '11111111-aaaa-4bbb-8ccc-000000000002', stream: 'audio_output' });
    expect(log.problems[0].params.findings.map((f: { code: string }) => f.code)).toContain('high-loss');
    expect(log.calls.map((c: { summaryCode: string }) => c.summaryCode)).toEqual(['good', 'issues']);
    expect(log.versions.jitterMeaningCode).toBe('streams-buffer-delay');
    expect(log.messageCodes).toEqual([]);
  });

  it("a file that is not a log is refused in the reader's language", () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccplog-cli-'));
    try {
      writeFileSync(join(dir, 'notes.txt'), 'hola, esto no es un registro');
      const r = cli(join(dir, 'notes.txt'), '--lang', 'es');
      expect(r.status).toBe(3);
      expect(r.stderr).toContain('Esto no es un registro del CCP');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
