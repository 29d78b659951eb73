// A failed phone switch said in the agent's language: the errors the real validator and switch produce carry
// their figures, and every code reads in every language with those figures and without English left.
import { afterAll, describe, expect, it } from 'vitest';
import { FailoverError, validateExternalNumber, type FailoverErrorCode } from '../../src/ccp/failover.js';
import { failoverErrorText, failoverFromCode } from '../../src/i18n/failover-texts.js';
import { setLocale } from '../../src/i18n/runtime.js';
import { TARGET_LOCALES } from '../../src/i18n/locale.js';

async function refusal(p: Promise<unknown>): Promise<FailoverError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FailoverError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** English words of these sentences, as whole words (Unicode letters: "téléphone" is not "phone"). */
const ENGLISH_WORDS = new Set(['the', 'number', 'phone', 'nothing', 'was', 'check', 'your', 'before', 'please']);
const ENGLISH = { test: (s: string) => (s.match(/\p{L}+/gu) ?? []).some((w) => ENGLISH_WORDS.has(w.toLowerCase())) };

describe('failover error texts', () => {
  afterAll(() => setLocale('en'));

  it('keeps the English sentence in English and for an unknown code', async () => {
    await setLocale('en');
    const e = await refusal(validateExternalNumber('4155550123', ['US']));
    expect(failoverErrorText(e)).toBe(e.message);
    await setLocale('es');
    expect(failoverErrorText({ code: 'from-a-newer-version', message: 'Some new refusal.' })).toBe('Some new refusal.');
  });

  it('says the validator refusals in every language with their figures', async () => {
    const badFormat = await refusal(validateExternalNumber('0044 20 7183', ['GB']));
    const notDialable = await refusal(validateExternalNumber('+442071838750', ['US', 'CA']));
    const noCountries = await refusal(validateExternalNumber('+442071838750', []));
    expect(badFormat.params).toEqual({ number: '0044 20 7183' });
    expect(notDialable.params).toEqual({ country: 'GB', allowed: 'US, CA' });
    for (const l of TARGET_LOCALES) {
      await setLocale(l);
      const a = failoverErrorText(badFormat);
      expect(a, l).toContain('0044 20 7183');
      expect(ENGLISH.test(a), `${l}: ${a}`).toBe(false);
      const b = failoverErrorText(notDialable);
      expect(b, l).toContain('GB');
      expect(b, l).toContain('US, CA');
      expect(ENGLISH.test(b), `${l}: ${b}`).toBe(false);
      const c = failoverErrorText(noCountries);
      expect(c, l).toContain('GB');
      expect(c, l).not.toBe(noCountries.message);
    }
  });

  it('has a sentence for every code in every language, with no raw placeholder', async () => {
    const codes: [FailoverErrorCode, FailoverError['params']][] = [
      ['no-ccp', { state: 'timeout' }], ['no-ccp', { step: 'closed' }], ['no-ccp-to-switch', {}], ['not-ready', {}], ['consent-required', {}],
      ['invalid-format', { number: '12' }], ['invalid-number', { number: '+1999' }], ['country-unknown', { number: '+80012345678' }],
      ['country-not-dialable', { country: 'FR', allowed: 'US' }], ['invalid-locale', {}], ['rejected', { detail: 'AccessDenied' }],
      ['rejected', { detail: 'boom', step: 'send' }], ['timeout', { seconds: 10 }], ['already-softphone', {}], ['busy', {}],
    ];
    for (const l of TARGET_LOCALES) {
      await setLocale(l);
      const seen = new Set<string>();
      for (const [code, params] of codes) {
        const t = failoverFromCode({ code, message: 'English', params });
        expect(t, `${l} ${code}`).toBeTypeOf('string');
        expect(t, `${l} ${code}`).not.toMatch(/\{\d\}|\$\{|undefined/);
        expect(ENGLISH.test(t!), `${l} ${code}: ${t}`).toBe(false);
        for (const v of Object.values(params).filter((x) => typeof x !== 'string' || !['closed', 'send'].includes(x))) {
          if (code !== 'no-ccp') expect(t, `${l} ${code}`).toContain(String(v));
        }
        seen.add(t!);
      }
      expect(seen.size, `${l}: two sentences of one code stay different`).toBe(codes.length);
    }
  });
});
