/**
 * A calibrated CPU benchmark: how fast is one core of this workstation, in "GHz-equivalent"?
 *
 * Seed 003, Agent Workstation Requirements: "Processor (CPU) - 2 GHz". A web page cannot read the clock, so it
 * times a fixed workload and converts the time into the clock a reference core would need for that time.
 *
 * The workload (`benchWorkload`): a loop whose every iteration runs one dependent chain of four integer
 * operations (xor, 32-bit multiply, xor, 32-bit multiply), plus float work off that chain (an int -> double
 * conversion, a multiply, and an add into a separate accumulator). The chain is latency-bound: each operation
 * waits for the one before, so the time per iteration follows the core's clock and the latency of the chain
 * (1 cycle per xor, 3 per multiply on current x86-64 and ARM64 cores: 8 cycles per iteration) rather than how
 * many instructions the core can issue at once. That keeps "GHz-equivalent" close to the real clock on current
 * cores. Deliberately absent from the chain: shifts (ARM64 fuses shift-and-xor into one instruction and would
 * read about twice as fast as x86) and additions that overflow 32 bits (V8 in Chromium 156 compiles
 * `(x + k) | 0` with an overflowing sum about 3x slower than Node 20's V8 does; measured, see
 * bench/calibrate-cpu.mjs). The same chain as native code (gcc, inline asm) takes 8.0 cycles per iteration on
 * the reference core, and the calibrated constant below should stay close to that: it is the sanity check
 * that the JIT compiled the loop to the chain and nothing else.
 *
 * Calibration (`CYCLES_PER_ITERATION`, rerun with `node bench/calibrate-cpu.mjs`): cycles per iteration =
 * run time × clock / iterations, both measured on the reference machine (figures in `CALIBRATION`):
 * - The clock was MEASURED, not read. /proc/cpuinfo says "cpu MHz: 2445.430": the AMD EPYC's nominal clock as
 *   a KVM guest sees it, blind to boost. A native loop of 10 dependent adds (1 cycle each on Zen 3), compiled
 *   with gcc and timed on the thread's CPU clock, runs at 3.10-3.14 GHz (five calibration runs): the core
 *   boosts. The same native loop over the benchmark's chain takes 7.9-8.0 cycles per iteration, as the
 *   latencies predict.
 * - The run time was measured as CPU time of Chromium's renderer main thread (/proc, over ~5 s of back-to-back
 *   runs after warm-up), because the shared 2-core reference machine had a load average of 10-19 during the
 *   calibration: wall-clock runs there took 2-4× longer and scattered by 100 %+, while CPU time excludes the
 *   time the page waited for a core. Steady-state blocks: 15.9-16.2 ms per run (within 2 % of each other; the
 *   median of five blocks resists the first block, which also carries other work of a just-opened page),
 *   i.e. 8.35 cycles per iteration: the JIT's loop costs 0.35 cycles per iteration more than the native chain.
 * - Cross-check on wall time: in a quiet moment the check itself (test/browser/local-checks.test.ts, wall
 *   clock, fresh page) measured a median of 16.3 ms over 15 runs, spread 4.3 %, load hint idle: 3.07
 *   GHz-equivalent against the measured 3.11 GHz clock. Four calibration runs gave 8.34, 8.36, 8.36 and 8.54
 *   cycles per iteration.
 *
 * How coarse it is (the estimate is a number with a ±):
 * - Same machine, run to run: the CPU-time blocks of the calibration agree within `CALIBRATION.runToRunPct` %;
 *   wall-clock medians on an idle machine add timer resolution (100 µs in Chrome, 1 ms in Firefox without
 *   cross-origin isolation: up to 5 % of a 16 ms run) and background activity: about ±5 %.
 * - Turbo/boost: the estimate reflects the clock the core actually runs at under a short load, i.e. boost. A
 *   "1.6 GHz base / 4.2 GHz boost" laptop reads about 4; the same laptop on battery saver or thermally
 *   throttled reads lower. That is the speed the softphone gets, which is what matters.
 * - Virtual machines (VDI): vCPU steal time and scheduling make runs slower and more scattered; the load hint
 *   below says "busy" when runs scatter.
 * - Other engines: calibrated in V8 (Chrome, Edge). SpiderMonkey (Firefox) compiles the same loop to similar
 *   machine code, but that was not measured here (no Firefox on the reference machine): allow an extra ±15 %.
 * - Other microarchitectures: a 32-bit multiply takes 3 cycles on Intel cores since 2008, AMD Zen and Apple
 *   M-series, 2 on some ARM Cortex cores, 4 on a few older designs: readings shift by up to about ±15 % from the
 *   real clock, in the direction of the core's real speed on such code.
 * Root-sum-square of ±5, ±15 and ±15 is about ±22 %; with JIT and VM effects on top, the documented coarseness
 * is ±`CPU_GHZ_UNCERTAINTY_PCT` %: fine to tell a 1.2 GHz thin client from
 * a 3 GHz desktop, not to rank two 3 GHz machines. It measures ONE core; the softphone needs about one.
 *
 * The load hint (seed 003, Monitoring Workstations: monitoring a workstation under resource contention "may
 * further reduce available resources and invalidate test results"): between runs the benchmark yields to the
 * event loop with a short timer and measures how late the timer fires (event-loop lag), and it measures how
 * much the runs scatter. Busy when either is high: then the CPU figure is a lower bound and the whole report
 * should be read with care.
 */

