// Every finding code a check can give reads in every language: a code without a sentence here would show the
// writer's English in a Spanish, French... report (findingText falls back to it), which is what this prevents.
import { afterAll, describe, expect, it } from 'vitest';
import { findingFromCode, findingLang, findingText } from '../../src/i18n/report-texts.js';
import { remedyFixes } from '../../src/i18n/remedy-texts.js';
import { setLocale } from '../../src/i18n/runtime.js';
import { TARGET_LOCALES } from '../../src/i18n/locale.js';
import { BANDWIDTH_CODES } from '../../src/checks/bandwidth.js';
import { BROWSER_CODES } from '../../src/checks/browser.js';
import { CCP_CODES } from '../../src/checks/ccp.js';
import { DEVICES_CODES } from '../../src/checks/devices.js';
import { ENDPOINTS_CODES } from '../../src/checks/endpoints.js';
import { ICE_CODES } from '../../src/checks/ice.js';
import { MEDIA_CODES } from '../../src/checks/media.js';
import { WORKSTATION_CODES } from '../../src/checks/workstation.js';

const ALL: [string, Readonly<Record<string, string>>][] = [
  ['browser', BROWSER_CODES], ['workstation', WORKSTATION_CODES], ['devices', DEVICES_CODES], ['ccp', CCP_CODES],
  ['endpoints', ENDPOINTS_CODES], ['ice-udp', ICE_CODES], ['ice-tcp', ICE_CODES], ['ice-tls', ICE_CODES],
  ['media', MEDIA_CODES], ['bandwidth', BANDWIDTH_CODES],
];
/** The test call's quality codes are said from its figures. */
const CALL = { rttMs: 420, jitterMs: 45, lossPct: 6, mos: 2.9 };

describe('finding sentences from codes', () => {
  afterAll(() => setLocale('en'));

  it.each(TARGET_LOCALES)('%s: every code of every check has a sentence, with no raw placeholder', async (locale) => {
    await setLocale(locale);
    const missing: string[] = [];
    for (const [id, codes] of ALL) {
      for (const code of Object.keys(codes)) {
        const data = id === 'media' ? CALL : {};
        const said = ['fail', 'warn', 'skip', 'pass'].map((v) => findingFromCode(id, v, code, data)).filter((s): s is string => !!s);
        if (!said.length) missing.push(`${id}:${code}`);
        for (const s of said) expect(s, `${id}:${code}`).not.toMatch(/\{\d\}|\$\{|undefined|NaN/);
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(TARGET_LOCALES)("%s: the runner's own codes (timeout, error, cancelled, no relay, no servers from the CCP) for every check", async (locale) => {
    await setLocale(locale);
    for (const [id] of ALL) {
      for (const code of ['timeout', 'error', 'aborted', 'no-relay-anywhere', 'ccp-no-servers']) {
        const said = findingFromCode(id, code === 'aborted' || code === 'no-relay-anywhere' ? 'skip' : 'fail', code, {});
        expect(said, `${id}:${code}`).toBeTypeOf('string');
        expect(said, `${id}:${code}`).not.toMatch(/\{\d\}|\$\{|undefined/);
      }
    }
  });

  it("says a Chromium-based browser's name and, when its engine is behind, its engine version", async () => {
    await setLocale('es');
    const current = findingFromCode('browser', 'warn', 'chromium-based', { name: 'Microsoft Edge', major: 131, engineMajor: 131, versionStanding: 'current' })!;
    expect(current).toContain('Microsoft Edge 131');
    expect(current).not.toContain('131)');
    const behind = findingFromCode('browser', 'warn', 'chromium-based', { name: 'Opera', major: 110, engineMajor: 125, versionStanding: 'outdated' })!;
    expect(behind).toContain('Opera 110');
    expect(behind).toContain('125');
  });

  it("marks the writer's English, shown for a code or remedy this version does not know, as English (lang)", async () => {
    const newer = { id: 'headset-battery', verdict: 'warn', code: 'battery-low', summary: 'The wireless headset battery is low.', remedies: [{ id: 'charge-headset', text: 'Charge the headset.', source: '', audience: 'agent' }] };
    const known = { id: 'browser', verdict: 'fail', code: 'insecure-context', summary: 'Not https.', remedies: [{ id: 'udp-3478-amazon-connect', text: 'Allow UDP 3478.', source: '', audience: 'network-admin' }] };
    await setLocale('es');
    expect([findingText(newer), findingLang(newer)]).toEqual(['The wireless headset battery is low.', 'en']);
    expect(findingLang(known)).toBeUndefined();
    const fixes = remedyFixes([newer, known]);
    expect(fixes.find((f) => f.text === 'Charge the headset.')?.lang).toBe('en');
    expect(fixes.find((f) => f.audience === 'network-admin')?.lang).toBeUndefined();
    await setLocale('en');
    expect(findingLang(newer)).toBeUndefined();
    expect(remedyFixes([newer]).every((f) => f.lang === undefined)).toBe(true);
  });
});
