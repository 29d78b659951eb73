#!/usr/bin/env node
// Recalibrates the CPU benchmark of the `workstation` check (src/checks/cpu-bench.ts) and prints the constant.
//
//   node bench/calibrate-cpu.mjs            # idle calibration: clock, benchmark in Chromium, constant
//   node bench/calibrate-cpu.mjs --load     # also with one CPU-bound process per core (load-hint figures)
//   node bench/calibrate-cpu.mjs --pages 8  # more page loads (default 6)
//
// 1. The reference clock is MEASURED: a native loop of dependent adds (1 cycle each on every x86-64 core of
//    the last decade) compiled with gcc; /proc/cpuinfo "cpu MHz" is printed too, but in a VM or with boost it
//    shows the nominal clock, not the running one.
// 2. The benchmark runs in Debian Chromium (launched like the CLI's, cli/browser-launch.mjs), one fresh
//    page per sample, exactly as the check runs it (runCpuBenchmark, real timers).
//    It is also timed on the renderer main thread's CPU clock (/proc), which a loaded machine cannot inflate.
// 3. cycles/iteration = run ms x 1e6 x clock GHz / iterations: put the printed figures in CALIBRATION.
// Nothing stays running: the browser and any load processes are stopped on exit (also on Ctrl-C).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../cli/browser-launch.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const withLoad = args.includes('--load');
const pagesArg = args.indexOf('--pages');
const PAGES = pagesArg >= 0 ? Math.max(1, Number.parseInt(args[pagesArg + 1] ?? '6', 10) || 6) : 6;

const cleanups = [];
const cleanup = () => {
  while (cleanups.length) {
    try {
      cleanups.pop()();
    } catch {
      /* best effort */
    }
  }
};
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

const med = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = (s.length - 1) / 2;
  return (s[Math.floor(m)] + s[Math.ceil(m)]) / 2;
};
const q = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * p;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.ceil(pos)] - s[lo]) * (pos - lo);
};

// ---- 1. the clock -----------------------------------------------------------------------------------------
function cpuinfo() {
  try {
    const txt = readFileSync('/proc/cpuinfo', 'utf8');
    const model = /model name\s*:\s*(.*)/.exec(txt)?.[1] ?? 'unknown';
    const mhz = [...txt.matchAll(/cpu MHz\s*:\s*([\d.]+)/g)].map((m) => Number(m[1]));
    const family = /cpu family\s*:\s*(\d+)/.exec(txt)?.[1];
    const modelNo = /\nmodel\s*:\s*(\d+)/.exec(txt)?.[1];
    const hypervisor = /\bhypervisor\b/.test(txt);
    return { model, mhz, family, modelNo, hypervisor };
  } catch {
    return { model: 'unknown', mhz: [], hypervisor: false };
  }
}

// Two native loops: 10 dependent adds (1 cycle each: gives the clock) and the benchmark's own chain
// (xor, imul, xor, imul: gives its cycles per iteration, which the JS figure should match). Timed on the
// thread's CPU clock, so time the thread spends waiting for a core (a loaded machine) does not count.
const CLOCK_C = `
#include <stdio.h>
#include <stdint.h>
#include <time.h>
static double now(void){struct timespec t;clock_gettime(CLOCK_THREAD_CPUTIME_ID,&t);return t.tv_sec+t.tv_nsec*1e-9;}
int main(void){
  for(int rep=0;rep<9;rep++){
    uint64_t n=100000000ULL, x=0; uint32_t y=1; double t0=now();
    for(uint64_t i=0;i<n;i++){
      __asm__ volatile("add $1,%0\\n\\tadd $1,%0\\n\\tadd $1,%0\\n\\tadd $1,%0\\n\\tadd $1,%0\\n\\t"
                       "add $1,%0\\n\\tadd $1,%0\\n\\tadd $1,%0\\n\\tadd $1,%0\\n\\tadd $1,%0":"+r"(x));
    }
    double a=now()-t0; t0=now();
    for(uint64_t i=0;i<n;i++){
      __asm__ volatile("xor %1,%0\\n\\timul $0x27d4eb2d,%0,%0\\n\\txor $0x165667b1,%0\\n\\timul $0x2c1b3c6d,%0,%0":"+r"(y):"r"((uint32_t)i));
    }
    double b=now()-t0;
    printf("%.4f %.3f\\n",(double)n*10/a/1e9, b/a*10);
  }
  return 0;
}`;

