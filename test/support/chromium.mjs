// Debian Chromium launch settings: the CLI's own (cli/browser-launch.mjs), shared by the test runner and the
// benchmarks, so a flag changed there changes every launch.
export { CHROMIUM_PATH, CHROMIUM_ARGS, launchBrowser } from '../../cli/browser-launch.mjs';
