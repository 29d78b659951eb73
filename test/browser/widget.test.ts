import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CcpPreflightElement, Report } from '../../src/index.js';
import { parseReport } from '../../src/report/index.js';

interface TurnConfig { iceServers: RTCIceServer[] }

function runButton(el: CcpPreflightElement): HTMLButtonElement {
  return el.shadowRoot!.querySelector('[part="run-button"]') as HTMLButtonElement;
}

describe('<ccp-preflight> end to end', function () {
  this.timeout(60000);
  let turn: TurnConfig;
  before(async () => {
    turn = await executeServerCommand<TurnConfig, undefined>('turn-config');
  });

  it('runs from the keyboard, shows progress, renders every check, copies a report that parses back', async () => {
    const el = await fixture<CcpPreflightElement>(html`<ccp-preflight .iceServers=${turn.iceServers} duration="3"></ccp-preflight>`);
    await expect(el).to.be.accessible();
    const progressSeen: number[] = [];
    el.addEventListener('ccp-preflight-progress', (e) => progressSeen.push(e.detail.fraction));
    const checks: string[] = [];
    el.addEventListener('ccp-preflight-check', (e) => checks.push(e.detail.result.id));
    runButton(el).focus();
    const done = oneEvent(el, 'ccp-preflight-complete');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.querySelector('[role="progressbar"]'), 'progress bar shown while running');
    const bar = el.shadowRoot!.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).to.match(/^\d+$/);
    const { detail } = await done;
    const report: Report = detail.report;
    expect(report.checks.map((c) => c.id)).to.deep.equal(['browser', 'workstation', 'devices', 'ccp', 'endpoints', 'ice-udp', 'ice-tcp', 'ice-tls', 'media', 'bandwidth']);
    expect(checks.length).to.equal(10);
    expect(progressSeen.at(-1)).to.equal(1);
    const media = report.checks.find((c) => c.id === 'media')!;
    expect(media.verdict, media.summary).to.not.equal('skip');
    await el.updateComplete;
    // The one renderer shows every check.
    const viewer = el.shadowRoot!.querySelector('ccp-preflight-report')!;
    await (viewer as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    await waitUntil(() => viewer.shadowRoot!.querySelectorAll('[data-check]').length === report.checks.length, 'every check rendered', { timeout: 5000 });
    for (const c of report.checks) expect(viewer.shadowRoot!.querySelector(`[data-check="${c.id}"]`), `renders ${c.id}`).to.not.equal(null);
    expect((viewer.shadowRoot!.textContent ?? '').length).to.be.greaterThan(200);
    // The live region announced the outcome: the answer's sentence, as the report shows it.
    const answer = viewer.shadowRoot!.querySelector('#overall-h')!.textContent!.replace(/^\W+/, '').trim();
    expect(el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent!.trim()).to.equal(answer);
    // Copy: the clipboard or the fallback text box; either way the text parses back.
    const copy = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Copy report')!;
    copy.click();
    await waitUntil(() => el.shadowRoot!.querySelector('.message'), 'copy outcome shown');
    const fallback = el.shadowRoot!.querySelector('textarea.fallback') as HTMLTextAreaElement | null;
    const copied = fallback ? fallback.value : await navigator.clipboard.readText();
    const parsed = await parseReport(copied);
    expect(parsed.ok, JSON.stringify(parsed)).to.equal(true);
    if (parsed.ok) expect(parsed.report.id).to.equal(report.id);
    await expect(el).to.be.accessible();
  });

  it('shows a clear message for a bad ice-servers attribute and fires ccp-preflight-error', async () => {
    const el = await fixture<CcpPreflightElement>(html`<ccp-preflight ice-servers="{not json" checks="browser"></ccp-preflight>`);
    const err = oneEvent(el, 'ccp-preflight-error');
    runButton(el).click();
    const { detail } = await err;
    expect(detail.message).to.match(/ice-servers attribute is not valid JSON/);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.match(/not valid JSON/);
  });

  it('abort() cancels the run: partial report, nothing left running', async () => {
    const el = await fixture<CcpPreflightElement>(html`<ccp-preflight .iceServers=${turn.iceServers} checks="media,bandwidth" duration="10"></ccp-preflight>`);
    const done = oneEvent(el, 'ccp-preflight-complete');
    void el.run();
    await oneEvent(el, 'ccp-preflight-progress');
    setTimeout(() => el.abort(), 300);
    const { detail } = await done;
    expect(detail.report.incomplete).to.equal(true);
    expect(detail.report.checks.every((c: { verdict: string }) => c.verdict === 'skip')).to.equal(true);
    expect(el.running).to.equal(false);
  });
});
