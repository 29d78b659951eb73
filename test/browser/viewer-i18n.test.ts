/**
 * The supervisor page (demo/report.html as the demo serves it) in the reader's language: the language picker
 * switches the whole page, not only the report. Chosen Español, then 日本語: the header, the intro, the buttons,
 * the status line, the <title> and a comparison of two reports are in that language, with no English sentence of
 * the English page left, no raw placeholder, and nothing wider than a 320 px screen.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sentences } from '../support/english-sentences.js';

interface Page {
  frame: HTMLIFrameElement;
  doc: Document;
}

/** The supervisor page in a frame as narrow as a phone. */
async function openViewer(width: number): Promise<Page> {
  const frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = '900px';
  frame.style.border = '0';
  frame.src = '/demo/report.html';
  document.body.append(frame);
  await waitUntil(() => frame.contentWindow?.customElements?.get('ccp-preflight-report') && frame.contentDocument?.getElementById('intro-text')?.querySelector('p'), 'viewer page loaded', { timeout: 20000 });
  return { frame, doc: frame.contentDocument! };
}

const root = (p: Page): ShadowRoot => p.doc.querySelector('ccp-preflight-report')!.shadowRoot!;
const compareText = (p: Page): string => (root(p).querySelector('[part="compare"]') as HTMLElement | null)?.innerText ?? '';
/** What the page itself says (outside the report element): header, intro, buttons, status, the picker's first option. */
const pageText = (p: Page): string =>
  [(p.doc.querySelector('header') as HTMLElement).innerText, (p.doc.querySelector('main > section.panel') as HTMLElement).innerText, p.doc.getElementById('lang-browser')!.textContent ?? '', p.doc.title].join('\n');

async function choose(p: Page, lang: string): Promise<void> {
  const select = p.doc.getElementById('lang') as HTMLSelectElement;
  select.value = lang;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await waitUntil(() => p.doc.documentElement.lang === lang, `page in ${lang}`, { timeout: 10000 });
}

async function compareTwo(p: Page): Promise<void> {
  (p.doc.getElementById('example-compare') as HTMLButtonElement).click();
  await waitUntil(() => compareText(p) && p.doc.getElementById('status')!.textContent, 'comparison shown', { timeout: 15000 });
}

function expectNoOverflow(p: Page, lang: string): void {
  const html = p.doc.documentElement;
  expect(html.scrollWidth, `${lang}: the page is not wider than the screen`).to.be.at.most(html.clientWidth + 1);
  const right = html.clientWidth + 1;
  for (const node of p.doc.querySelectorAll<HTMLElement>('header *, main > section.panel:first-child *')) {
    if (node.closest('select, option')) continue;
    expect(node.getBoundingClientRect().right, `${lang}: ${node.localName}#${node.id} inside`).to.be.at.most(right);
  }
  const article = root(p).querySelector('article') as HTMLElement;
  expect(article.scrollWidth, `${lang}: the report is not wider than its box`).to.be.at.most(article.clientWidth + 1);
}

describe('the supervisor page in the reader\'s language', function () {
  this.timeout(90000);

  it('switches the whole page and a comparison to Español, then to 日本語, at 320 px', async () => {
    const p = await openViewer(320);
    try {
      // English first (the browser's language here): the sentences a translation must replace.
      await compareTwo(p);
      expect(p.doc.getElementById('status')!.textContent).to.equal('Comparing the UDP-blocked report with the healthy baseline.');
      expect(compareText(p)).to.contain('worse by 138');
      const englishPage = sentences(pageText(p));
      const englishCompare = sentences(compareText(p));
      expect(englishPage.length, 'the English page has sentences').to.be.greaterThan(5);
      expect(englishCompare.length, 'the English comparison has sentences').to.be.greaterThan(3);
      const englishTitle = p.doc.title;

      for (const [lang, words] of [
        ['es', { title: 'visor de informes', status: 'Se compara el informe con UDP bloqueado', button: 'Cargar un ejemplo: todo correcto', browser: 'El idioma del navegador', compare: 'peor en 138', verdict: 'peor: Correcto → Error' }],
        ['ja', { title: 'レポートビューアー', status: 'UDP がブロックされたレポートを', button: '例を読み込む：正常', browser: 'ブラウザーの言語', compare: '138\u00a0ms 悪化', verdict: '悪化：合格 → 不合格' }],
      ] as const) {
        await choose(p, lang);
        await waitUntil(() => compareText(p).includes(words.compare), `${lang} comparison`, { timeout: 10000 });
        expect(p.doc.title).to.not.equal(englishTitle);
        expect(p.doc.title).to.contain(words.title);
        expect(p.doc.getElementById('status')!.textContent, `${lang} status said again`).to.contain(words.status);
        expect(p.doc.getElementById('example-good')!.textContent).to.equal(words.button);
        expect(p.doc.getElementById('lang-browser')!.textContent).to.equal(words.browser);
        expect(compareText(p)).to.contain(words.verdict);
        // The intro keeps its markup (lit html, not innerHTML of a translated string) and names the viewer's own control.
        const intro = p.doc.getElementById('intro-text')!;
        expect([...intro.querySelectorAll('code')].map((c) => c.textContent)).to.include.members(['CCPF1.', 'agent-log.txt']);
        const summary = root(p).querySelector('details.baseline-input > summary')?.textContent?.trim();
        if (summary) expect(intro.textContent).to.contain(summary);

        const page = pageText(p);
        const cmp = compareText(p);
        expect(englishPage.filter((s) => page.includes(s)), `English left on the page in ${lang}`).to.deep.equal([]);
        expect(englishCompare.filter((s) => cmp.includes(s)), `English left in the comparison in ${lang}`).to.deep.equal([]);
        for (const t of [page, cmp]) expect(t).to.not.match(/\$\{|\{\d\}|\[object |undefined|NaN/);
        expectNoOverflow(p, lang);
      }
    } finally {
      p.frame.remove();
    }
  });

  it('"The browser\'s language" goes back to the browser\'s language (English here) for the page and the report', async () => {
    const p = await openViewer(1000);
    try {
      await compareTwo(p);
      await choose(p, 'es');
      await waitUntil(() => compareText(p).includes('peor en 138'), 'Spanish comparison', { timeout: 10000 });
      await choose(p, 'en');
      const select = p.doc.getElementById('lang') as HTMLSelectElement;
      select.value = '';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await waitUntil(() => compareText(p).includes('worse by 138'), 'English comparison again', { timeout: 10000 });
      expect(p.doc.getElementById('intro')!.textContent).to.equal("Open an agent's pre-flight report or CCP log");
      expect(p.doc.getElementById('status')!.textContent).to.equal('Comparing the UDP-blocked report with the healthy baseline.');
    } finally {
      p.frame.remove();
    }
  });
});
