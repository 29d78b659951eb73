// The widget's fleet queue across a real page reload, in Debian Chromium, against a real collector over HTTP
// (CORS, ingest token): a report queued while the collector is down stays in the browser's localStorage through
// the reload, and the widget of the reloaded page delivers it once the collector is up -- exactly once.
// Needs the built package (dist/: `npm run build`, which the README's test command runs first).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
// @ts-expect-error plain ESM module without types
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../cli/browser-launch.mjs';
import { buildCollector } from '../../server/app.js';
import { openStore } from '../../server/main.js';
import type { Store } from '../../server/store/store.js';
import { INGEST, READ, simulatedReport } from './helpers.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.json': 'application/json' };

/** A free loopback port (bound, then released). */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

/** The agent desktop: the self-contained widget with a collector-url, and dist/ for the queue module. */
function desktop(collector: string): Server {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>desktop</title>
<script type="module">
  window.__events = [];
  for (const t of ['ccp-preflight-sent', 'ccp-preflight-error']) document.addEventListener(t, (e) => window.__events.push({ type: t, ...e.detail }));
  // What the widget does with a finished run's report (src/fleet/widget.ts), from the built package.
  window.__queue = async (report, url, token) => {
    const m = await import('/dist/esm/fleet/widget.js');
    await m.postToCollector(document.querySelector('ccp-preflight'), { url, token, redact: false }, { kind: 'report', report });
  };
</script>
<script type="module" src="/dist/index.js"></script></head>
<body><ccp-preflight collector-url="${collector}" collector-token="${INGEST}"></ccp-preflight></body></html>`;
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    const file = normalize(join(ROOT, path));
    if (!file.startsWith(join(ROOT, 'dist')) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
}

type Ev = { type: string; id?: string; outcome?: string; source?: string; message?: string; queued?: number };
const events = (p: Page): Promise<Ev[]> => p.evaluate(() => (window as unknown as { __events: Ev[] }).__events);
const queued = (p: Page, collector: string): Promise<number> =>
  p.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? '[]') as unknown[]).length, `ccp-preflight:fleet-queue:${collector}`);

describe.runIf(existsSync(join(ROOT, 'dist/index.js')) && existsSync(CHROMIUM_PATH as string))('the widget fleet queue across a real reload (Chromium, real collector)', () => {
  let browser: Browser;
  let site: Server;
  let origin: string;
  let collectorUrl: string;
  let collectorPort: number;
  let store: Store;
  let app: FastifyInstance | undefined;

  beforeAll(async () => {
    collectorPort = await freePort();
    collectorUrl = `http://127.0.0.1:${collectorPort}`;
    site = desktop(collectorUrl);
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    store = await openStore({ databaseUrl: null, dataDir: '', inMemory: true });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH as string, args: CHROMIUM_ARGS as string[] });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close?.();
    await new Promise((r) => site?.close(r));
  });

  it('keeps a report queued while the collector is down through a reload, then delivers it once', async () => {
    const report = simulatedReport({ agent: 7, site: 'Reload test' });
    const page = await (await browser.newContext()).newPage();
    const consoleErrors: string[] = [];
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => !!customElements.get('ccp-preflight'));

    // Queue the report as the widget does at the end of a run; the collector's port refuses connections.
    await page.evaluate(({ r, url, token }) => (window as unknown as { __queue: (...a: unknown[]) => Promise<void> }).__queue(r, url, token), { r: report, url: collectorUrl, token: INGEST });
    await page.waitForFunction(() => (window as unknown as { __events: Ev[] }).__events.some((e) => e.type === 'ccp-preflight-error'), undefined, { timeout: 20_000 });
    const down = (await events(page)).find((e) => e.type === 'ccp-preflight-error')!;
    expect(down.source).toBe('collector');
    expect(down.message).toMatch(/could not be reached|retry/i);
    expect(await queued(page, collectorUrl)).toBe(1);
    expect(await store.getReport(report.id)).toBeNull();

    // The collector comes up (this desktop's origin allowed); the agent reloads the desktop.
    app = await buildCollector({ store, tokens: { ingest: [INGEST], read: [READ] }, origins: [origin] });
    await app.listen({ port: collectorPort, host: '127.0.0.1' });
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __events: Ev[] }).__events.some((e) => e.type === 'ccp-preflight-sent'), undefined, { timeout: 20_000 });
    const sent = (await events(page)).filter((e) => e.type === 'ccp-preflight-sent');
    expect(sent).toEqual([{ type: 'ccp-preflight-sent', kind: 'report', id: report.id, outcome: 'stored', queued: 0 }]);
    expect(((await store.getReport(report.id)) as { id?: string } | null)?.id).toBe(report.id);
    expect(await queued(page, collectorUrl)).toBe(0);

    // Another reload sends nothing again: the queue is empty, the collector holds the report once.
    await page.reload();
    await page.waitForFunction(() => !!customElements.get('ccp-preflight'));
    await new Promise((r) => setTimeout(r, 1000));
    expect((await events(page)).filter((e) => e.type === 'ccp-preflight-sent')).toEqual([]);
    const agents = (await app.inject({ method: 'GET', url: '/v1/agents?q=Reload', headers: { authorization: `Bearer ${READ}` } })).json() as { total?: number; agents?: unknown[] };
    expect(agents.agents ?? []).toHaveLength(1);
    expect(consoleErrors).toEqual([]);
  });
});
