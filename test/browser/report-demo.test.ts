import { expect, waitUntil } from '@open-wc/testing';
import { encodeShareCode } from '../../src/report/share.js';
import type { Report } from '../../src/report/schema.js';

/** The supervisor page itself, loaded in a frame as a supervisor would open it. */
async function openDemo(hash = ''): Promise<{ frame: HTMLIFrameElement; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.width = '1000px';
  frame.style.height = '800px';
  frame.src = `/demo/report.html${hash}`;
  document.body.append(frame);
  await waitUntil(() => frame.contentWindow?.customElements?.get('ccp-preflight-report'), 'demo page loaded', { timeout: 20000 });
  return { frame, doc: frame.contentDocument! };
}

describe('demo/report.html (supervisor page)', () => {
  it('pastes a share code, shows verdicts and remedies, and compares with a baseline', async () => {
    const { frame, doc } = await openDemo();
    try {
      const viewer = doc.querySelector('ccp-preflight-report')!;
      const root = viewer.shadowRoot!;
      // Nothing to link to yet: no "Copy a link" button.
      const copyLink = doc.getElementById('copy-link') as HTMLButtonElement;
      expect(copyLink.hidden, 'no link without a report').to.equal(true);
      const bad = (await (await fetch('/test/unit/fixtures/reports/degraded-udp-blocked.json')).json()) as Report;
      const area = root.querySelector<HTMLTextAreaElement>('textarea[data-target="report"]')!;
      area.value = await encodeShareCode(bad);
      [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Show report')!.click();
      await waitUntil(() => root.querySelector('[part="banner"]'), 'report shown', { timeout: 10000 });
      expect(root.querySelector('[part="banner"]')!.textContent).to.contain('Calls will not work reliably');
      // What IT must change, each with its public source linked.
      await waitUntil(() => root.querySelector('ol.fixes li'), 'For IT part rendered', { timeout: 10000 });
      expect(root.querySelectorAll('ol.fixes li').length).to.be.greaterThan(0);
      expect(root.querySelector('ol.fixes a[href="https://docs.aws.amazon.com/connect/latest/adminguide/ccp-networking.html"]')).to.not.equal(null);
      expect(copyLink.hidden, 'a link once there is a report').to.equal(false);
      // The share code is redacted, yet the supervisor still sees whose report it is (the chosen label).
      expect(root.querySelector('.whose')!.textContent).to.contain('London office, desk 14');
      expect(root.textContent).to.not.contain('Alice Example');
      (doc.getElementById('example-compare') as HTMLButtonElement).click();
      await waitUntil(() => root.querySelector('[part="compare"]'), 'compare shown', { timeout: 10000 });
      // The result is scrolled to and focused (it appears where the baseline was given, not far above).
      await waitUntil(() => root.activeElement?.id === 'compare-h', 'compare result focused', { timeout: 5000 });
      const top = root.querySelector('#compare-h')!.getBoundingClientRect().top;
      expect(top).to.be.within(-1, frame.contentWindow!.innerHeight);
      expect(root.querySelector('[part="compare"]')!.textContent).to.contain('worse by 138\u00a0ms');
    } finally {
      frame.remove();
    }
  });

  it('opens a #report= link', async () => {
    const good = (await (await fetch('/test/unit/fixtures/reports/full-pass.json')).json()) as Report;
    const { frame, doc } = await openDemo(`#report=${await encodeShareCode(good)}`);
    try {
      const root = doc.querySelector('ccp-preflight-report')!.shadowRoot!;
      await waitUntil(() => root.querySelector('[part="banner"]'), 'report from the link shown', { timeout: 10000 });
      expect(root.querySelector('[part="banner"]')!.textContent).to.contain('Calls will work in this browser');
    } finally {
      frame.remove();
    }
  });
});
