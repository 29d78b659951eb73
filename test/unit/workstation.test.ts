import { describe, expect, it } from 'vitest';
import {
  BENCH_ITERATIONS,
  CALIBRATION,
  CPU_GHZ_UNCERTAINTY_PCT,
  CYCLES_PER_ITERATION,
  LAG_BUSY_MS,
  benchWorkload,
  classifyLoad,
  ghzFromMedianMs,
  median,
  quantile,
  relativeSpread,
  runCpuBenchmark,
  type BenchResult,
  WARMUP_RUNS,
} from '../../src/checks/cpu-bench.js';
import { createWorkstationCheck } from '../../src/checks/workstation.js';
import type { CheckContext, Deps } from '../../src/checks/types.js';
import type { WorkstationData } from '../../src/report/schema.js';
import { resolveOptions } from '../../src/runner.js';

/** A fake clock: the workload advances it by the next run time, timers by their delay plus `lagMs`. */
function fakeClock(runMs: number[], lagMs = 0.5) {
  let t = 0;
  let k = 0;
  const cancelled = new Set<object>();
  return {
    now: () => t,
    setTimeout: (fn: () => void, ms: number) => {
      const h = {};
      void Promise.resolve().then(() => {
        if (cancelled.has(h)) return;
        t += ms + lagMs;
        fn();
      });
      return h;
    },
    clearTimeout: (h: unknown) => cancelled.add(h as object),
    workload: () => {
      t += runMs[k++ % runMs.length]!;
      return 1;
    },
    get calls() {
      return k;
    },
  };
}

describe('benchmark math', () => {
  it('converts the median run time to GHz-equivalent with the calibrated cycles per iteration', () => {
    expect(CYCLES_PER_ITERATION).toBeCloseTo((CALIBRATION.referenceMedianMs * 1e6 * CALIBRATION.referenceClockGhz) / CALIBRATION.iterations, 10);
    // The reference machine's own median reads its measured clock.
    expect(ghzFromMedianMs(CALIBRATION.referenceMedianMs)).toBeCloseTo(CALIBRATION.referenceClockGhz, 10);
    // Twice the time is half the clock; units: iterations x cycles / (ms x 1e6) = GHz.
    expect(ghzFromMedianMs(2 * CALIBRATION.referenceMedianMs)).toBeCloseTo(CALIBRATION.referenceClockGhz / 2, 10);
    expect(ghzFromMedianMs(10, 1e6, 8)).toBeCloseTo(0.8, 12);
    expect(ghzFromMedianMs(0)).toBeNaN();
    expect(ghzFromMedianMs(Number.POSITIVE_INFINITY)).toBeNaN();
  });

  it('calibration is physically plausible: close to the 8-cycle latency of the xor/imul chain', () => {
    expect(CYCLES_PER_ITERATION).toBeGreaterThan(7);
    expect(CYCLES_PER_ITERATION).toBeLessThan(12);
  });

  it('sorts numbers as numbers for quantiles and spread', () => {
    expect(median([10, 9, 100])).toBe(10); // a text sort would give 100
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(relativeSpread([10, 10, 10, 10])).toBe(0);
    expect(relativeSpread([8, 10, 12, 14])).toBeCloseTo((12.5 - 9.5) / 11, 10);
    expect(median([])).toBeNaN();
  });

  it('classifies load from timer lag and run scatter', () => {
    expect(classifyLoad(0.05, 0.5)).toBe('idle');
    expect(classifyLoad(0.05, LAG_BUSY_MS + 0.1)).toBe('busy');
    expect(classifyLoad(0.3, 0.5)).toBe('busy');
    expect(classifyLoad(0.05, 1000)).toBe('unknown'); // background tab: timers clamped to ~1 s
    expect(classifyLoad(Number.NaN, 0.5)).toBe('unknown');
  });

  it('the workload is deterministic and depends on its seed', () => {
    expect(benchWorkload(1000, 1)).toBe(benchWorkload(1000, 1));
    expect(benchWorkload(1000, 1)).not.toBe(benchWorkload(1000, 2));
    expect(Number.isFinite(benchWorkload(1000, 3))).toBe(true);
  });
});

