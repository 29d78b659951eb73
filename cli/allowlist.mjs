// `ccp-preflight allowlist`: a thin Node wrapper around the built allowlist module (src/allowlist/cli.ts, built to
// dist/esm/allowlist.js by `npm run build` and imported as ccp-preflight/allowlist: its dependencies are Node's
// own copies, so the translated texts load in Node; the self-contained dist/allowlist.js is for browsers).
// Node supplies file reading and fetch; this wrapper reads --lang (cli/lang.mjs), else LC_ALL / LC_MESSAGES /
// LANG, and sets the language of the built module's texts; its --help comes from the package's CLI texts
// (src/i18n/cli-texts.ts, the same words as src/allowlist/cli.ts USAGE in English).
import { readFile } from 'node:fs/promises';
import { CLI_LANGS, T, parseLang, speakLanguageOf, useLanguage } from './lang.mjs';

/** src/allowlist/cli.ts DEFAULT_FETCH_TIMEOUT_S (not exported by the package), for the help text. */
const DEFAULT_FETCH_TIMEOUT_S = 20;

/**
 * --lang taken out of the arguments (the built module parses the rest).
 * @param {string[]} argv
 * @returns {{ rest: string[], lang?: string, error?: string }}
 */
function takeLang(argv) {
  const rest = [];
  let lang;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a !== '--lang' && !a.startsWith('--lang=')) {
      rest.push(a);
      continue;
    }
    const value = a === '--lang' ? argv[++i] : a.slice('--lang='.length);
    if (value === undefined || value === '' || (a === '--lang' && value.startsWith('--'))) return { rest, error: T ? T.langNeeded(CLI_LANGS) : `--lang needs a language: ${CLI_LANGS.join(', ')}.` };
    const l = parseLang(value);
    if ('error' in l) return { rest, error: l.error };
    lang = l.lang;
  }
  return { rest, lang };
}

/**
 * @param {string[]} argv arguments after `allowlist`
 * @param {{ stdout: { write(s: string): unknown }, stderr: { write(s: string): unknown } }} io
 * @param {Record<string, string | undefined>} [env] LC_ALL, LC_MESSAGES, LANG (default: process.env)
 * @returns {Promise<number>} exit code: 0 printed, 3 bad input or usage
 */
export async function allowlistMain(argv, io, env = process.env) {
  await speakLanguageOf(argv, env);
  let mod;
  try {
    const built = 'ccp-preflight/allowlist'; // the built package (dist/esm); its types are src/allowlist's
    mod = await import(built);
  } catch (e) {
    io.stderr.write(`ccp-preflight allowlist: ${T ? T.notBuilt('dist/esm/allowlist.js') : `the built module dist/esm/allowlist.js is missing (${e instanceof Error ? e.message : String(e)}). Run "npm run build" first.`}\n`);
    return 3;
  }
  const { rest, lang, error } = takeLang(argv);
  // The language of the built module's texts (the same runtime as ccp-preflight/report's, in dist/esm).
  await useLanguage(mod, lang, env);
  if (error) {
    io.stderr.write(`ccp-preflight allowlist: ${mod.allowlistTexts.usageHint(error)}\n`);
    return mod.EXIT_BAD_INPUT;
  }
  if (T && (rest.includes('--help') || rest.includes('-h'))) {
    io.stdout.write(T.allowlistHelp({ networkingUrl: mod.NETWORKING_PAGE_URL, nearDays: mod.DEADLINE_NEAR_DAYS, timeoutS: DEFAULT_FETCH_TIMEOUT_S, langs: CLI_LANGS }) + '\n');
    return mod.EXIT_OK;
  }
  return mod.allowlistMain(rest, { ...io, readFile: (p) => readFile(p, 'utf8'), fetch: globalThis.fetch });
}
