// Debian Firefox ESR launch settings shared by the test runner, the CLI and the benchmarks: they live with the
// CLI (cli/browser-launch.mjs, which ships and imports nothing from test/); this re-exports them.
import { launchBrowser, FIREFOX_PATH, FIREFOX_PREFS, firefoxLaunchOptions } from '../../cli/browser-launch.mjs';

export { FIREFOX_PATH, FIREFOX_PREFS, firefoxLaunchOptions };

/** Debian Firefox ESR with the shared prefs, with the same small page face as Chromium's (launchBrowser). */
export function launchFirefox(extra = {}) {
  return launchBrowser({ browser: 'firefox', ...extra });
}
