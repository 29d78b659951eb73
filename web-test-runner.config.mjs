import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { turnPlugin } from './test/support/wtr-turn-plugin.mjs';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from './test/support/chromium.mjs';
import { firefoxLauncher } from './test/support/firefox-wtr.mjs';
import { sdpAsEsm } from './test/support/wtr-cjs-sdp.mjs';
import { extraCommands } from './test/support/wtr-commands.mjs';
import { countReporter } from './test/support/wtr-count-reporter.mjs';
import { runLockPlugin } from './test/support/wtr-run-lock.mjs';

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
  // Every page holds the run-wide lock shared before its tests load; timing-sensitive files hold it alone
  // (test/support/wtr-run-lock.mjs). A page may wait for one of them to finish before it starts.
  testsStartTimeout: 300000,
  testRunnerHtml: (testFramework) => `<!DOCTYPE html><html><head></head><body><script type="module">
import { executeServerCommand } from '/node_modules/@web/test-runner-commands/browser/commands.mjs';
while (!(await executeServerCommand('run-lock-shared'))?.held);
await import('${testFramework}');
</script></body></html>`,
  // Generous: two browsers start side by side and transform the same module graph on a shared 2-core machine.
  browserStartTimeout: 180000,
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    // webrtc-adapter (loaded lazily by the browser check) imports `sdp`, a CommonJS module.
    sdpAsEsm(),
    turnPlugin({ commands: extraCommands }),
    runLockPlugin(),
  ],
  // WTR_BROWSERS=chromium,firefox (the default: both). The two browsers' sessions run side by side
  // (concurrentBrowsers 2), one test file at a time in each.
  concurrentBrowsers: 2,
  browsers: wantedBrowsers().map((name) => launchers[name]()),
  reporters: [defaultReporter(), summaryReporter({}), countReporter()],
};
