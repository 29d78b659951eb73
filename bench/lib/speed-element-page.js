// Page script of bench:speed (element part): time from inserting <ccp-preflight> and starting a run to
// the verdict rendered in its report (the <ccp-preflight-report> inside has rendered the finished Report).
// With `ccpUrl`, the widget wraps that CCP (the local fake CCP speaking Streams' iframe protocol): the run
// then loads amazon-connect-streams lazily, initializes the CCP and takes its TURN servers (createTransport).
import '../../src/index.ts';

async function elementRun({ iceServers, options, ccpUrl }) {
  const el = document.createElement('ccp-preflight');
  if (ccpUrl) {
    el.setAttribute('ccp-url', ccpUrl);
    el.setAttribute('ccp-mode', 'full');
    el.setAttribute('login-popup', 'false');
  } else {
    el.iceServers = iceServers;
  }
  el.options = options;
  const t0 = performance.now();
  document.body.append(el);
  await el.updateComplete;
  const firstRenderMs = performance.now() - t0;
  const report = await el.run();
  await el.updateComplete;
  const inner = el.shadowRoot?.querySelector('ccp-preflight-report');
  if (inner && 'updateComplete' in inner) await inner.updateComplete;
  // The verdict is on screen once the report renderer shows this report's answer banner (the agent's one sentence).
  const banner = () => {
    const b = inner?.shadowRoot?.querySelector('[part="banner"]');
    return /** @type {{ report?: { id?: string } } | null | undefined} */ (inner)?.report?.id === report.id && !!b?.textContent?.trim();
  };
  const deadline = performance.now() + 5000;
  while (!banner() && performance.now() < deadline) {
    await new Promise((r) => requestAnimationFrame(r));
  }
  const renderedMs = performance.now() - t0;
  const shown = banner();
  const checks = report.checks.map((c) => ({ id: c.id, verdict: c.verdict, durationMs: c.durationMs, summary: c.summary, source: /** @type {{ source?: string } | undefined} */ (c.data)?.source }));
  el.remove();
  return { firstRenderMs, renderedMs, shown, verdict: report.verdict, hasReportElement: !!inner, checks };
}

globalThis.__bench = { elementRun };
globalThis.__benchReady = true;
