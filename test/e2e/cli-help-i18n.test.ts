// The CLI's own words in the reader's language (issue 15): `ccp-preflight --help` and the help of `run`, `log`
// and `allowlist`, and the usage errors, through the built package's cliTexts (src/i18n/cli-texts.ts), in the
// language of --lang, else LC_ALL / LC_MESSAGES / LANG. Spawns the real CLI (cli/ccp-preflight.mjs) on the build.
import { describe, expect, it, vi } from 'vitest';
// Terminal columns of a text (a Japanese character takes two): the CLI's own counter (src/report/text.ts).
import { columns } from '../../src/report/text.js';

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRODUCT_NAMES, sentences } from '../support/english-sentences.js';
import { CHECK_IDS } from '../../src/report/schema.js';

// Each test starts the CLI several times (a Node process each): on a loaded 2-core CI machine that takes more
// than Vitest's default 5 s.
vi.setConfig({ testTimeout: 60_000 });

/** The environment without any language: each test says its own. */
const BASE_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['LANG', 'LC_ALL', 'LC_MESSAGES', 'LANGUAGE'].includes(k)));

function cli(args: string[], env: Record<string, string> = {}, bin = 'cli/ccp-preflight.mjs'): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...BASE_ENV, ...env }, timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The character starting at terminal column `col` of a line ('' when a wide character covers it or the line is shorter). */
function charAtColumn(line: string, col: number): string {
  let c = 0;
  for (const ch of line) {
    if (c === col) return ch;
    c += columns(ch);
    if (c > col) return '';
  }
  return '';
}

/**
 * The option table of a help text: its rows (lines starting with "  -") and continuation lines (only spaces
 * before the text, deeper than the rows), up to the next blank line. The allowlist's `--option` row is wider than
 * its column on purpose.
 */
function optionTable(help: string): { rows: string[]; more: string[] } {
  const lines = help.split('\n');
  const start = lines.findIndex((l) => /^ {2}-/.test(l));
  const end = lines.findIndex((l, i) => i > start && l.trim() === '');
  const block = lines.slice(start, end === -1 ? undefined : end);
  return { rows: block.filter((l) => /^ {2}-/.test(l) && !l.startsWith('  --option ')), more: block.filter((l) => /^ {4,}\S/.test(l)) };
}

/** The description column of a table: every continuation line starts there, every row has its text there. */
function expectAligned(help: string): void {
  const { rows, more } = optionTable(help);
  expect(rows.length).toBeGreaterThan(2);
  const indents = new Set(more.map((l) => columns(/^ */.exec(l)![0])));
  expect(indents.size, more.join('\n')).toBe(1);
  const [col] = [...indents];
  for (const row of rows) {
    expect(charAtColumn(row, col - 1), row).toBe(' ');
    expect(charAtColumn(row, col), row).toMatch(/\S/);
  }
}

const HELPS: [string, string[]][] = [
  ['ccp-preflight --help', ['--help']],
  ['run --help', ['run', '--help']],
  ['log --help', ['log', '--help']],
  ['allowlist --help', ['allowlist', '--help']],
];

/** Lines of the English help that stay as they are in every language: the check ids (names, not words). */
const KEEP = [...PRODUCT_NAMES, CHECK_IDS.join(',')];

