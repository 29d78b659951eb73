// Page script of bench:speed (runner part): one full run of every check, timed in the page.
import { runPreflight } from '../../src/runner.ts';

async function fullRun(opts) {
  const t0 = performance.now();
  const report = await runPreflight(opts);
  const wallMs = performance.now() - t0;
  return {
    wallMs,
    verdict: report.verdict,
    summary: report.summary,
    checks: report.checks.map((c) => ({ id: c.id, verdict: c.verdict, durationMs: c.durationMs, summary: c.summary })),
  };
}

globalThis.__bench = { fullRun };
globalThis.__benchReady = true;
