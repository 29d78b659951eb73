#!/usr/bin/env node
// `npm run screenshots`: pictures of the product for the README, made the same way every time.
//   docs/images/widget-fail-<width>.png    the agent's widget after a failing run (recorded report: UDP blocked)
//   docs/images/widget-pass-<width>.png    the agent's widget after a passing run (recorded report)
//   docs/images/widget-for-it-<width>.png  its "For IT" part opened at the test call's charts
//   docs/images/viewer-<width>.png         the supervisor's viewer with the UDP-blocked example
//   docs/images/viewer-compare-<width>.png the viewer comparing it with the healthy baseline
// at 320, 400 and 1280 px wide, 900 px tall (what is visible without scrolling), in Debian Chromium; with
// `--firefox` also in firefox-esr (suffix -firefox). Starts its own Vite server on a free port and stops it.
import { mkdir } from 'node:fs/promises';
import { createServer } from 'vite';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_PATH, FIREFOX_PATH, tolerateOldFirefox } from '../cli/browser-launch.mjs';

const OUT = 'docs/images';
const WIDTHS = [320, 400, 1280];
const HEIGHT = 900;

const shots = [
  { name: 'widget-fail', path: '/scripts/screenshot-widget.html?report=degraded-udp-blocked', ready: () => document.body.dataset.ready === 'yes' },
  { name: 'widget-pass', path: '/scripts/screenshot-widget.html?report=full-pass', ready: () => document.body.dataset.ready === 'yes' },
  {
    name: 'widget-for-it',
    path: '/scripts/screenshot-widget.html?report=degraded-udp-blocked',
    ready: () => document.body.dataset.ready === 'yes',
    // "For IT" opened at the test call's measurements: the charts with their axes and threshold lines.
    after: () => {
      const report = document.querySelector('ccp-preflight')?.shadowRoot?.querySelector('ccp-preflight-report')?.shadowRoot;
      report?.querySelector('details.for-it')?.setAttribute('open', '');
      const media = report?.querySelector('[data-check="media"] details');
      media?.setAttribute('open', '');
      media?.querySelector('figure')?.scrollIntoView({ block: 'start' });
    },
  },
  { name: 'viewer', path: '/demo/report.html', click: '#example-bad', ready: () => !!document.querySelector('ccp-preflight-report')?.shadowRoot?.querySelector('[part="banner"]') },
  {
    name: 'viewer-compare',
    path: '/demo/report.html',
    click: '#example-compare',
    ready: () => !!document.querySelector('ccp-preflight-report')?.shadowRoot?.querySelector('[part="compare"]'),
  },
];

async function main() {
  const firefox = process.argv.includes('--firefox');
  await mkdir(OUT, { recursive: true });
  const server = await createServer({
    configFile: false,
    root: process.cwd(),
    server: { host: 'localhost', port: 0, strictPort: false },
    resolve: { conditions: ['module', 'browser', 'production'] },
    logLevel: 'warn',
  });
  const browsers = [];
  try {
    await server.listen();
    const base = (server.resolvedUrls?.local?.[0] ?? '').replace(/\/$/, '');
    /** @type {{ suffix: string, opts: import('puppeteer-core').LaunchOptions }[]} */
    const targets = [{ suffix: '', opts: { executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--hide-scrollbars'] } }];
    if (firefox) targets.push({ suffix: '-firefox', opts: { browser: 'firefox', executablePath: FIREFOX_PATH, headless: true } });
    for (const t of targets) {
      const browser = await puppeteer.launch(t.opts);
      browsers.push(browser);
      const page = t.suffix ? tolerateOldFirefox(await browser.newPage()) : await browser.newPage();
      page.on('pageerror', (e) => console.error(`page error: ${e instanceof Error ? e.message : String(e)}`));
      for (const shot of shots) {
        for (const width of WIDTHS) {
          await page.setViewport({ width, height: HEIGHT });
          await page.goto(`${base}${shot.path}`, { waitUntil: 'load' });
          if (shot.click) {
            await page.waitForSelector(shot.click);
            await page.click(shot.click);
          }
          await page.waitForFunction(shot.ready, { timeout: 20000 });
          await new Promise((r) => setTimeout(r, 300)); // fonts and the compare view's scroll settle
          if (shot.after) await page.evaluate(shot.after);
          else if (shot.name !== 'viewer-compare') await page.evaluate(() => window.scrollTo(0, 0));
          const file = `${OUT}/${shot.name}-${width}${t.suffix}.png`;
          await page.screenshot({ path: file });
          console.log(file);
        }
      }
      await browser.close();
    }
  } finally {
    for (const b of browsers) await b.close().catch(() => {});
    await server.close();
  }
}

main().catch((e) => {
  console.error(`Screenshots failed: ${e instanceof Error ? e.message : String(e)}`);
  console.error('They need Debian chromium (npm run setup installs it) and, with --firefox, firefox-esr.');
  process.exitCode = 1;
});
