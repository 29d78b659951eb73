// The one place that knows how to start a headless browser for ccp-preflight: the CLI (`ccp-preflight run`),
// the test runner (test/support/chromium.mjs re-exports the flags) and the benchmarks (bench/lib/browser.mjs)
// all launch through here. It ships with the CLI, so it lives in cli/ and imports nothing from test/.
//
// launchBrowser({ browser }) returns one small face for every browser:
//   { name, raw, newPage(), version(), close() }
// where newPage() resolves to a page with goto, evaluate, waitForFunction, exposeFunction, on('pageerror' |
// 'console') and close (Playwright's Page for Chromium). To add a browser, add its name to BROWSERS and a
// launcher to LAUNCHERS that returns the same face.
import { existsSync } from 'node:fs';

/** Debian Chromium; CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Chromium switches for unattended WebRTC runs. The first line keeps a root, headless, offline Chromium quiet
 * and predictable; the fake devices and UI stand in for a microphone and its permission prompt; loopback
 * host candidates let relayed calls run against a TURN server on 127.0.0.1.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
  '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required',
  '--allow-loopback-in-peer-connection',
];

/** The browsers launchBrowser() knows, by name. */
export const BROWSERS = /** @type {const} */ (['chromium']);

/** @typedef {typeof BROWSERS[number]} BrowserName */

/**
 * A launch problem a person can fix (browser or driver missing): the message says what to do.
 */
export class BrowserLaunchError extends Error {
  /** @param {string} message @param {ErrorOptions} [options] */
  constructor(message, options) {
    super(message, options);
    this.name = 'BrowserLaunchError';
  }
}

/**
 * @typedef {object} LaunchOptions
 * @property {BrowserName} [browser] which browser (default 'chromium')
 * @property {string} [executablePath] the browser binary (default: the Debian package's path)
 * @property {string[]} [args] extra command-line switches, after the shared ones
 */

/**
 * @typedef {object} LaunchedBrowser
 * @property {BrowserName} name
 * @property {unknown} raw the driver's own browser object (Playwright's Browser for Chromium)
 * @property {() => Promise<import('playwright-core').Page>} newPage a page in a fresh context that may use the microphone
 * @property {() => Promise<string>} version
 * @property {() => Promise<void>} close
 */

/**
 * @param {LaunchOptions} opts
 * @returns {Promise<LaunchedBrowser>}
 */
async function launchChromium({ executablePath = CHROMIUM_PATH, args = [] }) {
  if (!existsSync(executablePath)) {
    throw new BrowserLaunchError(`Chromium was not found at ${executablePath}: install it (Debian/Ubuntu: sudo apt-get install chromium), or give its path (CHROMIUM_PATH, or --chromium for the CLI).`);
  }
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    throw new BrowserLaunchError('playwright-core is not installed: run "npm install" in the ccp-preflight package folder, then run again.', { cause: e });
  }
  const browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, ...args] });
  return {
    name: 'chromium',
    raw: browser,
    async newPage() {
      const context = await browser.newContext({ permissions: ['microphone'] });
      return context.newPage();
    },
    version: async () => browser.version(),
    close: () => browser.close(),
  };
}

/** @type {Record<BrowserName, (opts: LaunchOptions) => Promise<LaunchedBrowser>>} */
const LAUNCHERS = { chromium: launchChromium };

/**
 * Launches a headless browser with the shared settings.
 * @param {LaunchOptions} [opts]
 * @returns {Promise<LaunchedBrowser>}
 */
export async function launchBrowser(opts = {}) {
  const name = opts.browser ?? 'chromium';
  const launch = LAUNCHERS[name];
  if (!launch) throw new BrowserLaunchError(`Unknown browser "${name}": use one of ${BROWSERS.join(', ')}.`);
  return launch(opts);
}
