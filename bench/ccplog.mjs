#!/usr/bin/env node
// Benchmark: parse a generated 50 MB CCP log (the format the real Streams logger writes; see
// test/unit/fixtures/ccplog/generate.mjs) with parseCcpLog and print the time and throughput.
//   npm run bench:ccplog [-- --mb 50 --runs 3]
import { build } from 'esbuild';
import { makeLog } from '../test/unit/fixtures/ccplog/generate.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const targetMb = arg('mb', 50);
const runs = arg('runs', 3);

// The parser from the sources (no build needed): bundled in memory and imported from a data URL.
const out = await build({ entryPoints: ['src/ccplog/index.ts'], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent' });
const { parseCcpLog } = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);

// 60 calls of 90 s (every 30 s a metrics batch, as the softphone writes them) plus CCP chatter up to the size.
const calls = Array.from({ length: 60 }, (_, i) => ({ contactId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, atS: i * 100, seconds: 90, rttMs: 80 + (i % 7) * 40, lossPct: i % 9 === 0 ? 4 : 0.5, jbMs: 25 }));
const head = makeLog({ streams: '2.28.2', rtcJs: '1.1.20', calls, heartbeatEveryS: 10, filler: 2000, duplicate: true });
const parts = [head.slice(0, -1)];
let size = head.length;
for (let k = 1; size < targetMb * 1e6; k++) {
  // Each block of chatter at its own times (identical entries would be removed as duplicates).
  const unit = makeLog({ calls: [], filler: 5000, t0: Date.parse('2026-03-04T09:00:00.000Z') + k * 185_000 }).slice(1, -1);
  parts.push(',', unit);
  size += unit.length + 1;
}
parts.push(']');
const text = parts.join('');
const mb = text.length / 1e6;

const times = [];
let log;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  log = parseCcpLog(text);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
process.stdout.write(
  `CCP log parse: ${mb.toFixed(1)} MB, ${log.entries.toLocaleString('en-US')} entries (${log.duplicatesRemoved.toLocaleString('en-US')} duplicates removed), ${log.calls.length} calls\n` +
    `  median ${median.toFixed(0)} ms over ${runs} runs (min ${times[0].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms): ${(mb / (median / 1000)).toFixed(1)} MB/s\n` +
    `  Node ${process.version}; in the viewer this runs in a Web Worker, off the page's main thread.\n`,
);
if (!log.ok || log.calls.length !== calls.length) {
  process.stderr.write(`bench:ccplog: expected ${calls.length} calls, got ${log.calls.length}\n`);
  process.exitCode = 1;
}
