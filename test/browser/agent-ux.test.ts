/**
 * The agent's answer on one screen (issue 10): answer first, no sideways scrolling from 320 px, no internal
 * words, focus that follows the run, a cancelled run keeps the previous report, axe at both widths.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/index.js';
import '../../src/elements/ccp-preflight-report/ccp-preflight-report.js'; // the viewer alone (the widget loads it on demand)
import type { CcpPreflightElement, Check, Report } from '../../src/index.js';
import type { CcpPreflightReportElement } from '../../src/elements/ccp-preflight-report/ccp-preflight-report.js';

const load = async (name: string): Promise<Report> => (await (await fetch(`/test/unit/fixtures/reports/${name}`)).json()) as Report;
const WIDTHS = [320, 400, 1280] as const;
const SCREEN_H = 900;

/** A warning report made from the passing one: the test call's jitter is high. */
function warnOf(full: Report): Report {
  const r = JSON.parse(JSON.stringify(full)) as Report;
  r.verdict = 'warn';
  const media = r.checks.find((c) => c.id === 'media')!;
  media.verdict = 'warn';
  media.code = 'jitter-high';
  media.summary = 'Test call: jitter 45 ms is above 30 ms, so calls may sound choppy.';
  r.softphone = { fit: 'yes', blockers: [{ id: 'media', verdict: 'warn', summary: media.summary }] };
  return r;
}

/** The "For IT" part loads on first use: wait until its checks are there. */
async function forItReady(el: Element): Promise<void> {
  await waitUntil(() => el.shadowRoot!.querySelector('[data-check]'), 'For IT part rendered', { timeout: 10000 });
}

function openAll(el: Element): void {
  el.shadowRoot!.querySelectorAll('details').forEach((d) => (d.open = true));
}

/** Elements inside the shadow root wider than their box (tables that scroll inside themselves are allowed). */
function overflowing(el: Element): string[] {
  const out: string[] = [];
  for (const n of [el, ...el.shadowRoot!.querySelectorAll('*')] as HTMLElement[]) {
    if (n.localName === 'table' || n.closest?.('table') || n.localName === 'svg' || n.closest?.('svg')) continue;
    if (n.scrollWidth > n.clientWidth + 1 && getComputedStyle(n).overflowX === 'visible' && n.clientWidth > 0) out.push(`${n.localName}.${n.className}: ${n.scrollWidth} > ${n.clientWidth}`);
  }
  return out;
}

function docOverflow(): number {
  return document.documentElement.scrollWidth - document.documentElement.clientWidth;
}

