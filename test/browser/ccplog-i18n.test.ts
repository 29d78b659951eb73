/**
 * <ccp-preflight-log> in the reader's language: a log with failing calls, a softphone error, a failed call setup,
 * a websocket gap, CCP request trouble, a missed call and clock skew, rendered in each language, has no English
 * sentence left in its visible text (the log's own words, contact ids, error type identifiers, product names and
 * citation titles excepted), no raw placeholder and no horizontal overflow at 320 px, also beside a pre-flight
 * report on the joined timeline; changing `lang` re-renders.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/ccp-preflight-log/ccp-preflight-log.js';
import type { CcpPreflightLogElement } from '../../src/elements/ccp-preflight-log/ccp-preflight-log.js';
import { parseCcpLog } from '../../src/ccplog/index.js';
import type { CcpLog } from '../../src/ccplog/types.js';
import type { Report } from '../../src/report/schema.js';
import { setLocale } from '../../src/i18n/runtime.js';
import { TARGET_LOCALES, type Locale } from '../../src/i18n/locale.js';
import { PRODUCT_NAMES, sentences } from '../support/english-sentences.js';
// @ts-expect-error plain JS fixture generator (the same one the unit tests use)
import { troubledEntries } from '../unit/fixtures/ccplog/troubled.mjs';

const T0 = Date.parse('2026-03-04T09:00:00.000Z');
const C1 = '7d3f2a10-5b6c-4e8f-9a1b-2c3d4e5f6a71';
const C2 = '7d3f2a10-5b6c-4e8f-9a1b-2c3d4e5f6a72';
const C3 = '7d3f2a10-5b6c-4e8f-9a1b-2c3d4e5f6a73';

/** A log with every kind of trouble (test/unit/fixtures/ccplog/troubled.mjs, shared with the unit tests). */
function troubledLog(): CcpLog {
  return parseCcpLog(JSON.stringify(troubledEntries({ t0: T0, ids: [C1, C2, C3] }), undefined, 4));
}

const log = troubledLog();
/** The same agent's pre-flight report, shown beside the log's calls (the joined timeline is translated too). */
let report: Report | undefined;
/** The log's own words, shown as logged in every language (a softphone's message, a request's error). */
const LOG_WORDS = [...log.softphoneErrors.map((e) => e.message), ...log.api.failures.map((a) => a.error ?? '')].filter(Boolean);

/** What a person sees: the shadow root's rendered text, citation titles (English pages) left out. */
function visible(el: CcpPreflightLogElement, withSources = false): string {
  const root = el.shadowRoot!;
  const sources = withSources ? [] : [...root.querySelectorAll<HTMLElement>('.source')];
  for (const s of sources) s.style.display = 'none';
  try {
    let t = [...root.children].map((c) => (c as HTMLElement).innerText ?? '').join('\n');
    for (const w of LOG_WORDS) t = t.split(w).join(' ');
    return t;
  } finally {
    for (const s of sources) s.style.display = '';
  }
}