/** Iterations per timed run: 16 ms on the 3.1 GHz reference core, 25 ms at 2 GHz-equivalent, 50 ms at 1. */
export const BENCH_ITERATIONS = 6_000_000;

/** The calibration: how `CYCLES_PER_ITERATION` was obtained (bench/calibrate-cpu.mjs prints these figures). */
export const CALIBRATION = Object.freeze({
  date: '2026-11-23',
  browser: 'Debian Chromium 156.0.8078.79 (V8), headless, via playwright-core',
  cpu: 'AMD EPYC, Zen 3 (family 25 model 1), 2 vCPU KVM guest; /proc/cpuinfo "cpu MHz" 2445.430 (nominal)',
  /** Measured: native dependent-add chain on thread CPU time (gcc -O2, 10 adds per loop, 1 cycle each). */
  referenceClockGhz: 3.11,
  /** Steady-state run time, renderer main-thread CPU time per run (median of 5 blocks of 63 runs). */
  referenceMedianMs: 16.1,
  iterations: BENCH_ITERATIONS,
  /** Spread of the CPU-time blocks on the reference machine, percent ((max - min) / median). */
  runToRunPct: 2,
});

/** Equivalent clock cycles per workload iteration: referenceMedianMs × 1e6 × referenceClockGhz / iterations. */
export const CYCLES_PER_ITERATION = (CALIBRATION.referenceMedianMs * 1e6 * CALIBRATION.referenceClockGhz) / CALIBRATION.iterations;

/** The documented coarseness of the GHz-equivalent estimate, ± percent (see the file comment). */
export const CPU_GHZ_UNCERTAINTY_PCT = 30;

/**
 * The fixed workload. Returns a value that depends on every iteration so no engine can drop the loop.
 * Do not change it without recalibrating (bench/calibrate-cpu.mjs).
 */
export function benchWorkload(iterations: number, seed: number): number {
  let x = seed | 0;
  let f = 0;
  for (let i = 0; i < iterations; i++) {
    x = Math.imul(x ^ i, 0x27d4eb2d);
    x = Math.imul(x ^ 0x165667b1, 0x2c1b3c6d);
    f += (x & 0xffff) * 1.52587890625e-5;
  }
  return x + f;
}

/** GHz-equivalent from the median time of one run. */
export function ghzFromMedianMs(medianMs: number, iterations: number = BENCH_ITERATIONS, cyclesPerIteration: number = CYCLES_PER_ITERATION): number {
  if (!(medianMs > 0) || !Number.isFinite(medianMs)) return Number.NaN;
  return (iterations * cyclesPerIteration) / (medianMs * 1e6);
}

