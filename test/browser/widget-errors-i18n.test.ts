/**
 * The widget's error banner in the agent's language: in Spanish a bad set-up (ice-servers, ccp-url), a CCP that
 * cannot start and "no report yet" say what happened and what to do in Spanish, followed by the error's English
 * sentence as the detail for IT (lang="en"); in English the banner is the error's own sentence, as before; the
 * `ccp-preflight-error` event keeps the English message in every language.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { CcpPreflightElement } from '../../src/index.js';
import { setLocale } from '../../src/i18n/runtime.js';

const alert = (el: CcpPreflightElement): HTMLElement | null => el.shadowRoot!.querySelector<HTMLElement>('.message[role="alert"]');
const runButton = (el: CcpPreflightElement): HTMLButtonElement => el.shadowRoot!.querySelector('[part="run-button"]') as HTMLButtonElement;

/** A host's `connect` whose CCP starts but gives no event bus (Streams unusable): the CCP part fails. */
const brokenConnect = () => ({ core: { initCCP() {}, getEventBus: () => null }, EventType: {} });

async function shown(el: CcpPreflightElement, what: RegExp): Promise<HTMLElement> {
  await waitUntil(() => what.test(alert(el)?.textContent ?? ''), `banner ${String(what)}: "${alert(el)?.textContent ?? ''}"`, { timeout: 8000 });
  await el.updateComplete;
  return alert(el)!;
}

