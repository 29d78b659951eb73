// One headless browser page for the CLI commands that run checks (`run` and `run --repeat`): the browser the
// options name, a local coturn when asked, the page server, the test page loaded. `close()` stops everything
// it started, also on Ctrl-C or SIGTERM.
import { launchBrowser } from './browser-launch.mjs';
import { startStaticServer } from './run.mjs';

/**
 * @param {any} opts the parsed `run` options (parseRunArgs: browser, chromium, firefox, localTurn, json, run);
 *   `opts.run.iceServers` is set to the local coturn's when `localTurn`
 * @param {{ stderr: NodeJS.WritableStream }} io
 * @param {(page: any) => Promise<void> | void} [beforeLoad] hooks that need the page before the test page loads
 * @returns {Promise<{ page: any, close: () => Promise<void> }>}
 *   throws the launcher's BrowserLaunchError when the browser cannot start (a set-up problem)
 */
export async function openTestPage(opts, io, beforeLoad) {
  const browser = await launchBrowser({ browser: opts.browser, executablePath: opts.browser === 'firefox' ? opts.firefox : opts.chromium });
  /** @type {(() => Promise<unknown>)[]} */
  const cleanups = [() => browser.close()];
  const cleanup = async () => {
    while (cleanups.length) await cleanups.pop()?.().catch(() => {});
  };
  const onSignal = () => void cleanup().then(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const close = async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanup();
  };
  try {
    if (opts.localTurn) {
      const { startTurn } = await import('./turn.mjs');
      const turn = await startTurn();
      cleanups.push(() => turn.stop());
      opts.run.iceServers = turn.iceServers;
      if (!opts.json) io.stderr.write(`Local coturn on 127.0.0.1:${turn.port}\n`);
    }
    const server = await startStaticServer();
    cleanups.push(() => new Promise((r) => server.close(() => r(undefined))));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const page = await browser.newPage();
    /** @type {string[]} */
    const pageErrors = [];
    page.on('pageerror', (/** @type {Error} */ e) => pageErrors.push(e.message));
    await beforeLoad?.(page);
    await page.goto(`http://localhost:${port}/cli/page.html`);
    await page.waitForFunction(() => globalThis.__ccpPreflightReady === true, null, { timeout: 15000 }).catch(() => {
      throw new Error(`the test page did not load${pageErrors.length ? `: ${pageErrors[0]}` : ''}.`);
    });
    return { page, close };
  } catch (e) {
    await close();
    throw e;
  }
}
