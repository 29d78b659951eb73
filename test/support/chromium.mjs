// Debian Chromium launch settings shared by the test runner, the CLI and the benchmarks.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
  '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required',
  // Keep WebRTC on loopback: allow host candidates on 127.0.0.1 for the relay tests.
  '--allow-loopback-in-peer-connection',
];
