// Page script of bench:fail-fast: one full run (every check) as the CLI makes it, timed in the page: when the
// CCP was told (its state left "loading"), when each check reported, when the verdict was certain (the first
// fail: the run's verdict is the worst check verdict, so it cannot get better) and when the report was done.
import { runPreflight } from '../../src/runner.ts';
import { createCcp } from '../../src/ccp/index.ts';

async function failRun({ options, ccpUrl }) {
  const t0 = performance.now();
  const at = {};
  let firstFail = null;
  let ccpTold = null;
  let ccp;
  let box;
  if (ccpUrl) {
    box = document.createElement('div');
    document.body.append(box);
    // As the CLI does: no login pop-up, Streams' own timeouts.
    ccp = createCcp({ container: box, ccpUrl, mode: 'full', loginPopup: false });
    ccp.addEventListener('change', () => {
      if (ccpTold === null && ccp.state !== 'loading') ccpTold = { ms: performance.now() - t0, state: ccp.state };
    });
    void ccp.start().catch(() => {});
  }
  try {
    const report = await runPreflight({
      ...options,
      ...(ccp ? { ccp, ccpMode: 'full', ccpUrl } : {}),
      onCheck: (r) => {
        at[r.id] = performance.now() - t0;
        if (r.verdict === 'fail' && !firstFail) firstFail = { id: r.id, ms: at[r.id], summary: r.summary };
      },
    });
    return {
      wallMs: performance.now() - t0,
      verdict: report.verdict,
      partial: report.partial === true,
      firstFail,
      ccpTold,
      checks: report.checks.map((c) => ({ id: c.id, verdict: c.verdict, code: c.code ?? null, atMs: at[c.id] ?? null, durationMs: c.durationMs, summary: c.summary })),
    };
  } finally {
    ccp?.destroy();
    box?.remove();
  }
}

globalThis.__bench = { failRun };
globalThis.__benchReady = true;
