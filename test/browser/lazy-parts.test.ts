import { expect, fixture, html } from '@open-wc/testing';
// Only the widget: the report view and its "For IT" part must arrive on demand.
import '../../src/elements/ccp-preflight/ccp-preflight.js';
import type { CcpPreflightElement } from '../../src/elements/ccp-preflight/ccp-preflight.js';
import type { CcpPreflightReportElement } from '../../src/elements/ccp-preflight-report/ccp-preflight-report.js';
import type { Report } from '../../src/report/schema.js';

const load = async (name: string): Promise<Report> => (await (await fetch(`/test/unit/fixtures/reports/${name}`)).json()) as Report;

describe('parts loaded on demand', () => {
  it('the widget paints without the report view; setting a report loads it, and updateComplete waits for For IT', async () => {
    const el = await fixture<CcpPreflightElement>(html`<ccp-preflight></ccp-preflight>`);
    expect(customElements.get('ccp-preflight-report'), 'viewer not loaded for the first paint').to.equal(undefined);
    expect(el.shadowRoot!.querySelector('[part~="run-button"]')).to.exist;

    el.report = await load('degraded-udp-blocked.json');
    await el.updateComplete;
    expect(customElements.get('ccp-preflight-report'), 'viewer loaded with the report').to.not.equal(undefined);
    const report = el.shadowRoot!.querySelector('ccp-preflight-report') as CcpPreflightReportElement;
    await report.updateComplete;
    const forIt = report.shadowRoot!.querySelector('[part~="for-it"]')!;
    expect(forIt.querySelector('[aria-busy="true"]'), 'no placeholder left').to.equal(null);
    expect(forIt.querySelectorAll('[part~="check"]').length, 'For IT rendered').to.be.greaterThan(3);
  });
});
