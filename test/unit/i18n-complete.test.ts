// Translations stay complete (scripts/i18n-check.mjs): every msg() has a translation in every language, each
// translation keeps its source's placeholders, and the generated locale modules are current. The checker is
// tested on a deliberately broken XLIFF file, and the catalogues that mirror English data (remedy texts, the
// display metadata's words) are checked against that data.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs tool without type declarations
import { checkLocale, checkProject, parseXliff, scanMessages, uncoveredFiles } from '../../scripts/i18n-check.mjs';
import { REMEDIES } from '../../src/report/remedies.js';
import { remedyTranslation, TRANSLATED_REMEDY_IDS } from '../../src/i18n/remedy-texts.js';
import { DISPLAY_WORDS, displayText } from '../../src/i18n/display-texts.js';
import { CHECK_DISPLAY } from '../../src/report/definition/display.js';
import { LOCALES, TARGET_LOCALES } from '../../src/i18n/locale.js';
import { setLocale } from '../../src/i18n/runtime.js';

interface Msg {
  id: string;
  text: string;
}

describe('the project', () => {
  it('has every message translated into every language, with every placeholder, and built', () => {
    const { messages, problems } = checkProject() as { messages: Msg[]; problems: string[] };
    expect(messages.length).toBeGreaterThan(300);
    expect(problems).toEqual([]);
  });

  it('lists the same target languages in lit-localize.json as the runtime', () => {
    const config = JSON.parse(readFileSync('lit-localize.json', 'utf8')) as { sourceLocale: string; targetLocales: string[] };
    expect([config.sourceLocale, ...config.targetLocales]).toEqual([...LOCALES]);
  });

  it('translates remedies from their catalogue text, word for word, and only remedies that exist', () => {
    const byId = new Map(Object.values(REMEDIES).map((r) => [r.id, r.text]));
    for (const id of TRANSLATED_REMEDY_IDS) {
      expect(byId.has(id), id).toBe(true);
      expect(remedyTranslation(id), id).toBe(byId.get(id)); // in English, msg() gives its source
    }
  });

  it('has an entry for every label and word of the display metadata', () => {
    const words = new Set<string>();
    const walk = (d: object): void => {
      for (const f of Object.values(d) as ({ label?: string; missing?: string; words?: Record<string, string>; table?: object } | null)[]) {
        if (!f) continue;
        if (f.label) words.add(f.label);
        if (f.missing) words.add(f.missing);
        for (const w of Object.values(f.words ?? {})) if (/[a-z]/.test(w)) words.add(w);
        if (f.table) walk(f.table);
      }
    };
    for (const d of Object.values(CHECK_DISPLAY)) walk(d);
    const proper = new Set(['Blink', 'Gecko', 'WebKit', 'EdgeHTML', 'Bluetooth']); // names, the same in every language
    expect([...words].filter((w) => !proper.has(w) && !DISPLAY_WORDS.includes(w))).toEqual([]);
  });

  describe('in another language', () => {
    afterAll(() => setLocale('en'));
    it('shows each display word translated', async () => {
      for (const l of TARGET_LOCALES) {
        await setLocale(l);
        expect(displayText('Packet loss'), l).not.toBe('Packet loss');
      }
    });
  });
});

describe('the checker, on a broken XLIFF file', () => {
  const broken = readFileSync('test/unit/fixtures/i18n/broken.xlf', 'utf8');

  it('reads units with their placeholders', () => {
    const units = parseXliff(broken) as { id: string; target: string | null; sourcePlaceholders: string[] }[];
    expect(units.map((u) => u.id)).toEqual(['s090cc75c65dd8dc8', 's2', 's3', 's4', 's5']);
    expect(units[1]!.sourcePlaceholders).toEqual(['0', '1']);
    expect(units[2]!.target).toBeNull();
  });

  it('reports a missing translation, an empty one, a dropped placeholder and an invented one, and nothing else', () => {
    const problems = checkLocale('es', broken, []) as string[];
    expect(problems).toHaveLength(4);
    expect(problems.find((p) => p.includes('(s2)'))).toMatch(/lacks placeholder 1/);
    expect(problems.find((p) => p.includes('(s3)'))).toMatch(/has no translation/);
    expect(problems.find((p) => p.includes('(s4)'))).toMatch(/has no translation/);
    expect(problems.find((p) => p.includes('(s5)'))).toMatch(/has placeholder 1 its source has not/);
    expect(problems.some((p) => p.includes('(s090cc75c65dd8dc8)'))).toBe(false);
  });

  it('reports a message in the code that the XLIFF file does not have', () => {
    const messages = scanMessages("const a = msg('Calls will work in this browser.'); const b = msg(str`Only ${n} of ${m} checks ran.`);") as Msg[];
    expect(messages.map((m) => m.text)).toEqual(['Calls will work in this browser.', 'Only {0} of {1} checks ran.']);
    const problems = checkLocale('es', broken, messages) as string[];
    expect(problems.filter((p) => p.includes('is not in xliff/es.xlf'))).toEqual(['es: "Only {0} of {1} checks ran." is not in xliff/es.xlf (run npx lit-localize extract, then translate it).']);
  });
});

describe('the checker, on a file outside lit-localize.json inputFiles', () => {
  const root = mkdtempSync(join(tmpdir(), 'ccpf-i18n-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('names a source file that calls msg() but is not extracted, and not the covered or msg-free ones', () => {
    mkdirSync(join(root, 'src/elements/a'), { recursive: true });
    mkdirSync(join(root, 'demo'), { recursive: true });
    writeFileSync(join(root, 'lit-localize.json'), JSON.stringify({ inputFiles: ['src/elements/**/*.ts'] }));
    writeFileSync(join(root, 'src/elements/a/covered.ts'), "msg('Covered')");
    writeFileSync(join(root, 'src/plain.ts'), 'export const notMsg = 1;');
    writeFileSync(join(root, 'demo/page.ts'), "el.textContent = msg('Left out');");
    expect(uncoveredFiles(root)).toEqual([join('demo', 'page.ts')]);
  });
});

describe('scanMessages', () => {
  it('computes the ids @lit/localize uses at run time, for strings, str and html templates with nested messages', () => {
    const src = [
      "msg('Cancel')",
      'msg("by the page\'s policy")',
      'msg(html`Calls ring on <strong>${this.extension ?? msg(\'an external phone\')}</strong>, not in the softphone.`)',
      'msg(strT`Report ${str(r.id) || \'(no id)\'} made ${fmtDate(r.createdAt)}.`)',
      'notmsg(\'x\')',
    ].join('\n');
    const found = scanMessages(src) as Msg[];
    expect(found.map((m) => m.text)).toEqual(['Cancel', "by the page's policy", 'Calls ring on <strong>{0}</strong>, not in the softphone.', 'an external phone', 'Report {0} made {1}.']);
    // The same ids as in the XLIFF files written by lit-localize extract.
    const es = readFileSync('xliff/es.xlf', 'utf8');
    expect(es).toContain(`id="${found[0]!.id}"`);
    expect(found[2]!.id).toMatch(/^h/);
    expect(es).toContain(`id="${found[2]!.id}"`);
  });
});
