#!/usr/bin/env node
// npm run schema — writes src/report/report.schema.json from the Report's one definition (src/report/definition/).
// `node scripts/gen-schema.mjs --check` only compares and exits 1 when the committed file is stale.
// The definition is TypeScript: esbuild bundles src/report/definition/json-schema.ts into a temp module first.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const dir = mkdtempSync(join(tmpdir(), 'ccp-schema-'));
try {
  const out = join(dir, 'json-schema.mjs');
  await build({
    entryPoints: [join(ROOT, 'src/report/definition/json-schema.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: out,
    logLevel: 'error',
  });
  const { jsonSchemaText, SCHEMA_FILE } = await import(pathToFileURL(out).href);
  const file = join(ROOT, SCHEMA_FILE);
  const text = jsonSchemaText();
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // no file yet
  }
  if (check) {
    if (current !== text) {
      console.error(`${SCHEMA_FILE} is stale: run "npm run schema" and commit it.`);
      process.exitCode = 1;
    }
  } else if (current !== text) {
    writeFileSync(file, text);
    console.log(`wrote ${SCHEMA_FILE} (${text.length.toLocaleString('en-US')} characters)`);
  } else console.log(`${SCHEMA_FILE} is up to date`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
