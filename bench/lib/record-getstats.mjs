#!/usr/bin/env node
// Records real getStats payloads from Debian Chromium for the unit-test fixtures
// (test/unit/fixtures/getstats/*.json): a relayed audio call through coturn, directly and behind the UDP
// impairment proxy. Usage: node bench/lib/record-getstats.mjs [--browser chromium|firefox]
// (Firefox: Debian firefox-esr over WebDriver BiDi; files named firefox-*.json)
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, bundle, servePage, launchChromium, openPage, startTurnServer, startProxy, cleanup } from './browser.mjs';

const OUT = join(ROOT, 'test/unit/fixtures/getstats');
const strip = (s) => JSON.parse(JSON.stringify(s).replace(/"(username|credential|usernameFragment)":"[^"]*"/g, '"$1":"x"'));

const FIREFOX = process.argv.includes('--browser') && process.argv[process.argv.indexOf('--browser') + 1] === 'firefox';
let ffBrowser;
try {
  mkdirSync(OUT, { recursive: true });
  const turn = await startTurnServer();
  const { origin } = await servePage(await bundle('bench/lib/media-page.ts'));
  if (FIREFOX) ffBrowser = await (await import('../../test/support/firefox.mjs')).launchFirefox();
  const browser = ffBrowser ?? (await launchChromium()).browser;
  const { page } = await openPage(browser, origin);
  const runs = [
    { name: 'relay-clean', profile: null },
    { name: 'relay-proxy-d40-j10-l3', profile: { delayMs: 40, jitterMs: 10, lossPct: 3, seed: 42 } },
  ];
  for (const r of runs) {
    let iceServers = turn.iceServers.filter((s) => JSON.stringify(s.urls).includes('turn:'));
    let proxy;
    if (r.profile) ({ proxy, iceServers } = await startProxy(turn, r.profile));
    const rec = await page.evaluate(([s]) => window.__recordStats(s, 1500, 4500), [iceServers]);
    const meta = { recordedWith: `${FIREFOX ? `Debian Firefox ESR ${await browser.version()}` : 'Debian Chromium'} via bench/lib/record-getstats.mjs`, turn: 'coturn on 127.0.0.1', profile: r.profile, proxy: proxy ? await proxy.stats() : null, firstMs: 1500, secondMs: 4500 };
    if (proxy) await proxy.stop();
    const file = `${FIREFOX ? 'firefox-' : ''}${r.name}.json`;
    writeFileSync(join(OUT, file), JSON.stringify(strip({ meta, ...rec }), null, 1));
    console.log(`wrote ${file}`);
  }
} finally {
  await ffBrowser?.close().catch(() => undefined);
  await cleanup();
}
