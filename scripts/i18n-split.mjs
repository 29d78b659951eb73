#!/usr/bin/env node
/**
 * Splits each language's texts into parts, so a page downloads only the texts of the views it shows:
 * `npx lit-localize build` writes one module per language (src/generated/locales/<locale>.ts, every view's
 * texts); this script reads them and writes src/generated/parts/<locale>.<part>.ts, one module per language and
 * part (each a chunk loaded on demand), and src/generated/parts/<part>.ts, each part's loaders (`texts`, a
 * TextPart of src/i18n/runtime.ts). `npm run i18n:build` runs both; scripts/i18n-check.mjs fails when the parts
 * are stale.
 *
 * Each source file of lit-localize.json's inputFiles belongs to one part (RULES below; a file that calls msg()
 * and matches no rule is an error). A message used by a file of the first part ("agent": everything the widget
 * <ccp-preflight> can show) goes there only: that part is loaded whenever a language is active. A message used
 * only by other parts goes into each of them. Modules that show more than the widget say which part they need
 * on import: `needTexts(texts)` (src/i18n/runtime.ts) with `texts` of src/generated/parts/<part>.ts.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, inputFiles, readString, readTemplate, scanMessages } from './i18n-scan.mjs';

/** The parts, in order: the first is always loaded; a message in it is in no other. */
export const PARTS = ['agent', 'supervisor', 'cli'];

/**
 * Which part each input file's texts belong to: the first rule whose path equals the file's path, or is a
 * folder (ending in /) holding it. Paths relative to the project, with forward slashes.
 */
export const RULES = [
  // The supervisor's views: the compare view (inside the report element's folder), the CCP log view, the fleet
  // view and the report viewer page.
  ['src/elements/ccp-preflight-report/compare-view.ts', 'supervisor'],
  ['src/report/compare.ts', 'supervisor'],
  ['src/elements/ccp-preflight-log/', 'supervisor'],
  ['src/i18n/ccplog-texts.ts', 'supervisor'],
  ['src/i18n/parse-texts.ts', 'supervisor'],
  ['src/elements/ccp-preflight-fleet/', 'supervisor'],
  ['demo/report.ts', 'supervisor'],
  // What the widget shows: the element, its CCP part (failover, call quality), the report view and "For IT".
  ['src/elements/ccp-preflight/', 'agent'],
  ['src/elements/ccp-preflight-ccp/', 'agent'],
  ['src/elements/ccp-preflight-report/', 'agent'],
  ['src/i18n/check-titles.ts', 'agent'],
  ['src/i18n/display-texts.ts', 'agent'],
  ['src/i18n/detail-texts.ts', 'agent'],
  ['src/i18n/failover-texts.ts', 'agent'],
  ['src/i18n/format-texts.ts', 'agent'],
  ['src/i18n/remedy-texts.ts', 'agent'],
  ['src/i18n/report-texts.ts', 'agent'],
  ['src/report/definition/', 'agent'],
  // The command line's own texts (the report as text, the allowlist and repeat commands).
  ['src/report/text.ts', 'cli'],
  ['src/i18n/allowlist-texts.ts', 'cli'],
  ['src/i18n/repeat-texts.ts', 'cli'],
  ['src/i18n/cli-texts.ts', 'cli'],
  ['src/i18n/serve-texts.ts', 'cli'],
];

/** Where the part modules and their loaders go, relative to the project. */
export const PARTS_DIR = 'src/generated/parts';

const posix = (p) => p.split('\\').join('/');

/** The part of a source file (path relative to the project), or undefined when no rule names it. */
export function partOf(file, rules = RULES) {
  const f = posix(file);
  return rules.find(([path]) => (path.endsWith('/') ? f.startsWith(path) : f === path))?.[1];
}

/**
 * The entries of a module written by `lit-localize build`, in its order: [id, value as written (a template
 * literal, tagged html or str, or a string literal)].
 */
