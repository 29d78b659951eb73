// Browser plumbing for every benchmark (bench:accuracy, peers, speed, overhead and record-getstats):
// - bundle(entry) / bundlePage(contents, opts) -> esbuild bundles of a page script (ESM, browser, es2022)
// - servePage(script, opts)      -> { origin, stop }: http://localhost (a secure context, so getUserMedia works)
// - launchChromium(args, {priority}) -> { browser, stop, prioritized }: Debian Chromium through the CLI's own
//                                   launcher (cli/browser-launch.mjs); priority < 0 (root) runs it under `nice`
// - openPage(browser, origin)    -> { page, context, errors } once `window.__benchReady` is true
// - startTurnServer()            -> coturn (cli/turn.mjs) on a free loopback port, with a clear message when missing
// - startProxy(turn, profile)    -> { proxy, iceServers }: the UDP impairment proxy in front of coturn, in its own
//                                   process (test/support/udp-proxy.mjs); await proxy.stats()
// - cleanup()                    -> stops everything started through these helpers (also on Ctrl-C, see util.mjs)
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, BenchError, loadEsbuild, onCleanup, cleanupAll } from './util.mjs';
import { CHROMIUM_PATH, BrowserLaunchError, launchBrowser } from '../../cli/browser-launch.mjs';
import { startTurn, findTurnserver } from '../../cli/turn.mjs';
import { startUdpProxyProcess, proxiedIceServers } from '../../test/support/udp-proxy.mjs';
import { prioritizedChromiumPath } from './chromium-priority.mjs';

export { ROOT, CHROMIUM_PATH };
export { canRaisePriority } from './chromium-priority.mjs';
/** Stops everything started through these helpers, newest first. */
export const cleanup = cleanupAll;
export const repoPath = (/** @type {string[]} */ ...p) => join(ROOT, ...p);

/** @param {unknown} e */
function bundleFailure(e) {
  const errors = /** @type {{ errors?: { text: string, location?: { file: string, line: number } }[] }} */ (e)?.errors ?? [];
  const msgs = errors.slice(0, 6).map((m) => `  ${m.location ? `${m.location.file}:${m.location.line}: ` : ''}${m.text}`).join('\n');
  return new BenchError(`Could not bundle the benchmark page:\n${msgs || (e instanceof Error ? e.message : String(e))}`, { cause: e });
}

/**
 * Bundles page code into one ESM script: `contents` (a string of TS/JS, resolved from the repo root), or the
 * file `entry` (relative to the repo root). With `split: true` (needs `entry`), lazy imports stay separate
 * chunks fetched when used (as in production) and the result is a map { 'page.js': text, 'chunk-….js': text }
 * for servePage.
 * @param {string} contents
 * @param {{ sourcefile?: string, define?: Record<string, string>, split?: boolean, entry?: string }} [opts]
 * @returns {Promise<any>} the script text, or with `split` the map of file names to texts
 */
export async function bundlePage(contents, { sourcefile = 'bench-page.ts', define = {}, split = false, entry } = {}) {
  const esbuild = await loadEsbuild();
  const input = split && entry
    ? { entryPoints: { page: join(ROOT, entry) }, splitting: true, outdir: join(tmpdir(), 'ccpf-bench-split'), chunkNames: 'chunk-[hash]' }
    : entry
      ? { entryPoints: [join(ROOT, entry)] }
      : { stdin: { contents, resolveDir: ROOT, sourcefile, loader: /** @type {const} */ ('ts') } };
  let res;
  try {
    res = await esbuild.build({
      ...input,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      minify: false,
      sourcemap: false,
      // package.json "sideEffects" would drop side-effect-only imports of bench page files.
      ignoreAnnotations: true,
      logLevel: 'silent',
      absWorkingDir: ROOT,
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis', ...define },
    });
  } catch (e) {
    throw bundleFailure(e);
  }
  if (split) return Object.fromEntries(res.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => [f.path.split('/').pop(), f.text]));
  return res.outputFiles[0].text;
}

/**
 * Bundles a page entry file (path relative to the repo root) into one ESM script.
 * @param {string} entry
 * @returns {Promise<string>}
 */
export const bundle = (entry) => bundlePage('', { entry });

/**
 * Serves `/` (a blank page loading /page.js) and the given script (or a map of scripts from a split
 * bundle), plus `extra` static routes { '/path': { body, type } } and `/ok` (204, for the endpoints check).
 * @param {string | Record<string, string>} script
 * @param {{ title?: string, isolated?: boolean, extra?: Record<string, { type: string, body: string | Buffer | (() => string | Buffer) }> }} [opts]
 */
export async function servePage(script, { title = 'ccp-preflight bench', isolated = false, extra = {} } = {}) {
  const scripts = typeof script === 'string' ? { 'page.js': script } : script;
  // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
  const iso = isolated ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp', 'cross-origin-resource-policy': 'same-origin' } : {};
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><script type="module" src="/page.js"></script></body></html>`;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...iso });
      res.end(html);
    } else if (url.pathname.endsWith('.js') && Object.hasOwn(scripts, url.pathname.slice(1))) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store', ...iso });
      res.end(scripts[url.pathname.slice(1)]);
    } else if (Object.hasOwn(extra, url.pathname)) {
      const x = extra[url.pathname];
      res.writeHead(200, { 'content-type': x.type, 'cache-control': 'no-store', ...iso });
      res.end(typeof x.body === 'function' ? x.body() : x.body);
    } else if (url.pathname === '/ok') {
      // A local HTTPS-less endpoint for the endpoints check: answers quickly with 204.
      res.writeHead(204, { 'access-control-allow-origin': '*', 'cache-control': 'no-store' });
      res.end();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const stop = onCleanup(() => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve(undefined)); }));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { origin: `http://localhost:${port}`, stop };
}

