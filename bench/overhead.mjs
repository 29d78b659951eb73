#!/usr/bin/env node
// npm run bench:overhead — CPU time per live stats poll and memory across a simulated 8-hour shift of
// call monitoring (accelerated clock), in Node and in Chromium. Goal: <= 0.2 ms per poll, memory flat.
//
//   node bench/overhead.mjs [--hours=8] [--call-s=300] [--no-browser]
//
// The per-poll path is the real code (src/ccp/call-quality.ts PeerConnectionSampler + CallQualityMonitor,
// src/stats/*), bundled with esbuild; see bench/lib/overhead-core.js for what one poll includes.
// One poll per simulated second (the controller polls every 2 s, so this is twice the real rate),
// calls of 5 minutes back to back: 28,800 polls and 96 calls in 8 hours.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { benchArgs, ROOT, loadEsbuild, printTable, runMain, tempDir, machineInfo, printMachine, median, percentile, BenchError } from './lib/util.mjs';

if (process.argv.includes('--help')) {
  console.log('Usage: node bench/overhead.mjs [--hours=8] [--call-s=300] [--no-browser]');
  process.exit(0);
}
// Heap figures need a forced GC before each reading: re-run with --expose-gc when it is missing.
if (typeof globalThis.gc !== 'function' && !process.env.CCPF_OVERHEAD_CHILD) {
  const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, CCPF_OVERHEAD_CHILD: '1' } });
  process.exit(r.status ?? 1);
}

const GOAL_MS = 0.2;
const args = benchArgs();
const shiftH = Number(args.hours ?? 8);
const callS = Number(args['call-s'] ?? 300);
const us = (ms) => (ms == null ? '—' : (ms * 1000).toFixed(1));
const mb = (b) => (b == null ? '—' : (b / 1048576).toFixed(2));

function rowFor(runtime, r) {
  const p = r.pollMs;
  const med = median(p);
  const p99 = percentile(p, 99);
  const h = r.heap;
  const start = h[0]?.bytes, mid = h[1]?.bytes, end = h[2]?.bytes;
  const growthMidEnd = mid != null && end != null ? end - mid : null;
  return {
    // The goal is on the mean cost of a poll: CPU time of our code (Node), else the mean wall time of our code.
    main: [runtime, r.polls, r.calls, us(r.meanPollMs), us(med), us(percentile(p, 95)), us(p99), us(Math.max(...p)), r.cpuOursUsPerPoll != null ? r.cpuOursUsPerPoll.toFixed(1) : '—', us(median(r.softphoneStatsMs)), ((r.cpuOursUsPerPoll != null ? r.cpuOursUsPerPoll / 1000 : r.meanPollMs) <= GOAL_MS) ? `<= ${GOAL_MS} ms: met` : `<= ${GOAL_MS} ms: MISSED`],
    heap: [runtime, mb(start), mb(mid), mb(end), growthMidEnd != null ? `${growthMidEnd >= 0 ? '+' : ''}${(growthMidEnd / 1024).toFixed(0)} KB` : '—', `${r.keptCalls} kept, ${r.droppedCalls} dropped`, growthMidEnd == null ? 'no heap reading' : Math.abs(growthMidEnd) < 512 * 1024 ? 'flat (bounded)' : 'GROWING'],
  };
}

