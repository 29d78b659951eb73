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
  'media.autoplay.block-webaudio': false,
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
