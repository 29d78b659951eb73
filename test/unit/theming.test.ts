import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs script without type declarations
import { ROOT, collect, renderTables, withTables } from '../../scripts/theming-table.mjs';

type Prop = { name: string; default: string; description: string; oldName: string | undefined };
type El = { tag: string; parts: { name: string; description: string }[]; props: Prop[] };

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}
const src = sources(join(ROOT as string, 'src')).map((f) => ({ f, text: readFileSync(f, 'utf8') }));
const elements = collect() as El[];
const byTag = new Map(elements.map((e) => [e.tag, e]));

describe('theming: custom properties and parts are documented', () => {
  it('finds the public elements and their tags', () => {
    expect([...byTag.keys()]).toEqual(expect.arrayContaining(['ccp-preflight', 'ccp-preflight-report', 'ccp-preflight-log', 'ccp-preflight-fleet']));
  });

  it('every var(--ccp-preflight-...) used in src is a documented @cssprop, or the documented older name of one', () => {
    const documented = new Set(elements.flatMap((e) => e.props.flatMap((p) => [p.name, ...(p.oldName ? [p.oldName] : [])])));
    const undocumented: string[] = [];
    let seen = 0;
    for (const { f, text } of src) {
      for (const m of text.matchAll(/var\(\s*(--ccp-preflight-[a-z0-9-]+)/g)) {
        seen++;
        if (!documented.has(m[1]!)) undocumented.push(`${m[1]} (${f.slice((ROOT as string).length)})`);
      }
    }
    expect(seen, 'var() uses found in src').toBeGreaterThan(20);
    expect(undocumented).toEqual([]);
  });

  it('one naming scheme: --ccp-preflight-<thing>[-<aspect>], the aspect a CSS word', () => {
    const aspects = /-(color|bg|family|radius|width|height)$/;
    const names = elements.flatMap((e) => e.props.map((p) => p.name));
    expect(names.filter((n) => !aspects.test(n))).toEqual([]);
  });

  it('every element reads the shared theme, so each documents every shared property', () => {
    const theme = readFileSync(join(ROOT as string, 'src/elements/theme.styles.ts'), 'utf8');
    const shared = [...theme.matchAll(/:\s*var\((--ccp-preflight-[a-z0-9-]+)/g)].map((m) => m[1]);
    expect(shared.length).toBeGreaterThan(15);
    for (const el of elements) expect(el.props.map((p) => p.name), el.tag).toEqual(expect.arrayContaining(shared));
  });

  it('every part="..." in an element is a documented @csspart of some element', () => {
    const parts = new Set(elements.flatMap((e) => e.parts.map((p) => p.name)));
    const undocumented: string[] = [];
    for (const { f, text } of src.filter((s) => s.f.includes('/src/elements/'))) {
      for (const m of text.matchAll(/\spart="([a-z0-9 -]+)"/g)) {
        for (const name of m[1]!.split(/\s+/).filter(Boolean)) if (!parts.has(name)) undocumented.push(`${name} (${f.slice((ROOT as string).length)})`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('the widget exports exactly report parts, and documents each of them', () => {
    const widget = readFileSync(join(ROOT as string, 'src/elements/ccp-preflight/ccp-preflight.element.ts'), 'utf8');
    const list = /const REPORT_PARTS = '([^']+)'/.exec(widget)?.[1]?.split(/,\s*/) ?? [];
    expect(widget).toContain('exportparts=${REPORT_PARTS}');
    expect(list.length).toBeGreaterThan(5);
    const reportParts = byTag.get('ccp-preflight-report')!.parts.map((p) => p.name);
    const widgetParts = byTag.get('ccp-preflight')!.parts.map((p) => p.name);
    expect(reportParts).toEqual(expect.arrayContaining(list));
    expect(widgetParts).toEqual(expect.arrayContaining(list));
  });

  it("README.md's theming tables are the ones made from the code (node scripts/theming-table.mjs --write)", () => {
    const readme = readFileSync(join(ROOT as string, 'README.md'), 'utf8');
    expect(withTables(readme, renderTables(elements))).toBe(readme);
  });
});
