/**
 * The widget and the report in the agent's language: a failing report rendered in every language has no English
 * sentence left in its visible text, no raw placeholder and no horizontal overflow at 320 px; the language comes
 * from `lang`, else the fake CCP agent's locale, else the browser's languages; a report made in Spanish reads in
 * English and back (the report itself holds codes, figures and the writer's English, never a translation).
 */
import { render as litRender } from 'lit';
import { sourceLinks } from '../../src/elements/ccp-preflight-report/source-links.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import '../../src/elements/ccp-preflight-report/ccp-preflight-report.js';
import type { CcpPreflightElement, Check, Report } from '../../src/index.js';
import type { CcpPreflightReportElement } from '../../src/elements/ccp-preflight-report/ccp-preflight-report.js';
import { REMEDIES } from '../../src/report/remedies.js';
import { setLocale } from '../../src/i18n/runtime.js';
import { TARGET_LOCALES, type Locale } from '../../src/i18n/locale.js';
import { sentences } from '../support/english-sentences.js';

const remedy = (id: string) => {
  const r = Object.values(REMEDIES).find((x) => x.id === id);
  if (!r) throw new Error(`no remedy ${id}`);
  return { ...r };
};
const at = '2026-11-30T09:00:00.000Z';
const check = (id: string, title: string, verdict: string, summary: string, data: object, extra: object = {}) => ({ id, title, verdict, summary, startedAt: at, durationMs: 1200, data, ...extra });

/** A failing report with this version's codes, figures and remedies (as the checks write them, in English). */
const failing = {
  schema: 'ccp-preflight/1.4',
  id: 'r-i18n-1',
  createdAt: at,
  tool: { name: 'ccp-preflight', version: '0.1.0' },
  subject: { region: 'us-east-1', ccpMode: 'full' },
  environment: { userAgent: 'Mozilla/5.0 Chrome/131.0', browser: { family: 'chrome', major: 131 }, platform: 'Linux x86_64', language: 'es-ES' },
  verdict: 'fail',
  summary: 'Calls will not work reliably: UDP 3478 is blocked.',
  softphone: { fit: 'no', blockers: [{ id: 'ice-udp', verdict: 'fail', summary: 'No relay over UDP.' }] },
  checks: [
    check('browser', 'Browser', 'pass', 'Chrome 131 is one of the latest three versions.', { name: 'Chrome', family: 'chrome', major: 131, versionStanding: 'current', secureContext: true }),
    check('workstation', 'Workstation', 'warn', 'The CPU speed estimate 1.7 GHz is under the 2 GHz minimum.', { cpuGhzEstimate: 1.7, logicalCores: 4, loadHint: 'busy' }, { code: 'cpu-slow', remedies: [remedy('cpu-2ghz'), remedy('workstation-headroom')] }),
    check('devices', 'Microphone and headset', 'warn', 'A Bluetooth headset is in use; Amazon recommends a USB headset.', { permission: 'granted', captureOk: true, level: 'ok' }, { code: 'headset-bluetooth', remedies: [remedy('usb-headset')] }),
    check('ccp', 'Contact Control Panel', 'pass', 'The CCP initialized.', { state: 'initialized', mode: 'full' }),
    check('endpoints', 'Endpoints (TCP 443)', 'pass', 'Every endpoint answers on TCP 443.', { endpoints: [] }),
    check('ice-udp', 'STUN/TURN over UDP', 'fail', 'turn:turnnlb-d76454ac48d20c1e.elb.us-east-1.amazonaws.com:3478: the TURN server could not be reached over UDP (no answer before the probe timeout).', { transport: 'udp', source: 'ccp', servers: [{ url: 'turn:turnnlb-d76454ac48d20c1e.elb.us-east-1.amazonaws.com:3478', kind: 'turn', transport: 'udp', srflx: false, relay: false, errors: [] }] }, { code: 'turn-unreachable', remedies: [remedy('udp-3478-amazon-connect'), remedy('tcp-443-amazon-connect')] }),
    check('ice-tcp', 'TURN over TCP', 'pass', 'turn:turnnlb-d76454ac48d20c1e.elb.us-east-1.amazonaws.com:3478?transport=tcp: relay allocated.', { transport: 'tcp', source: 'ccp', servers: [{ url: 'turn:turnnlb-d76454ac48d20c1e.elb.us-east-1.amazonaws.com:3478?transport=tcp', kind: 'turn', transport: 'tcp', srflx: false, relay: true, relayMs: 140, errors: [] }] }),
    check('ice-tls', 'TURN over TLS', 'skip', 'No turns: (TURN over TLS) URL is configured, so TLS could not be tested.', { transport: 'tls', source: 'ccp', servers: [] }, { code: 'no-turns-url' }),
    check('media', 'Test call', 'warn', 'Test call through turn:turnnlb-d76454ac48d20c1e.elb.us-east-1.amazonaws.com:3478?transport=tcp: jitter 28 ms is above 20 ms.', { rttMs: 180, jitterMs: 28, lossPct: 2.4, mos: 3.6, transport: 'tcp' }, { code: 'jitter', remedies: [remedy('remote-agent-network')] }),
    check('bandwidth', 'Bandwidth', 'pass', 'Throughput through the relay: 2400 kbit/s, above the 100 kbit/s required.', { upKbps: 2400, downKbps: 5100, requiredKbps: 100 }),
  ],
  calls: [],
} as unknown as Report;

