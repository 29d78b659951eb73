#!/usr/bin/env node
/**
 * Are the translations complete? Every msg() in the sources listed in lit-localize.json must have a <target> in
 * every xliff/<locale>.xlf, each target must keep every placeholder of its source (<x id="N"/>: a figure, a
 * name, markup), and the generated locale modules must hold every message (`npx lit-localize build` after
 * editing an XLIFF file). test/unit/i18n-complete.test.ts runs it; `node scripts/i18n-check.mjs` prints the
 * problems and exits 1 when there are any.
 *
 * The msg() calls are found by a small scanner (string literals and str/html-tagged templates, the forms this
 * code base uses), ids computed as @lit/localize does at run time.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Skips a JS string literal starting at s[i] (a quote); returns [value, index after it]. */
function readString(s, i) {
  const q = s[i];
  let out = '';
  let j = i + 1;
  while (j < s.length && s[j] !== q) {
    if (s[j] === '\\') {
      const c = s[j + 1];
      out += c === 'n' ? '\n' : c === 't' ? '\t' : c;
      j += 2;
    } else out += s[j++];
  }
  return [out, j + 1];
}

/** Reads a template literal starting at s[i] (a backtick): its static parts; returns [strings, index after it]. */
function readTemplate(s, i) {
  const strings = [];
  let cur = '';
  let j = i + 1;
  while (j < s.length && s[j] !== '`') {
    if (s[j] === '\\') {
      cur += s.slice(j, j + 2);
      j += 2;
    } else if (s[j] === '$' && s[j + 1] === '{') {
      strings.push(cur);
      cur = '';
      j = skipExpression(s, j + 2);
    } else cur += s[j++];
  }
  strings.push(cur);
  return [strings, j + 1];
}

/** Skips a ${...} expression (nested braces, strings, templates); returns the index after its closing brace. */
function skipExpression(s, j) {
  let depth = 1;
  while (j < s.length && depth > 0) {
    const c = s[j];
    if (c === "'" || c === '"') j = readString(s, j)[1];
    else if (c === '`') j = readTemplate(s, j)[1];
    else {
      if (c === '{') depth++;
      else if (c === '}') depth--;
      j++;
    }
  }
  return j;
}

/**
 * The messages of one source file: { id, text } of every msg('...') and msg(tag`...`) call; `text` shows each
 * expression as {N}.
 */
