// Each language's texts are split into parts (scripts/i18n-split.mjs), so the widget downloads only its own: the
// split puts a message used by the widget's files in the "agent" part only, one used elsewhere in each part that
// uses it, and the checker (scripts/i18n-check.mjs) fails when the part modules are stale or a file that calls
// msg() belongs to no part. Tested on a small tree of its own, and on the project.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs tools without type declarations
import { checkProject, scanMessages } from '../../scripts/i18n-check.mjs';
// @ts-expect-error -- plain .mjs tools without type declarations
import { PARTS, PARTS_DIR, decodeEntities, parseTemplates, partOf, planSplit, splitProblems, writeSplit } from '../../scripts/i18n-split.mjs';
import { remedyText } from '../../src/i18n/remedy-texts.js';
import { setLocale } from '../../src/report/index.js';

interface Msg {
  id: string;
  text: string;
}
const idOf = (text: string): string => (scanMessages(`msg(${JSON.stringify(text)})`) as Msg[])[0]!.id;

describe('the split, on a tree of its own', () => {
  const root = mkdtempSync(join(tmpdir(), 'ccpf-i18n-split-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const put = (path: string, text: string): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const es: Record<string, string> = { Shared: 'Compartido', 'Agent only': 'Solo del agente', 'Supervisor only': 'Solo del supervisor', 'Command line only': 'Solo de la línea de órdenes' };
  const xliff = (): string =>
    `<xliff><file><body>${Object.entries(es)
      .map(([en, t]) => `<trans-unit id="${idOf(en)}"><source>${en}</source><target>${t}</target></trans-unit>`)
      .join('')}</body></file></xliff>`;
  const module = (): string =>
    `    // Do not modify this file by hand!\n\n    export const templates = {\n      ${Object.entries(es)
      .map(([en, t]) => `'${idOf(en)}': \`${t}\``)
      .join(',\n')},\n'${idOf('No longer used')}': str\`Ya no \${0}\`,\n    };\n`;

  it('puts a message the widget uses in the agent part only, the others in each part that uses them', () => {
    put('lit-localize.json', JSON.stringify({ targetLocales: ['es'], inputFiles: ['src/elements/**/*.ts', 'src/report/text.ts'], output: { outputDir: './src/generated/locales' }, interchange: { xliffDir: './xliff/' } }));
    put('src/elements/ccp-preflight/a.ts', "msg('Shared'); msg('Agent only');");
    put('src/elements/ccp-preflight-log/b.ts', "msg('Shared'); msg('Supervisor only'); msg('Command line only');");
    put('src/report/text.ts', "msg('Command line only');");
    put('src/elements/ccp-preflight-fleet/plain.ts', 'export const x = 1;');
    put('src/generated/locales/es.ts', module());
    put('xliff/es.xlf', xliff());
    const { files, problems } = planSplit(root) as { files: Map<string, string>; problems: string[] };
    expect(problems).toEqual([]);
    expect([...files.keys()]).toEqual([...(PARTS as string[]).map((p) => `${PARTS_DIR}/es.${p}.ts`), ...(PARTS as string[]).map((p) => `${PARTS_DIR}/${p}.ts`)]);
    const texts = (part: string): string[] => (parseTemplates(files.get(`${PARTS_DIR}/es.${part}.ts`)!) as [string, string][]).map(([, v]) => v);
    expect(texts('agent')).toEqual(['`Compartido`', '`Solo del agente`']);
    expect(texts('supervisor')).toEqual(['`Solo del supervisor`', '`Solo de la línea de órdenes`']);
    expect(texts('cli')).toEqual(['`Solo de la línea de órdenes`']);
    expect(files.get(`${PARTS_DIR}/agent.ts`)).toContain("es: () => import('./es.agent.js'),");
  });

  it('is checked: the part modules missing, then current, then stale', () => {
    expect((splitProblems(root) as string[]).filter((p) => p.includes('is missing'))).toHaveLength(2 * PARTS.length);
    expect(writeSplit(root)).toEqual([]);
    expect(splitProblems(root)).toEqual([]);
    expect((checkProject(root) as { problems: string[] }).problems).toEqual([]);
    es['Agent only'] = 'Solo para el agente';
    put('src/generated/locales/es.ts', module());
    put('xliff/es.xlf', xliff());
    expect((checkProject(root) as { problems: string[] }).problems).toEqual([`${PARTS_DIR}/es.agent.ts is stale (run npm run i18n:build).`]);
    writeSplit(root);
    put(`${PARTS_DIR}/es.boss.ts`, 'export const templates = {};');
    expect(splitProblems(root)).toEqual([`${PARTS_DIR}/es.boss.ts is not a part of any language (run npm run i18n:build).`]);
    writeSplit(root);
    expect(splitProblems(root)).toEqual([]);
  });

  it('fails on a file that calls msg() and no rule assigns to a part', () => {
    put('lit-localize.json', JSON.stringify({ targetLocales: ['es'], inputFiles: ['src/elements/**/*.ts', 'src/report/text.ts', 'src/new-view.ts'], output: { outputDir: './src/generated/locales' }, interchange: { xliffDir: './xliff/' } }));
    put('src/new-view.ts', "msg('Shared')");
    const problems = (checkProject(root) as { problems: string[] }).problems;
    expect(problems).toEqual(['src/new-view.ts calls msg() but no rule of scripts/i18n-split.mjs (RULES) assigns it to a part (agent, supervisor, cli): its texts are in no part.']);
  });
});