/** Linear-interpolated quantile of unsorted numbers (numeric sort); NaN for an empty list. */
export function quantile(xs: readonly number[], q: number): number {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

/** (p75 - p25) / median, a spread measure a single outlier does not dominate. */
export function relativeSpread(xs: readonly number[]): number {
  const m = median(xs);
  if (!(m > 0)) return Number.NaN;
  return (quantile(xs, 0.75) - quantile(xs, 0.25)) / m;
}

/**
 * Load hint thresholds. Measured in Chromium on the reference machine while it was loaded (load average 10-19
 * on 2 cores): the runs' interquartile spread was 13-285 % (mostly above 25 %), while the timer lag stayed at
 * 0.3-0.7 ms on most pages (a page waiting for a core is late by a scheduler slice, not more) and reached
 * 2-20 ms on a few. Idle runs in Node on the same machine scattered by about 5 %. So the spread is the main
 * signal, with 20 % as the line between noise and contention; the lag catches a page whose own event loop is
 * kept busy (other scripts on the agent desktop). Both are coarse: "busy" means "read these figures with care".
 */
/** Median lateness of an 8 ms timer above which the event loop is busy. */
export const LAG_BUSY_MS = 8;
/** Interquartile spread of run times above which the CPU is contended. */
export const SPREAD_BUSY = 0.2;
/** Timer lateness this large means a background tab (browsers clamp timers there to about 1 s): no load hint. */
export const LAG_THROTTLED_MS = 500;

export type LoadHint = 'idle' | 'busy' | 'unknown';

export function classifyLoad(spread: number, lagMs: number): LoadHint {
  if (!Number.isFinite(lagMs) || lagMs >= LAG_THROTTLED_MS) return 'unknown';
  if (lagMs > LAG_BUSY_MS) return 'busy';
  if (!Number.isFinite(spread)) return 'unknown';
  return spread > SPREAD_BUSY ? 'busy' : 'idle';
}

export interface BenchTimers {
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (h: unknown) => void;
}

export interface BenchOptions extends BenchTimers {
  signal?: AbortSignal;
  /** Iterations per run (default BENCH_ITERATIONS). */
  iterations?: number;
  /** Timed runs at least / at most. */
  minRuns?: number;
  maxRuns?: number;
  /** Stop adding runs once this much time has passed (after minRuns). */
  budgetMs?: number;
  /** The timer used to yield between runs and measure event-loop lag. */
  lagProbeMs?: number;
  /** The workload (tests inject one driven by a fake clock). */
  workload?: (iterations: number, seed: number) => number;
  /** Called after each timed run with the fraction done. */
  onProgress?: (fraction: number) => void;
}

export interface BenchResult {
  iterations: number;
  runsMs: number[];
  medianMs: number;
  lagsMs: number[];
  eventLoopLagMs: number;
  spread: number;
  ghz: number;
  loadHint: LoadHint;
  elapsedMs: number;
  /** A sink for the workload's results (keeps engines from discarding the work). */
  checksum: number;
}

export const BENCH_DEFAULTS = Object.freeze({ minRuns: 5, maxRuns: 15, budgetMs: 450, lagProbeMs: 8 });
/** Untimed runs before the timed ones (JIT warm-up). */
export const WARMUP_RUNS = 2;

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? Object.assign(new Error('The run was cancelled.'), { name: 'AbortError' });
}

/** Waits `ms` on the injected timer; resolves with how late it fired. Rejects on abort (timer cleared). */
function probe(t: BenchTimers, ms: number, signal?: AbortSignal): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const t0 = t.now();
    const onAbort = () => {
      t.clearTimeout(h);
      reject(abortReason(signal!));
    };
    const h = t.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(Math.max(0, t.now() - t0 - ms));
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs the benchmark time-sliced: two untimed warm-up runs (let the JIT compile the loop), then timed runs,
 * each followed by a short timer that yields to the page and measures event-loop lag. Stops after `maxRuns`,
 * or once `budgetMs` has passed with at least `minRuns`. About 450 ms on the reference machine (15 runs).
 */
export async function runCpuBenchmark(o: BenchOptions): Promise<BenchResult> {
  const iterations = o.iterations ?? BENCH_ITERATIONS;
  const minRuns = o.minRuns ?? BENCH_DEFAULTS.minRuns;
  const maxRuns = Math.max(minRuns, o.maxRuns ?? BENCH_DEFAULTS.maxRuns);
  const budgetMs = o.budgetMs ?? BENCH_DEFAULTS.budgetMs;
  const lagProbeMs = o.lagProbeMs ?? BENCH_DEFAULTS.lagProbeMs;
  const work = o.workload ?? benchWorkload;
  const t0 = o.now();
  const runsMs: number[] = [];
  const lagsMs: number[] = [];
  // Two untimed warm-up runs, each followed by a yield: the first makes V8 compile the loop (on-stack
  // replacement), the pause lets its background compiler finish, the second runs the optimised code.
  let checksum = 0;
  for (let w = 0; w < WARMUP_RUNS; w++) {
    checksum += work(iterations, 1 - w);
    lagsMs.push(await probe(o, lagProbeMs, o.signal));
  }
  for (let i = 0; i < maxRuns; i++) {
    if (o.signal?.aborted) throw abortReason(o.signal);
    const s = o.now();
    checksum += work(iterations, i + 2);
    runsMs.push(o.now() - s);
    o.onProgress?.(Math.min(1, (i + 1) / maxRuns));
    lagsMs.push(await probe(o, lagProbeMs, o.signal));
    if (runsMs.length >= minRuns && o.now() - t0 >= budgetMs) break;
  }
  const medianMs = median(runsMs);
  const eventLoopLagMs = median(lagsMs);
  const spread = relativeSpread(runsMs);
  return {
    iterations,
    runsMs,
    medianMs,
    lagsMs,
    eventLoopLagMs,
    spread,
    ghz: ghzFromMedianMs(medianMs, iterations),
    loadHint: classifyLoad(spread, eventLoopLagMs),
    elapsedMs: o.now() - t0,
    checksum,
  };
}
