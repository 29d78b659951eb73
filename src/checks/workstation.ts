/**
 * `workstation`: does this computer meet Amazon Connect's minimums, and is it busy right now?
 *
 * Seed 003, Agent Workstation Requirements: "Memory - 2 GB RAM", "Processor (CPU) - 2 GHz" (MIN_RAM_GB,
 * MIN_CPU_GHZ), and "Additional memory, bandwidth, and CPU should be scoped for the operating system and
 * anything else running on the workstation to avoid resource contention".
 *
 * - Logical cores: navigator.hardwareConcurrency (reported; the seed sets no bar). Privacy modes may report 2.
 * - Memory: navigator.deviceMemory, Chromium browsers only, secure contexts only. It is coarse on purpose:
 *   the browser rounds to a power of two and clamps to a range (0.25 to 8 GB in Chrome for years; the Device
 *   Memory spec leaves the bounds to the browser, and Chromium 156 on the 24 GB reference machine reports 16),
 *   so "2" means "about 2 GB" and 8 or more is reported as "N GB or more". Firefox and Safari do not report
 *   it: then the memory part is skipped and said so.
 * - CPU: the calibrated benchmark of cpu-bench.ts (GHz-equivalent ± CPU_GHZ_UNCERTAINTY_PCT %).
 * - Load hint: event-loop lag and run scatter during the benchmark. Seed 003, Monitoring Workstations:
 *   monitoring a workstation under resource contention "may further reduce available resources and invalidate
 *   test results"; a busy computer is reported, and a slow CPU reading taken while busy is only a warning.
 */
import type { WorkstationData } from '../report/schema.js';
import { throwIfAborted } from '../internal/timeout.js';
import { outcomeFromFindings, type Finding } from './browser.js';
import { CPU_GHZ_UNCERTAINTY_PCT, runCpuBenchmark, type BenchOptions, type BenchResult } from './cpu-bench.js';
import type { Check, CheckOutcome } from './types.js';

/** Finding codes of the `workstation` check. */
export const WORKSTATION_CODES = {
  'low-memory': 'The browser reports less memory than the 2 GB minimum of the Amazon Connect workstation requirements (fail)',
  'memory-unknown': 'The browser does not report device memory (Firefox, Safari): the memory part was skipped (info)',
  'cpu-slow': 'The CPU benchmark reads clearly below 2 GHz-equivalent, beyond its error, on an idle computer (fail)',
  'cpu-borderline': 'The CPU benchmark reads below 2 GHz-equivalent but within its error (warn)',
  'cpu-slow-busy': 'The CPU benchmark reads below 2 GHz-equivalent while the computer was busy: rerun when idle (warn)',
  busy: 'The computer was busy during the test (event-loop lag or scattered benchmark runs): results may be off (warn)',
  'load-unknown': 'The load could not be judged (timers throttled, e.g. a background tab) (info)',
  'cpu-unmeasured': 'The CPU benchmark produced no usable figure (warn)',
} as const satisfies Record<string, string>;

export type WorkstationCode = keyof typeof WORKSTATION_CODES;

const emptyWorkstationData = (): WorkstationData => ({ logicalCores: null, deviceMemoryGb: null, cpuGhzEstimate: null });

/** At or above this (the top of Chrome's range for years) a reported deviceMemory is said as "N GB or more". */
export const DEVICE_MEMORY_TOP_GB = 8;