async function main() {
  const info = machineInfo((await import('../test/support/chromium.mjs')).CHROMIUM_PATH);
  printMachine(info);
  const esbuild = await loadEsbuild();
  const tmp = tempDir('ccpf-overhead-');
  const outfile = join(tmp, 'overhead-core.mjs');
  try {
    await esbuild.build({ entryPoints: [join(ROOT, 'bench/lib/overhead-core.js')], bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile, logLevel: 'silent', absWorkingDir: ROOT });
  } catch (e) {
    throw new BenchError(`Could not bundle the monitor code: ${(e?.errors ?? []).map((m) => m.text).join('; ') || e?.message}`);
  }
  const { runShift, baseline } = await import(pathToFileURL(outfile).href);
  console.log(`Simulated shift: ${shiftH} h, one poll per simulated second, calls of ${callS / 60} min back to back.`);

  const rows = [];
  let realPoll = null;
  process.stderr.write('  Node … ');
  const node = await runShift({
    shiftH, callS,
    hooks: {
      now: () => performance.now(),
      cpu: () => { const u = process.cpuUsage(); return u.user + u.system; },
      heap: () => process.memoryUsage().heapUsed,
      gc: () => { globalThis.gc?.(); globalThis.gc?.(); },
    },
  });
  process.stderr.write(`done (${node.events} call-quality events)\n`);
  const base = baseline({ shiftH, callS, hooks: { now: () => performance.now(), cpu: () => { const u = process.cpuUsage(); return u.user + u.system; } } });
  node.cpuOursUsPerPoll = node.cpuUsPerPoll - base.cpuUsPerPoll;
  rows.push(rowFor(`Node ${process.version}`, node));

  if (args['no-browser'] !== 'true') {
    try {
      const { bundlePage, servePage, launchChromium, openPage } = await import('./lib/browser.mjs');
      const script = await bundlePage(`import './bench/lib/overhead-page.js';`);
      const server = await servePage(script, { title: 'bench:overhead', isolated: true });
      const { browser } = await launchChromium(['--js-flags=--expose-gc', '--enable-precise-memory-info']);
      const { page } = await openPage(browser, server.origin);
      process.stderr.write('  Chromium … ');
      // CPU time of the renderer's main thread from the DevTools protocol (Performance.getMetrics ThreadTime, s).
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const threadS = async () => (await cdp.send('Performance.getMetrics')).metrics.find((x) => x.name === 'ThreadTime')?.value ?? null;
      const a0 = await threadS();
      const r = await page.evaluate((o) => window.__bench.shift(o), { shiftH, callS });
      const a1 = await threadS();
      await page.evaluate((o) => window.__bench.base(o), { shiftH, callS });
      const a2 = await threadS();
      if (a0 !== null && a1 !== null && a2 !== null) r.cpuOursUsPerPoll = ((a1 - a0) - (a2 - a1)) * 1e6 / r.polls;
      const iso = await page.evaluate(() => globalThis.crossOriginIsolated);
      process.stderr.write(`done (${r.events} call-quality events; timer resolution ${iso ? '5 µs' : '100 µs'})\n`);
      rows.push(rowFor(info.chromium?.replace(/ built on.*$/, '') ?? 'Chromium', r));

      // A real poll on a live loopback audio call: the browser's getStats plus our code. Renderer CPU
      // (DevTools ProcessTime) while polling every 10 ms, minus the same call's CPU while only waiting.
      try {
        const procS = async () => (await cdp.send('Performance.getMetrics')).metrics.find((x) => x.name === 'ProcessTime')?.value ?? null;
        await page.evaluate(() => window.__bench.startCall());
        let pollCpu = 0, idleCpu = 0, polls = 0;
        for (let k = 0; k < 3; k++) {
          const i0 = await procS();
          await page.evaluate(() => window.__bench.pollFor({ forMs: 3000, everyMs: 10, poll: false }));
          const i1 = await procS();
          polls += await page.evaluate(() => window.__bench.pollFor({ forMs: 3000, everyMs: 10, poll: true }));
          const p1 = await procS();
          idleCpu += i1 - i0;
          pollCpu += p1 - i1;
        }
        await page.evaluate(() => window.__bench.stopCall());
        realPoll = { polls, usPerPoll: ((pollCpu - idleCpu) * 1e6) / polls, idlePct: (100 * idleCpu) / 9, pollPct: (100 * pollCpu) / 9 };
      } catch (e) {
        console.log(`\nReal getStats poll not measured: ${e?.message ?? e}`);
      }
    } catch (e) {
      console.log(`\nChromium part not measured: ${e?.message ?? e}`);
    }
  }

  printTable(['runtime', 'polls', 'calls', 'mean µs', 'median µs', 'p95 µs', 'p99 µs', 'max µs', 'CPU µs/poll', 'SOFTPHONE_STATS µs', 'goal'], rows.map((r) => r.main), { title: 'Per live stats poll (sample + deltas + MOS + verdict + bounded summary + event), wall time of our code' });
  printTable(['runtime', 'heap start MB', 'heap mid MB', 'heap end MB', 'mid -> end', 'calls', 'memory'], rows.map((r) => r.heap), { title: 'Heap after a forced GC: after the first call, at mid-shift, at the end' });
  if (realPoll) {
    printTable(['Chromium, live loopback audio call', 'polls', 'renderer CPU µs per poll', 'renderer CPU idle', 'renderer CPU polling every 10 ms', 'at one poll per 2 s', 'note'], [[
      'getStats + sample + monitor + event', realPoll.polls, realPoll.usPerPoll.toFixed(0), `${realPoll.idlePct.toFixed(1)} %`, `${realPoll.pollPct.toFixed(1)} %`,
      `${((realPoll.usPerPoll / 2e6) * 100).toFixed(3)} % of a core`,
      realPoll.usPerPoll / 1000 <= GOAL_MS ? `<= ${GOAL_MS} ms even with getStats` : 'most of it is the browser\'s own getStats, which any monitor pays',
    ]], { title: 'A real poll on a live call, the browser\'s getStats included (renderer CPU, DevTools ProcessTime: 3 × 3 s polling vs 3 × 3 s waiting)' });
  }
  console.log(`\nmean/median/p95/p99/max µs: wall time of our code per poll (the stats report is built before the timer starts).`);
  console.log('CPU µs/poll: CPU time over the shift / polls, minus the CPU of building the synthetic reports alone (Node: process');
  console.log('CPU time; Chromium: the renderer main thread\'s ThreadTime from the DevTools protocol);');
  console.log('it includes GC and the amortized SOFTPHONE_STATS ingestion. SOFTPHONE_STATS µs: one 30-second payload (60 entries).');
  console.log('Wall times (mean, p99, max) include GC pauses and preemption by other processes on this shared machine; the goal');
  console.log('is judged on CPU time.');
  console.log(`Memory is bounded by design (at most 50 calls × 120 samples): it grows until 50 calls are kept, then stays flat.`);
}

runMain(main);