describe('agent UX: the answer on one screen', function () {
  this.timeout(60000);
  let full: Report;
  let degraded: Report;
  before(async () => {
    full = await load('full-pass.json');
    degraded = await load('degraded-udp-blocked.json');
  });
  after(async () => {
    await setViewport({ width: 1280, height: SCREEN_H });
  });

  for (const width of WIDTHS) {
    it(`a failing report at ${width} px: no sideways scrolling, the answer and actions in the first ${SCREEN_H} px`, async () => {
      await setViewport({ width, height: SCREEN_H });
      const el = await fixture<CcpPreflightReportElement>(html`<div style="margin:0;padding:0"><ccp-preflight-report .report=${degraded}></ccp-preflight-report></div>`);
      const rep = el.querySelector('ccp-preflight-report')!;
      await rep.updateComplete;
      await forItReady(rep);
      window.scrollTo(0, 0);
      const banner = rep.shadowRoot!.querySelector('[part="banner"]')!;
      const problems = rep.shadowRoot!.querySelectorAll('.problems li');
      expect(problems.length).to.be.within(1, 3);
      expect(banner.getBoundingClientRect().bottom, 'answer and actions above the fold').to.be.at.most(SCREEN_H);
      expect(docOverflow(), 'document').to.be.at.most(0);
      expect(overflowing(rep), 'collapsed').to.deep.equal([]);
      // Opened, every part still fits its column (tables stack or scroll inside themselves).
      openAll(rep);
      await rep.updateComplete;
      expect(docOverflow(), 'document, For IT open').to.be.at.most(0);
      expect(rep.scrollWidth).to.be.at.most(rep.clientWidth);
      expect(overflowing(rep), 'For IT open').to.deep.equal([]);
      // Collapsed, the whole report fits in about two screens.
      rep.shadowRoot!.querySelectorAll('details').forEach((d) => (d.open = false));
      expect(rep.getBoundingClientRect().height).to.be.at.most(2 * SCREEN_H);
    });
  }

  it('failed network checks come before workstation warnings; each problem is one action', async () => {
    const el = await fixture<CcpPreflightReportElement>(html`<ccp-preflight-report .report=${degraded}></ccp-preflight-report>`);
    await forItReady(el);
    const items = [...el.shadowRoot!.querySelectorAll('.problems li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items[0]).to.match(/network blocks/i);
    expect(items.at(-1)).to.match(/computer is slow/i);
    // No sentence twice in the whole report.
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    for (const c of degraded.checks) {
      const n = text.split(c.summary).length - 1;
      expect(n, c.summary).to.be.at.most(1);
    }
  });

  it('pass, warn and fail reports contain no internal words', async () => {
    for (const r of [full, warnOf(full), degraded]) {
      const el = await fixture<CcpPreflightReportElement>(html`<ccp-preflight-report .report=${r}></ccp-preflight-report>`);
      await forItReady(el);
      openAll(el);
      const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
      const codes = r.checks.map((c) => c.code).filter((c): c is string => !!c);
      for (const word of [/\bseed\b/i, /srflx/, /softphone-stats/, /finding/i, /fitness unknown/, /\bkbps\b/, /\b(pass|warn|skip)\b/, /Overall:/]) {
        expect(text, `${r.id}: ${word}`).to.not.match(word);
      }
      for (const code of codes) expect(text, `${r.id}: finding id ${code}`).to.not.contain(code);
    }
  });

  for (const width of [320, 1280]) {
    it(`axe at ${width} px: failing report (For IT open) and the viewer`, async () => {
      await setViewport({ width, height: SCREEN_H });
      const el = await fixture<CcpPreflightReportElement>(html`<ccp-preflight-report .report=${degraded} for-it-open></ccp-preflight-report>`);
      await forItReady(el);
      openAll(el);
      await expect(el).to.be.accessible();
      const paste = await fixture<CcpPreflightReportElement>(html`<ccp-preflight-report mode="paste"></ccp-preflight-report>`);
      await paste.showText(JSON.stringify(degraded));
      await paste.updateComplete;
      await expect(paste).to.be.accessible();
    });
  }

  it('the compare result is focused where the supervisor acted', async () => {
    const el = await fixture<CcpPreflightReportElement>(html`<ccp-preflight-report mode="paste"></ccp-preflight-report>`);
    await el.showText(JSON.stringify(degraded));
    await el.showBaselineText(JSON.stringify(full));
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'compare-h', 'compare heading focused', { timeout: 5000 });
    const baselineBox = el.shadowRoot!.querySelector('details.baseline-input')!;
    const cmp = el.shadowRoot!.querySelector('[part="compare"]')!;
    expect(baselineBox.compareDocumentPosition(cmp) & Node.DOCUMENT_POSITION_FOLLOWING, 'right after the baseline input').to.not.equal(0);
  });
});

/** A check that takes as long as told, or until aborted. */
function slowCheck(ms: number, verdict: 'pass' | 'fail' = 'pass'): Check {
  return {
    id: 'bandwidth',
    title: 'Bandwidth',
    timeoutMs: () => 30000,
    codes: { slow: 'slow' },
    emptyData: () => ({}),
    run: (_ctx: unknown, signal: AbortSignal) =>
      new Promise((resolve) => {
        const t = setTimeout(() => resolve({ verdict, summary: verdict === 'pass' ? 'Enough bandwidth.' : 'Too little bandwidth.', ...(verdict === 'fail' ? { code: 'slow' } : {}), data: {} }), ms);
        signal.addEventListener('abort', () => clearTimeout(t));
      }),
  } as unknown as Check;
}

describe('agent UX: focus follows the run; cancel keeps the previous report', function () {
  this.timeout(60000);

  const active = (el: Element): Element | null => el.shadowRoot!.activeElement;
  const viewer = (el: CcpPreflightElement): CcpPreflightReportElement => el.shadowRoot!.querySelector('ccp-preflight-report') as CcpPreflightReportElement;

  it('focus goes to Cancel on start and to the answer at the end; a cancelled run keeps the last report', async () => {
    await setViewport({ width: 1280, height: SCREEN_H });
    const el = await fixture<CcpPreflightElement>(html`<ccp-preflight checks="bandwidth"></ccp-preflight>`);
    el.options = { registry: [slowCheck(400, 'fail')] };
    const runBtn = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="run-button"]')!;
    runBtn.focus();
    runBtn.click();
    await waitUntil(() => active(el)?.textContent?.trim() === 'Cancel', 'focus on Cancel while running', { timeout: 2000 });
    await waitUntil(() => !el.running, 'run ended', { timeout: 5000 });
    await waitUntil(() => viewer(el) && active(viewer(el))?.id === 'overall-h', 'focus on the answer', { timeout: 2000 });
    const first = el.report!;
    // The verdict and the agent's actions (share buttons) are visible without scrolling.
    const share = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Copy share code')!;
    expect(share.getBoundingClientRect().bottom).to.be.at.most(SCREEN_H);

    // A run that is cancelled keeps the previous report and says so.
    el.options = { registry: [slowCheck(20000)] };
    const second = el.run();
    await waitUntil(() => active(el)?.textContent?.trim() === 'Cancel', 'focus on Cancel again', { timeout: 2000 });
    el.abort();
    const partial = await second;
    expect(partial.incomplete).to.equal(true);
    await el.updateComplete;
    expect(el.report!.id, 'previous report kept').to.equal(first.id);
    expect(el.shadowRoot!.querySelector('.message')!.textContent).to.match(/cancelled/i);
    expect(viewer(el).shadowRoot!.querySelector('#overall-h')!.textContent).to.match(/will not work/);
    await waitUntil(() => active(viewer(el))?.id === 'overall-h', 'focus back on the kept answer', { timeout: 2000 });
  });

  it('a cancelled first run says "cancelled" and focus returns to the Run button', async () => {
    const el = await fixture<CcpPreflightElement>(html`<ccp-preflight checks="bandwidth"></ccp-preflight>`);
    el.options = { registry: [slowCheck(20000)] };
    const p = el.run();
    await waitUntil(() => active(el)?.textContent?.trim() === 'Cancel', 'focus on Cancel', { timeout: 2000 });
    el.abort();
    await p;
    await el.updateComplete;
    expect(el.report).to.equal(undefined);
    expect(el.shadowRoot!.querySelector('.message')!.textContent).to.match(/cancelled/i);
    await waitUntil(() => /Run/.test(active(el)?.textContent ?? ''), 'focus on Run', { timeout: 2000 });
  });

  it('the widget with a failing report: no sideways scrolling at 320, 400 and 1280 px; axe clean', async () => {
    const degraded = await load('degraded-udp-blocked.json');
    for (const width of WIDTHS) {
      await setViewport({ width, height: SCREEN_H });
      const el = await fixture<CcpPreflightElement>(html`<ccp-preflight></ccp-preflight>`);
      el.report = degraded;
      await el.updateComplete;
      const v = viewer(el);
      await v.updateComplete;
      await forItReady(v);
      expect(docOverflow(), `document at ${width}`).to.be.at.most(0);
      expect(el.scrollWidth, `widget at ${width}`).to.be.at.most(el.clientWidth);
      expect(overflowing(v), `report at ${width}`).to.deep.equal([]);
      const share = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Copy share code')!;
      if (width === 1280) expect(share.getBoundingClientRect().bottom, 'actions above the fold').to.be.at.most(SCREEN_H);
      if (width === 320 || width === 1280) await expect(el).to.be.accessible();
      el.remove();
    }
    await setViewport({ width: 1280, height: SCREEN_H });
  });
});

