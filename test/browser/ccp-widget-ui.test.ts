/**
 * The agent's path through the widget's own UI: an unfit softphone offers the switch to an external phone;
 * nothing happens without the consent box; with it, the fake CCP receives the full configuration; the way
 * back restores the softphone. Real Streams bundle, local fake CCP.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { CcpPreflightElement, Check } from '../../src/index.js';

interface FakeConfig { softphoneEnabled: boolean; extension: string; username?: string; agentPreferences?: unknown }

const fakeUrl = `${location.origin}/demo/fake-ccp.html?countries=us,ca`;

function fakeWindow(el: CcpPreflightElement): Window {
  return (el.shadowRoot!.querySelector('iframe[name="Amazon Connect CCP"]') as HTMLIFrameElement).contentWindow!;
}
/** Asks the fake CCP what it has received (its `report` command). */
function fakeConfigs(el: CcpPreflightElement): Promise<FakeConfig[]> {
  const w = fakeWindow(el);
  return new Promise((resolve) => {
    const on = (e: MessageEvent) => {
      if (e.source === w && (e.data as { event?: string })?.event === 'fake-ccp:report') {
        window.removeEventListener('message', on);
        resolve(((e.data as { data: { configs: FakeConfig[] } }).data.configs) ?? []);
      }
    };
    window.addEventListener('message', on);
    w.postMessage({ fakeCcp: 'report' }, '*');
  });
}

/** A media check that fails, so the run finds the softphone unfit (the CCP check stays real). */
const failingMedia = {
  id: 'media',
  title: 'Test call',
  timeoutMs: () => 2000,
  codes: { 'high-loss': 'loss too high' },
  emptyData: () => ({}),
  run: async () => ({ verdict: 'fail', code: 'high-loss', summary: 'Loss 12 % on the test call.', data: {} }),
} as unknown as Check;

describe('<ccp-preflight> failover panel (agent UI)', function () {
  this.timeout(60000);

  it('offers the switch when unfit, needs consent, switches with the full configuration and back', async () => {
    const el = await fixture<CcpPreflightElement>(
      html`<ccp-preflight ccp-url=${fakeUrl} ccp-mode="full" login-popup="false" failover-number="+14155550123" checks="ccp,media"></ccp-preflight>`,
    );
    const { ccpCheck } = await import('../../src/checks/ccp.js');
    el.options = { registry: [ccpCheck as unknown as Check, failingMedia] };
    const report = await el.run();
    expect(report.softphone.fit).to.equal('no');
    await el.updateComplete;
    const panel = el.shadowRoot!.querySelector('ccp-preflight-failover')!;
    expect(panel, 'failover panel offered').to.exist;
    // One place: right under the answer and its problems (the report's actions slot).
    expect(panel.closest('[slot="actions"]')?.parentElement?.localName).to.equal('ccp-preflight-report');
    await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const root = panel.shadowRoot!;
    const switchBtn = () => [...root.querySelectorAll('button')].find((b) => /Switch calls/.test(b.textContent ?? ''))!;
    expect(switchBtn().disabled, 'no switch without consent').to.equal(true);
    const before = (await fakeConfigs(el)).length;
    const consent = root.querySelector('#consent') as HTMLInputElement;
    consent.click();
    await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(switchBtn().disabled).to.equal(false);
    const failover = new Promise<CustomEvent>((r) => el.addEventListener('ccp-preflight-failover', (e) => r(e), { once: true }));
    switchBtn().click();
    const { detail } = await failover;
    expect(detail.record).to.include({ action: 'to-external-phone', status: 'switched', consent: 'agent' });
    const configs = await fakeConfigs(el);
    expect(configs.length).to.equal(before + 1);
    const sent = configs.at(-1)!;
    expect(sent.softphoneEnabled).to.equal(false);
    expect(sent.extension).to.equal('+14155550123');
    expect(sent.username, 'the whole configuration is sent').to.be.a('string');
    // The way back.
    await el.updateComplete;
    await waitUntil(() => [...root.querySelectorAll('button')].some((b) => /softphone/i.test(b.textContent ?? '')), 'way back offered');
    const back = new Promise<CustomEvent>((r) => el.addEventListener('ccp-preflight-failover', (e) => r(e), { once: true }));
    [...root.querySelectorAll('button')].find((b) => /softphone/i.test(b.textContent ?? ''))!.click();
    expect((await back).detail.record).to.include({ action: 'to-softphone', status: 'switched' });
    expect((await fakeConfigs(el)).at(-1)!.softphoneEnabled).to.equal(true);
    const copied = JSON.parse(await el.reportJson());
    expect(copied.failover.map((f: { action: string }) => f.action)).to.deep.equal(['to-external-phone', 'to-softphone']);
    await expect(el).to.be.accessible();
    el.remove();
  });

  it("says why a switch failed in the agent's language (a Spanish CCP, a number the instance may not dial)", async () => {
    const el = await fixture<CcpPreflightElement>(
      html`<ccp-preflight ccp-url=${`${fakeUrl}&locale=es_ES`} ccp-mode="full" login-popup="false" failover-number="+442071838750" checks="ccp,media"></ccp-preflight>`,
    );
    const { ccpCheck } = await import('../../src/checks/ccp.js');
    el.options = { registry: [ccpCheck as unknown as Check, failingMedia] };
    await el.run();
    await waitUntil(() => el.locale === 'es', 'Spanish from the CCP agent', { timeout: 10000 });
    await el.updateComplete;
    const panel = el.shadowRoot!.querySelector('ccp-preflight-failover')!;
    await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const root = panel.shadowRoot!;
    (root.querySelector('#consent') as HTMLInputElement).click();
    await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const before = (await fakeConfigs(el)).length;
    [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('Pasar las llamadas a este teléfono'))!.click();
    await waitUntil(() => /GB/.test(root.querySelector('[role="alert"]')?.textContent ?? ''), 'the refusal is shown', { timeout: 10000 });
    await waitUntil(() => !/Your Amazon Connect instance/.test(root.querySelector('[role="alert"]')!.textContent!), 'said in Spanish', { timeout: 5000 });
    const text = root.querySelector('[role="alert"]')!.textContent!;
    expect(text).to.match(/Amazon Connect/);
    expect(text).to.match(/US, CA/);
    expect(text).not.to.match(/\b(numbers|ask an admin|Use a number)\b/);
    expect((await fakeConfigs(el)).length, 'nothing was sent for a refused number').to.equal(before);
    el.remove();
  });
});
