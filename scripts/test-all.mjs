#!/usr/bin/env node
// The one test command (npm test, .ci/run): gates first (typecheck of the package and of the tools, lint,
// build), then Vitest in Node (unit; end to end; the packaged library; the fleet collector when test/server
// exists), then @web/test-runner (Debian Chromium and Firefox ESR, real coturn).
// Prints a final line "N passed, N failed" from the runners' own JSON results. A gate that fails counts as
// one failed and the run goes on, so one broken step does not hide the results of the others.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, existsSync } from 'node:fs';

const RESULTS = '.test-results';
rmSync(RESULTS, { recursive: true, force: true });

/** @param {string} cmd @param {string[]} args @returns {number} */
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;

let passed = 0, failed = 0, skipped = 0;
/** @type {string[]} */
const failedSteps = [];
/** @type {string[]} */
const timings = [];

/**
 * Runs one step and records its wall time. Returns the step's exit code.
 * @param {string} name @param {() => number} fn
 */
function step(name, fn) {
  const t0 = Date.now();
  console.log(`\n=== ${name}`);
  const code = fn();
  timings.push(`${name} ${Math.round((Date.now() - t0) / 1000)} s`);
  return code;
}

/** A gate is not a test: a failure counts as one failed, success counts nothing. @param {string} name @param {string[]} cmd */
function gate(name, cmd) {
  if (step(name, () => run(cmd[0], cmd.slice(1))) !== 0) { failed++; failedSteps.push(name); }
}

gate('typecheck (package and tests)', ['npx', 'tsc', '-p', 'tsconfig.json', '--noEmit']);
gate('typecheck (cli, demo, bench, scripts: checked JSDoc)', ['npx', 'tsc', '-p', 'tsconfig.tools.json', '--noEmit']);
gate('lint', ['npx', 'eslint', '.']);
// The CLI, the packaging test and the size benchmark use the built package.
gate('build', ['npm', 'run', 'build', '--silent']);

// Vitest, one folder at a time: unit tests in parallel inside their run; the end-to-end CLI tests alone (they
// time a real network path and must not share the two cores with other test files); the packaged library;
// the collector against PGlite and a real PostgreSQL.
// The collector's folder has its own config (one file at a time: real databases and kill -9 on 2 cores).
const VITEST_DIRS = [['unit', 'test/unit'], ['e2e', 'test/e2e'], ['package', 'test/package'], ['server', 'test/server', 'test/server/vitest.config.ts']];
for (const [name, dir, config] of VITEST_DIRS) {
  if (!existsSync(dir)) continue;
  const out = `${RESULTS}/${name}.json`;
  const args = config ? ['--config', config] : [dir];
  const code = step(`vitest ${dir}`, () => run('npx', ['vitest', 'run', ...args, `--outputFile.json=${out}`]));
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, 'utf8'));
    passed += j.numPassedTests; failed += j.numFailedTests; skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
    if (code !== 0 && j.numFailedTests === 0) { failed++; failedSteps.push(`vitest ${dir} (a file failed to load)`); }
    else if (j.numFailedTests) failedSteps.push(`vitest ${dir}`);
  } else if (code !== 0) { failed++; failedSteps.push(`vitest ${dir} (no results)`); }
}

// Browser tests: every browser of web-test-runner.config.mjs; counted per browser by test/support/wtr-count-reporter.mjs.
const browserCode = step('web-test-runner', () => run('npx', ['wtr']));
const browserOut = `${RESULTS}/browser.json`;
if (existsSync(browserOut)) {
  const j = JSON.parse(readFileSync(browserOut, 'utf8'));
  passed += j.passed; failed += j.failed; skipped += j.skipped;
  for (const [browser, c] of Object.entries(j.byBrowser ?? {})) {
    console.log(`${browser}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`);
  }
  if (j.failed) failedSteps.push('web-test-runner');
  if (browserCode !== 0 && j.failed === 0) { failed++; failedSteps.push('web-test-runner (exited with an error)'); }
} else if (browserCode !== 0) { failed++; failedSteps.push('web-test-runner (no results)'); }

console.log(`\nTimes: ${timings.join('; ')}`);
if (failedSteps.length) console.log(`Failed: ${failedSteps.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
