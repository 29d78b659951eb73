/**
 * Which language to show, decided without asking (pure; no DOM): the `lang` attribute or option first, else the
 * CCP agent's own language (`agentPreferences.locale`, e.g. `es_ES`), else the browser's languages
 * (`navigator.languages`), English last. Only the languages the tool ships are returned.
 */

/** The language the texts are written in. */
export const SOURCE_LOCALE = 'en';
/** The languages the texts are translated into (lit-localize.json `targetLocales`). */
export const TARGET_LOCALES = ['es', 'fr', 'de', 'pt-BR', 'ja'] as const;
export const LOCALES = [SOURCE_LOCALE, ...TARGET_LOCALES] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's own name, for a language picker. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
  'pt-BR': 'Português (Brasil)',
  ja: '日本語',
};

/**
 * The shipped language for one tag, or undefined: `es_ES`, `es-419` -> `es`; `pt_BR`, `pt-PT`, `pt` -> `pt-BR`
 * (the one Portuguese shipped); `ja_JP` -> `ja`; `zh-CN` -> undefined. Case and `_`/`-` do not matter.
 */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (typeof tag !== 'string') return undefined;
  const parts = tag.trim().replace(/_/g, '-').toLowerCase().split('-');
  const lang = parts[0];
  if (!lang || !/^[a-z]{2,3}$/.test(lang)) return undefined;
  if (lang === 'pt') return 'pt-BR';
  return (LOCALES as readonly string[]).includes(lang) ? (lang as Locale) : undefined;
}

export interface LocaleSources {
  /** The `lang` attribute or option the host page set. */
  lang?: string | null | undefined;
  /** The CCP agent's `agentPreferences.locale`, e.g. `es_ES`. */
  agentLocale?: string | null | undefined;
  /** `navigator.languages`, most preferred first. */
  browser?: readonly string[] | null | undefined;
}

/** The first shipped language among: `lang`, the agent's locale, the browser's languages in order; else English. */
export function resolveLocale(sources: LocaleSources): Locale {
  for (const tag of [sources.lang, sources.agentLocale, ...(sources.browser ?? [])]) {
    const l = matchLocale(tag);
    if (l) return l;
  }
  return SOURCE_LOCALE;
}

/**
 * The language from a POSIX environment (CLI): LC_ALL, then LC_MESSAGES, then LANG (`es_ES.UTF-8` -> `es`);
 * `C`/`POSIX` and unknown languages give undefined.
 */
export function localeFromEnv(env: Record<string, string | undefined>): Locale | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const v = env[name];
    if (!v) continue;
    // The first variable set decides, as in POSIX (an unshipped language there means English, not the next one).
    return matchLocale(v.split('.')[0]);
  }
  return undefined;
}
