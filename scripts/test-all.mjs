#!/usr/bin/env node
// The one test command: typecheck, build, Vitest (Node), then @web/test-runner (Debian Chromium + coturn).
// Prints a final line "N passed, N failed" from the runners' own JSON results.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, existsSync } from 'node:fs';

rmSync('.test-results', { recursive: true, force: true });
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;

let passed = 0, failed = 0, skipped = 0;
// Typecheck and build are gates, not tests: a failure counts as one failed, success counts nothing.
if (run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']) !== 0) { failed++; console.error('typecheck failed'); }
// The CLI and the size benchmark use the built package.
if (run('npm', ['run', 'build', '--silent']) !== 0) { failed++; console.error('build failed'); }

// Unit tests in parallel; the end-to-end CLI tests alone afterwards (they time a real network path and must
// not share the two cores with other test files).
for (const [name, dir] of [['unit', 'test/unit'], ['e2e', 'test/e2e']]) {
  const out = `.test-results/${name}.json`;
  const code = run('npx', ['vitest', 'run', dir, `--outputFile.json=${out}`]);
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, 'utf8'));
    passed += j.numPassedTests; failed += j.numFailedTests; skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
    if (code !== 0 && j.numFailedTests === 0) failed++; // e.g. a file that failed to load
  } else if (code !== 0) failed++;
}

const browserCode = run('npx', ['wtr']);
if (existsSync('.test-results/browser.json')) {
  const j = JSON.parse(readFileSync('.test-results/browser.json', 'utf8'));
  passed += j.passed; failed += j.failed; skipped += j.skipped;
  if (browserCode !== 0 && j.failed === 0) failed++;
} else if (browserCode !== 0) failed++;

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
