/**
 * The fleet view in the supervisor's language: agents whose reports fail, rendered in every language, leave no
 * English sentence or label in the visible text (agent and site names, ids and product names stay), no raw
 * placeholder, and no horizontal overflow at 320 px; causes are named in the reader's language from their codes;
 * the language comes from `lang`, else the browser's languages; the reports opened from the view follow it; the
 * page's own words follow it too.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/ccp-preflight-fleet/ccp-preflight-fleet.js';
import '../../src/elements/ccp-preflight-report/ccp-preflight-report.js';
import type { CcpPreflightFleetElement } from '../../src/elements/ccp-preflight-fleet/ccp-preflight-fleet.js';
import type { FleetAgent, FleetAggregates } from '../../src/elements/ccp-preflight-fleet/fleet-api.js';
import { followLanguage } from '../../src/elements/ccp-preflight-fleet/page-texts.js';
import { getLocale, setLocale } from '../../src/i18n/runtime.js';
import { TARGET_LOCALES, type Locale } from '../../src/i18n/locale.js';
import { sentences, PRODUCT_NAMES } from '../support/english-sentences.js';
import { stubFetch } from '../support/fleet-stub.js';

const at = '2026-11-30T09:00:00.000Z';

/** Latest reports as the collector files them: the cause code and the writer's English `Title: summary`. */
function agent(i: number, name: string, site: string | null, verdict: string, fit: string, cause: string | null, causeText: string | null, media: Partial<FleetAgent['latest']> = {}): FleetAgent {
  return {
    agent: `agent-${i}`, name, site, region: 'eu-west-2',
    latest: { id: `r-${i}`, createdAt: at, verdict, fit, cause, causeText, rttMs: null, jitterMs: null, lossPct: null, mos: null, ...media },
  };
}

const AGENTS: FleetAgent[] = [
  agent(1, 'Ana Pérez', 'Madrid North', 'fail', 'no', 'ice-udp/turn-unreachable',
    'STUN/TURN over UDP: turn:turn.example.com:3478: the TURN server could not be reached over UDP (no answer before the probe timeout).'),
  agent(2, 'Kenji Sato', 'Osaka', 'fail', 'no', 'media/fail',
    'Test call: Test call through turn:turn.example.com:3478: packet loss 6.2 % is above 5 %.', { rttMs: 420, jitterMs: 41, lossPct: 6.2, mos: 2.9 }),
  agent(3, 'Lena Weber', 'Madrid North', 'fail', 'no', 'devices/permission-denied',
    'Microphone and headset: The microphone permission was denied for this site, so the softphone cannot send audio.'),
  agent(4, 'Marie Dubois', 'Osaka', 'warn', 'yes', 'workstation/cpu-slow',
    'Workstation: The CPU speed estimate 1.7 GHz is under the 2 GHz minimum.'),
  agent(5, 'João Silva', null, 'warn', 'unknown', 'browser/too-old',
    'Browser: Chrome 118 is older than the latest three versions (129 or later) Amazon Connect supports.'),
  agent(6, 'Sam Lee', 'Osaka', 'pass', 'yes', null, null, { rttMs: 38, jitterMs: 2, lossPct: 0, mos: 4.4 }),
];

const AGGREGATES: FleetAggregates = {
  agents: 6, unfit: 3, byVerdict: { fail: 3, warn: 2, pass: 1, skip: 0 },
  bySite: [
    { site: 'Madrid North', agents: 2, unfit: 2, fail: 2, warn: 0 },
    { site: 'Osaka', agents: 3, unfit: 1, fail: 1, warn: 1 },
  ],
  byRegion: [],
  byCause: [
    { cause: 'ice-udp/turn-unreachable', causeText: AGENTS[0]!.latest.causeText, site: 'Madrid North', agents: 1, unfit: 1, since: at },
    { cause: 'media/fail', causeText: AGENTS[1]!.latest.causeText, site: 'Osaka', agents: 12, unfit: 12, since: at },
    { cause: 'devices/permission-denied', causeText: AGENTS[2]!.latest.causeText, site: 'Madrid North', agents: 3, unfit: 3, since: at },
    { cause: 'workstation/cpu-slow', causeText: AGENTS[3]!.latest.causeText, site: 'Osaka', agents: 1, unfit: 0, since: at },
    { cause: 'browser/too-old', causeText: AGENTS[4]!.latest.causeText, site: null, agents: 1, unfit: 0, since: at },
  ],
};

