#!/usr/bin/env node
// npm run bench:speed — time to verdict: wall time of a full healthy run (every check) and of each check,
// median of several runs, in Debian Chromium against a local coturn; then the time from inserting
// <ccp-preflight> to its rendered verdict. Goal: full verdict <= 8 s.
//
//   node bench/speed.mjs [--runs=5] [--element-runs=3] [--duration=S] [--browser=chromium|firefox]
//
// Each run is a fresh page (a fresh browser context), as when an agent opens the desktop. The local
// coturn stands in for the agent's TURN servers; the `endpoints` check is pointed at a local HTTP
// endpoint and the Region table is off (no network access needed); `ccp` skips (no CCP URL) in the
// runPreflight runs, and the element is timed both without a CCP and wrapping the local fake CCP
// (demo/fake-ccp.html: real amazon-connect-streams, TURN servers from its createTransport answer).
import { benchArgs, printTable, runMain, machineInfo, printMachine, median, BenchError } from './lib/util.mjs';
import { existsSync, readFileSync } from 'node:fs';
import { bundlePage, servePage, launchBenchBrowser, startTurnServer, openPage, repoPath, CHROMIUM_PATH } from './lib/browser.mjs';

const GOAL_MS = 8000;
const args = benchArgs();
if (args.help) {
  console.log('Usage: node bench/speed.mjs [--runs=5] [--element-runs=3] [--duration=S] [--browser=chromium|firefox]');
  process.exit(0);
}
const runs = Math.max(1, Number(args.runs ?? 5));
const elementRuns = Math.max(0, Number(args['element-runs'] ?? 3));
const durationS = args.duration ? Number(args.duration) : undefined;
const browserName = args.browser ?? 'chromium';
const s = (ms) => (ms == null ? '—' : (ms / 1000).toFixed(2));