describe.runIf(existsSync('dist/esm/report.js') && existsSync('dist/esm/allowlist.js'))('the CLI help and usage errors in the reader\'s language', () => {
  it('LANG=C: the English help as before (the same as the CLI\'s English copies for an unbuilt package)', async () => {
    // @ts-expect-error plain ESM module without types
    const { RUN_USAGE } = (await import('../../cli/run.mjs')) as { RUN_USAGE: string };
    // @ts-expect-error plain ESM module without types
    const { LOG_USAGE } = (await import('../../cli/log.mjs')) as { LOG_USAGE: string };
    // @ts-expect-error plain ESM module without types
    const { REPEAT_USAGE } = (await import('../../cli/repeat.mjs')) as { REPEAT_USAGE: string };
    const allowlistBuilt = 'ccp-preflight/allowlist';
    const { USAGE: ALLOWLIST_USAGE } = (await import(allowlistBuilt)) as { USAGE: string };
    const MAIN_USAGE = /const USAGE = `([\s\S]*?)`;/.exec(readFileSync('cli/ccp-preflight.mjs', 'utf8'))![1];
    const expected: [string[], string][] = [
      [['--help'], MAIN_USAGE + '\n'],
      [['run', '--help'], RUN_USAGE + '\n'],
      [['run', '--repeat', '3', '--help'], REPEAT_USAGE + '\n'],
      [['log', '--help'], LOG_USAGE + '\n'],
      [['allowlist', '--help'], ALLOWLIST_USAGE],
    ];
    for (const [args, text] of expected) {
      const r = cli(args, { LANG: 'C' });
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toBe(text);
    }
    expect(RUN_USAGE).toContain(CHECK_IDS.join(','));
    // A --lang en wins over a Spanish environment.
    expect(cli(['run', '--help', '--lang', 'en'], { LANG: 'es_ES.UTF-8' }).stdout).toBe(RUN_USAGE + '\n');
  });

  for (const [name, args] of HELPS) {
    it(`${name} in Spanish, by --lang es and by LANG=es_ES.UTF-8: no English sentence left, the options as typed, the columns aligned`, () => {
      const en = cli(args, { LANG: 'C' }).stdout;
      const byFlag = cli([...args, '--lang', 'es'], { LANG: 'C' });
      const byEnv = cli(args, { LANG: 'es_ES.UTF-8' });
      expect(byFlag.code).toBe(0);
      expect(byEnv.code).toBe(0);
      expect(byEnv.stdout).toBe(byFlag.stdout);
      const es = byFlag.stdout;
      expect(es).not.toBe(en);
      expect(es).toMatch(/^Uso: ccp-preflight /);
      const left = sentences(en, KEEP).filter((s) => es.includes(s));
      expect(left, 'English left in the Spanish help').toEqual([]);
      // Option names, commands and exit codes stay as they are.
      for (const option of new Set(en.match(/(?<![\w-])--?[a-z][a-z-]*/g) ?? [])) expect(es, option).toContain(option);
      if (name === 'ccp-preflight --help') for (const command of ['run', 'allowlist', 'log', 'serve']) expect(es).toMatch(new RegExp(`^ {2}${command} +\\S`, 'm'));
      else expectAligned(es);
      // No line wider than the widest English line of the help texts (113 columns).
      expect(Math.max(...es.split('\n').map(columns))).toBeLessThanOrEqual(113);
    });
  }

  it('`ccp-preflight --help` honours --lang before or after it, and LC_ALL over LANG', () => {
    const es = cli(['--help', '--lang', 'es']).stdout;
    expect(es).toMatch(/^Uso: ccp-preflight <comando> \[opciones\]\n\nComandos:\n/);
    expect(es).toContain('Ejecuta "ccp-preflight <comando> --help" para ver las opciones del comando.');
    expect(es).toContain('Códigos de salida: 0 correcto, 1 advertencia, 2 error, 3 error de uso o de configuración.');
    expect(cli(['--lang=es', '--help']).stdout).toBe(es);
    expect(cli(['--help'], { LANG: 'de_DE.UTF-8', LC_ALL: 'es_ES.UTF-8' }).stdout).toBe(es);
    // A --lang before the command is the command's too.
    expect(cli(['--lang', 'es', 'log', '--help']).stdout).toBe(cli(['log', '--help', '--lang', 'es']).stdout);
  });

  it('the other languages: translated, with the options and the aligned columns (Japanese characters two columns wide)', () => {
    for (const lang of ['fr', 'de', 'pt-BR', 'ja']) {
      for (const [name, args] of HELPS.slice(1)) {
        const en = cli(args, { LANG: 'C' }).stdout;
        const r = cli([...args, '--lang', lang]);
        expect(r.code).toBe(0);
        expect(r.stdout, `${lang} ${name}`).not.toContain('Usage:');
        for (const option of new Set(en.match(/(?<![\w-])--?[a-z][a-z-]*/g) ?? [])) expect(r.stdout, `${lang} ${name} ${option}`).toContain(option);
        expectAligned(r.stdout);
        expect(Math.max(...r.stdout.split('\n').map(columns)), `${lang} ${name}`).toBeLessThanOrEqual(113);
      }
    }
    expect(cli(['run', '--help', '--lang', 'ja']).stdout).toMatch(/^使い方：ccp-preflight run \[オプション\]/);
    expect(cli(['run', '--help', '--lang', 'fr']).stdout).toMatch(/^Utilisation\u00a0: ccp-preflight run \[options\]/);
  });

  it('usage errors in Spanish say what is wrong and what to do; exit 3 as before', () => {
    const unknown = cli(['frobnicate'], { LANG: 'es_ES.UTF-8' });
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toMatch(/^ccp-preflight: comando desconocido "frobnicate"\.\n\nUso: ccp-preflight <comando> \[opciones\]/);
    expect(unknown.stderr).toContain('Ejecuta "ccp-preflight <comando> --help" para ver las opciones del comando.');

    const bogus = cli(['run', '--bogus', '--lang', 'es']);
    expect(bogus.code).toBe(3);
    expect(bogus.stderr).toBe(`ccp-preflight run: Opción desconocida '--bogus'.\nEjecuta "ccp-preflight run --help" para ver las opciones.\n`);

    const duration = cli(['run', '--duration', '99'], { LANG: 'es_ES.UTF-8' });
    expect(duration.code).toBe(3);
    expect(duration.stderr).toContain('--duration debe ser un número de segundos entre 2 y 60 (se indicó "99").');

    const missing = cli(['run', '--duration'], { LANG: 'es_ES.UTF-8' });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('--duration necesita un valor.');

    const lang = cli(['run', '--lang', 'xx'], { LANG: 'es_ES.UTF-8' });
    expect(lang.code).toBe(3);
    expect(lang.stderr).toContain('--lang "xx" no es un idioma de esta herramienta. Indica uno de estos: en, es, fr, de, pt-BR, ja.');

    const repeat = cli(['run', '--repeat', '0', '--lang', 'es']);
    expect(repeat.code).toBe(3);
    expect(repeat.stderr).toContain('--repeat debe ser un número entero de llamadas entre 1 y 1000 (se indicó "0").');

    const noFile = cli(['log', 'no/such/agent-log.txt', '--lang', 'es']);
    expect(noFile.code).toBe(3);
    expect(noFile.stderr).toBe('ccp-preflight log: no se puede leer "no/such/agent-log.txt": no existe ese archivo. Comprueba la ruta del agent-log.txt del agente.\n');

    const which = cli(['log'], { LANG: 'es_ES.UTF-8' });
    expect(which.code).toBe(3);
    expect(which.stderr).toMatch(/^ccp-preflight log: ¿qué archivo\? Indica la ruta del registro del CCP\.\n\nUso: ccp-preflight log ARCHIVO/);

    for (const r of [unknown, bogus, duration, missing, lang, repeat, noFile, which]) {
      expect(r.stderr).not.toMatch(/Unknown option|unknown command|must be|needs a value|for the options|cannot read|Give /);
      expect(r.stdout).toBe('');
    }
  });

  it('English errors unchanged in LANG=C; --json output the same in every language', () => {
    const bogus = cli(['run', '--bogus'], { LANG: 'C' });
    expect([bogus.code, bogus.stderr]).toEqual([3, `ccp-preflight run: Unknown option '--bogus'.\nRun "ccp-preflight run --help" for the options.\n`]);
    const unknown = cli(['frobnicate'], { LANG: 'C' });
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toMatch(/^ccp-preflight: unknown command "frobnicate"\.\n\nUsage: ccp-preflight <command> \[options\]/);
    const fixture = 'test/unit/fixtures/ccplog/streams-two-calls.json';
    const en = cli(['log', fixture, '--json'], { LANG: 'C' });
    const es = cli(['log', fixture, '--json'], { LANG: 'es_ES.UTF-8' });
    expect(es.code).toBe(en.code);
    expect(es.stdout).toBe(en.stdout);
  });

  it('before the package is built: the English help, as before', () => {
    // A copy of the CLI beside a package.json whose dist/ is absent: ccp-preflight/report does not load.
    const dir = mkdtempSync(join(tmpdir(), 'ccp-cli-unbuilt-'));
    try {
      cpSync('cli', join(dir, 'cli'), { recursive: true });
      cpSync('package.json', join(dir, 'package.json'));
      const bin = join(dir, 'cli/ccp-preflight.mjs');
      const main = cli(['--help', '--lang', 'es'], { LANG: 'es_ES.UTF-8' }, bin);
      expect(main.code).toBe(0);
      expect(main.stdout).toMatch(/^Usage: ccp-preflight <command> \[options\]\n/);
      const run = cli(['run', '--help'], { LANG: 'es_ES.UTF-8' }, bin);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: ccp-preflight run \[options\]\n/);
      expect(run.stdout).toContain('(build the package first: npm run build)');
      const log = cli(['log', '--help'], { LANG: 'es_ES.UTF-8' }, bin);
      expect(log.stdout).toMatch(/^Usage: ccp-preflight log FILE/);
      const notBuilt = cli(['run', '--duration', '4'], {}, bin);
      expect(notBuilt.code).toBe(3);
      expect(notBuilt.stderr).toMatch(/not built .*npm run build/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
