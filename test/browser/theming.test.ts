import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/ccp-preflight/ccp-preflight.js';
import '../../src/elements/ccp-preflight-report/ccp-preflight-report.js';
import type { CcpPreflightElement } from '../../src/elements/ccp-preflight/ccp-preflight.js';
import type { CcpPreflightReportElement } from '../../src/elements/ccp-preflight-report/ccp-preflight-report.js';
import type { Report } from '../../src/report/schema.js';

const load = async (name: string): Promise<Report> => (await (await fetch(`/test/unit/fixtures/reports/${name}`)).json()) as Report;
const inner = <T extends Element>(el: Element, sel: string): T => el.shadowRoot!.querySelector<T>(sel)!;

async function widgetWithReport(style: string): Promise<{ el: CcpPreflightElement; report: CcpPreflightReportElement }> {
  const wrap = await fixture<HTMLDivElement>(html`<div>
    <style>
      ${style}
    </style>
    <ccp-preflight></ccp-preflight>
  </div>`);
  const el = wrap.querySelector('ccp-preflight')!;
  el.report = await load('degraded-udp-blocked.json');
  await el.updateComplete;
  const report = inner<CcpPreflightReportElement>(el, 'ccp-preflight-report');
  await report.updateComplete;
  return { el, report };
}

describe('theming from the host page', () => {
  it('the report\'s parts are styled from outside the widget (exportparts)', async () => {
    const { report } = await widgetWithReport(`
      ccp-preflight::part(banner) { outline: 7px solid rgb(4, 5, 6); }
      ccp-preflight::part(verdict) { text-decoration: underline; }
    `);
    expect(getComputedStyle(inner(report, '[part~="banner"]')).outlineWidth).to.equal('7px');
    expect(getComputedStyle(inner(report, '[part~="banner"]')).outlineColor).to.equal('rgb(4, 5, 6)');
    expect(getComputedStyle(inner(report, '[part~="verdict"]')).textDecorationLine).to.equal('underline');
  });

  it('one property set on an ancestor themes the widget and the report inside it', async () => {
    const { el, report } = await widgetWithReport(`div { --ccp-preflight-accent-color: rgb(1, 2, 3); --ccp-preflight-fail-bg: rgb(9, 8, 7); }`);
    expect(getComputedStyle(inner(el, '[part~="run-button"]')).backgroundColor).to.equal('rgb(1, 2, 3)'); // the primary button
    expect(getComputedStyle(inner(report, '.banner.fail')).backgroundColor).to.equal('rgb(9, 8, 7)');
  });

  it('the older name still works, and the new name wins over it', async () => {
    const old = await fixture<CcpPreflightReportElement>(html`<ccp-preflight-report mode="paste" style="--ccp-preflight-accent: rgb(10, 20, 30)"></ccp-preflight-report>`);
    expect(getComputedStyle(inner(old, 'button:not(.primary)')).color).to.equal('rgb(10, 20, 30)');
    const both = await fixture<CcpPreflightReportElement>(
      html`<ccp-preflight-report mode="paste" style="--ccp-preflight-accent: rgb(10, 20, 30); --ccp-preflight-accent-color: rgb(40, 50, 60)"></ccp-preflight-report>`,
    );
    expect(getComputedStyle(inner(both, 'button:not(.primary)')).color).to.equal('rgb(40, 50, 60)');
  });

  it('without any property the defaults apply', async () => {
    const el = await fixture<CcpPreflightReportElement>(html`<ccp-preflight-report mode="paste"></ccp-preflight-report>`);
    expect(getComputedStyle(inner(el, 'button:not(.primary)')).color).to.equal('rgb(11, 99, 206)'); // #0b63ce
  });
});
