/**
 * The widget in a language downloads only its own texts (the "agent" part of src/generated/parts/); the
 * supervisor's part loads when a module of a supervisor view loads (here the compare view, which the report view
 * imports when a supervisor compares two reports), and the language is announced again so elements re-render.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { msg } from '@lit/localize';
import '../../src/index.js';
import { LOCALE_STATUS_EVENT, setLocale } from '../../src/i18n/runtime.js';

/** The language part modules this page fetched, as "<locale>.<part>". */
const fetched = (): string[] =>
  performance
    .getEntriesByType('resource')
    .map((e) => /\/generated\/parts\/([\w-]+\.\w+)\.(?:ts|js)\b/.exec(e.name)?.[1])
    .filter((n): n is string => !!n);

describe('language texts in parts', () => {
  after(() => setLocale('en'));

  it('loads the widget part only with the language, the supervisor part with a supervisor view, then re-renders', async () => {
    await setLocale('es');
    expect(fetched()).to.deep.equal(['es.agent']);
    expect(msg('Send this report to IT (Copy share code).')).not.to.equal('Send this report to IT (Copy share code).');
    expect(msg('Round trip (test call)')).to.equal('Round trip (test call)'); // a compare view text: not loaded yet

    let announced = 0;
    const count = (): void => void announced++;
    window.addEventListener(LOCALE_STATUS_EVENT, count);
    try {
      await import('../../src/elements/ccp-preflight-report/compare-view.js');
      await waitUntil(() => announced > 0, 'the language is announced again once the supervisor part is in place');
    } finally {
      window.removeEventListener(LOCALE_STATUS_EVENT, count);
    }
    expect(fetched().sort()).to.deep.equal(['es.agent', 'es.supervisor']);
    expect(msg('Round trip (test call)')).not.to.equal('Round trip (test call)');
    expect(msg('Send this report to IT (Copy share code).')).not.to.equal('Send this report to IT (Copy share code).');

    await setLocale('ja'); // the next language: both parts at once, the command line's never
    expect(fetched().filter((n) => n.startsWith('ja.')).sort()).to.deep.equal(['ja.agent', 'ja.supervisor']);
    expect(fetched().some((n) => n.endsWith('.cli'))).to.equal(false);
  });
});
