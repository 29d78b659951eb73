import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { writeFileSync, mkdirSync } from 'node:fs';
import { turnPlugin } from './test/support/wtr-turn-plugin.mjs';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from './test/support/chromium.mjs';
import { firefoxLauncher } from './test/support/firefox-wtr.mjs';
import { extraCommands } from './test/support/wtr-commands.mjs';

/** Writes real pass/fail counts to .test-results/browser.json for scripts/test-all.mjs. */
function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0, failed = 0, skipped = 0;
      const failures = [];
      const walk = (suite, file) => {
        for (const t of suite.tests ?? []) {
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else { failed++; failures.push(`${file}: ${t.name}`); }
        }
        for (const s of suite.suites ?? []) walk(s, file);
      };
      for (const s of sessions) {
        if (s.testResults) walk(s.testResults, s.testFile);
        // A file that failed to load counts as a failure.
        if (!s.passed && (!s.testResults || (s.errors?.length ?? 0) > 0)) { failed++; failures.push(`${s.testFile}: ${s.errors?.[0]?.message ?? 'did not run'}`); }
      }
      mkdirSync('.test-results', { recursive: true });
      writeFileSync('.test-results/browser.json', JSON.stringify({ passed, failed, skipped, failures }, null, 2));
    },
  };
}

const launchers = {
  chromium: () => playwrightLauncher({
    product: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS },
  }),
  // Debian Firefox ESR over WebDriver BiDi (test/support/firefox-wtr.mjs).
  firefox: () => firefoxLauncher(),
};

function wantedBrowsers() {
  const names = (process.env.WTR_BROWSERS || 'chromium,firefox').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((n) => !(n in launchers));
  if (unknown.length) throw new Error(`WTR_BROWSERS: unknown browser ${unknown.join(', ')}; use chromium, firefox or both (comma-separated).`);
  return [...new Set(names)];
}

export default {
  files: process.env.WTR_FILES ? process.env.WTR_FILES.split(',') : ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  rootDir: '.',
  concurrency: 1,
  testFramework: { config: { timeout: 60000 } },
  testsFinishTimeout: 480000,
  browserStartTimeout: 60000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), turnPlugin({ commands: extraCommands })],
  // WTR_BROWSERS=chromium,firefox (the default: both). The two browsers' sessions run side by side
  // (concurrentBrowsers 2), one test file at a time in each.
  concurrentBrowsers: 2,
  browsers: wantedBrowsers().map((name) => launchers[name]()),
  reporters: [defaultReporter(), summaryReporter(), countReporter()],
};