/** The media agent's stored report (opened in the detail view) and its previous one. */
const report = (id: string, createdAt: string, lossPct: number) => ({
  schema: 'ccp-preflight/1.4', id, createdAt, tool: { name: 'ccp-preflight', version: '0.1.0' },
  subject: { region: 'ap-northeast-1', ccpMode: 'full', label: 'Osaka' },
  environment: { userAgent: 'Mozilla/5.0 Chrome/131.0', browser: { family: 'chrome', major: 131 }, platform: 'Linux x86_64' },
  verdict: 'fail', summary: 'Calls will sound poor: packet loss is high.',
  softphone: { fit: 'no', blockers: [{ id: 'media', verdict: 'fail', summary: 'Packet loss is high.' }] },
  checks: [{ id: 'media', title: 'Test call', verdict: 'fail', summary: `Test call: packet loss ${lossPct} % is above 5 %.`, startedAt: createdAt, durationMs: 9000,
    data: { rttMs: 420, jitterMs: 41, lossPct, mos: 2.9, transport: 'udp' } }],
  calls: [],
});

function collector(calls: string[] = []): typeof fetch {
  return stubFetch(calls, {
    aggregates: AGGREGATES,
    agents: AGENTS,
    history: (a) => (a === 'agent-2'
      ? [AGENTS[1]!.latest, { ...AGENTS[1]!.latest, id: 'r-2-old', createdAt: '2026-11-29T09:00:00.000Z', lossPct: 3.1, rttMs: 300, mos: 3.4 }, { ...AGENTS[1]!.latest, id: 'r-2-older', createdAt: '2026-11-28T09:00:00.000Z', lossPct: 0.4, rttMs: 90, mos: 4.3 }]
      : []),
    reports: { 'r-2': report('r-2', at, 6.2) },
    previous: { 'r-2': report('r-2-old', '2026-11-29T09:00:00.000Z', 3.1) },
  });
}

/**
 * The collector's search, as the server does it: `q` in the agent's key and name, the site and the writer's
 * English cause text (case-insensitive, accents as typed), or the agent's cause among `causes`.
 */
function searchingCollector(agentCalls: string[]): typeof fetch {
  const rest = collector();
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    if (url.pathname !== '/v1/agents') return rest(input, init);
    agentCalls.push(url.search);
    const q = (url.searchParams.get('q') ?? '').toLowerCase();
    const causes = (url.searchParams.get('causes') ?? '').split(',').filter(Boolean);
    const hit = AGENTS.filter((a) => !q || [a.agent, a.name, a.site, a.latest.causeText].some((t) => t?.toLowerCase().includes(q))
      || (a.latest.cause !== null && causes.includes(a.latest.cause)));
    return new Response(JSON.stringify({ total: hit.length, agents: hit }), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

/** Names and ids from the data: they stay as written, whatever the language. */
const KEEP = [...PRODUCT_NAMES, ...AGENTS.flatMap((a) => [a.name!, a.site ?? '', a.agent]).filter(Boolean)];

async function render(lang: Locale | '', width = 320, fetchImpl: typeof fetch = collector()): Promise<CcpPreflightFleetElement> {
  const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
  wrap.style.width = `${width}px`;
  const el = document.createElement('ccp-preflight-fleet') as CcpPreflightFleetElement;
  if (lang) el.setAttribute('lang', lang);
  el.fetchImpl = fetchImpl;
  el.token = 'read-token';
  el.collectorUrl = 'https://collector.example';
  wrap.append(el);
  await waitUntil(() => el.shadowRoot?.querySelector('table') && el.shadowRoot.querySelector('.problems') && el.shadowRoot.querySelector('.live')?.textContent?.trim(), 'fleet shown', { timeout: 8000 });
  return el;
}

/** Opens the media agent's detail (trends and its report) and waits for it. */
async function openDetail(el: CcpPreflightFleetElement): Promise<void> {
  const button = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.link')].find((b) => b.textContent === 'Kenji Sato')!;
  button.click();
  await waitUntil(() => el.shadowRoot!.querySelector('.trends svg') && el.shadowRoot!.querySelector('ccp-preflight-report'), 'detail shown', { timeout: 8000 });
  const r = el.shadowRoot!.querySelector('ccp-preflight-report')!;
  await r.updateComplete;
}

async function settle(el: CcpPreflightFleetElement): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await new Promise((res) => setTimeout(res, 30));
    await el.updateComplete;
  }
}

