#!/usr/bin/env node
/**
 * Fills missing <target>s of xliff/<locale>.xlf from a JSON file of translations keyed by the English source,
 * placeholders written {0}, {1}... in the order of the source's <x/> elements (a translator's helper; the XLIFF
 * files stay the record). Usage: node scripts/i18n-fill.mjs <locale> <translations.json> [--force]
 * Prints the sources still without a target.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const [locale, jsonPath, flag] = process.argv.slice(2);
if (!locale || !jsonPath) {
  console.error('Usage: node scripts/i18n-fill.mjs <locale> <translations.json> [--force]');
  process.exit(2);
}
const file = `xliff/${locale}.xlf`;
const xml = readFileSync(file, 'utf8');
const dict = JSON.parse(readFileSync(jsonPath, 'utf8'));
const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const missing = [];
const out = xml.replace(/<trans-unit id="([^"]+)">\n {2}<source>([\s\S]*?)<\/source>(\n {2}<target>[\s\S]*?<\/target>)?\n<\/trans-unit>/g, (unit, id, source, target) => {
  if (target && flag !== '--force') return unit;
  const xs = [];
  const key = unescape(source.replace(/<x id="[^"]*" equiv-text="[^"]*"\/>/g, (x) => `{${xs.push(x) - 1}}`));
  const t = dict[key];
  if (t === undefined) {
    if (!target) missing.push(key);
    return unit;
  }
  const body = escape(t).replace(/\{(\d+)\}/g, (_m, i) => xs[Number(i)] ?? `{${i}}`);
  return `<trans-unit id="${id}">\n  <source>${source}</source>\n  <target>${body}</target>\n</trans-unit>`;
});
writeFileSync(file, out);
for (const m of missing) console.log(m);