export interface WorkstationCheckOptions {
  /** The benchmark (tests inject one with a fake workload and clock). Default: runCpuBenchmark. */
  benchmark?: (o: BenchOptions) => Promise<BenchResult>;
  /** Overrides for the benchmark options (iterations, runs, budget). */
  benchOptions?: Partial<Omit<BenchOptions, 'now' | 'setTimeout' | 'clearTimeout' | 'signal'>>;
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** Formats a memory figure in GB as the browser reports it. */
function gb(x: number): string {
  return x >= 1 ? `${x} GB` : `${Math.round(x * 1024)} MB`;
}

/** Builds the `workstation` check; `workstationCheck` is the default instance. */
export function createWorkstationCheck(opts: WorkstationCheckOptions = {}): Check<'workstation'> {
  const bench = opts.benchmark ?? runCpuBenchmark;
  return {
    id: 'workstation',
    title: 'Workstation',
    timeoutMs: () => 8000,
    codes: WORKSTATION_CODES,
    emptyData: emptyWorkstationData,
    run: async (ctx, signal): Promise<CheckOutcome<'workstation'>> => {
      throwIfAborted(signal);
      const { deps, options } = ctx;
      const t = options.thresholds;
      const findings: Finding[] = [];
      const facts: string[] = [];

      const coresRaw = deps.navigator.hardwareConcurrency;
      const cores = typeof coresRaw === 'number' && coresRaw > 0 ? coresRaw : null;

      const memRaw = deps.navigator.deviceMemory;
      const mem = typeof memRaw === 'number' && memRaw > 0 && Number.isFinite(memRaw) ? memRaw : null;
      if (mem === null) {
        findings.push({
          code: 'memory-unknown',
          verdict: 'pass',
          sentence: `This browser does not tell how much memory the computer has, so memory was not checked (Amazon Connect needs at least ${t.minRamGb} GB).`,
        });
      } else if (mem < t.minRamGb) {
        findings.push({
          code: 'low-memory',
          verdict: 'fail',
          sentence: `The computer has about ${gb(mem)} of memory; Amazon Connect needs at least ${t.minRamGb} GB, plus room for everything else that runs. Ask IT for a computer with more memory, or take calls on an external phone.`,
        });
      } else {
        facts.push(mem >= DEVICE_MEMORY_TOP_GB ? `${gb(mem)} of memory or more` : `about ${gb(mem)} of memory`);
      }

      ctx.progress(0, 'Measuring CPU speed…');
      let b: BenchResult | null = null;
      try {
        b = await bench({
          ...opts.benchOptions,
          now: deps.now,
          setTimeout: deps.setTimeout,
          clearTimeout: deps.clearTimeout,
          signal,
          onProgress: (f) => ctx.progress(f, 'Measuring CPU speed…'),
        });
      } catch (e) {
        if (signal.aborted) throw e;
        findings.push({
          code: 'cpu-unmeasured',
          verdict: 'warn',
          sentence: `The CPU speed test could not run (${e instanceof Error ? e.message : String(e)}).`,
        });
      }
      throwIfAborted(signal);

      const ghz = b && Number.isFinite(b.ghz) && b.ghz > 0 ? b.ghz : null;
      const busy = b?.loadHint === 'busy';
      const unc = CPU_GHZ_UNCERTAINTY_PCT / 100;
      if (b && ghz === null && !findings.some((f) => f.code === 'cpu-unmeasured')) {
        findings.push({ code: 'cpu-unmeasured', verdict: 'warn', sentence: 'The CPU speed test gave no usable figure.' });
      }
      const ghzText = ghz !== null ? `about ${round(ghz, 1).toFixed(1)} GHz-equivalent (±${CPU_GHZ_UNCERTAINTY_PCT} %)` : '';
      if (ghz !== null) {
        if (ghz >= t.minCpuGhz) facts.push(`a CPU of ${ghzText}`);
        else if (busy) {
          findings.push({
            code: 'cpu-slow-busy',
            verdict: 'warn',
            sentence: `The CPU measured ${ghzText}, below the ${t.minCpuGhz} GHz Amazon Connect needs, but the computer was busy, which slows the test. Close other programs and run the test again.`,
          });
        } else if (ghz >= t.minCpuGhz * (1 - unc)) {
          findings.push({
            code: 'cpu-borderline',
            verdict: 'warn',
            sentence: `The CPU measured ${ghzText}: just below the ${t.minCpuGhz} GHz Amazon Connect needs, within the test's error. Keep other programs closed during calls.`,
          });
        } else {
          findings.push({
            code: 'cpu-slow',
            verdict: 'fail',
            sentence: `The CPU measured ${ghzText}, well below the ${t.minCpuGhz} GHz Amazon Connect needs: calls may break up. Ask IT for a faster computer, or take calls on an external phone.`,
          });
        }
      }
      if (b && busy) {
        findings.push({
          code: 'busy',
          verdict: 'warn',
          sentence: `The computer was busy during the test (its timers fired ${round(b.eventLoopLagMs, 1)} ms late, test runs varied by ${Math.round(b.spread * 100)} %). A busy computer can make calls choppy, and it makes these results less reliable: close programs you do not need and run the test again.`,
        });
      } else if (b && b.loadHint === 'unknown') {
        findings.push({
          code: 'load-unknown',
          verdict: 'pass',
          sentence: 'Could not tell whether the computer is busy (the browser slowed this page\'s timers; keep the page in front while testing).',
        });
      }
      if (cores !== null) facts.push(`${cores} logical core${cores === 1 ? '' : 's'}`);

      const data: WorkstationData = {
        logicalCores: cores,
        deviceMemoryGb: mem,
        cpuGhzEstimate: ghz !== null ? round(ghz, 2) : null,
        ...(b
          ? {
              benchmark: { iterations: b.iterations, medianMs: round(b.medianMs, 2), runs: b.runsMs.length },
              loadHint: b.loadHint,
              eventLoopLagMs: round(b.eventLoopLagMs, 2),
              benchmarkSpreadPct: Number.isFinite(b.spread) ? round(b.spread * 100, 1) : undefined,
            }
          : {}),
        cpuGhzUncertaintyPct: CPU_GHZ_UNCERTAINTY_PCT,
        findings: findings.map((f) => f.code),
      };
      const ok = `This computer meets Amazon Connect's minimums (${t.minCpuGhz} GHz CPU, ${t.minRamGb} GB memory): ${facts.join(', ')}.`;
      const outcome = outcomeFromFindings('workstation', findings, ok);
      // When the CPU or memory failed, still say what was fine.
      if (outcome.verdict !== 'pass' && facts.length) outcome.summary += ` Measured: ${facts.join(', ')}.`;
      return { ...outcome, data };
    },
  };
}

/** The shipped `workstation` check. */
export const workstationCheck: Check<'workstation'> = createWorkstationCheck();
