// `ccp-preflight log FILE [--json]`: reads a CCP log (agent-log.txt, from the CCP's "Download logs") and
// prints each call's quality per direction, the problems first, with what to do. Uses the built package
// (ccp-preflight/report, dist/esm: parseCcpLog, and ccpLogText for the words in the reader's language: --lang, else LC_ALL,
// LC_MESSAGES or LANG). Exit codes: 0 the log was read, 3 unreadable file or usage error.
import { readFile } from 'node:fs/promises';
import { CLI_LANGS, T, parseLang, speakLanguageOf, useLanguage } from './lang.mjs';

/** The help before a build (the built package's cliTexts.logHelp() says the same in English). */
export const LOG_USAGE = `Usage: ccp-preflight log FILE [--json] [--lang LANG]

Reads a CCP log (agent-log.txt: in the CCP, Settings > Download logs, or connect.getLog().download())
and prints each softphone call's quality in both directions (what the agent hears, what the caller hears),
the softphone errors with what to do, ICE, signaling and API failures, websocket gaps, missed calls and
clock skew. A log covers the last 30 to 60 minutes of the CCP.

Options:
  --json       print the result as JSON (calls with contactId and figures, softphoneErrors with type, problems);
               the same in every language (English sentences, with codes and figures beside them)
  --lang LANG  language of the text: ${CLI_LANGS.join(', ')} (default: from LC_ALL, LC_MESSAGES or LANG,
               else English)
  --help       this text

Exit codes: 0 the log was read, 3 the file could not be read or is not a CCP log, or a usage error.`;

/** The help in the active language of the built package (src/i18n/cli-texts.ts), else in English. */
const usage = () => (T ? T.logHelp(CLI_LANGS) : LOG_USAGE);

/** The built package (ccp-preflight/report: dist/esm/report.js), or null before \`npm run build\`. */
async function built() {
  try {
    return await import('ccp-preflight/report');
  } catch {
    return null;
  }
}

/**
 * The text report (problems first) in the active language of the built package (its setLocale), by the same
 * words as the log view (src/i18n/ccplog-texts.ts).
 */
export async function renderLogText(log, file) {
  const pkg = await built();
  if (!pkg) throw new Error(NOT_BUILT);
  return pkg.ccpLogText(log, file);
}

/** The JSON form: the parse result without the chart series (figures only). */
export function logJson(log) {
  const strip = (d) => (d ? { ...d, series: undefined } : d);
  return { ...log, calls: log.calls.map((c) => ({ ...c, agentHears: strip(c.agentHears), callerHears: strip(c.callerHears) })) };
}

const NOT_BUILT = 'the package is not built (dist/esm/report.js is missing). Run "npm run build" first.';

/** Options: `{ help }`, or `{ json, lang, file }`, or `{ error }` (a usage error). */
function parseLogArgs(args) {
  if (args.includes('--help') || args.includes('-h')) return { help: true };
  let json = false;
  let lang;
  const files = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--lang' || a.startsWith('--lang=')) {
      const value = a === '--lang' ? args[++i] : a.slice('--lang='.length);
      if (value === undefined || value === '') return { error: T ? T.langNeeded(CLI_LANGS) : `--lang needs a language: ${CLI_LANGS.join(', ')}.` };
      const l = parseLang(value);
      if ('error' in l) return { error: l.error };
      lang = l.lang;
    } else if (a.startsWith('-')) return { error: T ? T.unknownOption(a) : `unknown option ${a}.` };
    else files.push(a);
  }
  if (files.length !== 1) return { error: files.length ? (T ? T.oneFile : 'give one file.') : T ? T.whichFile : 'which file? Give the path of the CCP log.' };
  return { json, lang, file: files[0] };
}

/** @param {string[]} args @param {{ stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream }} io @param {Record<string, string | undefined>} [env] */
export async function logMain(args, io, env = process.env) {
  await speakLanguageOf(args, env);
  const opts = parseLogArgs(args);
  if (opts.help) {
    io.stdout.write(usage() + '\n');
    return 0;
  }
  if (opts.error) {
    io.stderr.write(`ccp-preflight log: ${opts.error}\n\n${usage()}\n`);
    return 3;
  }
  const { json, file } = opts;
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = e && e.code;
    const why = code === 'ENOENT' ? (T ? T.noSuchFile : 'there is no such file') : code === 'EISDIR' ? (T ? T.isFolder : 'it is a folder') : e instanceof Error ? e.message : String(e);
    io.stderr.write(`ccp-preflight log: ${T ? T.logUnreadable(file, why) : `cannot read "${file}": ${why}. Check the path of the agent's agent-log.txt.`}\n`);
    return 3;
  }
  const pkg = await built();
  if (!pkg) {
    io.stderr.write(`ccp-preflight log: ${NOT_BUILT}\n`);
    return 3;
  }
  await useLanguage(pkg, opts.lang, env);
  const log = pkg.parseCcpLog(text);
  if (!log.ok) {
    if (json) io.stdout.write(JSON.stringify(logJson(log), null, 2) + '\n');
    io.stderr.write(`ccp-preflight log: "${file}": ${pkg.ccpLogMessages(log)[0] ?? log.messages[0]}\n`);
    return 3;
  }
  io.stdout.write(json ? JSON.stringify(logJson(log), null, 2) + '\n' : pkg.ccpLogText(log, file));
  return 0;
}
