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
export const BROWSERS = /** @type {const} */ (['chromium', 'firefox']);

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
 * @property {() => Promise<any>} newPage a page that may use the microphone: Playwright's Page (Chromium, a fresh
 *   context each) or a Puppeteer page behind the same methods (Firefox; see the header)
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

// ---------------------------------------------------------------------------------------------------------
// Firefox: Debian firefox-esr driven by puppeteer-core over WebDriver BiDi (geckodriver is not packaged in
// Debian; Playwright's Firefox is a patched build). The prefs stand in for Chromium's switches above.
// ---------------------------------------------------------------------------------------------------------

/** Debian Firefox ESR; FIREFOX_PATH overrides it. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** Preferences that stand in for Chromium's fake-media, autoplay and loopback switches. */
export const FIREFOX_PREFS = {
  // A fake microphone and camera (a tone and a test pattern), no permission prompt.
  'media.navigator.streams.fake': true,
  'media.navigator.permission.disabled': true,
  // Let pages play audio and start an AudioContext without a user gesture (nobody clicks here).
  'media.autoplay.default': 0,
  'media.autoplay.blocking_policy': 0,
  // No sound card on a server: without an audio backend Firefox's AudioContext stays 'suspended' forever (its
  // graph never starts). The mock backend runs the graph on a timer, at 48 kHz like a normal headset
  // (Firefox ESR 140 has no such backend: there the widget says the audio engine stayed paused).
  'media.cubeb.force_mock_context': true,
  'media.cubeb.force_sample_rate': 48000,
  // WebRTC on loopback: host candidates on 127.0.0.1 and no mDNS obfuscation, like Chromium's
  // --allow-loopback-in-peer-connection.
  'media.peerconnection.ice.loopback': true,
  'media.peerconnection.ice.obfuscate_host_addresses': false,
  'media.setsinkid.enabled': true,
  // Quiet, offline-friendly profile.
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  // Keep timers running at full rate in a background (headless) window.
  'dom.min_background_timeout_value': 4,
  'dom.timeout.enable_budget_timer_throttling': false,
};

/**
 * puppeteer-core launch() options that start Debian Firefox ESR headless (extra prefs merged in).
 * @param {import('puppeteer-core').LaunchOptions} [extra]
 * @returns {import('puppeteer-core').LaunchOptions}
 */
export function firefoxLaunchOptions(extra = {}) {
  return {
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    protocol: 'webDriverBiDi',
    ...extra,
    extraPrefsFirefox: { ...FIREFOX_PREFS, ...(extra.extraPrefsFirefox ?? {}) },
  };
}

/**
 * Lets a Puppeteer page of an older Firefox ESR (140 has no WebDriver BiDi
 * `emulation.setScreenOrientationOverride`, which puppeteer-core 24 sends with every setViewport) set its
 * viewport: the size is set by `browsingContext.setViewport`, sent beside it, so only the orientation is
 * lost; the page's width is checked so a viewport that was really not applied still fails.
 * @template {import('puppeteer-core').Page} P
 * @param {P} page
 * @returns {P}
 */
export function tolerateOldFirefox(page) {
  const setViewport = page.setViewport.bind(page);
  page.setViewport = async (viewport) => {
    try {
      await setViewport(viewport);
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      if (!(text.includes('setScreenOrientationOverride') && text.includes('unknown command')) || !viewport) throw e;
      // The size command may still be on its way when the orientation one fails: give it a moment.
      let width = 0;
      for (let i = 0; i < 40 && width !== viewport.width; i++) {
        if (i) await new Promise((r) => setTimeout(r, 50));
        width = await page.evaluate(() => globalThis.innerWidth);
      }
      if (width !== viewport.width) throw new Error(`This Firefox could not set the page's viewport to ${viewport.width} px (it has ${width} px): update firefox-esr.`, { cause: e });
    }
  };
  return page;
}

/** A Puppeteer page with the Playwright-shaped methods the CLI and the benchmarks use. */
function playwrightShapedPage(page) {
  return {
    raw: page,
    goto: (url, o) => page.goto(url, o),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitForFunction: (fn, arg, o = {}) => page.waitForFunction(fn, { timeout: o.timeout ?? 30000, polling: 100 }, arg),
    exposeFunction: (name, fn) => page.exposeFunction(name, fn),
    on: (ev, cb) => {
      if (ev === 'console') page.on('console', (m) => cb({ type: () => m.type(), text: () => m.text() }));
      else page.on(ev, cb);
    },
    url: () => page.url(),
    close: () => page.close(),
  };
}

/**
 * @param {LaunchOptions & { extraPrefsFirefox?: Record<string, unknown> }} opts
 * @returns {Promise<LaunchedBrowser>}
 */
async function launchFirefox({ executablePath = FIREFOX_PATH, args = [], extraPrefsFirefox } = {}) {
  if (!existsSync(executablePath)) {
    throw new BrowserLaunchError(`Firefox was not found at ${executablePath}: install it (Debian/Ubuntu: sudo apt-get install firefox-esr), or give its path (FIREFOX_PATH, or --firefox for the CLI).`);
  }
  let puppeteer;
  try {
    puppeteer = await import('puppeteer-core');
  } catch (e) {
    throw new BrowserLaunchError('puppeteer-core is not installed: run "npm install" in the ccp-preflight package folder, then run again.', { cause: e });
  }
  const browser = await puppeteer.launch(firefoxLaunchOptions({ executablePath, args, ...(extraPrefsFirefox ? { extraPrefsFirefox } : {}) }));
  return {
    name: 'firefox',
    raw: browser,
    // Microphone permission comes from the prefs (no prompt); each page is a tab of the one profile.
    newPage: async () => playwrightShapedPage(tolerateOldFirefox(await browser.newPage())),
    version: async () => browser.version(),
    close: () => browser.close(),
  };
}

/** @type {Record<BrowserName, (opts: LaunchOptions) => Promise<LaunchedBrowser>>} */
const LAUNCHERS = { chromium: launchChromium, firefox: launchFirefox };

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
