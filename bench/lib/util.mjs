// Small helpers shared by the benchmarks: esbuild loading with a
// clear message, table printing, machine facts, and cleanup of everything a script starts (even on Ctrl-C).
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A user-facing failure: printed as one clear message, no stack trace. */
/**
 * The benches' options: `--key=value` and bare `--flag` (true), from `argv` (default: the command line).
 * @param {string[]} [argv]
 * @returns {Record<string, string>}
 */
export function benchArgs(argv = process.argv.slice(2)) {
  return Object.fromEntries(argv.map((a) => { const m = /^--([^=]+)(?:=(.*))?$/.exec(a); return m ? [m[1], m[2] ?? 'true'] : [a, 'true']; }));
}

export class BenchError extends Error {
  /** @param {string} message @param {ErrorOptions} [options] */
  constructor(message, options) {
    super(message, options);
    this.name = 'BenchError';
  }
}

/** esbuild from node_modules, or a BenchError that says how to get it. */
export async function loadEsbuild() {
  try {
    return await import('esbuild');
  } catch {
    throw new BenchError('esbuild is not installed in node_modules: run `npm ci` (it comes with @web/dev-server-esbuild), then run again.');
  }
}

// ---- cleanup: every process/server/temp dir a script starts registers a stopper here ----
const cleanups = new Set();
let exiting = false;

/** Registers an async stopper; returns a function that runs it once and unregisters it. */
export function onCleanup(fn) {
  let done = false;
  const once = async () => {
    if (done) return;
    done = true;
    cleanups.delete(once);
    try { await fn(); } catch { /* best effort */ }
  };
  cleanups.add(once);
  return once;
}

export async function cleanupAll() {
  const list = [...cleanups].reverse();
  for (const fn of list) await fn();
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (exiting) return;
    exiting = true;
    process.stderr.write(`\n${sig}: stopping everything this benchmark started…\n`);
    const hard = setTimeout(() => process.exit(130), 5000);
    hard.unref();
    cleanupAll().finally(() => process.exit(130));
  });
}

/**
 * Runs a benchmark main(): prints BenchError messages plainly, other errors with their message (stack
 * only with DEBUG=1), always cleans up, and sets the exit code.
 */
export async function runMain(main) {
  try {
    await main();
    await cleanupAll();
    process.exitCode = 0;
  } catch (e) {
    await cleanupAll();
    if (exiting) return; // stopped by a signal: the handler has said so and exits
    if (e instanceof BenchError) console.error(`\n${e.message}`);
    else console.error(`\nThe benchmark stopped: ${e?.message ?? e}${process.env.DEBUG ? `\n${e?.stack}` : '\n(set DEBUG=1 for the stack)'}`);
    process.exitCode = 1;
  }
}

/** A temp dir removed at cleanup. */
export function tempDir(prefix = 'ccpf-bench-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// ---- tables ----
/**
 * Prints rows (arrays of cells) under a header, columns padded; numbers right-aligned.
 * @param {string[]} header @param {unknown[][]} rows @param {{ title?: string }} [opts]
 */
export function printTable(header, rows, { title } = {}) {
  const all = [header, ...rows].map((r) => r.map((c) => (c === null || c === undefined ? '—' : String(c))));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const isNum = header.map((_, i) => rows.every((r) => r[i] === null || r[i] === undefined || typeof r[i] === 'number' || /^[-+~<>≈]?\d[\d.,]*\s?(%|ms|s|KB|kB|B|kbps|MB)?$/.test(String(r[i]))));
  const fmt = (r) => r.map((c, i) => (isNum[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  if (title) console.log(`\n${title}`);
  console.log(fmt(all[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of all.slice(1)) console.log(fmt(r));
}

/** Also a Markdown version of the same table (for the README's Performance section). */
export function markdownTable(header, rows) {
  const cell = (c) => (c === null || c === undefined ? '—' : String(c).replace(/\|/g, '\\|'));
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

// ---- stats ----
export function median(xs) {
  const a = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((p, q) => p - q);
  if (!a.length) return null;
  const m = a.length >> 1;
  return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
}
export function percentile(xs, p) {
  const a = xs.filter((x) => Number.isFinite(x)).sort((m, n) => m - n);
  if (!a.length) return null;
  const i = Math.min(a.length - 1, Math.max(0, Math.ceil((p / 100) * a.length) - 1));
  return a[i];
}
export const round = (x, d = 1) => (x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

// ---- machine ----
export function chromiumVersion(path) {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10000 }).trim();
  } catch {
    return null;
  }
}

export function machineInfo(chromiumPath) {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) model = m[1].trim();
  } catch { /* not Linux */ }
  let nproc = cpus().length;
  try { nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || nproc; } catch { /* no nproc */ }
  return {
    nproc,
    cpu: model,
    node: process.version,
    chromium: chromiumPath && existsSync(chromiumPath) ? chromiumVersion(chromiumPath) : null,
    /** 1-minute load average at start: this machine is shared, and load shows up in timing and jitter. */
    load1: Math.round(loadavg()[0] * 100) / 100,
  };
}

export function printMachine(info) {
  console.log(`Machine: ${info.nproc} CPU(s), ${info.cpu}; Node ${info.node}${info.chromium ? `; ${info.chromium}` : ''}; load average ${info.load1} at start`);
}
