// <ccp-preflight-fleet> in the browser: what an agent's host wrote (labels, names, causes) renders as text, never
// as markup; counts, grouping, paging and the detail view work against a stubbed read API.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/ccp-preflight-fleet/ccp-preflight-fleet.js';
import type { CcpPreflightFleetElement } from '../../src/elements/ccp-preflight-fleet/ccp-preflight-fleet.js';
import { stubFetch as stubCollector } from '../support/fleet-stub.js';

const XSS = '<img src=x onerror="window.__fleetXss=1"><script>window.__fleetXss=2</script>';

function agent(i: number, site: string, fit: string, verdict: string) {
  return {
    agent: `agent-${i}`, name: i === 0 ? XSS : `Agent ${i}`, site, region: 'eu-west-2',
    latest: { id: `r-${i}`, createdAt: '2026-01-05T08:02:00.000Z', verdict, fit, cause: fit === 'no' ? 'ice-udp/udp-blocked' : null,
      causeText: fit === 'no' ? `UDP 3478 blocked ${XSS}` : null, rttMs: 40 + i, jitterMs: 3, lossPct: 0.2, mos: 4.3 },
  };
}

function stubFetch(calls: string[]): typeof fetch {
  return stubCollector(calls, {
    aggregates: {
      agents: 3, unfit: 1, byVerdict: { fail: 1, warn: 0, pass: 2, skip: 0 },
      bySite: [{ site: XSS, agents: 1, unfit: 1, fail: 1, warn: 0 }, { site: 'London', agents: 2, unfit: 0, fail: 0, warn: 0 }],
      byRegion: [], byCause: [{ cause: 'ice-udp/udp-blocked', causeText: `UDP 3478 blocked ${XSS}`, site: XSS, agents: 14, unfit: 14, since: '2026-01-05T08:02:00.000Z' }],
    },
    agents: [agent(0, XSS, 'no', 'fail'), agent(1, 'London', 'yes', 'pass'), agent(2, 'London', 'yes', 'pass')],
    history: () => [agent(0, XSS, 'no', 'fail').latest, { ...agent(0, XSS, 'no', 'fail').latest, id: 'r-old', rttMs: 90 }],
  });
}

describe('<ccp-preflight-fleet>', () => {
  afterEach(() => {
    delete (window as { __fleetXss?: number }).__fleetXss;
  });

  it('renders an XSS payload in a label, a name and a cause as text', async () => {
    const calls: string[] = [];
    const el = document.createElement('ccp-preflight-fleet') as CcpPreflightFleetElement;
    el.fetchImpl = stubFetch(calls);
    el.token = 'read-token';
    el.collectorUrl = 'https://collector.example';
    const host = await fixture(html`<div></div>`);
    host.append(el);
    await waitUntil(() => el.shadowRoot?.querySelector('table'), 'agents table shown', { timeout: 5000 });
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('img')).to.equal(null);
    expect(root.querySelector('script')).to.equal(null);
    expect(root.textContent).to.contain('<img src=x onerror=');
    expect(root.textContent).to.contain('14 agents at <img');
    expect((window as { __fleetXss?: number }).__fleetXss).to.equal(undefined);
    // Unfit first, with words beside the colour.
    const firstRow = root.querySelector('tbody tr')!;
    expect(firstRow.textContent).to.contain('Unfit');
    expect(firstRow.textContent).to.contain('Fail');
    expect(calls.every((u) => u.startsWith('https://collector.example/v1/'))).to.equal(true);
    el.remove();
  });

  it('asks for a read token when it has none, and never puts it in a URL', async () => {
    try {
      sessionStorage.removeItem('ccp-preflight:fleet-token');
    } catch { /* ignore */ }
    const calls: string[] = [];
    const el = document.createElement('ccp-preflight-fleet') as CcpPreflightFleetElement;
    el.fetchImpl = stubFetch(calls);
    const host = await fixture(html`<div></div>`);
    host.append(el);
    await el.updateComplete;
    const input = el.shadowRoot!.querySelector('input[type="password"]') as HTMLInputElement;
    expect(input).to.not.equal(null);
    input.value = 'secret-read-token';
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await waitUntil(() => el.shadowRoot?.querySelector('table'), 'agents table shown', { timeout: 5000 });
    expect(calls.some((u) => u.includes('secret-read-token'))).to.equal(false);
    el.remove();
    sessionStorage.removeItem('ccp-preflight:fleet-token');
  });
});
