// Browser plumbing for bench:peers and bench:speed: bundle a page script with esbuild, serve it from
// http://localhost (a secure context, so getUserMedia works), launch Debian Chromium through
// playwright-core, and start coturn. Everything started is registered for cleanup (also on Ctrl-C).
import http from 'node:http';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, BenchError, loadEsbuild, onCleanup } from './util.mjs';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from '../../test/support/chromium.mjs';
import { startTurn, findTurnserver } from '../../test/support/turn.mjs';
import { prioritizedChromiumPath } from '../lib/chromium-priority.mjs';

export { CHROMIUM_PATH };

/**
 * Bundles page code (a string of TS/JS, resolved from the repo root) into one ESM script. With
 * `split: true`, lazy imports stay separate chunks fetched when used (as in production) and the result is
 * a map { 'page.js': text, 'chunk-….js': text, … } for servePage; it bundles the file `entry` (relative to
 * the repo root) instead of `contents`.
 */
export async function bundlePage(contents, { sourcefile = 'bench-page.ts', define = {}, split = false, entry } = {}) {
  const esbuild = await loadEsbuild();
  try {
    const res = await esbuild.build({
      ...(split
        ? { entryPoints: { page: join(ROOT, entry) }, splitting: true, outdir: join(tmpdir(), 'ccpf-bench-split'), chunkNames: 'chunk-[hash]' }
        : { stdin: { contents, resolveDir: ROOT, sourcefile, loader: 'ts' } }),
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
    if (split) return Object.fromEntries(res.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => [f.path.split('/').pop(), f.text]));
    return res.outputFiles[0].text;
  } catch (e) {
    const msgs = (e?.errors ?? []).slice(0, 6).map((m) => `  ${m.location ? `${m.location.file}:${m.location.line}: ` : ''}${m.text}`).join('\n');
    throw new BenchError(`Could not bundle the benchmark page:\n${msgs || e?.message}`);
  }
}

/**
 * Serves `/` (a blank page loading /page.js) and the given script (or a map of scripts from a split
 * bundle), plus `extra` static routes { '/path': { body, type } }. Returns { origin, stop }.
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
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const stop = onCleanup(() => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }));
  return { origin: `http://localhost:${server.address().port}`, stop };
}

export { canRaisePriority } from '../lib/chromium-priority.mjs';

/**
 * Launches Debian Chromium headless (playwright-core), with the shared media/loopback flags. `priority`
 * (e.g. -10; root only, else ignored) starts it through `nice`, as bench:accuracy does, so that on a shared
 * machine a starved browser does not add scheduling delay to the packets it times.
 */
export async function launchChromium(extraArgs = [], { priority = 0 } = {}) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new BenchError(`Chromium was not found at ${CHROMIUM_PATH}: install it with \`sudo apt-get install chromium\` (Debian/Ubuntu) or set CHROMIUM_PATH, then run again.`);
  }
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new BenchError('playwright-core is not installed: run `npm ci`, then run again.');
  }
  const { executablePath, prioritized, remove } = prioritizedChromiumPath(priority);
  if (remove) onCleanup(remove);
  const browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
  const stop = onCleanup(() => browser.close().catch(() => {}));
  return { browser, stop, prioritized };
}

/** Starts coturn, or explains how to install it. */
export async function startCoturn() {
  if (!findTurnserver()) {
    throw new BenchError('coturn is not installed: install it with `sudo apt-get install coturn` (Debian/Ubuntu), then run again. (It is not started as a service; the benchmark runs its own turnserver on a free loopback port.)');
  }
  const turn = await startTurn();
  const stop = onCleanup(() => turn.stop());
  return { ...turn, stop };
}

/** Opens a page on the served origin and waits for `window.__benchReady`. */
export async function openPage(browser, origin) {
  const context = await browser.newContext({ permissions: ['microphone', 'camera'] });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e?.message ?? e)));
  await page.goto(`${origin}/`);
  try {
    await page.waitForFunction(() => globalThis.__benchReady === true, null, { timeout: 15000 });
  } catch {
    throw new BenchError(`The benchmark page did not load${errors.length ? `: ${errors[0]}` : ''}.`);
  }
  return { page, context, errors };
}

export const repoPath = (...p) => join(ROOT, ...p);
