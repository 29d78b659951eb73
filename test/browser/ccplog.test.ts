/**
 * The supervisor page takes a CCP log by paste and by drop, beside reports: the page routes it to
 * <ccp-preflight-log>, which parses it in a Web Worker with progress while the page stays responsive.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/ccp-preflight-log/ccp-preflight-log.js';
import type { CcpPreflightLogElement } from '../../src/elements/ccp-preflight-log/ccp-preflight-log.js';
import { parseCcpLog } from '../../src/ccplog/index.js';
import type { Report } from '../../src/report/schema.js';
// @ts-expect-error plain JS fixture generator (the same one the unit tests use)
import { makeLog } from '../unit/fixtures/ccplog/generate.mjs';

async function openDemo(): Promise<{ frame: HTMLIFrameElement; doc: Document; workers: () => number }> {
  const frame = document.createElement('iframe');
  frame.style.width = '1000px';
  frame.style.height = '800px';
  frame.src = '/demo/report.html';
  document.body.append(frame);
  await waitUntil(() => frame.contentWindow?.customElements?.get('ccp-preflight-log'), 'demo page loaded', { timeout: 20000 });
  // Count the workers the page starts (the log element must parse off the main thread).
  const win = frame.contentWindow as unknown as { Worker: typeof Worker };
  const Real = win.Worker;
  let n = 0;
  win.Worker = class extends Real {
    constructor(url: string | URL, opts?: WorkerOptions) {
      super(url, opts);
      n++;
    }
  };
  return { frame, doc: frame.contentDocument!, workers: () => n };
}

/** Whether this browser lets a test build a paste event that carries text (Firefox does not). */
function syntheticPasteWorks(): boolean {
  const dt = new DataTransfer();
  dt.setData('text/plain', 'x');
  return new ClipboardEvent('paste', { clipboardData: dt }).clipboardData?.getData('text/plain') === 'x';
}

const logRoot = (doc: Document): ShadowRoot => doc.querySelector('ccp-preflight-log')!.shadowRoot!;
const reportArea = (doc: Document): HTMLTextAreaElement => doc.querySelector('ccp-preflight-report')!.shadowRoot!.querySelector('textarea[data-target="report"]')!;