/**
 * The view's own visible text (the report opened inside has its own language test), with the words people read
 * without seeing them: aria-labels, placeholders, select options and the table's hidden caption.
 */
function visible(el: CcpPreflightFleetElement): string {
  const root = el.shadowRoot!;
  const inner = [...root.querySelectorAll<HTMLElement>('ccp-preflight-report')];
  for (const r of inner) r.style.display = 'none';
  try {
    const parts = [...root.children].filter((c): c is HTMLElement => c instanceof HTMLElement).map((c) => c.innerText);
    for (const n of root.querySelectorAll('[aria-label]')) parts.push(n.getAttribute('aria-label')!);
    for (const n of root.querySelectorAll('[placeholder]')) parts.push(n.getAttribute('placeholder')!);
    for (const n of root.querySelectorAll('option, caption')) parts.push(n.textContent!.trim());
    return parts.join('\n');
  } finally {
    for (const r of inner) r.style.display = '';
  }
}

/** Short labels (headings, table headers, buttons, options, field names), in document order. */
function labels(el: CcpPreflightFleetElement): string[] {
  const root = el.shadowRoot!;
  const own = (n: Element) => [...n.childNodes].filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent!.trim()).join(' ').trim();
  return [...root.querySelectorAll('h2, th, button:not(.link), option, label, .counts li, .simulated')].map((n) => (n.localName === 'label' ? own(n) : n.textContent!.trim().replace(/\s+/g, ' ').replace(/^[\d\s.,\u202f]+(?=\D)/, '')));
}

/** Labels that are the same word in a language (cognates, product names, numbers). */
const SAME: Partial<Record<Locale, string[]>> = {
  es: ['Softphone'], fr: ['Softphone', 'Site', 'Cause', 'Agent', 'agents'], de: ['Softphone', 'Agent'], 'pt-BR': ['Softphone'], ja: [],
};
const keepLabel = (lang: Locale, s: string): boolean =>
  !/[A-Za-z]{2,}/.test(s) || s === 'MOS' || KEEP.includes(s) || (SAME[lang] ?? []).includes(s) || /^\d/.test(s) && !/[A-Za-z]{3,}/.test(s);

