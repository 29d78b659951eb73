// @web/test-runner reporter that writes the real pass/fail counts, in total and per browser, to
// .test-results/browser.json for scripts/test-all.mjs (WTR prints no line CI reads as a test count).
// A test that runs in Chromium and in Firefox counts once per browser: they are two results.
import { writeFileSync, mkdirSync } from 'node:fs';

/**
 * @typedef {{ passed: number, failed: number, skipped: number }} Counts
 * @typedef {{ name: string, passed?: boolean, skipped?: boolean }} TestResult
 * @typedef {{ tests?: TestResult[], suites?: Suite[] }} Suite
 * @typedef {{ testFile: string, passed?: boolean, browser: { name: string }, testResults?: Suite, errors?: { message?: string }[] }} Session
 */

/**
 * Counts the sessions of one run: per browser and in total. A file that failed to load (or threw outside
 * its tests) counts as one failure of that browser.
 * @param {Session[]} sessions
 */
export function countSessions(sessions) {
  /** @type {Record<string, Counts>} */
  const byBrowser = {};
  /** @type {string[]} */
  const failures = [];
  for (const s of sessions) {
    const browser = s.browser?.name ?? 'browser';
    const c = (byBrowser[browser] ??= { passed: 0, failed: 0, skipped: 0 });
    /** @param {Suite} suite @param {string[]} path */
    const walk = (suite, path) => {
      for (const t of suite.tests ?? []) {
        if (t.skipped) c.skipped++;
        else if (t.passed) c.passed++;
        else { c.failed++; failures.push(`${browser}: ${s.testFile}: ${[...path, t.name].join(' > ')}`); }
      }
      for (const sub of suite.suites ?? []) walk(sub, [...path, /** @type {{ name?: string }} */ (sub).name ?? '']);
    };
    if (s.testResults) walk(s.testResults, []);
    if (!s.passed && (!s.testResults || (s.errors?.length ?? 0) > 0)) {
      c.failed++;
      failures.push(`${browser}: ${s.testFile}: ${s.errors?.[0]?.message ?? 'did not run'}`);
    }
  }
  const total = (/** @type {keyof Counts} */ k) => Object.values(byBrowser).reduce((n, c) => n + c[k], 0);
  return { passed: total('passed'), failed: total('failed'), skipped: total('skipped'), byBrowser, failures };
}

/** The reporter: writes countSessions() of the finished run to `file`. */
export function countReporter(file = '.test-results/browser.json') {
  return {
    /** @param {{ sessions: Session[] }} run */
    onTestRunFinished({ sessions }) {
      mkdirSync(file.replace(/\/[^/]*$/, ''), { recursive: true });
      writeFileSync(file, JSON.stringify(countSessions(sessions), null, 2));
    },
  };
}
