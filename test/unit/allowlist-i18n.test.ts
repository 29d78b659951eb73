/**
 * `ccp-preflight allowlist` in the reader's language: the table, the notes, the deadline lines and the errors in
 * es / ja / de...; CSV and JSON the same bytes in every language. The CLI cases (--lang, LANG) run the built
 * package (cli/allowlist.mjs imports dist/esm/allowlist.js): `npm run build` first, or they are skipped.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { allowlistTexts, generateAllowlist, formatAllowlist } from '../../src/allowlist/index.js';
import { setLocale } from '../../src/i18n/runtime.js';
import type { Locale } from '../../src/i18n/locale.js';
import { sentences } from '../support/english-sentences.js';
import { CURRENT, PREVIOUS, TODAY, current, dir, previous, run } from './allowlist-rig.js';

const LANGS: Locale[] = ['en', 'es', 'fr', 'de', 'pt-BR', 'ja'];

/** The table with everything: Option 1, the media ranges, Option 2, a diff with its deadline, the warnings, the notes. */
const FULL = ['--region', 'us-east-1', '--ip-ranges', CURRENT, '--previous', PREVIOUS];

afterAll(() => setLocale('en'));

describe('allowlist table and notes in the active language', () => {
  it.each(['es', 'ja'] as const)('%s: no English sentence of the table or the notes is left', async (lang) => {
    await setLocale('en');
    const en = await run(FULL);
    expect(en.code).toBe(0);
    await setLocale(lang);
    const tr = await run(FULL);
    expect(tr.code).toBe(0);
    const english = sentences(en.out);
    expect(english.length).toBeGreaterThan(20); // the check looks at real sentences
    expect(english.filter((s) => tr.out.includes(s))).toEqual([]);
    // Identifiers stay as they are.
    for (const id of ['AMAZON_CONNECT', 'UDP', '3478', '15.193.0.0/19', 'us-east-1', 'ccp-preflight run --repeat 250', 'https://docs.aws.amazon.com/connect/latest/adminguide/ccp-networking.html'])
      expect(tr.out).toContain(id);
    // Citation titles stay English (the pages are), the words around them do not.
    expect(tr.out).toContain('Allow DNS resolution for softphones');
    expect(tr.out).not.toContain('the networking guide');
  });

  it('es: the guide\'s words ("Opción 1"), the deadline line and the warning in Spanish (tú)', async () => {
    await setLocale('es');
    const r = await run(FULL);
    expect(r.out).toContain('# Opción 1 (recomendada): permite estos dominios en tu proxy o firewall (12 reglas)');
    expect(r.out).toContain('VENCIDO: la fecha segura 2026-11-14 pasó hace 17 días');
    expect(r.out).toContain('AVISO: No se indicó ninguna instancia');
    expect(r.out).toMatch(/^DIRECCIÓN +PROTOCOLO +PUERTO +DOMINIO\/URL +FINALIDAD$/m);
  });

  it('ja: full-width （）： in Japanese text, and the columns line up by terminal width', async () => {
    await setLocale('ja');
    const r = await run(FULL);
    expect(r.out).toContain('# オプション 1（推奨）：');
    expect(r.out).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff][(:]/); // no half-width ( or : right after Japanese
    const lines = r.out.split('\n');
    const head = lines.findIndex((l) => l.startsWith('方向'));
    const purposes = ['用途', ...generateAllowlist(current, 'us-east-1').domains.map((d) => allowlistTexts.domainPurpose(d.id))];
    const wide = (s: string) => [...s].reduce((n, ch) => n + (/[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
    // The last column (purpose) starts at the same terminal column in the head and every row of the domain table.
    const rows = lines.slice(head, head + purposes.length);
    const purposeCol = (l: string, i: number) => wide(l.slice(0, l.lastIndexOf(purposes[i]!)));
    expect(rows.map((l, i) => l.lastIndexOf(purposes[i]!))).not.toContain(-1);
    expect(new Set(rows.map(purposeCol)).size).toBe(1);
  });

  it('fr: a non-breaking space before : and %', async () => {
    await setLocale('fr');
    const r = await run(FULL);
    expect(r.out).toContain('Option 1 (recommandée)\u00a0: autorisez ces domaines');
    expect(r.out).toMatch(/supérieur à 2\u00a0%/);
  });

  it('--check: the deadline line in the active language, the same exit code', async () => {
    await setLocale('de');
    const r = await run([...FULL, '--check']);
    expect(r.code).toBe(2);
    expect(r.out).toBe(
      'ccp-preflight allowlist --check (us-east-1): ÜBERFÄLLIG: Das sichere Datum 2026-11-14 ist vor 17 Tagen verstrichen: Amazon Connect nutzt diese Bereiche möglicherweise schon. Geben Sie die 4 hinzugekommenen Regeln jetzt frei; das späteste Datum ist 2026-12-20 (noch 18 Tage).\n',
    );
  });

  it('errors a network admin meets, in the active language (exit 3)', async () => {
    await setLocale('es');
    const missing = await run(['--ip-ranges', CURRENT]);
    expect(missing).toMatchObject({ code: 3, out: '' });
    expect(missing.err).toBe('ccp-preflight allowlist: --region es obligatorio (la Región de tu instancia de Amazon Connect, p. ej. us-east-1).\nEjecuta «ccp-preflight allowlist --help» para ver el uso.\n');
    const unreadable = await run(['--region', 'us-east-1', '--ip-ranges', `${dir}no-such.json`]);
    expect(unreadable.code).toBe(3);
    expect(unreadable.err).toContain('no se puede leer el archivo (no existe el archivo). Revisa la ruta.');
    await setLocale('ja');
    const region = await run(['--region', 'xx-nowhere-1', '--ip-ranges', CURRENT]);
    expect(region.code).toBe(3);
    expect(region.err).toMatch(/^ccp-preflight allowlist: リージョン「xx-nowhere-1」はこの ip-ranges\.json にありません。含まれているリージョン：.*us-east-1/);
  });
});

describe('machine outputs stay the same in every language', () => {
  it.each(['csv', 'json'] as const)('--format %s: byte-identical in en, es, fr, de, pt-BR, ja', async (format) => {
    const outs: string[] = [];
    for (const lang of LANGS) {
      await setLocale(lang);
      const r = await run([...FULL, '--format', format]);
      expect(r.code).toBe(0);
      outs.push(r.out);
    }
    expect(new Set(outs).size).toBe(1);
    expect(outs[0]).toContain(format === 'csv' ? 'softphone call audio (media)' : '"purpose": "the CCP page of the instance"');
  });

  it('the data keeps English (purposes, warnings, notes, deadline) whatever the language', async () => {
    await setLocale('ja');
    const a = generateAllowlist(current, 'us-east-1', { previous, now: TODAY });
    expect(a.rules[0]!.purpose).toBe('softphone call audio (media)');
    expect(a.domains[0]!.purpose).toBe('the CCP page of the instance');
    expect(a.warnings?.[0]).toMatch(/^No instance given/);
    expect(a.deadline!.message).toMatch(/^OVERDUE: the safe date 2026-11-14 passed 17 days ago/);
    expect(JSON.parse(formatAllowlist(a, 'json')).notes[0]).toMatch(/^Prove Option 1 before production/);
    expect(formatAllowlist(a, 'table')).toContain('期限超過：安全な期限 2026-11-14 を過ぎています（17 日前）');
  });
});

describe('cli/allowlist.mjs: --lang and LC_ALL / LC_MESSAGES / LANG (built package)', () => {
  const built = existsSync(fileURLToPath(new URL('../../dist/esm/allowlist.js', import.meta.url)));
  /** The machine's own language settings are left out, so each case says which language it means. */
  const BASE_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE'].includes(k)));
  const cli = (env: Record<string, string>, ...args: string[]) =>
    spawnSync(process.execPath, ['cli/ccp-preflight.mjs', 'allowlist', '--region', 'us-east-1', '--instance', 'acme', '--option', 'domains', ...args], { encoding: 'utf8', env: { ...BASE_ENV, ...env } });

  it.skipIf(!built)('--lang es / --lang=ja: the table in that language; CSV the same as in English', () => {
    expect(cli({}, '--lang', 'es').stdout).toContain('# Opción 1 (recomendada)');
    expect(cli({}, '--lang=ja').stdout).toContain('# オプション 1（推奨）');
    expect(cli({}, '--lang', 'es', '--format', 'csv').stdout).toBe(cli({}, '--format', 'csv').stdout);
  });

  it.skipIf(!built)('LANG=de_DE.UTF-8: German; LC_ALL wins over LANG; --lang wins over both', () => {
    expect(cli({ LANG: 'de_DE.UTF-8' }).stdout).toContain('# Option 1 (empfohlen): Geben Sie diese Domains');
    expect(cli({ LANG: 'de_DE.UTF-8', LC_ALL: 'pt_BR.UTF-8' }).stdout).toContain('# Opção 1 (recomendada)');
    expect(cli({ LANG: 'de_DE.UTF-8' }, '--lang', 'en').stdout).toContain('# Option 1 (recommended)');
  });

  it.skipIf(!built)('a language this tool does not have is a usage error that lists the languages (exit 3)', () => {
    for (const args of [['--lang', 'xx'], ['--lang=zh-CN'], ['--lang']]) {
      const r = cli({}, ...args);
      expect(r.status).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^ccp-preflight allowlist: --lang .*en, es, fr, de, pt-BR, ja\.\nRun "ccp-preflight allowlist --help" for usage\.\n$/);
    }
    expect(cli({}, '--help').stdout).toMatch(/--lang LANG .*en, es, fr, de, pt-BR, ja/);
  });
});
