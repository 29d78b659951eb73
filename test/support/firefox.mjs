// Debian Firefox ESR launch settings shared by the test runner, the CLI and the benchmarks.
// Driven by puppeteer-core over WebDriver BiDi (geckodriver is not packaged in Debian; Playwright's Firefox is a
// patched build we do not have).
export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** Preferences that stand in for Chromium's fake-media and autoplay switches. */
export const FIREFOX_PREFS = {
  // A fake microphone and camera (a tone and a test pattern), no permission prompt.
  'media.navigator.streams.fake': true,
  'media.navigator.permission.disabled': true,
  // Let pages play audio and start an AudioContext without a user gesture (tests have no gesture).
  'media.autoplay.default': 0,
  'media.autoplay.blocking_policy': 0,
  // No sound card here: without an audio backend Firefox's AudioContext stays 'suspended' forever (its
  // graph never starts). The mock backend runs the graph on a timer, at 48 kHz like a normal headset.
  'media.cubeb.force_mock_context': true,
  'media.cubeb.force_sample_rate': 48000,
  // WebRTC on loopback: host candidates on 127.0.0.1 and no mDNS obfuscation, like Chromium's
  // --allow-loopback-in-peer-connection.
  'media.peerconnection.ice.loopback': true,
  'media.peerconnection.ice.obfuscate_host_addresses': false,
  // setSinkId and speaker selection without a prompt.
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

/** Options for puppeteer-core's launch() that start Debian Firefox ESR headless. */
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
 * Launches Debian Firefox ESR with puppeteer-core and returns a small Playwright-like face
 * ({ newPage(), close(), version() }; pages with goto, evaluate(fn, arg), waitForFunction(fn, arg, { timeout }),
 * on('pageerror'|'console'), close()), so code written for Playwright's Chromium (the CLI, the benchmarks)
 * drives either browser.
 */
export async function launchFirefox(extra = {}) {
  const { existsSync } = await import('node:fs');
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`Firefox was not found at ${FIREFOX_PATH}: install it with \`sudo apt-get install firefox-esr\` or set FIREFOX_PATH.`);
  }
  const puppeteer = await import('puppeteer-core');
  const browser = await puppeteer.launch(firefoxLaunchOptions(extra));
  const wrapPage = (page) => ({
    raw: page,
    goto: (url, o) => page.goto(url, o),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitForFunction: (fn, arg, o = {}) => page.waitForFunction(fn, { timeout: o.timeout ?? 30000, polling: 100 }, arg),
    on: (ev, cb) => {
      if (ev === 'pageerror') page.on('pageerror', (e) => cb(e));
      else if (ev === 'console') page.on('console', (m) => cb({ type: () => m.type(), text: () => m.text() }));
      else page.on(ev, cb);
    },
    url: () => page.url(),
    close: () => page.close(),
  });
  return {
    raw: browser,
    async newPage() { return wrapPage(await browser.newPage()); },
    version: () => browser.version(),
    close: () => browser.close(),
  };
}
