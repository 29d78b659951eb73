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

const unitCode = run('npx', ['vitest', 'run']);
if (existsSync('.test-results/unit.json')) {
  const j = JSON.parse(readFileSync('.test-results/unit.json', 'utf8'));
  passed += j.numPassedTests; failed += j.numFailedTests; skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  if (unitCode !== 0 && j.numFailedTests === 0) failed++; // e.g. a file that failed to load
} else if (unitCode !== 0) failed++;

const browserCode = run('npx', ['wtr']);
if (existsSync('.test-results/browser.json')) {
  const j = JSON.parse(readFileSync('.test-results/browser.json', 'utf8'));
  passed += j.passed; failed += j.failed; skipped += j.skipped;
  if (browserCode !== 0 && j.failed === 0) failed++;
} else if (browserCode !== 0) failed++;

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
