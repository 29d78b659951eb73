// `ccp-preflight serve` in the reader's language (issue 15): its --help, its usage and start-up errors and the lines
// it prints once listening, through the built package's serveTexts (src/i18n/serve-texts.ts), in the language of
// --lang, else LC_ALL / LC_MESSAGES / LANG; English as it always was. Spawns the real CLI (cli/ccp-preflight.mjs)
// on the build (dist/server/collector.mjs and ccp-preflight/report).
import { describe, expect, it, vi } from 'vitest';
// Terminal columns of a text (a Japanese character takes two): the CLI's own counter (src/report/text.ts).
import { columns } from '../../src/report/text.js';

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRODUCT_NAMES, sentences } from '../support/english-sentences.js';

// Each test starts the CLI several times (a Node process each): on a loaded 2-core CI machine that takes more
// than Vitest's default 5 s.
vi.setConfig({ testTimeout: 60_000 });

/** The environment without any language or collector setting: each test says its own. */
const BASE_ENV = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !['LANG', 'LC_ALL', 'LC_MESSAGES', 'LANGUAGE', 'PORT', 'DATABASE_URL', 'CCP_PREFLIGHT_ORIGINS', 'OTEL_EXPORTER_OTLP_ENDPOINT'].includes(k) && !k.startsWith('CCP_PREFLIGHT_'),
  ),
);

