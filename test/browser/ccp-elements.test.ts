import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/ccp-preflight-ccp/ccp-preflight-ccp.js';
import type { CcpPreflightCallQualityElement, CcpPreflightFailoverElement } from '../../src/elements/ccp-preflight-ccp/ccp-preflight-ccp.js';
import type { CallSummary } from '../../src/report/schema.js';

const summary: CallSummary = {
  contactId: 'c1',
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 12000,
  source: 'softphone-stats',
  rttMs: { avg: 120, p95: 450, max: 450 },
  jitterMs: { avg: null, p95: null, max: null },
  lossPct: { avg: 2, max: 4 },
  mos: { avg: 3.9, min: 3.4 },
  verdict: 'warn',
  samples: [{ tMs: 11000, rttMs: 450, lossPct: 4, mos: 3.4, jitterMs: null }],
};

describe('<ccp-preflight-call-quality>', () => {
  it('shows the live figures with the verdict in words, and is accessible', async () => {
    const el = await fixture<CcpPreflightCallQualityElement>(html`<ccp-preflight-call-quality></ccp-preflight-call-quality>`);
    expect(el.shadowRoot!.textContent!.trim()).to.equal('');
    el.detail = { contactId: 'c1', sample: summary.samples[0]!, verdict: 'fail', summary, ended: false };
    await el.updateComplete;
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.include('Call quality now');
    expect(text).to.include('Poor');
    expect(text).to.include('round trip 450 ms');
    expect(text).to.include('loss 4.0 %');
    expect(text).to.include('MOS 3.40');
    await expect(el).to.be.accessible();
    el.detail = { ...el.detail, ended: true, verdict: 'warn' };
    await el.updateComplete;
    expect(el.shadowRoot!.textContent!.replace(/\s+/g, ' ')).to.include('Last call').and.include('Fair').and.include('round trip 120 ms');
    el.detail = undefined;
    el.summary = summary;
    el.live = true;
    await el.updateComplete;
    expect(el.shadowRoot!.textContent!.replace(/\s+/g, ' ')).to.include('Call quality now').and.include('round trip 450 ms');
  });
});

describe('<ccp-preflight-failover>', () => {
  it('asks for a valid E.164 number and explicit consent before requesting the switch', async () => {
    const el = await fixture<CcpPreflightFailoverElement>(html`<ccp-preflight-failover number="+1 415"></ccp-preflight-failover>`);
    const root = el.shadowRoot!;
    const button = () => root.querySelector('button')!;
    const input = root.querySelector('input[type=tel]') as HTMLInputElement;
    const consent = root.querySelector('#consent') as HTMLInputElement;
    expect(button().disabled).to.equal(true);
    input.value = '+14155550123';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(button().disabled, 'no consent yet').to.equal(true);
    consent.click();
    await el.updateComplete;
    expect(button().disabled).to.equal(false);
    await expect(el).to.be.accessible();
    let got: string | undefined;
    el.addEventListener('ccp-preflight-failover-request', (e) => (got = e.detail.e164));
    button().click();
    expect(got).to.equal('+14155550123');
    await el.updateComplete;
    expect(button().disabled, 'consent is asked again for the next switch').to.equal(true);
  });

  it('fits a 320 px side column in every language: nothing sticks out of the panel', async () => {
    // Inside the widget's card in a 320 px column the panel has about 200 px.
    for (const lang of ['en', 'de', 'es', 'fr', 'pt-BR', 'ja']) {
      const wrap = await fixture<HTMLDivElement>(html`<div style="width:200px"><ccp-preflight-failover lang=${lang} number="+14155550123"></ccp-preflight-failover></div>`);
      const el = wrap.querySelector('ccp-preflight-failover') as CcpPreflightFailoverElement;
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 50));
      const box = el.getBoundingClientRect();
      const out = [...el.shadowRoot!.querySelectorAll('*')]
        .filter((n) => { const r = n.getBoundingClientRect(); return r.width > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5); })
        .map((n) => `${n.localName}.${(n as HTMLElement).className}: ${Math.round(n.getBoundingClientRect().right)} > ${Math.round(box.right)}`);
      expect(out, `${lang} in 200 px`).to.deep.equal([]);
    }
  });

  it('on an external phone: shows it, offers the way back, shows before/after', async () => {
    const el = await fixture<CcpPreflightFailoverElement>(html`<ccp-preflight-failover></ccp-preflight-failover>`);
    el.softphoneEnabled = false;
    el.extension = '+14155550123';
    el.records = [
      { at: '2026-01-01T00:00:00Z', action: 'to-external-phone', status: 'switched', consent: 'agent', reason: 'x', before: { softphoneEnabled: true, extension: null }, after: { softphoneEnabled: false, extension: '+14155550123' } },
    ];
    el.error = 'Amazon Connect refused the phone change.';
    await el.updateComplete;
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.include('Calls ring on +14155550123');
    expect(text).to.include('Before softphone').and.include('After phone +14155550123');
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.include('refused');
    let restored = false;
    el.addEventListener('ccp-preflight-restore-request', () => (restored = true));
    el.shadowRoot!.querySelector('button')!.click();
    expect(restored).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
