// Language choice (src/i18n/locale.ts) and the DOM-free runtime (src/i18n/runtime.ts): the CLI's text renderer
// in another language through the same catalogues as the widget, in Node (no window).
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { localeFromEnv, matchLocale, resolveLocale } from '../../src/i18n/locale.js';
import { getLocale, setLocale } from '../../src/report/index.js'; // the CLI's entry: it needs the command line's texts
import { columns, renderReportText, wrap } from '../../src/report/text.js';

const load = (name: string): unknown => JSON.parse(readFileSync(`test/unit/fixtures/reports/${name}`, 'utf8'));

describe('matchLocale', () => {
  it('maps CCP and browser tags to the shipped languages', () => {
    expect(matchLocale('es_ES')).toBe('es');
    expect(matchLocale('es-419')).toBe('es');
    expect(matchLocale('pt_BR')).toBe('pt-BR');
    expect(matchLocale('pt-PT')).toBe('pt-BR');
    expect(matchLocale('JA_jp')).toBe('ja');
    expect(matchLocale('de-CH')).toBe('de');
    expect(matchLocale('fr_CA')).toBe('fr');
    expect(matchLocale('en_US')).toBe('en');
  });
  it('gives nothing for languages not shipped and for junk', () => {
    for (const t of ['zh_CN', 'ko-KR', '', '  ', 'e', '12', '*', null, undefined]) expect(matchLocale(t)).toBeUndefined();
  });
});

describe('resolveLocale', () => {
  it('takes lang first, then the CCP agent, then the browser, then English', () => {
    expect(resolveLocale({ lang: 'fr', agentLocale: 'es_ES', browser: ['de-DE'] })).toBe('fr');
    expect(resolveLocale({ agentLocale: 'es_ES', browser: ['de-DE'] })).toBe('es');
    expect(resolveLocale({ browser: ['de-DE', 'en-US'] })).toBe('de');
    expect(resolveLocale({})).toBe('en');
  });
  it('skips a source whose language is not shipped', () => {
    expect(resolveLocale({ lang: 'zh', agentLocale: 'ko_KR', browser: ['it-IT', 'pt-BR'] })).toBe('pt-BR');
    expect(resolveLocale({ lang: 'zh', agentLocale: 'ko_KR', browser: ['it-IT'] })).toBe('en');
  });
});

describe('localeFromEnv', () => {
  it('reads LC_ALL, then LC_MESSAGES, then LANG, as POSIX does', () => {
    expect(localeFromEnv({ LANG: 'es_ES.UTF-8' })).toBe('es');
    expect(localeFromEnv({ LC_ALL: 'ja_JP.UTF-8', LANG: 'es_ES.UTF-8' })).toBe('ja');
    expect(localeFromEnv({ LC_MESSAGES: 'de_DE.UTF-8', LANG: 'fr_FR.UTF-8' })).toBe('de');
    expect(localeFromEnv({ LC_ALL: 'C', LANG: 'es_ES.UTF-8' })).toBeUndefined();
    expect(localeFromEnv({})).toBeUndefined();
  });
});

describe('the text renderer in another language (Node, no DOM)', () => {
  afterAll(() => setLocale('en'));
  it('wraps Japanese (no spaces, two columns a character) to the width, with the hanging indent', () => {
    const ja = 'エージェントのネットワークと、ip-ranges.json にあるインスタンスのリージョンの AMAZON_CONNECT 範囲との間で、UDP 3478 を双方向に許可してください。';
    const lines = wrap(ja, 40, '    1. ', '       ');
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(columns(l), l).toBeLessThanOrEqual(40);
    expect(lines.slice(1).every((l) => l.startsWith('       ') && !l.startsWith('        '))).toBe(true);
    expect(lines.map((l, i) => (i ? l.slice(7) : l.slice(7))).join('').replace(/ /g, '')).toBe(ja.replace(/ /g, ''));
    expect(columns('通話')).toBe(4);
  });
  it('wraps the Japanese summary to the terminal width', async () => {
    await setLocale('ja');
    try {
      const text = renderReportText(load('degraded-udp-blocked.json'), { width: 60 });
      // A single word wider than the line (a link) stays whole, as in English.
      for (const l of text.split('\n')) if (!l.trim().split(' ').some((w) => columns(w) > 50)) expect(columns(l), l).toBeLessThanOrEqual(60);
    } finally {
      await setLocale('en');
    }
  });
  it('renders a failing report in Spanish and back in English', async () => {
    const report = load('degraded-udp-blocked.json');
    const en = renderReportText(report);
    await setLocale('es');
    expect(getLocale()).toBe('es');
    const es = renderReportText(report);
    expect(es.split('\n')[0]).toBe('✕ Ahora mismo las llamadas no funcionarán de forma fiable en este navegador.');
    expect(es).toContain('Qué hacer ahora');
    expect(es).toContain('Para TI');
    expect(es).not.toContain('What to do now');
    expect(es).not.toMatch(/\$\{|\{\d\}/);
    // Figures in the language's own number format (1.234,5 in Spanish), units kept.
    expect(es).toMatch(/\d ms/);
    await setLocale('en');
    expect(renderReportText(report)).toBe(en);
  });
});
