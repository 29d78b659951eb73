// Shared benchmark plumbing (bench:accuracy; reusable by other benchmarks). Functions:
// - bundle(entryFile)            -> JS text: esbuild bundle of a TS/JS page entry (ESM, browser, es2022)
// - servePage(script)            -> { origin, stop }: http://localhost serving `/` and `/page.js` (secure context)
// - launchChromium(args, {priority}) -> { browser, stop }: Debian Chromium via playwright-core, flags from
//                                   test/support/chromium.mjs; priority < 0 (root) runs it under `nice`
// - openPage(browser, origin)    -> page once `window.__benchReady` is true
// - startTurnServer()            -> coturn from test/support/turn.mjs (clear message when not installed)
// - startProxy(turn, profile)    -> { proxy, iceServers }: the UDP impairment proxy in front of coturn, in its
//                                   own process (test/support/udp-proxy.mjs startUdpProxyProcess); await proxy.stats()
// - cleanup()                    -> stops everything started through these helpers (also on SIGINT/SIGTERM)
import http from 'node:http';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from '../../test/support/chromium.mjs';
import { startTurn, findTurnserver } from '../../test/support/turn.mjs';
import { startUdpProxyProcess, proxiedIceServers } from '../../test/support/udp-proxy.mjs';
import { prioritizedChromiumPath } from './chromium-priority.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export { CHROMIUM_PATH };

const stops = [];
function track(stop) {
  stops.push(stop);
  return stop;
}

/** Stops everything started here, newest first. */
export async function cleanup() {
  while (stops.length) {
    const s = stops.pop();
    try { await s(); } catch { /* best effort */ }
  }
}
for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => { void cleanup().then(() => process.exit(130)); });

/** Bundles a page entry file (path relative to the repo root) into one ESM script. */
export async function bundle(entry) {
  const esbuild = await import('esbuild');
  const res = await esbuild.build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    absWorkingDir: ROOT,
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return res.outputFiles[0].text;
}

export async function servePage(script) {
  const html = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ccp-preflight bench</title></head><body><script type="module" src="/page.js"></script></body></html>';
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/') { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(html); }
    else if (path === '/page.js') { res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }); res.end(script); }
    else { res.writeHead(404); res.end(); }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const stop = track(() => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }));
  return { origin: `http://localhost:${server.address().port}`, stop };
}

export { canRaisePriority } from './chromium-priority.mjs';


/**
 * Launches Chromium. `priority` (e.g. -10, root only) starts it through a `nice` wrapper so that every
 * Chromium process inherits the raised priority: on a machine shared with other work, a starved browser
 * adds scheduling delay to every packet it times, which is load, not the network conditions under test.
 */
export async function launchChromium(extraArgs = [], { priority = 0 } = {}) {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium was not found at ${CHROMIUM_PATH}: install it with \`sudo apt-get install chromium\` or set CHROMIUM_PATH.`);
  const { chromium } = await import('playwright-core');
  const { executablePath, remove } = prioritizedChromiumPath(priority);
  if (remove) track(remove);
  const browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
  const stop = track(() => browser.close());
  return { browser, stop };
}

export async function openPage(browser, origin) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e?.message ?? e)));
  await page.goto(`${origin}/`);
  try {
    await page.waitForFunction(() => globalThis.__benchReady === true, null, { timeout: 15000 });
  } catch {
    throw new Error(`The benchmark page did not load${errors.length ? `: ${errors[0]}` : ''}.`);
  }
  return page;
}

export async function startTurnServer() {
  if (!findTurnserver()) throw new Error('coturn is not installed: install it with `sudo apt-get install coturn`, then run again.');
  const turn = await startTurn();
  track(() => turn.stop());
  return turn;
}

export async function startProxy(turn, profile) {
  // Its own process (raised priority when allowed), so a busy driver does not starve it; stats() is async.
  const proxy = await startUdpProxyProcess({ target: { host: turn.host, port: turn.port }, profile });
  track(() => proxy.stop());
  return { proxy, iceServers: proxiedIceServers(proxy, turn) };
}
