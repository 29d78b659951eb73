/**
 * <ccp-preflight> wrapping the fake CCP with the real Streams bundle: the whole CCP flow through the element's
 * public API (run, failover, restoreSoftphone, events, report).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CcpPreflightElement } from '../../src/index.js';
import type { CallQualityDetail } from '../../src/events.js';
import type { FailoverRecord } from '../../src/report/schema.js';

interface TurnConfig { username: string; credential: string }

const fakeUrl = (q = '') => `${location.origin}/demo/fake-ccp.html${q ? `?${q}` : ''}`;

function frame(el: CcpPreflightElement): HTMLIFrameElement | null {
  return el.shadowRoot!.querySelector('iframe[name="Amazon Connect CCP"]');
}
function cmd(el: CcpPreflightElement, c: string, args: Record<string, unknown> = {}): void {
  frame(el)!.contentWindow!.postMessage({ fakeCcp: c, ...args }, '*');
}

describe('<ccp-preflight> with the fake CCP (real Streams)', function () {
  this.timeout(60000);

  it('runs the ccp check and the ICE check on the CCP\'s own TURN, fails over and back, reports live call quality', async () => {
    const turn = await executeServerCommand<TurnConfig, undefined>('turn-config');
    const el = await fixture<CcpPreflightElement>(
      html`<ccp-preflight ccp-url=${fakeUrl()} ccp-mode="full" login-popup="false" show-ccp checks="ccp,ice-udp"></ccp-preflight>`,
    );
    await waitUntil(() => frame(el), 'the CCP iframe appears', { timeout: 8000 });
    const report = await el.run();
    const ccp = report.checks.find((c) => c.id === 'ccp')!;
    expect(ccp.verdict, ccp.summary).to.equal('pass');
    const ice = report.checks.find((c) => c.id === 'ice-udp')!;
    expect((ice.data as { source: string }).source, ice.summary).to.equal('ccp');
    const json = await el.reportJson();
    expect(json).to.not.include(turn.credential);

    const failovers: FailoverRecord[] = [];
    el.addEventListener('ccp-preflight-failover', (e) => failovers.push(e.detail.record));
    const rec = await el.failover('+14155550123');
    expect(rec).to.include({ status: 'switched', action: 'to-external-phone' });
    expect(failovers).to.have.length(1);
    expect(JSON.parse(await el.reportJson()).failover).to.have.length(1);

    const errors: string[] = [];
    el.addEventListener('ccp-preflight-error', (e) => errors.push(e.detail.message));
    const bad = await el.failover('+33123456789').catch((e: unknown) => e as Error);
    expect(bad).to.be.instanceOf(Error);
    expect((bad as Error).message).to.match(/may not call FR numbers/);
    expect(errors.at(-1)).to.match(/FR/);

    const back = await el.restoreSoftphone();
    expect(back).to.include({ status: 'switched', action: 'to-softphone' });

    const quality: CallQualityDetail[] = [];
    el.addEventListener('ccp-preflight-call-quality', (e) => quality.push(e.detail));
    cmd(el, 'call-start', { contactId: 'w-1' });
    cmd(el, 'stats', { contactId: 'w-1', rttMs: 70, lossPct: 0, seconds: 3 });
    await waitUntil(() => quality.length >= 3, 'live call quality events', { timeout: 5000 });
    cmd(el, 'call-end', { contactId: 'w-1' });
    await waitUntil(() => quality.some((q) => q.ended), 'the call ends', { timeout: 5000 });
    const copied = JSON.parse(await el.reportJson()) as { calls: { contactId: string; samples: unknown[] }[] };
    expect(copied.calls.map((c) => c.contactId)).to.deep.equal(['w-1']);
    expect(copied.calls[0]!.samples).to.have.length(3);

    el.remove();
    expect(document.querySelector('iframe[name="Amazon Connect CCP"]')).to.equal(null);
  });

  it('a CCP that never answers: the widget reports the ccp check as failed within its timeout', async () => {
    const el = await fixture<CcpPreflightElement>(
      html`<ccp-preflight ccp-url=${fakeUrl('noack=1')} ccp-mode="full" login-popup="false" checks="ccp"></ccp-preflight>`,
    );
    el.options = { timeouts: { ccp: 2000 } };
    const t0 = performance.now();
    const report = await el.run();
    expect(performance.now() - t0).to.be.lessThan(4000);
    expect(report.checks[0]!.verdict).to.equal('fail');
    expect(['login-needed', 'timeout']).to.include(report.checks[0]!.code);
    el.remove();
  });
});