describe('the project', () => {
  it('assigns each view to its part', () => {
    expect(partOf('src/elements/ccp-preflight/ccp-preflight.element.ts')).toBe('agent');
    expect(partOf('src/elements/ccp-preflight-report/answer.ts')).toBe('agent');
    expect(partOf('src/elements/ccp-preflight-report/compare-view.ts')).toBe('supervisor');
    expect(partOf('src/elements/ccp-preflight-log/render.ts')).toBe('supervisor');
    expect(partOf('demo/report.ts')).toBe('supervisor');
    expect(partOf('src/i18n/allowlist-texts.ts')).toBe('cli');
    expect(partOf('src/i18n/unknown.ts')).toBeUndefined();
  });

  it('has the parts of each language current, each holding messages', () => {
    expect(splitProblems()).toEqual([]);
    for (const part of PARTS as string[]) expect((parseTemplates(readFileSync(join(PARTS_DIR as string, `es.${part}.ts`), 'utf8')) as unknown[]).length, part).toBeGreaterThan(10);
  });

  it('holds no XML entity in a text shown as text (lit-localize build writes "<" as "&lt;" in every message)', () => {
    const left: string[] = [];
    for (const f of readdirSync(PARTS_DIR as string).filter((n) => /\.(agent|supervisor|cli)\.ts$/.test(n))) {
      for (const [id, v] of parseTemplates(readFileSync(join(PARTS_DIR as string, f), 'utf8')) as [string, string][]) {
        if (!v.startsWith('html`') && /&(lt|gt|amp|quot|apos);/.test(v)) left.push(`${f} ${id}: ${v.slice(0, 80)}`);
      }
    }
    expect(left).toEqual([]);
  });

  it('shows "<region>" in a Spanish remedy as the reader should see it', async () => {
    await setLocale('es');
    try {
      const text = remedyText({ id: 'udp-3478-amazon-connect', text: '' });
      expect(text).toContain('--region <region>');
      expect(text).not.toMatch(/&(lt|gt|amp);/);
    } finally {
      await setLocale('en');
    }
  });
});

describe('decodeEntities', () => {
  it('decodes plain and str texts once ("&amp;lt;" stays "&lt;") and leaves html templates as HTML', () => {
    expect(decodeEntities('`a &lt;b&gt; &amp;lt; &quot;q&quot;`')).toBe('`a <b> &lt; "q"`');
    expect(decodeEntities('str`x &apos;${a}&apos;`')).toBe("str`x '${a}'`");
    expect(decodeEntities('html`&lt;b&gt; &amp;`')).toBe('html`&lt;b&gt; &amp;`');
    expect(decodeEntities("'it&apos;s'")).toBe('"it\'s"');
  });
});