export function parseTemplates(source) {
  const start = source.indexOf('export const templates = {');
  if (start < 0) throw new Error('no `export const templates = {` in the module');
  const out = [];
  let i = start + 'export const templates = {'.length;
  const skip = () => {
    while (i < source.length && /[\s,]/.test(source[i])) i++;
  };
  for (skip(); source[i] !== '}'; skip()) {
    if (source[i] !== "'" && source[i] !== '"') throw new Error(`unexpected ${JSON.stringify(source.slice(i, i + 20))} in the templates`);
    const [id, afterKey] = readString(source, i);
    i = afterKey;
    while (/[\s:]/.test(source[i])) i++;
    const valueStart = i;
    if (source[i] === "'" || source[i] === '"') i = readString(source, i)[1];
    else {
      const tag = /^\w*`/.exec(source.slice(i, i + 20));
      if (!tag) throw new Error(`unexpected value ${JSON.stringify(source.slice(i, i + 20))} for ${id}`);
      i = readTemplate(source, i + tag[0].length - 1)[1];
    }
    out.push([id, source.slice(valueStart, i)]);
  }
  return out;
}

const HEADER = (from) => `// Do not modify this file by hand!
// Re-generate this file by running npm run i18n:build (scripts/i18n-split.mjs${from ? `, from ${from}` : ''}).
`;

/** XML's predefined entities, as `lit-localize build` leaves them in the texts it writes (lit/lit#3025). */
const ENTITIES = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };

/**
 * A value as the runtime must hold it. `lit-localize build` writes a translation's `<`, `>`, `&`, `"` and `'` as
 * XML entities in every kind of message (lit/lit#3025, open), but only an `html` template is parsed as HTML: a
 * plain or `str` message is shown as text, so "--region &lt;region&gt;" would reach the reader. Those are
 * decoded here (`&amp;` last, so "&amp;lt;" stays "&lt;"); `html` templates keep their entities.
 */
export function decodeEntities(value) {
  if (value.startsWith('html`')) return value;
  const decode = (s) => s.replace(/&(lt|gt|quot|apos);/g, (e) => ENTITIES[e]).replace(/&amp;/g, '&');
  if (value.startsWith("'") || value.startsWith('"')) return JSON.stringify(decode(readString(value, 0)[0]));
  return decode(value);
}

function partModule(entries, from) {
  const uses = (tag) => entries.some(([, v]) => v.startsWith(`${tag}\``));
  return [
    HEADER(from),
    ...(uses('html') ? ["import {html} from 'lit';"] : []),
    ...(uses('str') ? ["import {str} from '@lit/localize';"] : []),
    '',
    '/* eslint-disable no-irregular-whitespace */',
    '',
    'export const templates = {',
    ...entries.map(([id, v]) => `  '${id}': ${decodeEntities(v)},`),
    '};',
    '',
  ].join('\n');
}

/** The loaders of one part: `texts` = { name, load: each language's module } (a TextPart of src/i18n/runtime.ts). */
function loadersModule(part, locales) {
  const key = (s) => (/^\w+$/.test(s) ? s : `'${s}'`);
  return [
    HEADER(''),
    `/** The "${part}" part of each language's texts, each language's module a chunk loaded on demand (src/i18n/runtime.ts). */`,
    'export const texts = {',
    `  name: '${part}',`,
    '  load: {',
    ...locales.map((l) => `    ${key(l)}: () => import('./${l}.${part}.js'),`),
    '  },',
    '};',
    '',
  ].join('\n');
}

/**
 * What the split writes: { files: Map(path relative to the project → content), problems }. Problems: a source
 * file that calls msg() but no rule assigns to a part, a generated module that cannot be read.
 */
export function planSplit(root = ROOT, rules = RULES) {
  const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
  const problems = [];
  /** message id → the parts whose files use it */
  const usedBy = new Map();
  for (const f of inputFiles(root)) {
    if (!existsSync(f)) continue;
    const messages = scanMessages(readFileSync(f, 'utf8'));
    if (!messages.length) continue;
    const rel = posix(relative(root, f));
    const part = partOf(rel, rules);
    if (!part || !PARTS.includes(part)) {
      problems.push(`${rel} calls msg() but no rule of scripts/i18n-split.mjs (RULES) assigns it to a part (${PARTS.join(', ')}): its texts are in no part.`);
      continue;
    }
    for (const m of messages) (usedBy.get(m.id) ?? usedBy.set(m.id, new Set()).get(m.id)).add(part);
  }
  const partsOf = (id) => {
    const used = usedBy.get(id);
    if (!used) return [];
    return used.has(PARTS[0]) ? [PARTS[0]] : PARTS.filter((p) => used.has(p));
  };
  const files = new Map();
  const outDir = posix(relative(root, join(root, config.output.outputDir)));
  for (const locale of config.targetLocales) {
    const from = `${outDir}/${locale}.ts`;
    let entries = [];
    try {
      entries = parseTemplates(readFileSync(join(root, from), 'utf8'));
    } catch (e) {
      problems.push(`${from} could not be read (${e instanceof Error ? e.message : String(e)}); run npm run i18n:build.`);
    }
    for (const part of PARTS) files.set(`${PARTS_DIR}/${locale}.${part}.ts`, partModule(entries.filter(([id]) => partsOf(id).includes(part)), from));
  }
  for (const part of PARTS) files.set(`${PARTS_DIR}/${part}.ts`, loadersModule(part, config.targetLocales));
  return { files, problems };
}

/** Problems of the split on disk: those of the plan, and a part module or the loaders missing, stale or extra. */
export function splitProblems(root = ROOT, rules = RULES) {
  const { files, problems } = planSplit(root, rules);
  for (const [path, content] of files) {
    const p = join(root, path);
    if (!existsSync(p)) problems.push(`${path} is missing (run npm run i18n:build).`);
    else if (readFileSync(p, 'utf8') !== content) problems.push(`${path} is stale (run npm run i18n:build).`);
  }
  const dir = join(root, PARTS_DIR);
  if (existsSync(dir)) for (const f of readdirSync(dir)) if (!files.has(`${PARTS_DIR}/${f}`)) problems.push(`${PARTS_DIR}/${f} is not a part of any language (run npm run i18n:build).`);
  return problems;
}

/** Writes the part modules and the loaders (and removes part modules no longer made); returns the plan's problems. */
export function writeSplit(root = ROOT, rules = RULES) {
  const { files, problems } = planSplit(root, rules);
  for (const [path, content] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    const p = join(root, path);
    if (!existsSync(p) || readFileSync(p, 'utf8') !== content) writeFileSync(p, content);
  }
  const dir = join(root, PARTS_DIR);
  for (const f of readdirSync(dir)) if (!files.has(`${PARTS_DIR}/${f}`)) rmSync(join(dir, f));
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = writeSplit();
  for (const p of problems) console.error(p);
  console.log(`Wrote ${PARTS_DIR}/<locale>.{${PARTS.join(',')}}.ts and their loaders; ${problems.length} problems.`);
  process.exit(problems.length ? 1 : 0);
}
