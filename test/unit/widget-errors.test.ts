// The widget's error banner by kind: the kind of each failure the widget can show (from the throw sites' own kind,
// the error's class and where it came from), and the banner in the agent's language with the English detail.
import { afterAll, describe, expect, it } from 'vitest';
import { WIDGET_ERROR_KINDS, widgetErrorKind } from '../../src/elements/ccp-preflight/widget-errors.js';
import { widgetErrorBanner, widgetErrorSentence } from '../../src/elements/ccp-preflight/widget-error-texts.js';
import { buildRunOptions, parseChecksAttribute, parseIceServersAttribute } from '../../src/elements/ccp-preflight/options.js';
import { reportJson, reportText, NO_REPORT } from '../../src/elements/ccp-preflight/share.js';
import { checkCcpUrl } from '../../src/ccp/streams.js';
import { CcpController } from '../../src/ccp/controller.js';
import { LazyModule } from '../../src/internal/lazy.js';
import { setLocale } from '../../src/i18n/runtime.js';
import { TARGET_LOCALES } from '../../src/i18n/locale.js';

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}
async function rejected(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('widgetErrorKind', () => {
  it('says a bad attribute is the set-up (config), wherever the run reports it', () => {
    expect(widgetErrorKind('run', thrown(() => parseIceServersAttribute('{not json')))).toBe('config');
    expect(widgetErrorKind('run', thrown(() => parseIceServersAttribute('[{"url":"x"}]')))).toBe('config');
    expect(widgetErrorKind('run', thrown(() => parseIceServersAttribute('[{"urls":"http://x"}]')))).toBe('config');
    expect(widgetErrorKind('run', thrown(() => parseChecksAttribute('browser, nope')))).toBe('config');
    expect(widgetErrorKind('run', thrown(() => buildRunOptions({ iceServersAttr: '[' })))).toBe('config');
    // The messages stay the English developer messages (the event's `message`, the README).
    expect((thrown(() => parseIceServersAttribute('{not json')) as Error).message).toMatch(/^The ice-servers attribute is not valid JSON/);
  });

  it('says a bad ccp-url or ccp-mode from the CCP part is the set-up, anything else from it the CCP', () => {
    expect(widgetErrorKind('ccp', thrown(() => checkCcpUrl('not a url')))).toBe('config');
    expect(widgetErrorKind('ccp', thrown(() => new CcpController({ mode: 'full', ccpUrl: 'https://x.my.connect.aws/%41', container: {} as HTMLElement })))).toBe('config');
    expect(widgetErrorKind('ccp', new Error('The Amazon Connect Streams library loaded but is not usable (connect.core.initCCP is missing).'))).toBe('ccp');
    expect(widgetErrorKind('ccp', new Error('The widget could not find its CCP container, so the CCP was not started: reload the page.'))).toBe('ccp');
    expect(widgetErrorKind('ccp', 'a string')).toBe('ccp');
  });

  it('says a part that could not be downloaded is a download, as each browser words it', async () => {
    for (const m of [
      'Failed to fetch dynamically imported module: https://desk.example.com/assets/ccp-1.js',
      'error loading dynamically imported module: https://desk.example.com/assets/ccp-1.js',
      'Importing a module script failed.',
    ]) {
      expect(widgetErrorKind('ccp', new TypeError(m)), m).toBe('download');
      expect(widgetErrorKind('run', new TypeError(m)), m).toBe('download');
    }
    expect(widgetErrorKind('run', new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe('unexpected');
    const host = { addController() {}, requestUpdate() {} };
    const lazy = new LazyModule(host as never, () => Promise.reject('offline'));
    expect(widgetErrorKind('run', await rejected(lazy.ready()))).toBe('download');
    expect(widgetErrorKind('locale', new Error('anything'))).toBe('download');
  });

  it('says copy and download failures, the missing report and the phone-switch guard', async () => {
    expect(widgetErrorKind('copy', await rejected(reportText(undefined, 'code', false)))).toBe('no-report');
    expect(widgetErrorKind('copy', await rejected(reportJson(undefined, true)))).toBe('no-report');
    expect(((await rejected(reportJson(undefined, false))) as Error).message).toBe(NO_REPORT);
    expect(widgetErrorKind('copy', new Error('CompressionStream is not defined'))).toBe('copy');
    expect(widgetErrorKind('failover', new Error('Something else.'))).toBe('ccp');
    expect(widgetErrorKind('run', new Error('boom'))).toBe('unexpected');
    expect(widgetErrorKind('run', Object.assign(new Error('x'), { kind: 'not-a-kind' }))).toBe('unexpected');
  });
});

describe('the banner in the agent’s language', () => {
  afterAll(() => setLocale('en'));

  it('shows the error’s own English sentence in English', async () => {
    await setLocale('en');
    const e = thrown(() => parseIceServersAttribute('{not json'));
    expect(widgetErrorBanner('run', e)).toBe((e as Error).message);
    expect(widgetErrorBanner('copy', new Error(NO_REPORT))).toBe(NO_REPORT);
  });

  it('says every kind in every language, with the English detail where it helps', async () => {
    const english = new Map<string, string>();
    await setLocale('en');
    for (const k of WIDGET_ERROR_KINDS) english.set(k, widgetErrorSentence(k).text);
    for (const l of TARGET_LOCALES) {
      await setLocale(l);
      for (const k of WIDGET_ERROR_KINDS) {
        const s = widgetErrorSentence(k);
        expect(s.text, `${l} ${k}`).not.toBe(english.get(k));
        expect(s.text.length, `${l} ${k}`).toBeGreaterThan(10);
        expect(s.detail, k).toBe(k !== 'download' && k !== 'no-report');
      }
      const e = thrown(() => parseIceServersAttribute('{not json')) as Error;
      const banner = widgetErrorBanner('run', e) as unknown as { strings: readonly string[]; values: unknown[] };
      expect(banner.strings.join('|'), l).toContain('lang="en"');
      expect(banner.values, l).toEqual([widgetErrorSentence('config').text, e.message]);
      expect(widgetErrorBanner('copy', await rejected(reportText(undefined, 'json', false))), l).toBe(widgetErrorSentence('no-report').text);
    }
    await setLocale('es');
    expect(widgetErrorSentence('no-report').text).toBe('Todavía no hay informe: primero ejecuta la prueba.');
  });
});
