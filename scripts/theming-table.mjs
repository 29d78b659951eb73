#!/usr/bin/env node
// The README's "Theming" tables (every CSS custom property and every ::part of the public elements), made from
// the same JSDoc `@cssprop` / `@csspart` tags `npm run analyze` reads into custom-elements.json.
//   node scripts/theming-table.mjs           prints the tables
//   node scripts/theming-table.mjs --write   replaces them in README.md (between the theming-table markers)
// test/unit/theming.test.ts fails when README.md differs from this output, or when src/ uses a
// `var(--ccp-preflight-...)` or a `part="..."` that no element documents.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const START = '<!-- theming-table:start (node scripts/theming-table.mjs --write) -->';
export const END = '<!-- theming-table:end -->';

/** The element classes: src/elements/<dir>/*.element.ts. */
export function elementFiles(root = ROOT) {
  const dir = join(root, 'src', 'elements');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(dir, d.name)).filter((f) => f.endsWith('.element.ts')).map((f) => join(dir, d.name, f)))
    .sort();
}

/**
 * The tag, parts and custom properties of each element class, from the JSDoc block right above `export class`.
 * @returns {{ tag: string, parts: { name: string, description: string }[], props: { name: string, default: string, description: string, oldName: string | undefined }[] }[]}
 */
export function collect(root = ROOT) {
  const out = [];
  for (const file of elementFiles(root)) {
    const src = readFileSync(file, 'utf8');
    const cls = src.indexOf('\nexport class ');
    if (cls < 0) continue;
    const doc = src.slice(src.lastIndexOf('/**', cls), cls);
    const tag = /@(?:tag|tagname)\s+([a-z0-9-]+)/.exec(doc)?.[1];
    if (!tag) continue;
    const lines = doc.split('\n').map((l) => l.replace(/^\s*\*\s?/, ''));
    const parts = [];
    const props = [];
    for (const l of lines) {
      let m = /^@csspart\s+([a-z0-9-]+)\s+-\s+(.*)$/.exec(l);
      if (m) parts.push({ name: m[1], description: m[2] });
      m = /^@cssprop\s+(?:\[(--[a-z0-9-]+)(?:=([^\]]*))?\]|(--[a-z0-9-]+))\s+-\s+(.*)$/.exec(l);
      if (m) {
        const description = m[4];
        props.push({ name: m[1] ?? m[3], default: m[2] ?? '', description, oldName: /old name `(--[a-z0-9-]+)`/.exec(description)?.[1] });
      }
    }
    out.push({ tag, parts, props });
  }
  return out.sort((a, b) => (a.tag === 'ccp-preflight' ? -1 : b.tag === 'ccp-preflight' ? 1 : a.tag.localeCompare(b.tag)));
}

/** Markdown: one table of custom properties (with the elements that read each), one of parts per element. */
export function renderTables(elements = collect()) {
  const props = new Map();
  for (const el of elements) {
    for (const p of el.props) {
      const seen = props.get(p.name) ?? { ...p, tags: [] };
      seen.tags.push(el.tag);
      props.set(p.name, seen);
    }
  }
  const all = elements.map((e) => e.tag);
  const who = (tags) => (tags.length === all.length ? 'all' : tags.map((t) => `\`${t}\``).join(', '));
  const clean = (d) => d.replace(/\s*\(old name `[^`]+`( still read)?\)/, '').replace(/\|/g, '\\|');
  const rows = [...props.values()].map((p) => `| \`${p.name}\` | ${p.default ? `\`${p.default}\`` : ''} | ${clean(p.description)} | ${p.oldName ? `\`${p.oldName}\`` : ''} | ${who(p.tags)} |`);
  const partRows = elements.flatMap((e) => e.parts.map((p) => `| \`${e.tag}\` | \`${p.name}\` | ${p.description.replace(/\|/g, '\\|')} |`));
  return [
    '| custom property | default | what it sets | older name, still read | read by |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '| element | part | what it is |',
    '| --- | --- | --- |',
    ...partRows,
  ].join('\n');
}

/** README.md with the tables between the markers replaced. */
export function withTables(readme, tables = renderTables()) {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no theming-table markers (${START} ... ${END}); add them where the tables belong.`);
  return `${readme.slice(0, a + START.length)}\n${tables}\n${readme.slice(b)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--write')) {
    const file = join(ROOT, 'README.md');
    writeFileSync(file, withTables(readFileSync(file, 'utf8')));
    console.log('README.md: theming tables updated.');
  } else {
    console.log(renderTables());
  }
}
