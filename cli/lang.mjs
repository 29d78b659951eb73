// The language of the CLI's texts: `--lang` (any command, or before the command), else LC_ALL / LC_MESSAGES /
// LANG, else English; one reading of `--lang`, one message for a bad one. The words themselves come from the
// built package (ccp-preflight/report: cliTexts, src/i18n/cli-texts.ts); before a build the CLI speaks English.

/** The built package's language list, matcher and texts (src/i18n); null before `npm run build`. */
const pkg = await import('ccp-preflight/report').catch(() => null);

/** The languages of the CLI's texts (src/i18n/locale.ts LOCALES, from the built package). */
export const CLI_LANGS = pkg ? [...pkg.LOCALES] : ['en'];

/**
 * The CLI's usage and help texts (src/i18n/cli-texts.ts), in the active language of the built package; null
 * before a build (or with a build older than this CLI): the CLI then prints its English copies.
 * @type {import('ccp-preflight/report').CliTexts | null}
 */
export const T = pkg?.cliTexts ?? null;

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
  if (lang) return { lang };
  return { error: T ? T.langUnknown(value, CLI_LANGS) : `--lang "${value}" is not a language of this tool. Give one of ${CLI_LANGS.join(', ')}.` };
}

/**
 * The language a command line asks for with `--lang LANG` or `--lang=LANG` (the last one), when it is one of the
 * tool's; undefined otherwise (no --lang, or one the command itself will refuse).
 * @param {readonly string[]} argv
 * @returns {string | undefined}
 */
export function langInArgs(argv) {
  if (!pkg) return undefined;
  let lang;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    const l = value ? pkg.matchLocale(value) : undefined;
    if (l) lang = l;
  }
  return lang;
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

/**
 * Speaks the language a command line asks for (its --lang, else the environment's) before the command reads its
 * arguments, so its help and usage errors are in that language too. No-op before a build.
 * @param {readonly string[]} argv
 * @param {Record<string, string | undefined>} env
 */
export async function speakLanguageOf(argv, env) {
  if (pkg) await useLanguage(pkg, langInArgs(argv), env);
}
