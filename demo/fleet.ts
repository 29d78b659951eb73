/**
 * The demo fleet page's script: the fleet view with the demo's read token, buttons that add simulated agents
 * through the demo collector, and the page's words in the reader's language (the browser's; `?lang=es` to try
 * another). The words live in src/elements/ccp-preflight-fleet/page-texts.ts (translated with the element's).
 */
import '../src/elements/ccp-preflight-fleet/ccp-preflight-fleet.js';
import '../src/elements/ccp-preflight-report/ccp-preflight-report.js';
import { demoAdded, demoAdding, demoFailed, followLanguage } from '../src/elements/ccp-preflight-fleet/page-texts.js';

const fleet = document.querySelector('ccp-preflight-fleet')!;
const lang = new URLSearchParams(location.search).get('lang');
if (lang) fleet.setAttribute('lang', lang);
// The demo's read token (not secret; for this local demo only).
fleet.token = 'demo-read-token-not-secret';
followLanguage();

const out = document.querySelector<HTMLElement>('#sim-result')!;
for (const b of document.querySelectorAll<HTMLButtonElement>('[data-simulate]')) {
  b.addEventListener('click', async () => {
    b.disabled = true;
    out.textContent = demoAdding();
    try {
      const r = await fetch(`/__fleet/simulate?n=${b.dataset.simulate}`, { method: 'POST' });
      const j = (await r.json()) as { stored?: number; error?: string };
      out.textContent = r.ok ? demoAdded(j.stored ?? 0) : demoFailed(j.error ?? `HTTP ${r.status}`);
    } catch (e) {
      out.textContent = demoFailed(e instanceof Error ? e.message : String(e));
    } finally {
      b.disabled = false;
    }
  });
}
