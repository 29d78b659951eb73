// The `--lang` option of the CLI's commands (`run`, `log`): one reading of it, one message for a bad one.

/** The languages of the CLI's texts (src/i18n/locale.ts LOCALES). */
export const CLI_LANGS = ['en', 'es', 'fr', 'de', 'pt-BR', 'ja'];

/**
 * The language a `--lang` value names, as matchLocale in src/i18n/locale.ts (es_ES, es-MX -> es; pt, pt_BR ->
 * pt-BR; case does not matter), or an error sentence that lists the languages there are.
 * @param {string} value
 * @returns {{ lang: string } | { error: string }}
 */
export function parseLang(value) {
  const base = String(value).trim().replace(/_/g, '-').toLowerCase().split('-')[0];
  const lang = base === 'pt' ? 'pt-BR' : CLI_LANGS.find((l) => l === base);
  return lang ? { lang } : { error: `--lang "${value}" is not a language of this tool. Give one of ${CLI_LANGS.join(', ')}.` };
}

/**
 * Sets the language of the built package's texts (`pkg`: dist/report.js or ccp-preflight/report): `lang` (from
 * --lang), else LC_ALL, LC_MESSAGES or LANG, else English. A translated language is a module that also holds the
 * few texts with markup (msg(html`...`)), so it loads Lit, whose browser build names `HTMLElement` and `document`
 * when it loads; Node has neither, so two inert stand-ins are put in place first (only where missing; nothing
 * here renders HTML, the terminal gets plain strings).
 * @param {{ setLocale(l: string): Promise<void>, localeFromEnv(env: Record<string, string | undefined>): string | undefined }} pkg
 * @param {string | undefined} lang
 * @param {Record<string, string | undefined>} env
 */
export async function useLanguage(pkg, lang, env) {
  const want = lang ?? pkg.localeFromEnv(env) ?? 'en';
  if (want !== 'en') {
    globalThis.HTMLElement ??= class {};
    globalThis.document ??= { createTreeWalker: () => ({}), createComment: () => ({}) };
  }
  await pkg.setLocale(want);
}