function cli(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['cli/ccp-preflight.mjs', ...args], { encoding: 'utf8', env: { ...BASE_ENV, ...env }, timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts `serve` and resolves with what it printed once `until` matches its output (then stops it), or when it exits. */
function serveUntil(args: string[], env: Record<string, string>, until: RegExp): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['cli/ccp-preflight.mjs', 'serve', ...args], { env: { ...BASE_ENV, ...env } });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not print ${until} within 60 s:\n${stdout}\n${stderr}`));
    }, 60_000);
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
      if (until.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The terminal column where `needle` starts in `line`. */
const columnOf = (line: string, needle: string): number => columns(line.slice(0, line.indexOf(needle)));

/** The help's option table: every row's description and every continuation line start at one column. */
function expectAligned(help: string): void {
  const lines = help.split('\n');
  const start = lines.findIndex((l) => /^ {2}-/.test(l));
  const end = lines.findIndex((l, i) => i > start && l.trim() === '');
  const block = lines.slice(start, end);
  const rows = block.filter((l) => /^ {2}-/.test(l));
  const more = block.filter((l) => /^ {4,}\S/.test(l));
  expect(rows.length).toBe(OPTIONS.length);
  const starts = new Set([...rows.map((r) => columns(/^ {2}\S+(?: \S+)? +/.exec(r)![0])), ...more.map((l) => columns(/^ */.exec(l)![0]))]);
  expect(starts, block.join('\n')).toEqual(new Set([23]));
}

/** `ccp-preflight serve --help` in English: as before the collector spoke other languages, plus its --lang row. */
const EN_HELP = `Usage: ccp-preflight serve [options]

Runs the fleet collector: agents' widgets post their reports, supervisors see the fleet at http://HOST:PORT/.

Options:
  --port N             Port to listen on (default 8787; env PORT)
  --host ADDR          Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --data DIR           Embedded store (PGlite) folder (default ./ccp-preflight-data)
  --database URL       A PostgreSQL database instead (env DATABASE_URL): postgres://USER:PASS@HOST:5432/DB.
                       Several collectors may share one database behind a load balancer.
  --origin URL         An agent desktop origin allowed to post from the browser (repeat, or comma-separated;
                       env CCP_PREFLIGHT_ORIGINS). Without one, browsers on other origins cannot post.
  --retain-days N      Delete reports older than N days (default 90)
  --otlp-endpoint URL  Export metrics and one log record per report over OTLP/HTTP
                       (env OTEL_EXPORTER_OTLP_ENDPOINT), e.g. http://otel-collector:4318
  --rate-limit N       Requests per minute per client address (default 60000)
  --trust-proxy        Behind a load balancer: take the client address from X-Forwarded-For
  --config FILE        JSON file: {"ingestTokens": [...], "readTokens": [...], "origins": [...]}
  --lang LANG          Language of these messages: en, es, fr, de, pt-BR, ja (default: from LC_ALL,
                       LC_MESSAGES or LANG, else English); the API and the logs stay in English

Tokens: CCP_PREFLIGHT_INGEST_TOKENS and CCP_PREFLIGHT_READ_TOKENS (comma-separated), or the config file.
With none, random tokens are made and printed once.`;

/** Lines of the English help kept as they are: the synopsis (French says "options" too) and the URL form. */
const KEEP = [...PRODUCT_NAMES, 'ccp-preflight serve [options]', 'postgres://USER:PASS@HOST:5432/DB.'];

const OPTIONS = ['--port', '--host', '--data', '--database', '--origin', '--retain-days', '--otlp-endpoint', '--rate-limit', '--trust-proxy', '--config', '--lang'];

describe.runIf(existsSync('dist/esm/report.js') && existsSync('dist/server/collector.mjs'))(
  'ccp-preflight serve in the reader\'s language',
  () => {
    it('LANG=C: the English help and errors as before; --lang en wins over a Spanish environment', () => {
      const help = cli(['serve', '--help'], { LANG: 'C' });
      expect([help.code, help.stdout, help.stderr]).toEqual([0, EN_HELP + '\n', '']);
      expect(cli(['serve', '--help', '--lang', 'en'], { LANG: 'es_ES.UTF-8' }).stdout).toBe(EN_HELP + '\n');
      const port = cli(['serve', '--port', 'x'], { LANG: 'C' });
      expect([port.code, port.stdout, port.stderr]).toEqual([3, '', `ccp-preflight serve: --port must be a whole number of at least 0, got "x".\n\n${EN_HELP}\n`]);
      // Node's own words for an unknown option, as before.
      const bogus = cli(['serve', '--bogus'], { LANG: 'C' });
      expect([bogus.code, bogus.stderr]).toEqual([3, `ccp-preflight serve: Unknown option '--bogus'\n\n${EN_HELP}\n`]);
      const token = cli(['serve'], { LANG: 'C', CCP_PREFLIGHT_READ_TOKENS: 'short' });
      expect([token.code, token.stderr]).toEqual([3, 'ccp-preflight serve: A read token is shorter than 16 characters. Use long random tokens, e.g. from "openssl rand -base64 32".\n']);
    });

    it('serve --help in Spanish, by --lang es (after or before the command) and by LANG=es_ES.UTF-8: no English sentence left, the options as typed, the columns aligned', () => {
      const byFlag = cli(['serve', '--help', '--lang', 'es'], { LANG: 'C' });
      const byEnv = cli(['serve', '--help'], { LANG: 'es_ES.UTF-8' });
      expect(byFlag.code).toBe(0);
      expect(byEnv.code).toBe(0);
      expect(byEnv.stdout).toBe(byFlag.stdout);
      expect(cli(['--lang', 'es', 'serve', '--help'], { LANG: 'C' }).stdout).toBe(byFlag.stdout);
      const es = byFlag.stdout;
      expect(es).toMatch(/^Uso: ccp-preflight serve \[opciones\]\n\nEjecuta el recopilador: los widgets /);
      expect(es).toContain('\nOpciones:\n  --port N             Puerto en el que escucha (por defecto 8787; variable PORT)\n');
      expect(es).toContain('  --config ARCHIVO     Archivo JSON: {"ingestTokens": [...], "readTokens": [...], "origins": [...]}\n');
      const left = sentences(EN_HELP, KEEP).filter((s) => es.includes(s));
      expect(left, 'English left in the Spanish help').toEqual([]);
      for (const option of OPTIONS) expect(es, option).toContain(`  ${option} `);
      for (const env of ['PORT', 'DATABASE_URL', 'CCP_PREFLIGHT_ORIGINS', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'CCP_PREFLIGHT_INGEST_TOKENS', 'CCP_PREFLIGHT_READ_TOKENS']) expect(es, env).toContain(env);
      expectAligned(es);
      expect(Math.max(...es.split('\n').map(columns))).toBeLessThanOrEqual(113);
    });

    it('a bad serve option in Spanish says what is wrong, then the Spanish help; exit 3 as before', () => {
      const byFlag = cli(['serve', '--port', 'x', '--lang', 'es'], { LANG: 'C' });
      const byEnv = cli(['serve', '--port', 'x'], { LANG: 'es_ES.UTF-8' });
      const help = cli(['serve', '--help', '--lang', 'es']).stdout;
      for (const r of [byFlag, byEnv]) {
        expect(r.code).toBe(3);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe(`ccp-preflight serve: --port debe ser un número entero igual o mayor que 0 (se indicó "x").\n\n${help}`);
      }
      const bogus = cli(['serve', '--bogus'], { LANG: 'es_ES.UTF-8' });
      expect(bogus.code).toBe(3);
      expect(bogus.stderr).toMatch(/^ccp-preflight serve: Opción desconocida '--bogus'\.\n\nUso: ccp-preflight serve /);
      const missing = cli(['serve', '--retain-days'], { LANG: 'es_ES.UTF-8' });
      expect(missing.stderr).toMatch(/^ccp-preflight serve: --retain-days necesita un valor\.\n\nUso: /);
      const origin = cli(['serve', '--origin', 'desktop.example.com', '--lang', 'es']);
      expect(origin.stderr).toMatch(/^ccp-preflight serve: --origin debe ser un origen como https:\/\/desktop\.example\.com \(se indicó "desktop\.example\.com"\)\.\n/);
      const token = cli(['serve'], { LANG: 'es_ES.UTF-8', CCP_PREFLIGHT_INGEST_TOKENS: 'short' });
      expect([token.code, token.stderr]).toEqual([3, 'ccp-preflight serve: Un token de envío tiene menos de 16 caracteres. Usa tokens largos y aleatorios, p. ej., de "openssl rand -base64 32".\n']);
      const lang = cli(['serve', '--lang', 'xx'], { LANG: 'es_ES.UTF-8' });
      expect(lang.code).toBe(3);
      expect(lang.stderr).toMatch(/^ccp-preflight serve: --lang "xx" no es un idioma de esta herramienta\. /);
      for (const r of [bogus, missing, origin, token, lang]) expect(r.stderr).not.toMatch(/Unknown option|must be|argument missing|shorter than|Usage:/);
    });

    it('the other languages: translated, the options as typed, the columns aligned (Japanese characters two columns wide)', () => {
      for (const lang of ['fr', 'de', 'pt-BR', 'ja']) {
        const r = cli(['serve', '--help', '--lang', lang]);
        expect(r.code).toBe(0);
        expect(r.stdout, lang).not.toContain('Usage:');
        expect(sentences(EN_HELP, KEEP).filter((s) => r.stdout.includes(s)), lang).toEqual([]);
        for (const option of OPTIONS) expect(r.stdout, `${lang} ${option}`).toContain(`  ${option} `);
        expectAligned(r.stdout);
        expect(Math.max(...r.stdout.split('\n').map(columns)), lang).toBeLessThanOrEqual(113);
      }
      expect(cli(['serve', '--help', '--lang', 'ja']).stdout).toMatch(/^使い方：ccp-preflight serve \[オプション\]/);
      expect(cli(['serve', '--help', '--lang', 'fr']).stdout).toMatch(/^Utilisation\u00a0: ccp-preflight serve \[options\]/);
    });

    it('once listening: the start-up lines in Spanish, the token values in one column; English as before', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ccp-serve-i18n-'));
      try {
        const es = await serveUntil(['--port', '0', '--data', join(dir, 'data')], { LANG: 'es_ES.UTF-8' }, /reinicios\.\n/);
        expect(es.stderr).toBe('');
        const lines = es.stdout.split('\n');
        expect(lines[0]).toMatch(new RegExp(`^Recopilador de ccp-preflight en (http://127\\.0\\.0\\.1:\\d+) \\(los informes se guardan 90 días en el almacén integrado de ${join(dir, 'data').replace(/[.\\/]/g, '\\$&')}\\)\\.$`));
        const url = /http:\/\/127\.0\.0\.1:\d+/.exec(lines[0]!)![0];
        expect(lines.slice(1, 4)).toEqual([
          `  Vista de agentes:  ${url}/`,
          `  API de envío:      POST ${url}/v1/reports`,
          '  No hay ningún --origin configurado: solo pueden enviar las páginas del mismo origen y los servidores.',
        ]);
        expect(lines[5]).toBe('No había tokens configurados, así que se generaron estos para esta ejecución (cambian al reiniciar):');
        expect(lines[6]).toMatch(/^ {2}Token de envío \(el collector-token del widget\): [\w-]{43}$/);
        expect(lines[7]).toMatch(/^ {2}Token de lectura \(la vista de agentes\): +[\w-]{43}$/);
        expect(columnOf(lines[7]!, lines[7]!.trim().split(' ').pop()!)).toBe(columnOf(lines[6]!, lines[6]!.trim().split(' ').pop()!));

        const en = await serveUntil(['--port', '0', '--data', join(dir, 'data'), '--origin', 'https://desktop.example.com'], { LANG: 'C', CCP_PREFLIGHT_INGEST_TOKENS: 'i'.repeat(20), CCP_PREFLIGHT_READ_TOKENS: 'r'.repeat(20) }, /v1\/reports\n/);
        const enUrl = /http:\/\/127\.0\.0\.1:\d+/.exec(en.stdout)![0];
        expect(en.stdout).toBe(
          `ccp-preflight collector on ${enUrl} (reports kept 90 days in the embedded store in ${join(dir, 'data')}).\n  Fleet view:  ${enUrl}/\n  Ingest API:  POST ${enUrl}/v1/reports\n`,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);

    it('a port in use, in Spanish: which port and what to do (in English, Node\'s own message as before)', async () => {
      const busy = createServer();
      await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
      const { port } = busy.address() as AddressInfo;
      const dir = mkdtempSync(join(tmpdir(), 'ccp-serve-i18n-'));
      try {
        const es = await serveUntil(['--port', String(port), '--data', join(dir, 'data')], { LANG: 'es_ES.UTF-8' }, /$^/);
        expect([es.code, es.stdout]).toEqual([3, '']);
        expect(es.stderr).toBe(`ccp-preflight serve: El puerto ${port} de 127.0.0.1 ya está en uso (¿otro recopilador?). Detén ese programa o indica otro --port.\n`);
        const en = await serveUntil(['--port', String(port), '--data', join(dir, 'data')], { LANG: 'C' }, /$^/);
        expect([en.code, en.stderr]).toEqual([3, `ccp-preflight serve: listen EADDRINUSE: address already in use 127.0.0.1:${port}\n`]);
      } finally {
        busy.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);
  },
);
