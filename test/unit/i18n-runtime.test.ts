// The language runtime (src/i18n/runtime.ts) loads each language's texts in parts: the widget's ("agent") with the
// language, the others once a module asks for them (needTexts), now if a language is active, else with the next
// one. A part that fails to load leaves the texts as they were and rejects with an Error saying so. The parts are
// fakes here (each text names its language and part), loaded through the runtime's test hook.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { msg } from '@lit/localize';
import type { LocaleModule, TemplateMap } from '@lit/localize';
import { getLocale, inSourceLocale, LOCALE_STATUS_EVENT, needTexts, setLocale, type TextPart } from '../../src/i18n/runtime.js';

const { loads, failing, part } = vi.hoisted(() => {
  const loads: string[] = [];
  const failing = new Set<string>();
  /** A part whose text in each language names the part and the language. */
  const part = (name: string): TextPart => ({
    name,
    load: Object.fromEntries(
      ['es', 'fr', 'de', 'pt-BR', 'ja'].map((l) => [
        l,
        (): Promise<LocaleModule> => {
          loads.push(`${l} ${name}`);
          if (failing.has(`${l} ${name}`)) return Promise.reject(new Error('network down'));
          return Promise.resolve({ templates: { [`t-${name}`]: `${name} in ${l}` } as TemplateMap });
        },
      ]),
    ) as unknown as TextPart['load'],
  });
  return { loads, failing, part };
});
// The widget's part, as src/generated/parts/agent.ts gives it to the runtime.
vi.mock('../../src/generated/parts/agent.js', () => ({ texts: part('agent') }));
const supervisor = part('supervisor');
const cli = part('cli');
const shown = (): string[] => ['agent', 'supervisor', 'cli'].map((p) => msg(`${p} in English`, { id: `t-${p}` }));
const announced: string[] = [];

describe('the language runtime, in parts', () => {
  beforeAll(() => {
    (globalThis as { window?: EventTarget }).window = new EventTarget();
    (globalThis as unknown as { window: EventTarget }).window.addEventListener(LOCALE_STATUS_EVENT, (e) => announced.push((e as CustomEvent<{ readyLocale: string }>).detail.readyLocale));
  });
  afterAll(async () => {
    await setLocale('en');
    delete (globalThis as { window?: EventTarget }).window;
  });

  it('loads nothing in English, even for a part a module needs', async () => {
    await needTexts(supervisor);
    expect(loads).toEqual([]);
    expect(getLocale()).toBe('en');
  });

  it('loads the widget part and the parts needed so far with a language, not the others', async () => {
    await setLocale('es');
    expect(loads.sort()).toEqual(['es agent', 'es supervisor']);
    expect(shown()).toEqual(['agent in es', 'supervisor in es', 'cli in English']);
    expect(announced).toEqual(['es']);
    expect(inSourceLocale(shown)).toEqual(['agent in English', 'supervisor in English', 'cli in English']);
  });

  it('keeps the texts when a part needed later fails to load, and says so', async () => {
    failing.add('es cli');
    await expect(needTexts(cli)).rejects.toThrow(/texts in "es" could not be loaded \(network down\)/);
    expect(getLocale()).toBe('es');
    expect(shown()).toEqual(['agent in es', 'supervisor in es', 'cli in English']);
    expect(announced).toEqual(['es']);
  });

  it('loads a part needed later, once for two calls, and announces the language again so elements re-render', async () => {
    failing.clear();
    loads.length = 0;
    await Promise.all([needTexts(cli), needTexts(cli)]);
    // Each part's module once (those already loaded come from the module map, not the network).
    expect(loads.sort()).toEqual(['es agent', 'es cli', 'es supervisor']);
    expect(shown()).toEqual(['agent in es', 'supervisor in es', 'cli in es']);
    expect(announced).toEqual(['es', 'es']);
    await needTexts(cli); // in place: nothing more
    expect(loads).toHaveLength(3);
  });

  it('keeps the current language when a part of the next one fails, and rejects with an Error saying so', async () => {
    failing.add('fr supervisor');
    await expect(setLocale('fr')).rejects.toThrow(/The texts in "fr" could not be loaded \(network down\); they stay in the current language/);
    expect(getLocale()).toBe('es');
    expect(shown()).toEqual(['agent in es', 'supervisor in es', 'cli in es']);
  });

  it('loads a part needed while a language loads before that language shows', async () => {
    failing.clear();
    const extra = part('extra');
    const fr = setLocale('fr');
    const more = needTexts(extra);
    await fr;
    expect(getLocale()).toBe('fr');
    expect(msg('extra in English', { id: 't-extra' })).toBe('extra in fr');
    await more;
    await setLocale('es');
    expect(msg('extra in English', { id: 't-extra' })).toBe('extra in es');
  });

  it('loads every needed part of the next language; a later request wins', async () => {
    failing.clear();
    loads.length = 0;
    const de = setLocale('de');
    const ja = setLocale('ja');
    await Promise.all([de, ja]);
    expect(getLocale()).toBe('ja');
    expect(shown()).toEqual(['agent in ja', 'supervisor in ja', 'cli in ja']);
    expect(loads.filter((l) => l.startsWith('ja')).sort()).toEqual(['ja agent', 'ja cli', 'ja extra', 'ja supervisor']);
    await setLocale('es');
    expect(shown()).toEqual(['agent in es', 'supervisor in es', 'cli in es']);
    await setLocale('en');
    expect(shown()).toEqual(['agent in English', 'supervisor in English', 'cli in English']);
  });
});
