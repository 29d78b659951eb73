// @web/test-runner launcher for Debian Firefox ESR: @web/test-runner-chrome's puppeteer launcher with
// puppeteer-core injected and `browser: 'firefox'` (WebDriver BiDi). The page is the same ChromeLauncherPage;
// its V8 coverage hooks only run for Chromium.
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteerCore from 'puppeteer-core';
import { firefoxLaunchOptions } from './firefox.mjs';
import { tolerateOldFirefox } from '../../cli/browser-launch.mjs';

export function firefoxLauncher(opts = {}) {
  return chromeLauncher({
    puppeteer: puppeteerCore,
    launchOptions: firefoxLaunchOptions(opts.launchOptions),
    concurrency: opts.concurrency,
    createPage: async ({ context }) => tolerateOldFirefox(await context.newPage()),
  });
}