/**
 * Launches Debian Chromium headless with the CLI's flags. `priority` (e.g. -10; root only, else ignored)
 * starts it through `nice`, so that on a shared machine a starved browser does not add scheduling delay to
 * the packets it times (that would be load, not the network conditions under test).
 * @param {string[]} [extraArgs]
 * @param {{ priority?: number }} [opts]
 * @returns {Promise<{ browser: import('playwright-core').Browser, stop: () => Promise<void>, prioritized: boolean }>}
 */
export async function launchChromium(extraArgs = [], { priority = 0 } = {}) {
  const { executablePath, prioritized, remove } = prioritizedChromiumPath(priority);
  if (remove) onCleanup(remove);
  let launched;
  try {
    launched = await launchBrowser({ browser: 'chromium', args: extraArgs, ...(prioritized ? { executablePath } : {}) });
  } catch (e) {
    throw e instanceof BrowserLaunchError ? new BenchError(e.message, { cause: e }) : e;
  }
  const stop = onCleanup(() => launched.close().catch(() => {}));
  return { browser: /** @type {import('playwright-core').Browser} */ (launched.raw), stop, prioritized };
}

/**
 * Launches the benchmark browser by name: Chromium (above) or Debian Firefox ESR (puppeteer-core over WebDriver
 * BiDi, cli/browser-launch.mjs), both at raised priority when allowed (root) through a `nice` wrapper. Returns
 * `browser` for openPage(): Playwright's Browser for Chromium, the launcher's face (newPage()) for Firefox.
 * @param {string} [name] 'chromium' or 'firefox' (anything else is refused with a clear message)
 * @param {{ priority?: number }} [opts]
 */
export async function launchBenchBrowser(name = 'chromium', { priority = 0 } = {}) {
  if (name === 'chromium') return { ...(await launchChromium([], { priority })), name };
  if (name !== 'firefox') throw new BenchError(`--browser must be chromium or firefox (got "${name}").`);
  const { FIREFOX_PATH } = await import('../../cli/browser-launch.mjs');
  const { canRaisePriority } = await import('./chromium-priority.mjs');
  let executablePath = FIREFOX_PATH;
  let prioritized = false;
  if (priority && canRaisePriority()) {
    const { mkdtempSync, writeFileSync, chmodSync, rmSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'ccpf-firefox-'));
    executablePath = join(dir, 'firefox-esr');
    writeFileSync(executablePath, `#!/bin/sh\nexec nice -n ${Number(priority)} ${FIREFOX_PATH} "$@"\n`);
    chmodSync(executablePath, 0o755);
    prioritized = true;
    onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  }
  let launched;
  try {
    launched = await launchBrowser({ browser: 'firefox', executablePath });
  } catch (e) {
    throw e instanceof BrowserLaunchError ? new BenchError(e.message, { cause: e }) : e;
  }
  const stop = onCleanup(() => launched.close().catch(() => {}));
  return { browser: launched, stop, prioritized, name, version: await launched.version() };
}

/**
 * Opens a page on the served origin and waits for `window.__benchReady`. `browser` is Playwright's Browser
 * (a fresh context with the microphone allowed; close `context` to drop it) or any launched browser with
 * newPage() (e.g. Firefox; `context.close()` then closes the page).
 * @param {any} browser
 * @param {string} origin
 */
export async function openPage(browser, origin) {
  /** @type {any} */
  let page;
  /** @type {{ close(): Promise<void> }} */
  let context;
  if (typeof browser.newContext === 'function') {
    context = await browser.newContext({ permissions: ['microphone', 'camera'] });
    page = await /** @type {import('playwright-core').BrowserContext} */ (context).newPage();
  } else {
    page = await browser.newPage();
    context = { close: () => page.close() };
  }
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (/** @type {unknown} */ e) => errors.push(e instanceof Error ? e.message : String(e)));
  await page.goto(`${origin}/`);
  try {
    await page.waitForFunction(() => /** @type {any} */ (globalThis).__benchReady === true, null, { timeout: 15000 });
  } catch (e) {
    throw new BenchError(`The benchmark page did not load${errors.length ? `: ${errors[0]}` : ''}.`, { cause: e });
  }
  return { page, context, errors };
}

/** Starts coturn on a free loopback port (stopped at cleanup), or explains how to install it. */
export async function startTurnServer() {
  if (!findTurnserver()) {
    throw new BenchError('coturn is not installed: install it with `sudo apt-get install coturn` (Debian/Ubuntu), then run again. (It is not started as a service; the benchmark runs its own turnserver on a free loopback port.)');
  }
  const turn = await startTurn();
  const stop = onCleanup(() => turn.stop());
  return { ...turn, stop };
}

/**
 * The UDP impairment proxy in front of coturn, in its own process (raised priority when allowed), so a busy
 * driver does not starve it; stats() is async.
 * @param {any} turn coturn from startTurnServer()
 * @param {object} profile
 */
export async function startProxy(turn, profile) {
  const proxy = await startUdpProxyProcess({ target: { host: turn.host, port: turn.port }, profile });
  onCleanup(() => proxy.stop());
  return { proxy, iceServers: proxiedIceServers(proxy, turn) };
}