describe('runCpuBenchmark with a fake clock', () => {
  it('warms up, then times runs until maxRuns; idle machine', async () => {
    const c = fakeClock([14.6]);
    const r = await runCpuBenchmark({ ...c, workload: c.workload });
    expect(r.runsMs).toHaveLength(15);
    expect(c.calls).toBe(15 + WARMUP_RUNS);
    expect(r.medianMs).toBeCloseTo(14.6, 10);
    expect(r.ghz).toBeCloseTo(ghzFromMedianMs(14.6), 10);
    expect(r.iterations).toBe(BENCH_ITERATIONS);
    expect(r.eventLoopLagMs).toBeCloseTo(0.5, 10);
    expect(r.loadHint).toBe('idle');
  });

  it('stops at the time budget on a slow machine, after the minimum runs', async () => {
    const c = fakeClock([60]);
    const r = await runCpuBenchmark({ ...c, workload: c.workload });
    // two warm-ups of 60 + probe 8.5, then 68.5 per run: 137 + 68.5 n >= 450 -> n = 5
    expect(r.runsMs).toHaveLength(5);
    const medium = fakeClock([30]);
    // 77 + 38.5 n >= 450 -> n = 10
    expect((await runCpuBenchmark({ ...medium, workload: medium.workload })).runsMs).toHaveLength(10);
    expect(r.elapsedMs).toBeGreaterThanOrEqual(450);
    const slow = fakeClock([400]);
    const r2 = await runCpuBenchmark({ ...slow, workload: slow.workload });
    expect(r2.runsMs).toHaveLength(5); // minRuns even past the budget
  });

  it('reports busy when timers run late or runs scatter', async () => {
    const lagging = fakeClock([15], 20);
    expect((await runCpuBenchmark({ ...lagging, workload: lagging.workload })).loadHint).toBe('busy');
    const scattered = fakeClock([10, 20, 12, 30]);
    const r = await runCpuBenchmark({ ...scattered, workload: scattered.workload });
    expect(r.spread).toBeGreaterThan(0.2);
    expect(r.loadHint).toBe('busy');
  });

  it('stops on abort and leaves no timer behind', async () => {
    const c = fakeClock([15]);
    const ac = new AbortController();
    const p = runCpuBenchmark({ ...c, workload: c.workload, signal: ac.signal, onProgress: (f) => f > 0.2 && ac.abort(new Error('stop')) });
    await expect(p).rejects.toThrow('stop');
    const callsAtAbort = c.calls;
    await new Promise((r) => setTimeout(r, 5));
    expect(c.calls).toBe(callsAtAbort);
  });
});

function ctxFor(nav: Partial<Deps['navigator']>): CheckContext {
  const deps = {
    navigator: { userAgent: 'x', ...nav },
    now: () => 0,
    setTimeout: () => 0,
    clearTimeout: () => {},
  } as unknown as Deps;
  return { options: resolveOptions({}), deps, results: new Map(), iceServers: async () => ({ source: 'none', servers: [] }), progress: () => {} };
}

function fakeBench(ghz: number, loadHint: BenchResult['loadHint'] = 'idle', lag = 0.4, spread = 0.03) {
  return async (): Promise<BenchResult> => ({
    iterations: BENCH_ITERATIONS,
    runsMs: [1, 1, 1, 1, 1],
    medianMs: ghzFromMedianMs(1) / ghz,
    lagsMs: [lag],
    eventLoopLagMs: lag,
    spread,
    ghz,
    loadHint,
    elapsedMs: 300,
    checksum: 0,
  });
}