function measureClock() {
  if (process.arch !== 'x64') return { ghz: null, note: `native clock probe is x86-64 only (this is ${process.arch})` };
  const dir = mkdtempSync(join(tmpdir(), 'ccpf-clock-'));
  try {
    writeFileSync(join(dir, 'clock.c'), CLOCK_C);
    execFileSync('gcc', ['-O2', '-o', join(dir, 'clock'), join(dir, 'clock.c')], { stdio: 'pipe' });
    const out = execFileSync(join(dir, 'clock'), { encoding: 'utf8' });
    const rows = out.trim().split('\n').map((l) => l.split(' ').map(Number));
    const runs = rows.map((r) => r[0]).filter(Number.isFinite);
    const chainCycles = med(rows.map((r) => r[1]).filter(Number.isFinite));
    // The fastest runs are the uncontended ones (other processes only ever slow it down).
    return { ghz: q(runs, 0.9), runs, chainCycles, note: 'dependent-add chain on thread CPU time, 90th percentile of 9 runs' };
  } catch (e) {
    return { ghz: null, note: `could not compile/run the clock probe (${e.message.split('\n')[0]}); is gcc installed?` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- 2. the benchmark in Chromium -------------------------------------------------------------------------
async function bundle() {
  const esbuild = await import('esbuild');
  const res = await esbuild.build({
    entryPoints: [join(ROOT, 'src/checks/cpu-bench.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'CpuBench',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return res.outputFiles[0].text;
}

async function runInChromium(script, pages) {
  const browser = /** @type {import('playwright-core').Browser} */ ((await launchBrowser({ browser: 'chromium' })).raw);
  cleanups.push(() => browser.close().catch(() => {}));
  const version = browser.version();
  const results = [];
  try {
    for (let i = 0; i < pages; i++) {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><title>calibrate</title>');
      await page.addScriptTag({ content: script });
      const r = await page.evaluate(async () => {
        const B = globalThis.CpuBench;
        const res = await B.runCpuBenchmark({
          now: () => performance.now(),
          setTimeout: (f, ms) => setTimeout(f, ms),
          clearTimeout: (h) => clearTimeout(h),
        });
        return { ...res, cyclesPerIteration: B.CYCLES_PER_ITERATION, iterationsConst: B.BENCH_ITERATIONS };
      });
      results.push(r);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return { version, results };
}

// ---- 2b. the same workload timed on the renderer's CPU clock -------------------------------------------
// Wall-clock runs on a loaded machine include time the page waited for a core. The renderer main thread's
// CPU time (/proc/<pid>/task/<pid>/stat, utime + stime, 10 ms ticks) does not: over a few seconds of back-to-back
// runs it gives the run time an idle machine would show, to 0.5 % or so.
function procStat(pid, tid = pid) {
  try {
    const txt = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    const f = txt.slice(txt.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), cpuTicks: Number(f[11]) + Number(f[12]) };
  } catch {
    return null;
  }
}
function descendants(root) {
  const kids = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const st = procStat(Number(d));
    if (!st) continue;
    if (!kids.has(st.ppid)) kids.set(st.ppid, []);
    kids.get(st.ppid).push(Number(d));
  }
  const out = [];
  const walk = (p) => (kids.get(p) ?? []).forEach((c) => (out.push(c), walk(c)));
  walk(root);
  return out;
}
function rendererPids() {
  return descendants(process.pid).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
    } catch {
      return false;
    }
  });
}
const rendererTicks = (pids) => pids.reduce((a, pid) => a + (procStat(pid)?.cpuTicks ?? 0), 0);

async function cpuTimeInChromium(script, seconds = 4) {
  const browser = /** @type {import('playwright-core').Browser} */ ((await launchBrowser({ browser: 'chromium' })).raw);
  cleanups.push(() => browser.close().catch(() => {}));
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>calibrate</title>');
    await page.addScriptTag({ content: script });
    await page.evaluate(() => globalThis.CpuBench.benchWorkload(globalThis.CpuBench.BENCH_ITERATIONS, 1)); // warm-up
    const pids = rendererPids();
    // Five blocks of about `seconds / 5` s CPU each: their spread is the CPU's own run-to-run variation.
    const perBlock = Math.max(10, Math.round((seconds * 1000) / 5 / 16));
    const blocks = [];
    let wallMs = 0;
    for (let b = 0; b < 5; b++) {
      const t0 = rendererTicks(pids);
      const wall = await page.evaluate((n) => {
        const B = globalThis.CpuBench;
        let sink = 0;
        const s = performance.now();
        for (let i = 0; i < n; i++) sink += B.benchWorkload(B.BENCH_ITERATIONS, i + 2);
        return { ms: performance.now() - s, sink };
      }, perBlock);
      blocks.push(((rendererTicks(pids) - t0) * 10) / perBlock);
      wallMs += wall.ms;
    }
    const runs = perBlock * 5;
    return { runs, renderers: pids.length, cpuMsPerRun: med(blocks), blocks, wallMsPerRun: wallMs / runs };
  } finally {
    await browser.close();
  }
}

function startLoad() {
  const n = cpus().length;
  const procs = [];
  for (let i = 0; i < n; i++) {
    const p = spawn(process.execPath, ['-e', 'const e=Date.now()+60000;while(Date.now()<e){}'], { stdio: 'ignore' });
    procs.push(p);
    cleanups.push(() => p.kill('SIGKILL'));
  }
  return () => procs.forEach((p) => p.kill('SIGKILL'));
}

function summarize(label, { results }) {
  const medians = results.map((r) => r.medianMs);
  const allRuns = results.flatMap((r) => r.runsMs);
  const lags = results.map((r) => r.eventLoopLagMs);
  const spreads = results.map((r) => r.spread);
  const m = med(medians);
  console.log(`\n[${label}] ${results.length} pages, ${allRuns.length} timed runs of ${results[0].iterations} iterations`);
  console.log(`  per-page median ms: ${medians.map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`  median of medians: ${m.toFixed(2)} ms; all runs p10/p50/p90: ${q(allRuns, 0.1).toFixed(2)}/${q(allRuns, 0.5).toFixed(2)}/${q(allRuns, 0.9).toFixed(2)} ms`);
  console.log(`  run-to-run (p90-p10)/p50: ${(((q(allRuns, 0.9) - q(allRuns, 0.1)) / q(allRuns, 0.5)) * 100).toFixed(1)} %`);
  console.log(`  page-to-page (max-min)/median of medians: ${(((Math.max(...medians) - Math.min(...medians)) / m) * 100).toFixed(1)} %`);
  console.log(`  per-page IQR spread %: ${spreads.map((s) => (s * 100).toFixed(1)).join(' ')}`);
  console.log(`  per-page event-loop lag ms: ${lags.map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`  load hints: ${results.map((r) => r.loadHint).join(' ')}; elapsed ms: ${results.map((r) => r.elapsedMs.toFixed(0)).join(' ')}`);
  console.log(`  GHz-equivalent with the shipped constant (${results[0].cyclesPerIteration.toFixed(3)} cycles/iter): ${results.map((r) => r.ghz.toFixed(2)).join(' ')}`);
  return { m, allRuns };
}

try {
  const info = cpuinfo();
  console.log(`CPU: ${info.model} (family ${info.family ?? '?'} model ${info.modelNo ?? '?'})${info.hypervisor ? ', running under a hypervisor' : ''}, ${cpus().length} logical cores`);
  console.log(`/proc/cpuinfo cpu MHz: ${info.mhz.map((x) => x.toFixed(0)).join(', ') || 'n/a'} (nominal in a VM; hides boost)`);
  const clock = measureClock();
  console.log(`measured clock: ${clock.ghz ? `${clock.ghz.toFixed(3)} GHz` : 'n/a'} (${clock.note}${clock.runs ? `; runs ${clock.runs.map((x) => x.toFixed(2)).join(' ')}` : ''})`);
  if (clock.chainCycles) console.log(`native benchmark chain: ${clock.chainCycles.toFixed(2)} cycles/iteration (xor, imul, xor, imul)`);
  const script = await bundle();
  const idle = await runInChromium(script, PAGES);
  console.log(`browser: Chromium ${idle.version}`);
  const { m } = summarize('no added load', idle);
  const ghz = clock.ghz ?? (info.mhz.length ? info.mhz[0] / 1000 : null);
  const cpu = process.platform === 'linux' ? await cpuTimeInChromium(script, 5) : null;
  if (cpu) {
    console.log(`\n[renderer CPU time] ${cpu.runs} back-to-back runs in 5 blocks: ${cpu.cpuMsPerRun.toFixed(2)} ms CPU per run (median of blocks ${cpu.blocks.map((x) => x.toFixed(2)).join(' ')}; block spread ${(((Math.max(...cpu.blocks) - Math.min(...cpu.blocks)) / cpu.cpuMsPerRun) * 100).toFixed(1)} %; wall ${cpu.wallMsPerRun.toFixed(2)} ms; ${cpu.renderers} renderer process(es))`);
    if (ghz) {
      const cpiCpu = (cpu.cpuMsPerRun * 1e6 * ghz) / idle.results[0].iterations;
      console.log(`=> CYCLES_PER_ITERATION (CPU time, immune to other processes) = ${cpu.cpuMsPerRun.toFixed(2)} x 1e6 x ${ghz.toFixed(2)} / ${idle.results[0].iterations} = ${cpiCpu.toFixed(3)}`);
    }
  }
  if (ghz) {
    const cpi = (m * 1e6 * ghz) / idle.results[0].iterations;
    console.log(`\n[wall clock] CYCLES_PER_ITERATION from the per-page medians = ${m.toFixed(2)} x 1e6 x ${ghz.toFixed(2)} / ${idle.results[0].iterations} = ${cpi.toFixed(3)}`);
    const fast = q(idle.results.flatMap((r) => r.runsMs), 0.1);
    console.log(`   (from the fastest 10 % of runs: ${((fast * 1e6 * ghz) / idle.results[0].iterations).toFixed(3)}); on an idle machine these agree with the CPU-time figure.`);
    const ref = cpu ? cpu.cpuMsPerRun : m;
    console.log(`\nPut in src/checks/cpu-bench.ts CALIBRATION: referenceClockGhz ${ghz.toFixed(2)}, referenceMedianMs ${ref.toFixed(1)} (${cpu ? 'renderer CPU time' : 'wall-clock median'}), iterations ${idle.results[0].iterations}`);
    console.log(`=> CYCLES_PER_ITERATION = ${((ref * 1e6 * ghz) / idle.results[0].iterations).toFixed(3)} (shipped: ${idle.results[0].cyclesPerIteration.toFixed(3)}; the native chain: ${clock.chainCycles?.toFixed(2) ?? 'n/a'})`);
  }
  if (withLoad) {
    const stop = startLoad();
    await new Promise((r) => setTimeout(r, 300));
    const loaded = await runInChromium(script, Math.min(PAGES, 4));
    stop();
    summarize(`loaded: ${cpus().length} CPU-bound processes`, loaded);
  }
} catch (e) {
  console.error(`calibrate-cpu: ${e.message}`);
  process.exitCode = 1;
} finally {
  cleanup();
}
