#!/usr/bin/env node
/**
 * Are the translations complete? Every msg() in the sources listed in lit-localize.json must have a <target> in
 * every xliff/<locale>.xlf, each target must keep every placeholder of its source (<x id="N"/>: a figure, a
 * name, markup), and the generated locale modules must hold every message (`npm run i18n:build` after editing
 * an XLIFF file). test/unit/i18n-complete.test.ts runs it; `node scripts/i18n-check.mjs` prints the problems and
 * exits 1 when there are any.
 *
 * The msg() calls are found by the scanner of scripts/i18n-scan.mjs (shared with scripts/i18n-split.mjs). The
 * modules of each language's parts (scripts/i18n-split.mjs) must be current, and every file that calls msg()
 * must belong to a part (`npm run i18n:build` = lit-localize build, then the split).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, inputFiles, scanMessages, walk } from './i18n-scan.mjs';
import { splitProblems } from './i18n-split.mjs';

export { inputFiles, scanMessages };

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
      if (!generated.includes(`'${m.id}'`)) problems.push(`${locale}: "${m.text}" is not in ${relative(root, mod)} (run npm run i18n:build).`);
      // lit-localize writes a str message as str`...` only when its tag is named `str` in the code (an alias gives
      // a plain template literal: the figures would show as 0, 1, 2).
      else if (m.id.startsWith('s') && /\{\d+\}/.test(m.text) && !generated.includes(`'${m.id}': str\``)) problems.push(`${locale}: "${m.text}" is not a str template in ${relative(root, mod)}: tag it str\`...\` (not an alias) in ${m.file}.`);
    }
  }
  // Each language's texts are split into parts (scripts/i18n-split.mjs): every message in a part, the parts current.
  problems.push(...splitProblems(root));
  return { messages: list, problems };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { messages, problems } = checkProject();
  for (const p of problems) console.error(p);
  console.log(`${messages.length} messages, ${problems.length} problems.`);
  process.exit(problems.length ? 1 : 0);
}
