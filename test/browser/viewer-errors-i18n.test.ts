/**
 * Why a pasted report could not be opened, in the reader's language: the viewer embedded on its own (no page
 * that loaded the supervisor's texts before) in Spanish, 320 px wide. Pasting nothing, garbage, a damaged share
 * code, the JSON of another schema or a report with broken fields shows Spanish sentences that say what to do,
 * with no English sentence of the English render left except the per-field details, which are marked lang="en";
 * the box stays an alert and nothing in it is wider than the screen.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/ccp-preflight-report/ccp-preflight-report.js';
import type { CcpPreflightReportElement } from '../../src/elements/ccp-preflight-report/ccp-preflight-report.js';
import { getLocale, setLocale } from '../../src/i18n/runtime.js';
import { sentences } from '../support/english-sentences.js';

const LONG_SCHEMA = 'acme-some-very-long-schema-name-without-any-space-in-it/42';

/** The inputs, and a Spanish phrase each must show. */
const CASES: { name: string; text: string; es: string }[] = [
  { name: 'nothing', text: '   ', es: 'No se pegó nada. Pega el informe que copió el agente' },
  { name: 'garbage', text: 'hola, ¿qué tal?', es: 'Esto no es ni el JSON de un informe' },
  { name: 'a damaged share code', text: 'CCPF1.AAAAAAAA', es: 'Pide al agente que vuelva a copiar el código para compartir (completo)' },
  { name: 'a cut share code', text: 'CCPF1.abcde', es: 'El código para compartir está incompleto' },
  { name: 'another schema', text: JSON.stringify({ schema: LONG_SCHEMA }), es: 'Esto no es un informe de esta herramienta: su esquema es' },
  { name: 'broken fields', text: JSON.stringify({ schema: 'ccp-preflight/1', id: 42 }), es: 'Estas partes del informe no son válidas:' },
];

const alertBox = (el: CcpPreflightReportElement): HTMLElement | null => el.shadowRoot!.querySelector<HTMLElement>('[part="errors"][role="alert"]');
/** The box's visible text without the parts marked as English (the per-field details). */
function ownText(box: HTMLElement): string {
  const copy = box.cloneNode(true) as HTMLElement;
  for (const en of copy.querySelectorAll('[lang="en"]')) en.remove();
  document.body.append(copy); // innerText needs layout
  copy.style.width = '320px';
  const t = copy.innerText;
  copy.remove();
  return t;
}

async function refused(el: CcpPreflightReportElement, text: string): Promise<HTMLElement> {
  const r = await el.showText(text);
  expect(r.ok, text).to.equal(false);
  await el.updateComplete;
  await waitUntil(() => alertBox(el), 'error box shown', { timeout: 8000 });
  return alertBox(el)!;
}

describe('<ccp-preflight-report> errors in the reader\'s language', function () {
  this.timeout(60000);
  afterEach(async () => {
    await setLocale('en');
  });

  it('says in Spanish what went wrong and what to do, at 320 px, with only the field details in English', async () => {
    // English first: the sentences a translation must replace.
    const en = await fixture<CcpPreflightReportElement>(html`<ccp-preflight-report mode="paste" lang="en"></ccp-preflight-report>`);
    const english = new Map<string, string[]>();
    for (const c of CASES) english.set(c.name, sentences(ownText(await refused(en, c.text))));
    expect(english.get('nothing')!.join(' ')).to.contain('Nothing was pasted');
    expect(english.get('broken fields')!.join(' ')).to.contain('These parts of the report are not valid');
    en.remove();
    await setLocale('en');

    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 320px"><ccp-preflight-report mode="paste" lang="es"></ccp-preflight-report></div>`);
    const el = wrap.querySelector('ccp-preflight-report') as CcpPreflightReportElement;
    await waitUntil(() => getLocale() === 'es', 'Spanish');
    for (const c of CASES) {
      const box = await refused(el, c.text);
      await waitUntil(() => box.textContent!.replace(/\s+/g, ' ').includes(c.es), `${c.name}: "${box.textContent!.replace(/\s+/g, ' ')}"`, { timeout: 8000 });
      const own = ownText(box);
      if (c.name === 'another schema') expect(own.replace(/\s+/g, ''), 'the long schema, wrapped').to.contain(LONG_SCHEMA);
      expect(own, c.name).to.contain('No se pudo abrir el informe.');
      const left = english.get(c.name)!.filter((s) => own.includes(s));
      expect(left, `${c.name}: English left in "${own}"`).to.deep.equal([]);
      expect(own, c.name).to.not.match(/\$\{|\{\d\}|\[object |undefined|NaN|\b(share|field|empty|not-json-or-code|other-schema|json-invalid)\b/);
      // Nothing wider than the screen: long schema names and paths wrap.
      expect(box.scrollWidth, `${c.name}: the box fits`).to.be.at.most(box.clientWidth + 1);
      for (const node of box.querySelectorAll<HTMLElement>('*')) {
        expect(node.getBoundingClientRect().right, `${c.name}: ${node.localName} inside`).to.be.at.most(wrap.getBoundingClientRect().right + 1);
      }
      expect(el.getBoundingClientRect().width).to.be.at.most(321);
    }
    // The field problems: each path, then the English detail marked as English; the lead and the advice in Spanish.
    const box = alertBox(el)!;
    const details = [...box.querySelectorAll('li span[lang="en"]')];
    expect(details.length).to.be.greaterThan(0);
    expect(details.map((d) => d.textContent).join(' ')).to.match(/Expected text|Missing required field/);
    expect(box.querySelector('li code')!.textContent).to.match(/^[a-zA-Z]/);
    expect(box.textContent).to.contain('El informe se modificó después de hacerse o viene de otra herramienta.');
    await expect(el).to.be.accessible();
  });

  it('keeps the English messages in English', async () => {
    const el = await fixture<CcpPreflightReportElement>(html`<ccp-preflight-report mode="paste" lang="en"></ccp-preflight-report>`);
    const box = await refused(el, 'hola');
    expect(box.textContent).to.contain('This is neither a report\'s JSON (which starts with "{") nor a share code (which starts with "CCPF1."): it starts with "hola".');
    const schema = await refused(el, JSON.stringify({ schema: 'acme/3' }));
    expect(schema.textContent).to.contain('This is not a ccp-preflight report: its schema is "acme/3" (expected "ccp-preflight/1").');
    expect(schema.querySelector('li'), 'the schema refusal is a sentence, not a field').to.equal(null);
  });
});