describe('the fleet view in the supervisor\'s language', function () {
  this.timeout(90000);
  let englishSentences: string[];
  let englishLabels: string[];

  before(async () => {
    await setLocale('en');
    const el = await render('en', 1280);
    await openDetail(el);
    await settle(el);
    // Sentences that are names once the agents' and sites' names are taken out do not count.
    englishSentences = sentences(visible(el), KEEP).filter((x) => (KEEP.reduce((t, k) => t.split(k).join(' '), x).match(/\b[A-Za-z]{2,}\b/g) ?? []).length >= 3);
    englishLabels = labels(el);
    expect(englishSentences.length, 'the English render has sentences').to.be.greaterThan(8);
    expect(englishLabels.length).to.be.greaterThan(20);
    el.parentElement!.remove();
  });
  afterEach(async () => {
    await setLocale('en');
  });

  for (const lang of TARGET_LOCALES) {
    it(`renders failing agents in ${lang}: no English sentence or label, no raw placeholder, no overflow at 320 px`, async () => {
      const el = await render(lang);
      await waitUntil(() => getLocale() === lang && !visible(el).includes('Problems by cause and site'), `${lang} texts loaded`, { timeout: 8000 });
      await openDetail(el);
      await settle(el);
      const text = visible(el);
      const left = englishSentences.filter((s) => text.includes(s));
      expect(left, `English sentences left in ${lang}`).to.deep.equal([]);
      const mine = labels(el);
      const same = englishLabels.filter((l, i) => mine[i] === l && !keepLabel(lang, l));
      expect(same, `English labels left in ${lang}`).to.deep.equal([]);
      expect(text).to.not.match(/\$\{|\{\d\}|\[object |undefined|NaN|ice-udp\/|media\/fail|permission-denied/);
      // The report opened inside follows the view's language instead of taking the browser's.
      const inner = el.shadowRoot!.querySelector('ccp-preflight-report')!;
      expect(inner.getAttribute('lang')).to.equal(lang);
      expect(getLocale()).to.equal(lang);
      // 320 px: nothing wider than the view.
      const box = el.getBoundingClientRect();
      expect(box.width).to.be.at.most(320);
      expect(el.scrollWidth, `${lang}: no horizontal overflow at 320 px`).to.be.at.most(el.clientWidth + 1);
      for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
        if (node.closest('ccp-preflight-report') && node.localName !== 'ccp-preflight-report') continue;
        if (node.closest('.sr-only, thead')) continue;
        expect(node.getBoundingClientRect().right, `${lang}: ${node.localName}.${node.className} inside`).to.be.at.most(box.right + 1);
      }
      el.parentElement!.remove();
    });
  }

  it('is accessible in a translated language, with an agent\'s report open (axe)', async () => {
    const el = await render('es', 400);
    await waitUntil(() => getLocale() === 'es' && !visible(el).includes('Problems by cause and site'), 'es texts loaded', { timeout: 8000 });
    await openDetail(el);
    await settle(el);
    await expect(el).to.be.accessible();
    el.parentElement!.remove();
  });

  it('names causes from their codes in the reader\'s language, with the figures it has', async () => {
    const el = await render('es', 1280);
    await waitUntil(() => visible(el).includes('Problemas por causa y sede'), 'Spanish', { timeout: 8000 });
    const problems = el.shadowRoot!.querySelector('.problems')!.textContent!.replace(/\s+/g, ' ');
    expect(problems).to.contain('STUN/TURN por UDP');
    expect(problems).to.contain('No se pudo llegar al servidor de retransmisión del audio de las llamadas.');
    expect(problems).to.contain('12 agentes en Osaka');
    expect(problems).to.contain('1 agente en Madrid North');
    // A finding whose sentence needs figures the list lacks gets its short name, never "not measured".
    expect(problems).to.not.match(/no medid|not measured/i);
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' '));
    const kenji = rows.find((r) => r.includes('Kenji Sato'))!;
    // The media figures of the row, in Spanish number format.
    expect(kenji).to.contain('6,2 %');
    expect(kenji).to.match(/pérdida de paquetes 6,2 %/);
    // French: 0 and 1 take the singular ("1 agent"), numbers and dates in French.
    el.setAttribute('lang', 'fr');
    await waitUntil(() => visible(el).includes('Problèmes par cause et par site'), 'French', { timeout: 8000 });
    const fr = el.shadowRoot!.querySelector('.problems')!.textContent!.replace(/\s+/g, ' ');
    expect(fr).to.contain('1 agent à Madrid North');
    expect(fr).to.contain('12 agents à Osaka');
    el.parentElement!.remove();
  });

  it('finds agents by a word of their cause as shown in the reader\'s language, typed without its accent too (debounced, no console noise)', async () => {
    const noise: unknown[] = [];
    const { error, warn } = console;
    console.error = (...a: unknown[]) => noise.push(a);
    console.warn = (...a: unknown[]) => noise.push(a);
    const agentCalls: string[] = [];
    try {
      const el = await render('es', 1280, searchingCollector(agentCalls));
      await waitUntil(() => visible(el).includes('Problemas por causa y sede'), 'Spanish', { timeout: 8000 });
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
      const rows = () => [...el.shadowRoot!.querySelectorAll('tbody tr .agent button')].map((b) => b.textContent!.trim());
      const type = async (text: string, expected: string[]) => {
        const before = agentCalls.length;
        input.value = '';
        for (const ch of text) {
          input.value += ch;
          input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: ch }));
        }
        await waitUntil(() => JSON.stringify(rows()) === JSON.stringify(expected), `"${text}" finds ${expected.join(', ')} (shown: ${rows().join(', ')})`, { timeout: 8000 });
        await new Promise((r) => setTimeout(r, 400));
        // One request for the whole word (debounced), not one a keystroke.
        expect(agentCalls.length - before, `requests for "${text}"`).to.equal(1);
        return new URLSearchParams(agentCalls.at(-1));
      };
      // The row shows "… pérdida de paquetes 6,2 % …" for Kenji Sato's test call: the English cause text has no such word.
      const sent = await type('pérdida', ['Kenji Sato']);
      expect(sent.get('q')).to.equal('pérdida');
      expect(sent.get('causes')!.split(',')).to.include('media/fail');
      expect(sent.get('causes')!.split(',')).to.not.include('devices/permission-denied');
      await type('PERDIDA', ['Kenji Sato']);
      // "micrófono" is in Lena Weber's cause as shown ("Micrófono y auriculares: El micrófono está bloqueado…").
      await type('microfono bloqueado', ['Lena Weber']);
      // English still works, through the writer's words.
      await type('packet loss', ['Kenji Sato']);
      // The agent's own name, as before.
      await type('Ana', ['Ana Pérez']);
      // Japanese: "パケット" (packet), once the view is in Japanese.
      el.setAttribute('lang', 'ja');
      await waitUntil(() => visible(el).includes('原因別・拠点別の問題'), 'Japanese', { timeout: 8000 });
      await type('パケット', ['Kenji Sato']);
      el.parentElement!.remove();
    } finally {
      console.error = error;
      console.warn = warn;
    }
    expect(noise, 'console errors or warnings').to.deep.equal([]);
  });

  it('takes the browser language when there is no lang, and follows a later lang', async () => {
    const desc = Object.getOwnPropertyDescriptor(Navigator.prototype, 'languages')!;
    Object.defineProperty(navigator, 'languages', { get: () => ['de-AT', 'en-US'], configurable: true });
    try {
      const el = await render('');
      await waitUntil(() => visible(el).includes('Probleme nach Ursache und Standort'), 'German from the browser', { timeout: 8000 });
      expect(visible(el)).to.contain('Agenten');
      el.setAttribute('lang', 'ja');
      await waitUntil(() => visible(el).includes('原因別・拠点別の問題'), 'Japanese from lang', { timeout: 8000 });
      el.parentElement!.remove();
    } finally {
      Object.defineProperty(navigator, 'languages', desc);
      delete (navigator as { languages?: unknown }).languages;
    }
  });

  it('puts the page around the view in the same language: <html lang>, title and heading', async () => {
    const doc = document.implementation.createHTMLDocument('Agents\' softphone readiness: ccp-preflight');
    doc.body.innerHTML = '<h1 data-text="heading">Agents\' softphone readiness</h1>';
    followLanguage(doc);
    expect(doc.documentElement.lang).to.equal('en');
    await setLocale('pt-BR');
    expect(doc.documentElement.lang).to.equal('pt-BR');
    expect(doc.title).to.equal('Prontidão do softphone dos agentes: ccp-preflight');
    expect(doc.querySelector('h1')!.textContent).to.equal('Prontidão do softphone dos agentes');
  });

  it('says what went wrong and what to do when the collector refuses the token, in the reader\'s language', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('ccp-preflight-fleet') as CcpPreflightFleetElement;
    el.setAttribute('lang', 'ja');
    el.live = false;
    el.fetchImpl = (async () => new Response(JSON.stringify({ error: 'The token is not valid.' }), { status: 401 })) as typeof fetch;
    el.token = 'wrong-token';
    el.collectorUrl = 'https://collector.example';
    wrap.append(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.includes('読み取りトークンを拒否しました'), 'Japanese refusal', { timeout: 8000 });
    const again = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === '別のトークンを入力')!;
    again.click();
    await waitUntil(() => el.shadowRoot!.querySelector('input[type="password"]'), 'asks for a token again', { timeout: 5000 });
    expect(el.shadowRoot!.textContent).to.contain('読み取りトークン');
    wrap.remove();
  });
  it('says so when the address is not a collector (a web page answered), in the reader\'s language', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('ccp-preflight-fleet') as CcpPreflightFleetElement;
    el.setAttribute('lang', 'de');
    el.fetchImpl = (async () => new Response('<!doctype html><title>Vite</title>', { status: 200, headers: { 'content-type': 'text/html' } })) as typeof fetch;
    el.token = 'read-token';
    el.collectorUrl = 'https://not-a-collector.example';
    wrap.append(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.includes('nicht wie ein ccp-preflight-Collector geantwortet'), 'German message', { timeout: 8000 });
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('collector-url');
    expect(el.shadowRoot!.textContent).to.not.contain('Unexpected token');
    wrap.remove();
  });
});
