/**
 * The msg() scanner shared by the translation tools (scripts/i18n-check.mjs, scripts/i18n-split.mjs): finds the
 * messages of a source file (string literals and str/html-tagged templates, the forms this code base uses, and a
 * custom `{ id: '...' }`), ids computed as @lit/localize does at run time, and lists lit-localize.json's input
 * files. It also reads the string and template literals of the generated locale modules.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Skips a JS string literal starting at s[i] (a quote); returns [value, index after it]. */
export function readString(s, i) {
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
export function readTemplate(s, i) {
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

/** The `id` of msg()'s options when they follow the message at s[i] (`, { id: 'x' }`), else undefined. */
function customId(s, i) {
  return /^\s*,\s*\{\s*id:\s*(['"])([^'"]+)\1/.exec(s.slice(i, i + 200))?.[2];
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
      const [text, end] = readString(source, i);
      out.push({ id: customId(source, end) ?? generateMsgId(text, false), text });
    } else {
      const tag = /^(\w+)`/.exec(source.slice(i, i + 20));
      if (!tag) continue;
      const [strings, end] = readTemplate(source, i + tag[1].length);
      out.push({ id: customId(source, end) ?? generateMsgId(strings, tag[1] === 'html'), text: strings.map((p, k) => (k ? `{${k - 1}}` : '') + p).join('') });
    }
  }
  return out;
}

export function walk(dir, out = []) {
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