describe('CCP log in the supervisor viewer', () => {
  it('a pasted log from the real Streams softphone is shown as a log, parsed in a worker', async function () {
    if (!syntheticPasteWorks()) this.skip();
    const { frame, doc, workers } = await openDemo();
    try {
      const text = await (await fetch('/test/unit/fixtures/ccplog/streams-two-calls.json')).text();
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      reportArea(doc).dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, composed: true, cancelable: true }));
      await waitUntil(() => logRoot(doc).textContent?.includes('Calls (2)'), 'log shown', { timeout: 20000 });
      const root = logRoot(doc);
      expect(workers()).to.equal(1);
      expect(root.textContent).to.contain('11111111-aaaa-4bbb-8ccc-000000000002');
      expect(root.textContent).to.contain('What the caller hears');
      // Problems first: the bad call's agent side leads, with what to do.
      const first = root.querySelector('.problems li')!;
      expect(first.textContent).to.contain('poor audio in what the agent hears');
      expect(root.querySelectorAll('svg[role="img"]').length).to.be.greaterThan(3);
      expect(doc.getElementById('status')!.textContent).to.contain('This is a CCP log');
      // The report viewer did not try to read it as a report.
      expect(doc.querySelector('ccp-preflight-report')!.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    } finally {
      frame.remove();
    }
  });

  it('a dropped 50 MB log is parsed with progress while the page stays responsive', async () => {
    const { frame, doc, workers } = await openDemo();
    try {
      const calls = Array.from({ length: 30 }, (_, i) => ({ contactId: `c-${i}`, atS: i * 120, seconds: 90, rttMs: i === 7 ? 650 : 90, lossPct: i === 7 ? 8 : 0 }));
      let text = makeLog({ streams: '2.28.2', calls, filler: 1000 }) as string;
      const unit = makeLog({ filler: 2000, calls: [] }).slice(1, -1) as string;
      const parts = [text.slice(0, -1)];
      let size = text.length;
      while (size < 50e6) {
        parts.push(',', unit);
        size += unit.length + 1;
      }
      parts.push(']');
      const file = new File(parts, 'agent-log.txt', { type: 'text/plain' });
      text = '';
      expect(file.size).to.be.greaterThan(50e6);
      const win = frame.contentWindow!;
      let maxGap = 0;
      let last = win.performance.now();
      let sawProgress = false;
      const logEl = doc.querySelector('ccp-preflight-log')!;
      const tick = win.setInterval(() => {
        if (logEl.log) return; // parsed: what follows is rendering the result, not parsing
        const now = win.performance.now();
        maxGap = Math.max(maxGap, now - last);
        last = now;
        if (logRoot(doc).querySelector('progress')) sawProgress = true;
      }, 20);
      const dt = new DataTransfer();
      dt.items.add(file);
      const panel = doc.querySelector('ccp-preflight-report')!.shadowRoot!.querySelector('[part="paste"]')!;
      const t0 = performance.now();
      panel.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, composed: true, cancelable: true }));
      await waitUntil(() => logRoot(doc).textContent?.includes('Calls (30)'), 'big log shown', { timeout: 120000, interval: 200 });
      const took = performance.now() - t0;
      win.clearInterval(tick);
      expect(workers()).to.equal(1);
      expect(sawProgress, 'a progress bar while parsing').to.equal(true);
      // The page kept running timers: parsing in the page would stall it for about the whole parse; here the
      // longest stall is a small part of it (the bound leaves room for a loaded machine's scheduling and GC).
      expect(maxGap, `longest main-thread gap ${maxGap.toFixed(0)} ms over ${took.toFixed(0)} ms`).to.be.below(Math.min(3000, took / 5));
      expect(logRoot(doc).textContent).to.contain('c-7');
    } finally {
      frame.remove();
    }
  });

  it('a report and a log show together on one timeline', async () => {
    const { frame, doc } = await openDemo();
    try {
      (doc.getElementById('example-bad') as HTMLButtonElement).click();
      await waitUntil(() => doc.querySelector('ccp-preflight-report')!.report, 'report shown', { timeout: 10000 });
      (doc.getElementById('example-log') as HTMLButtonElement).click();
      await waitUntil(() => logRoot(doc).querySelector('#joined-h'), 'joined view', { timeout: 20000 });
      const table = logRoot(doc).querySelector('table.timeline')!;
      expect(table.textContent).to.contain('Pre-flight test call');
      expect(table.textContent).to.contain('what the agent hears');
    } finally {
      frame.remove();
    }
  });

  it('text that is neither a report nor a log still goes to the report viewer, which refuses it', async function () {
    if (!syntheticPasteWorks()) this.skip();
    const { frame, doc, workers } = await openDemo();
    try {
      const dt = new DataTransfer();
      dt.setData('text/plain', 'hello, this is not a report');
      reportArea(doc).dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, composed: true, cancelable: true }));
      await waitUntil(() => doc.querySelector('ccp-preflight-report')!.shadowRoot!.querySelector('[role="alert"]'), 'refused', { timeout: 10000 });
      expect(workers()).to.equal(0);
      expect((doc.getElementById('log-panel') as HTMLElement).hidden).to.equal(true);
    } finally {
      frame.remove();
    }
  });
});

describe('<ccp-preflight-log>', () => {
  it('renders a real-format log and a report together: problems first, accessible (axe)', async () => {
    const text = await (await fetch('/test/unit/fixtures/ccplog/streams-ice-error.json')).text();
    const report = (await (await fetch('/test/unit/fixtures/reports/degraded-udp-blocked.json')).json()) as Report;
    const el = await fixture<CcpPreflightLogElement>(html`<ccp-preflight-log .log=${parseCcpLog(text)} .report=${report}></ccp-preflight-log>`);
    const root = el.shadowRoot!;
    for (const d of root.querySelectorAll('details')) d.open = true;
    await el.updateComplete;
    const sections = [...root.querySelectorAll('h3')].map((h) => h.textContent?.trim() ?? '');
    expect(sections[0]).to.match(/^Problems/);
    expect(root.textContent).to.contain('ice_collection_timeout');
    expect(root.textContent).to.contain('Allow UDP 3478');
    expect(root.querySelector('#joined-h')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('refuses text that is not a log with a message and an event, and keeps what it showed', async () => {
    const el = await fixture<CcpPreflightLogElement>(html`<ccp-preflight-log></ccp-preflight-log>`);
    const good = await el.showText(await (await fetch('/test/unit/fixtures/ccplog/streams-two-calls.json')).text());
    expect(good.ok).to.equal(true);
    let message = '';
    el.addEventListener('ccp-preflight-error', (e) => (message = e.detail.message));
    const bad = await el.showText('{"not":"a log"}', 'the pasted text');
    expect(bad.ok).to.equal(false);
    await el.updateComplete;
    expect(message).to.contain('not a CCP log');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('not a CCP log');
    expect(el.log).to.equal(good);
  });
});