async function openAll(el: CcpPreflightLogElement): Promise<void> {
  for (let i = 0; i < 4; i++) {
    for (const d of el.shadowRoot!.querySelectorAll('details')) d.open = true;
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function render(lang: Locale): Promise<CcpPreflightLogElement> {
  const wrap = await fixture<HTMLDivElement>(html`<div style="width:320px"><ccp-preflight-log lang=${lang} .log=${log} .report=${report}></ccp-preflight-log></div>`);
  const el = wrap.querySelector('ccp-preflight-log') as CcpPreflightLogElement;
  await el.updateComplete;
  return el;
}

/** A few words of each language's render that must be there once its texts are loaded. */
const LOADED: Record<Locale, string> = { en: 'Problems (', es: 'Problemas (', fr: 'Problèmes (', de: 'Probleme (', 'pt-BR': 'Problemas (', ja: '問題（' };

describe('<ccp-preflight-log> in every language', function () {
  this.timeout(60000);
  let english: string[];

  before(async () => {
    report = (await (await fetch('/test/unit/fixtures/reports/degraded-udp-blocked.json')).json()) as Report;
    await setLocale('en');
    const el = await render('en');
    await openAll(el);
    const text = visible(el);
    english = sentences(text, [...PRODUCT_NAMES, 'jitterBufferMillis']);
    expect(english.length, 'the English render has sentences').to.be.greaterThan(25);
    expect(text).to.contain('poor audio in what the agent hears');
    expect(text).to.contain('The pre-flight test beside the real calls');
  });
  afterEach(async () => {
    await setLocale('en');
  });

  for (const lang of TARGET_LOCALES) {
    it(`${lang}: no English sentence, no raw placeholder, no overflow at 320 px`, async () => {
      const el = await render(lang);
      await waitUntil(() => visible(el).includes(LOADED[lang]), `${lang} texts loaded`, { timeout: 8000 });
      await openAll(el);
      expect(el.shadowRoot!.querySelector('.content')!.getAttribute('lang'), 'marked with its language for screen readers').to.equal(lang);
      const t = visible(el);
      const left = english.filter((s) => t.includes(s));
      expect(left, `English left in ${lang}`).to.deep.equal([]);
      expect(visible(el, true)).to.not.match(/\$\{|\{\d\}|\[object |undefined|NaN/);
      // The log's identifiers stay as logged.
      expect(t).to.contain(C1);
      expect(t).to.contain('ice_collection_timeout');
      const host = el.getBoundingClientRect();
      expect(host.width).to.be.at.most(320);
      for (const part of el.shadowRoot!.children) {
        if (part.localName === 'style') continue;
        const wide = [...part.querySelectorAll<HTMLElement>('*')].filter((n) => n.clientWidth && n.scrollWidth > n.clientWidth + 1).map((n) => `${n.localName}.${n.className} ${n.scrollWidth}>${n.clientWidth}: ${(n.textContent ?? '').slice(0, 60)}`);
        expect(part.scrollWidth, `${lang}: ${part.localName} content fits at 320 px (${wide.join(' | ')})`).to.be.at.most(part.clientWidth + 1);
      }
      for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
        // A wide table scrolls inside itself (the report's table style), so its cells are not the page's width.
        if (node.closest('details:not([open]) > :not(summary)') || node.closest('svg, table') || node.localName === 'style') continue;
        expect(node.getBoundingClientRect().right, `${lang}: ${node.localName}.${node.className} inside at 320 px`).to.be.at.most(host.right + 1);
      }
      // Times in the reader's zone, written the language's way (not ISO with a T).
      expect(t).to.not.match(/\d{4}-\d\d-\d\dT\d\d:/);
    });
  }

  it('switches language when lang changes, and back', async () => {
    const el = await render('es');
    await waitUntil(() => visible(el).includes('Lo que oye el agente'), 'Spanish', { timeout: 8000 });
    el.setAttribute('lang', 'de');
    await waitUntil(() => visible(el).includes('Was der Agent hört'), 'German after lang changed', { timeout: 8000 });
    expect(visible(el)).to.not.contain('Lo que oye el agente');
    el.setAttribute('lang', 'en');
    await waitUntil(() => visible(el).includes('What the agent hears'), 'English again', { timeout: 8000 });
  });

  it('says a refusal in the language, with the file named as given', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div><ccp-preflight-log lang="fr"></ccp-preflight-log></div>`);
    const el = wrap.querySelector('ccp-preflight-log') as CcpPreflightLogElement;
    await waitUntil(async () => {
      const r = await el.showText('bonjour, ce n’est pas un journal');
      await el.updateComplete;
      return !r.ok && el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.includes('Ce n’est pas un journal du CCP');
    }, 'French refusal', { timeout: 8000 });
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('le texte collé');
  });
});