async function run(nav: Partial<Deps['navigator']>, bench = fakeBench(3.1)) {
  const out = await createWorkstationCheck({ benchmark: bench }).run(ctxFor(nav), new AbortController().signal);
  return out as typeof out & { data: WorkstationData };
}

describe('workstation check', () => {
  it('passes a machine above the minimums and says what it measured', async () => {
    const r = await run({ hardwareConcurrency: 8, deviceMemory: 8 });
    expect(r.verdict).toBe('pass');
    expect(r.summary).toMatch(/meets Amazon Connect's minimums \(2 GHz CPU, 2 GB memory\): 8 GB of memory or more, a CPU of about 3\.1 GHz-equivalent \(±30 %\), 8 logical cores/);
    expect(r.data).toMatchObject({ logicalCores: 8, deviceMemoryGb: 8, cpuGhzEstimate: 3.1, loadHint: 'idle', cpuGhzUncertaintyPct: CPU_GHZ_UNCERTAINTY_PCT });
  });

  it('memory: 2 GB passes, below fails, unknown skips the memory part and says so', async () => {
    expect((await run({ deviceMemory: 2 })).verdict).toBe('pass');
    const low = await run({ deviceMemory: 1 });
    expect([low.verdict, low.code]).toEqual(['fail', 'low-memory']);
    expect(low.summary).toMatch(/about 1 GB of memory; Amazon Connect needs at least 2 GB/);
    expect((await run({ deviceMemory: 0.5 })).summary).toMatch(/512 MB/);
    const unknown = await run({});
    expect(unknown.verdict).toBe('pass');
    expect(unknown.data.deviceMemoryGb).toBeNull();
    expect(unknown.data.findings).toContain('memory-unknown');
    expect(unknown.summary).toMatch(/does not tell how much memory/);
  });

  it('CPU: fails clearly slow, warns within the error, warns instead of failing when busy', async () => {
    const slow = await run({ deviceMemory: 4 }, fakeBench(1.0));
    expect([slow.verdict, slow.code]).toEqual(['fail', 'cpu-slow']);
    expect(slow.summary).toMatch(/about 1\.0 GHz-equivalent \(±30 %\), well below the 2 GHz/);
    expect(slow.summary).toMatch(/Measured: about 4 GB of memory/);
    const edge = await run({ deviceMemory: 4 }, fakeBench(1.6));
    expect([edge.verdict, edge.code]).toEqual(['warn', 'cpu-borderline']);
    expect((await run({ deviceMemory: 4 }, fakeBench(2.0))).verdict).toBe('pass');
    const busySlow = await run({ deviceMemory: 4 }, fakeBench(1.0, 'busy', 25));
    expect([busySlow.verdict, busySlow.code]).toEqual(['warn', 'cpu-slow-busy']);
    expect(busySlow.data.findings).toEqual(['cpu-slow-busy', 'busy']);
    const busyFast = await run({ deviceMemory: 4 }, fakeBench(3.0, 'busy', 25));
    expect([busyFast.verdict, busyFast.code]).toEqual(['warn', 'busy']);
    expect(busyFast.summary).toMatch(/busy during the test .*fired 25 ms late/);
  });

  it('a benchmark that throws gives a warning, not a crash', async () => {
    const r = await run({ deviceMemory: 4 }, async () => {
      throw new Error('no timers');
    });
    expect([r.verdict, r.code]).toEqual(['warn', 'cpu-unmeasured']);
    expect(r.data.cpuGhzEstimate).toBeNull();
  });

  it('thresholds come from the options', async () => {
    const check = createWorkstationCheck({ benchmark: fakeBench(3.1) });
    const ctx = ctxFor({ deviceMemory: 4 });
    ctx.options = resolveOptions({ thresholds: { minRamGb: 8, minCpuGhz: 5 } });
    const r = await check.run(ctx, new AbortController().signal);
    expect(r.verdict).toBe('fail');
    expect(r.data.findings).toEqual(['low-memory', 'cpu-slow']);
  });
});