describe('<ccp-preflight> errors in the agent’s language', function () {
  this.timeout(30000);
  afterEach(async () => {
    await setLocale('en');
  });

  it('says a bad ice-servers attribute in Spanish, with the English detail for IT', async () => {
    const el = await fixture<CcpPreflightElement>(html`<ccp-preflight lang="es" ice-servers="{not json" checks="browser"></ccp-preflight>`);
    await waitUntil(() => el.locale === 'es', 'Spanish');
    const err = oneEvent(el, 'ccp-preflight-error');
    runButton(el).click();
    const { detail } = await err;
    expect(detail.source).to.equal('run');
    expect(detail.message, 'the event keeps the English developer message').to.match(/^The ice-servers attribute is not valid JSON/);
    const banner = await shown(el, /mal configurada/);
    expect(banner.textContent).to.contain('Este escritorio de agente tiene mal configurada la prueba, así que no puede empezar. Avisa a TI y pásales este detalle:');
    const d = banner.querySelector('span[lang="en"]')!;
    expect(d, 'the English detail, marked as English').to.exist;
    expect(d.textContent).to.equal(detail.message);
    await expect(el).to.be.accessible();
  });

  it('says a phone switch without a CCP in Spanish (the failover texts), in the panel\'s words', async () => {
    const el = await fixture<CcpPreflightElement>(html`<ccp-preflight lang="es" ccp-mode="none"></ccp-preflight>`);
    await waitUntil(() => el.locale === 'es', 'Spanish');
    const err = oneEvent(el, 'ccp-preflight-error');
    const refused = el.failover('+14155550123').then(() => 'switched', (e: Error) => e.message);
    const { detail } = await err;
    expect(detail.source).to.equal('failover');
    expect(detail.message, 'the event keeps the English message').to.match(/^There is no CCP to switch/);
    expect(await refused).to.match(/^There is no CCP to switch/);
    const banner = await shown(el, /No se puede cambiar de teléfono/);
    expect(banner.textContent).to.contain('No se ha cambiado nada.');
    expect(banner.textContent).not.to.match(/There is no CCP/);
  });

  it('keeps a long detail (JSON without spaces) inside the banner at 320 px', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width: 320px"><ccp-preflight lang="es" ice-servers='[{"url":"turn:turn.example.com:3478?transport=udp"' checks="browser"></ccp-preflight></div>`);
    const el = box.querySelector('ccp-preflight')!;
    await waitUntil(() => el.locale === 'es', 'Spanish');
    runButton(el).click();
    const banner = await shown(el, /mal configurada/);
    expect(banner.scrollWidth, 'the banner does not scroll sideways').to.be.at.most(banner.clientWidth + 1);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
  });

  it('says a bad ccp-url in Spanish, with the English detail', async () => {
    const el = await fixture<CcpPreflightElement>(html`<ccp-preflight lang="es" ccp-url="alias.my.connect.aws/ccp-v2" login-popup="false"></ccp-preflight>`);
    const banner = await shown(el, /mal configurada/);
    expect(banner.querySelector('span[lang="en"]')!.textContent).to.match(/^The CCP URL "alias\.my\.connect\.aws\/ccp-v2" is not a URL/);
  });

  it('says a CCP that cannot start in Spanish: reload, then send IT the detail', async () => {
    const el = await fixture<CcpPreflightElement>(
      html`<ccp-preflight lang="es" ccp-url="https://alias.my.connect.aws/ccp-v2" login-popup="false" .connect=${brokenConnect()}></ccp-preflight>`,
    );
    const banner = await shown(el, /Panel de control de contactos/);
    expect(banner.textContent).to.contain('La prueba no pudo comunicarse con el Panel de control de contactos (CCP). Recarga la página; si vuelve a pasar, envía a TI este detalle:');
    expect(banner.querySelector('span[lang="en"]')!.textContent).to.match(/gave no event bus/);
  });

  it('says "no report yet" in Spanish on copy, with no English left', async () => {
    const el = await fixture<CcpPreflightElement>(html`<ccp-preflight lang="es" ccp-mode="none"></ccp-preflight>`);
    await waitUntil(() => el.locale === 'es', 'Spanish');
    const err = oneEvent(el, 'ccp-preflight-error');
    await (el as unknown as { copy(kind: 'code'): Promise<void> }).copy('code');
    expect((await err).detail).to.deep.include({ source: 'copy', message: 'There is no report yet: run the check first.' });
    const banner = await shown(el, /Todavía no hay informe/);
    expect(banner.textContent!.trim()).to.equal('Todavía no hay informe: primero ejecuta la prueba.');
    expect(banner.querySelector('[lang="en"]')).to.equal(null);
  });

  it('keeps the same banners in English: the error’s own sentence', async () => {
    const bad = await fixture<CcpPreflightElement>(html`<ccp-preflight lang="en" ice-servers="{not json" checks="browser"></ccp-preflight>`);
    const err = oneEvent(bad, 'ccp-preflight-error');
    runButton(bad).click();
    const { detail } = await err;
    await bad.updateComplete;
    expect(alert(bad)!.textContent).to.equal(detail.message);
    expect(alert(bad)!.querySelector('span')).to.equal(null);

    const url = await fixture<CcpPreflightElement>(html`<ccp-preflight lang="en" ccp-url="alias.my.connect.aws/ccp-v2" login-popup="false"></ccp-preflight>`);
    expect((await shown(url, /CCP URL/)).textContent).to.equal('The CCP URL "alias.my.connect.aws/ccp-v2" is not a URL (expected e.g. https://ALIAS.my.connect.aws/ccp-v2).');

    const ccp = await fixture<CcpPreflightElement>(
      html`<ccp-preflight lang="en" ccp-url="https://alias.my.connect.aws/ccp-v2" login-popup="false" .connect=${brokenConnect()}></ccp-preflight>`,
    );
    expect((await shown(ccp, /event bus/)).textContent).to.match(/^The Amazon Connect Streams library started the CCP but gave no event bus/);

    const copy = await fixture<CcpPreflightElement>(html`<ccp-preflight lang="en" ccp-mode="none"></ccp-preflight>`);
    await (copy as unknown as { copy(kind: 'code'): Promise<void> }).copy('code');
    await copy.updateComplete;
    expect(alert(copy)!.textContent).to.equal('There is no report yet: run the check first.');
  });
});