describe('agent UX: focus stays in the failover panel through switch and restore', function () {
  this.timeout(60000);
  const fakeUrl = `${location.origin}/demo/fake-ccp.html?countries=us,ca`;
  const failingMedia = {
    id: 'media',
    title: 'Test call',
    timeoutMs: () => 2000,
    codes: { 'high-loss': 'loss too high' },
    emptyData: () => ({}),
    run: async () => ({ verdict: 'fail', code: 'high-loss', summary: 'Loss 12 % on the test call.', data: {} }),
  } as unknown as Check;

  it('switch to an external phone and back, from the keyboard, without losing focus', async () => {
    await setViewport({ width: 400, height: SCREEN_H });
    const el = await fixture<CcpPreflightElement>(
      html`<ccp-preflight ccp-url=${fakeUrl} ccp-mode="full" login-popup="false" failover-number="+14155550123" checks="ccp,media"></ccp-preflight>`,
    );
    try {
      const { ccpCheck } = await import('../../src/checks/ccp.js');
      el.options = { registry: [ccpCheck as unknown as Check, failingMedia] };
      await el.run();
      await el.updateComplete;
      const panel = el.shadowRoot!.querySelector('ccp-preflight-failover') as HTMLElement & { updateComplete: Promise<unknown> };
      expect(panel, 'failover panel offered').to.exist;
      // The panel sits right under the answer, inside the first screen.
      expect(panel.getBoundingClientRect().top).to.be.below(SCREEN_H);
      await panel.updateComplete;
      const root = panel.shadowRoot!;
      (root.querySelector('#consent') as HTMLInputElement).click();
      await panel.updateComplete;
      const switchBtn = [...root.querySelectorAll('button')].find((b) => /Switch calls/.test(b.textContent ?? ''))!;
      switchBtn.focus();
      const switched = new Promise<void>((r) => el.addEventListener('ccp-preflight-failover', () => r(), { once: true }));
      switchBtn.click();
      await switched;
      await waitUntil(() => /softphone/i.test(root.activeElement?.textContent ?? ''), 'focus on "Back to the softphone"', { timeout: 5000 });
      const restored = new Promise<void>((r) => el.addEventListener('ccp-preflight-failover', () => r(), { once: true }));
      (root.activeElement as HTMLButtonElement).click();
      await restored;
      await waitUntil(() => !!root.activeElement, 'focus still in the panel after restore', { timeout: 5000 });
      expect(document.activeElement).to.equal(el);
    } finally {
      el.remove();
      await setViewport({ width: 1280, height: SCREEN_H });
    }
  });
});