async function main() {
  const info = machineInfo(CHROMIUM_PATH);
  printMachine(info);
  const turn = await startTurnServer();
  const script = await bundlePage(`import './bench/lib/speed-page.js';`);
  const server = await servePage(script, { title: 'bench:speed' });
  const { browser, version } = await launchBenchBrowser(browserName);
  if (version) console.log(`Browser: ${version}`);
  const options = {
    iceServers: turn.iceServers,
    endpoints: [{ url: `${server.origin}/ok`, role: 'custom' }],
    regions: false,
    ...(durationS ? { durationS } : {}),
  };
  console.log(`coturn on 127.0.0.1:${turn.port}; ${runs} full run(s), each in a fresh page; endpoints -> ${server.origin}/ok; no CCP URL.`);

  const all = [];
  for (let i = 0; i < runs; i++) {
    const { page, context } = await openPage(browser, server.origin);
    try {
      const r = await page.evaluate((o) => window.__bench.fullRun(o), options);
      all.push(r);
      process.stderr.write(`  run ${i + 1}: ${s(r.wallMs)} s, verdict ${r.verdict}\n`);
    } finally {
      await context.close();
    }
  }

  const ids = all[0].checks.map((c) => c.id);
  const rows = ids.map((id) => {
    const xs = all.map((r) => r.checks.find((c) => c.id === id));
    const d = xs.map((c) => c?.durationMs ?? null);
    const verdicts = [...new Set(xs.map((c) => c?.verdict ?? '?'))].join('/');
    const note = xs.find((c) => c?.verdict && c.verdict !== 'pass')?.summary ?? '';
    return [id, verdicts, s(median(d)), s(Math.min(...d)), s(Math.max(...d)), note.slice(0, 110)];
  });
  const wall = all.map((r) => r.wallMs);
  const tot = median(wall);
  rows.push(['total (wall, full verdict)', [...new Set(all.map((r) => r.verdict))].join('/'), s(tot), s(Math.min(...wall)), s(Math.max(...wall)), tot <= GOAL_MS ? `goal <= ${GOAL_MS / 1000} s: met` : `goal <= ${GOAL_MS / 1000} s: MISSED`]);
  printTable(['check', 'verdict', 'median s', 'min s', 'max s', 'note (why not pass)'], rows, { title: `Time to verdict, runPreflight, all checks (median of ${runs})` });

  // ---- <ccp-preflight>: time to a rendered verdict, without a CCP and wrapping the local fake CCP ----
  if (elementRuns > 0) {
    let files = null;
    try {
      // Split like production: Streams and the CCP adapter are chunks fetched when the widget asks for them.
      files = await bundlePage('', { split: true, entry: 'bench/lib/speed-element-page.js' });
    } catch (e) {
      console.log(`\n<ccp-preflight> not measured: ${e instanceof BenchError ? e.message.replace(/\n\s*/g, ' ') : e}`);
    }
    if (files) {
      const fake = ['demo/fake-ccp.html', 'demo/fake-ccp.js'].map((f) => [f, repoPath(f)]);
      const haveFake = fake.every(([, p]) => existsSync(p));
      const extra = {
        '/__turn.json': { type: 'application/json', body: JSON.stringify({ iceServers: turn.iceServers, host: turn.host, port: turn.port }) },
        ...Object.fromEntries(fake.filter(([, p]) => existsSync(p)).map(([f, p]) => [`/${f}`, { type: f.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8', body: () => readFileSync(p) }])),
      };
      const eserver = await servePage(files, { title: 'bench:speed element', extra });
      const modes = [{ id: 'none', label: 'no CCP (ICE servers from config)' }];
      if (haveFake) modes.push({ id: 'fake', label: 'wrapping a CCP (local fake CCP, real Streams 2.28.2)' });
      const out = [];
      for (const mode of modes) {
        const er = [];
        for (let i = 0; i < elementRuns; i++) {
          const { page, context } = await openPage(browser, eserver.origin);
          try {
            const r = await page.evaluate((o) => window.__bench.elementRun(o), {
              iceServers: options.iceServers,
              options: { endpoints: options.endpoints, regions: options.regions, ...(durationS ? { durationS } : {}) },
              ccpUrl: mode.id === 'fake' ? `${eserver.origin}/demo/fake-ccp.html` : undefined,
            });
            er.push(r);
            const ccp = r.checks.find((c) => c.id === 'ccp');
            process.stderr.write(`  element, ${mode.id}, run ${i + 1}: verdict on screen after ${s(r.renderedMs)} s (${r.shown ? 'shown' : 'NOT shown'}; ccp ${ccp?.verdict ?? '?'})\n`);
          } finally {
            await context.close();
          }
        }
        out.push({ mode, er });
      }
      const rows = [];
      for (const { mode, er } of out) {
        const rendered = er.map((r) => r.renderedMs);
        const ccpMs = er.map((r) => r.checks.find((c) => c.id === 'ccp')?.durationMs ?? null);
        const ccpV = [...new Set(er.map((r) => r.checks.find((c) => c.id === 'ccp')?.verdict ?? '?'))].join('/');
        const media = er.map((r) => r.checks.find((c) => c.id === 'media')).find(Boolean);
        const notes = [
          er.every((r) => r.shown) ? 'answer banner rendered for this report' : 'answer banner NOT rendered in every run',
          er.every((r) => r.hasReportElement) ? '' : 'no <ccp-preflight-report> inside',
          mode.id === 'fake' ? `ccp check ${ccpV}, median ${s(median(ccpMs))} s; media on TURN from ${media?.source ?? '?'}` : '',
          median(rendered) <= GOAL_MS ? `goal <= ${GOAL_MS / 1000} s: met` : `goal <= ${GOAL_MS / 1000} s: MISSED`,
        ].filter(Boolean).join('; ');
        rows.push([mode.label, s(median(er.map((r) => r.firstRenderMs))), s(median(rendered)), s(Math.min(...rendered)), s(Math.max(...rendered)), notes]);
      }
      printTable(['<ccp-preflight>, all checks', 'first render s', 'verdict rendered, median s', 'min s', 'max s', 'note'], rows, { title: `Time to a rendered verdict in <ccp-preflight> (median of ${elementRuns}, from insertion)` });
      for (const { mode, er } of out) {
        const ids = er[0]?.checks.map((c) => c.id) ?? [];
        console.log(`  ${mode.id === 'fake' ? 'wrapping a CCP' : 'no CCP'}, per check (median s): ${ids.map((id) => `${id} ${s(median(er.map((r) => r.checks.find((c) => c.id === id)?.durationMs ?? null)))}`).join(', ')}`);
      }
      if (!haveFake) console.log('(demo/fake-ccp.html is missing: the run wrapping a CCP was skipped.)');
    }
  }
  console.log(`\nGoal: full verdict <= ${GOAL_MS / 1000} s: ${tot <= GOAL_MS ? 'met' : 'MISSED'} (median ${s(tot)} s).`);
}

runMain(main);
