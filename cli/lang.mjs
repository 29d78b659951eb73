// The `--lang` option of the CLI's commands (`run`, `log`): one reading of it, one message for a bad one.

/** The built package's language list and matcher (src/i18n/locale.ts); null before `npm run build`. */
const pkg = await import('ccp-preflight/report').catch(() => null);

/** The languages of the CLI's texts (src/i18n/locale.ts LOCALES, from the built package). */
export const CLI_LANGS = pkg ? [...pkg.LOCALES] : ['en'];

/**
 * The language a `--lang` value names, by the package's matchLocale (es_ES, es-MX -> es; pt, pt_BR -> pt-BR;
 * case does not matter), or an error sentence that lists the languages there are. Before the package is built,
 * the value is taken as it is (the command then says the package must be built).
 * @param {string} value
 * @returns {{ lang: string } | { error: string }}
 */
export function parseLang(value) {
  if (!pkg) return { lang: String(value) };
  const lang = pkg.matchLocale(value);
  return lang ? { lang } : { error: `--lang "${value}" is not a language of this tool. Give one of ${CLI_LANGS.join(', ')}.` };
}

/**
 * Sets the language of the built package's texts (`pkg`: ccp-preflight/report): `lang` (from --lang), else
 * LC_ALL, LC_MESSAGES or LANG, else English.
 * @param {{ setLocale(l: string): Promise<void>, localeFromEnv(env: Record<string, string | undefined>): string | undefined }} pkg
 * @param {string | undefined} lang
 * @param {Record<string, string | undefined>} env
 */
export async function useLanguage(pkg, lang, env) {
  await pkg.setLocale(lang ?? pkg.localeFromEnv(env) ?? 'en');
}