export function scanMessages(source) {
  const out = [];
  const re = /(?<![\w.$])msg\(\s*/g;
  let m;
  while ((m = re.exec(source))) {
    const i = m.index + m[0].length;
    const c = source[i];
    if (c === "'" || c === '"') {
      const [text] = readString(source, i);
      out.push({ id: generateMsgId(text, false), text });
    } else {
      const tag = /^(\w+)`/.exec(source.slice(i, i + 20));
      if (!tag) continue;
      const [strings] = readTemplate(source, i + tag[1].length);
      out.push({ id: generateMsgId(strings, tag[1] === 'html'), text: strings.map((p, k) => (k ? `{${k - 1}}` : '') + p).join('') });
    }
  }
  return out;
}

/** The trans-units of an XLIFF file: id, source and target (null when missing), with their placeholder ids. */
export function parseXliff(xml) {
  const units = [];
  for (const u of xml.matchAll(/<trans-unit id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)) {
    const source = /<source>([\s\S]*?)<\/source>/.exec(u[2])?.[1] ?? '';
    const target = /<target>([\s\S]*?)<\/target>/.exec(u[2])?.[1] ?? null;
    const ph = (t) => [...t.matchAll(/<x id="([^"]+)"/g)].map((x) => x[1]).sort();
    units.push({ id: u[1], source, target, sourcePlaceholders: ph(source), targetPlaceholders: target === null ? [] : ph(target) });
  }
  return units;
}

/**
 * Problems of one locale's XLIFF against the messages in code: a message without a unit (run `npx lit-localize
 * extract`), a unit without a target or with an empty one, a target missing (or adding) a placeholder.
 */
export function checkLocale(locale, xml, messages) {
  const problems = [];
  const units = new Map(parseXliff(xml).map((u) => [u.id, u]));
  for (const msg of messages) {
    const u = units.get(msg.id);
    if (!u) problems.push(`${locale}: "${msg.text}" is not in xliff/${locale}.xlf (run npx lit-localize extract, then translate it).`);
  }
  for (const u of units.values()) {
    if (u.target === null || !u.target.trim()) {
      problems.push(`${locale}: "${u.source}" (${u.id}) has no translation.`);
      continue;
    }
    const missing = u.sourcePlaceholders.filter((p) => !u.targetPlaceholders.includes(p));
    const extra = u.targetPlaceholders.filter((p) => !u.sourcePlaceholders.includes(p));
    if (missing.length) problems.push(`${locale}: the translation of "${u.source}" (${u.id}) lacks placeholder ${missing.join(', ')}.`);
    if (extra.length) problems.push(`${locale}: the translation of "${u.source}" (${u.id}) has placeholder ${extra.join(', ')} its source has not.`);
  }
  return problems;
}

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** The source files named by lit-localize.json's inputFiles (globs of the forms `dir/**\/*.ts` and `file.ts`). */
export function inputFiles(root = ROOT) {
  const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
  return config.inputFiles.flatMap((g) => (g.endsWith('/**/*.ts') ? walk(join(root, g.slice(0, -'/**/*.ts'.length))) : [join(root, g)]));
}

/** Folders whose TypeScript may call msg(): each file that does must be one of lit-localize.json's inputFiles. */
const SOURCE_DIRS = ['src', 'demo', 'server'];

/**
 * Files that call msg() but are not inputs of lit-localize: their texts would never be extracted, so they would
 * stay English in every language without any other check noticing.
 */
export function uncoveredFiles(root = ROOT) {
  const covered = new Set(inputFiles(root));
  return SOURCE_DIRS.flatMap((d) => walk(join(root, d)))
    .filter((f) => !f.includes(`${join('src', 'generated')}`) && !covered.has(f))
    .filter((f) => scanMessages(readFileSync(f, 'utf8')).length > 0)
    .map((f) => relative(root, f));
}

/** Every problem of the project's translations (empty when complete). */
export function checkProject(root = ROOT) {
  const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
  const messages = new Map();
  for (const f of inputFiles(root)) for (const m of scanMessages(readFileSync(f, 'utf8'))) messages.set(m.id, { ...m, file: relative(root, f) });
  const list = [...messages.values()];
  const problems = uncoveredFiles(root).map((f) => `${f} calls msg() but is not in lit-localize.json inputFiles: its texts are never translated.`);
  for (const locale of config.targetLocales) {
    problems.push(...checkLocale(locale, readFileSync(join(root, config.interchange.xliffDir, `${locale}.xlf`), 'utf8'), list));
    const mod = join(root, config.output.outputDir, `${locale}.ts`);
    const generated = existsSync(mod) ? readFileSync(mod, 'utf8') : '';
    for (const m of list) {
      if (!generated.includes(`'${m.id}'`)) problems.push(`${locale}: "${m.text}" is not in ${relative(root, mod)} (run npx lit-localize build).`);
      // lit-localize writes a str message as str`...` only when its tag is named `str` in the code (an alias gives
      // a plain template literal: the figures would show as 0, 1, 2).
      else if (m.id.startsWith('s') && /\{\d+\}/.test(m.text) && !generated.includes(`'${m.id}': str\``)) problems.push(`${locale}: "${m.text}" is not a str template in ${relative(root, mod)}: tag it str\`...\` (not an alias) in ${m.file}.`);
    }
  }
  return { messages: list, problems };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { messages, problems } = checkProject();
  for (const p of problems) console.error(p);
  console.log(`${messages.length} messages, ${problems.length} problems.`);
  process.exit(problems.length ? 1 : 0);
}