const visible = (el: CcpPreflightReportElement): string => (el.shadowRoot!.querySelector('article') as HTMLElement | null)?.innerText ?? '';
/** Source titles stay English (they name English pages, with their links): not counted as left-over English. */
const withoutSources = (el: CcpPreflightReportElement): string => {
  const sources = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.source')];
  for (const s of sources) s.style.display = 'none';
  try {
    return visible(el);
  } finally {
    for (const s of sources) s.style.display = '';
  }
};

async function render(lang: Locale | '', report: Report = failing): Promise<CcpPreflightReportElement> {
  const el = await fixture<CcpPreflightReportElement>(html`<div style="width:320px"><ccp-preflight-report lang=${lang} for-it-open .report=${report}></ccp-preflight-report></div>`);
  const r = el.querySelector('ccp-preflight-report') as CcpPreflightReportElement;
  await settle(r);
  return r;
}
async function settle(r: CcpPreflightReportElement): Promise<void> {
  await waitUntil(() => r.shadowRoot!.querySelector('.fixes, [part="remedies"]'), 'For IT shown', { timeout: 8000 });
  for (let i = 0; i < 5; i++) {
    await new Promise((res) => setTimeout(res, 30));
    await r.updateComplete;
  }
}

describe('languages', function () {
  this.timeout(60000);
  let english: string[];

  before(async () => {
    await setLocale('en');
    const en = await render('en');
    english = sentences(withoutSources(en));
    expect(english.length, 'the English render has sentences').to.be.greaterThan(25);
  });
  afterEach(async () => {
    await setLocale('en');
  });

  for (const lang of TARGET_LOCALES) {
    it(`renders a failing report in ${lang}: no English sentence, no raw placeholder, no overflow at 320 px`, async () => {
      const el = await render(lang);
      await waitUntil(() => !visible(el).includes('Calls will not work reliably'), `${lang} texts loaded`, { timeout: 8000 });
      await settle(el);
      const t = withoutSources(el);
      const left = english.filter((s) => t.includes(s));
      expect(left, `English left in ${lang}`).to.deep.equal([]);
      expect(visible(el)).to.not.match(/\$\{|\{\d\}|\[object |undefined|NaN/);
      const article = el.shadowRoot!.querySelector('article') as HTMLElement;
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      expect(article.scrollWidth, `${lang}: no horizontal overflow at 320 px`).to.be.at.most(article.clientWidth + 1);
      for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('article *')) {
        if (node.closest('details:not([open]) > :not(summary)') || node.closest('table, svg, pre')) continue;
        expect(node.getBoundingClientRect().right, `${lang}: ${node.localName}.${node.className} inside`).to.be.at.most(el.getBoundingClientRect().right + 1);
      }
    });
  }

  it('keeps the citations: their links are the public pages, whatever the language', async () => {
    const el = await render('ja');
    await waitUntil(() => visible(el).includes('IT 部門向け'), 'Japanese loaded', { timeout: 8000 });
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.source a')].map((a) => a.href);
    expect(links.length).to.be.greaterThan(0);
    for (const h of links) expect(h).to.match(/^https:\/\/(docs\.aws\.amazon\.com|www\.rfc-editor\.org|datatracker\.ietf\.org|developer\.mozilla\.org|w3c\.github\.io|www\.w3\.org|support\.)/);
    // Their titles and section names are English (the pages are): marked so, for screen readers; the frame is Japanese.
    for (const a of el.shadowRoot!.querySelectorAll('.source a')) expect(a.getAttribute('lang'), a.textContent!).to.equal('en');
    for (const s of [...el.shadowRoot!.querySelectorAll('.source')].filter((x) => x.textContent!.includes('セクション'))) {
      expect(s.querySelector('span[lang="en"]')?.textContent, s.textContent!).to.match(/^[A-Z]/);
    }
  });

  it('marks a cited section name as English inside the translated frame', async () => {
    await setLocale('es');
    try {
      const box = document.createElement('div');
      litRender(sourceLinks('Amazon Connect Administrator Guide: Agent headset and workstation requirements for using the CCP, section "Agent Workstation Requirements": https://docs.aws.amazon.com/connect/latest/adminguide/ccp-agent-hardware.html'), box);
      expect(box.textContent!.replace(/\s+/g, ' ')).to.contain('sección «Agent Workstation Requirements»');
      expect(box.querySelector('a')!.getAttribute('lang')).to.equal('en');
      expect(box.querySelector('span[lang="en"]')!.textContent).to.equal('Agent Workstation Requirements');
    } finally {
      await setLocale('en');
    }
  });

  it('takes the browser language when there is no lang', async () => {
    const desc = Object.getOwnPropertyDescriptor(Navigator.prototype, 'languages')!;
    Object.defineProperty(navigator, 'languages', { get: () => ['fr-CA', 'en-US'], configurable: true });
    try {
      const el = await render('');
      await waitUntil(() => visible(el).includes('Les appels ne fonctionneront pas'), 'French from the browser', { timeout: 8000 });
      // The report's content says it is French (for screen readers), the page around it being English.
      await waitUntil(() => el.shadowRoot!.querySelector('.content')?.getAttribute('lang') === 'fr', 'marked as French');
    } finally {
      Object.defineProperty(navigator, 'languages', desc);
      delete (navigator as { languages?: unknown }).languages;
    }
  });

  it('reads a report made in Spanish in English and back', async () => {
    // The agent's widget runs in Spanish; the report it makes holds codes, figures and English text only.
    const failingMedia = {
      id: 'media',
      title: 'Test call',
      timeoutMs: () => 2000,
      codes: { 'call-failed': 'no audio' },
      emptyData: () => ({}),
      run: async () => ({ verdict: 'fail', code: 'call-failed', summary: 'The test call through turn:relay.example.com connected but no probe came back: the relay drops the media.', data: { serverUrl: 'turn:relay.example.com:3478' } }),
    } as unknown as Check;
    const widget = await fixture<CcpPreflightElement>(html`<ccp-preflight lang="es" ccp-mode="none" checks="media"></ccp-preflight>`);
    widget.options = { registry: [failingMedia] };
    await waitUntil(() => widget.shadowRoot!.textContent!.includes('Prueba del softphone'), 'widget in Spanish', { timeout: 8000 });
    const report = await widget.run();
    await widget.updateComplete;
    const inner = widget.shadowRoot!.querySelector('ccp-preflight-report') as CcpPreflightReportElement;
    await inner.updateComplete;
    expect(inner.shadowRoot!.textContent).to.contain('La llamada de prueba a través de turn:relay.example.com:3478 no transmitió audio');
    expect(JSON.stringify(report)).to.not.match(/llamada|navegador|Prueba/);
    // The supervisor opens it in English...
    const en = await render('en', report);
    await waitUntil(() => visible(en).includes('The test call through turn:relay.example.com connected but no probe came back'), 'English', { timeout: 8000 });
    expect(visible(en)).to.not.contain('llamada');
    // ...and back in Spanish.
    en.setAttribute('lang', 'es');
    await waitUntil(() => visible(en).includes('no transmitió audio'), 'Spanish again', { timeout: 8000 });
  });
});

describe('live announcements in the language', function () {
  this.timeout(30000);
  afterEach(async () => {
    await setLocale('en');
  });

  it("announces each finished check to screen readers with its finding in the agent's language", async () => {
    const iceFail = {
      id: 'ice-udp',
      title: 'STUN/TURN over UDP',
      timeoutMs: () => 5000,
      codes: { 'turn-unreachable': 'x' },
      emptyData: () => ({}),
      run: async () => {
        await new Promise((r) => setTimeout(r, 300)); // the report view's chunk is loading meanwhile
        return { verdict: 'fail', code: 'turn-unreachable', summary: 'turn:relay.example.com:3478: the TURN server could not be reached over UDP.', data: { transport: 'udp', source: 'config', servers: [{ url: 'turn:relay.example.com:3478', kind: 'turn', transport: 'udp', srflx: false, relay: false, errors: [] }] } };
      },
    } as unknown as Check;
    const passing = { ...iceFail, id: 'bandwidth', title: 'Bandwidth', run: async () => ({ verdict: 'pass', summary: 'Enough.', data: {} }) } as unknown as Check;
    const el = await fixture<CcpPreflightElement>(html`<ccp-preflight lang="es"></ccp-preflight>`);
    await waitUntil(() => el.locale === 'es', 'Spanish');
    el.options = { registry: [iceFail, passing] };
    const live = el.shadowRoot!.querySelector('[role="status"][aria-live]')!;
    const said: string[] = [];
    const seen = new MutationObserver(() => said.push(live.textContent ?? ''));
    seen.observe(live, { childList: true, characterData: true, subtree: true });
    await el.run();
    await el.updateComplete;
    seen.disconnect();
    const iceLine = said.find((t) => t.includes('STUN/TURN por UDP'));
    expect(iceLine, said.join(' | ')).to.match(/No se pudo conectar con el servidor de retransmisión del audio de las llamadas: turn:relay\.example\.com:3478/);
    expect(said.join(' '), 'no English sentence announced').not.to.match(/could not be reached|Enough\./);
  });
});

describe('language from the CCP agent', function () {
  this.timeout(60000);
  afterEach(async () => {
    await setLocale('en');
  });

  it("shows the widget in the agent's CCP language (es_ES) with nothing to configure", async () => {
    const fakeUrl = `${location.origin}/demo/fake-ccp.html?locale=es_ES`;
    const el = await fixture<CcpPreflightElement>(html`<ccp-preflight ccp-url=${fakeUrl} ccp-mode="full" login-popup="false"></ccp-preflight>`);
    await waitUntil(() => el.shadowRoot!.querySelector('h2')?.textContent?.trim() === 'Prueba del softphone', 'Spanish from the agent', { timeout: 30000 });
    expect(el.shadowRoot!.querySelector('[part="run-button"]')!.textContent!.trim()).to.equal('Ejecutar prueba');
    expect(el.locale).to.equal('es');
    // Marked as Spanish for screen readers, though neither the page nor the element says so (the CCP does).
    expect(el.hasAttribute('lang')).to.equal(false);
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('es');
  });

  it('lets lang win over the agent', async () => {
    const fakeUrl = `${location.origin}/demo/fake-ccp.html?locale=es_ES`;
    const el = await fixture<CcpPreflightElement>(html`<ccp-preflight lang="de" ccp-url=${fakeUrl} ccp-mode="full" login-popup="false"></ccp-preflight>`);
    await waitUntil(() => el.shadowRoot!.querySelector('h2')?.textContent?.trim() === 'Softphone-Prüfung', 'German from lang', { timeout: 30000 });
    await new Promise((r) => setTimeout(r, 1500)); // the agent arrives meanwhile; German stays
    expect(el.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal('Softphone-Prüfung');
  });
});
