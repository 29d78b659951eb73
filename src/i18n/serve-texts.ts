/**
 * The fleet collector's own words in the active language (`ccp-preflight serve`): its `--help`, the usage and
 * start-up errors a person running it meets (a bad option value, a config file that cannot be read, a token too
 * short, a database that cannot be reached, a port in use) and the lines it prints once it listens. The CLI
 * (cli/serve.mjs) hands the built package's `serveTexts` (ccp-preflight/report) to the collector after
 * setLocale(--lang, else LC_ALL / LC_MESSAGES / LANG), as the other commands read `cliTexts`; the collector's
 * programmatic entry (tests, the demo) and a checkout without a build use this module as bundled: English.
 *
 * Kept as they are in every language: option names, environment variables, exit codes, URLs and examples. The
 * option table and the labelled lines are laid out by terminal columns (src/i18n/cli-texts.ts optionTable, para).
 * The collector's HTTP API error bodies (codes for machines and the fleet view) and its structured logs are not
 * here: they stay English.
 *
 * Only the CLI and the collector read this module; the widget never imports it.
 */
import { msg, str } from '@lit/localize';
import { columns } from '../report/text.js';
import { cliTexts, optionTable, para } from './cli-texts.js';
import { getLocale } from './runtime.js';
import { LOCALES, SOURCE_LOCALE, matchLocale } from './locale.js';

/** Facts the serve help names (server/config.ts defaults). */
export interface ServeHelpFacts {
  port: number;
  retainDays: number;
}

/** What the collector prints once it listens. */
export interface ServeStarted {
  url: string;
  retainDays: number;
  /** The embedded store's folder, or null for PostgreSQL (--database). */
  dataDir: string | null;
  /** Whether any --origin is configured. */
  origins: boolean;
}

/** `  label  value` lines, the values in one column `gap` spaces after the widest label (in terminal columns). */
function labelled(rows: readonly (readonly [string, string])[], gap: number): string {
  const width = Math.max(...rows.map(([label]) => columns(label)));
  return rows.map(([label, value]) => `  ${label}${' '.repeat(width - columns(label) + gap)}${value}`).join('\n');
}

/** In English, Node's own message stays as it always was; in another language, `translated()`. */
const orNode = (node: string, translated: () => string): string => (getLocale() === SOURCE_LOCALE ? node : translated());

export const serveTexts = {
  /** `ccp-preflight serve --help`. */
  help(f: ServeHelpFacts): string {
    const w = cliTexts.words;
    return [
      cliTexts.usage(`ccp-preflight serve ${w.options}`),
      '',
      para(msg("Runs the fleet collector: agents' widgets post their reports, supervisors see the fleet at http://HOST:PORT/.")),
      '',
      msg('Options:'),
      optionTable(
        [
          { option: '--port N', text: msg(str`Port to listen on (default ${f.port}; env PORT)`) },
          { option: `--host ${msg('ADDR')}`, text: msg('Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)') },
          { option: `--data ${msg('DIR')}`, text: msg('Embedded store (PGlite) folder (default ./ccp-preflight-data)') },
          {
            option: '--database URL',
            text: msg('A PostgreSQL database instead (env DATABASE_URL): postgres://USER:PASS@HOST:5432/DB.\nSeveral collectors may share one database behind a load balancer.'),
          },
          {
            option: '--origin URL',
            text: msg('An agent desktop origin allowed to post from the browser (repeat, or comma-separated;\nenv CCP_PREFLIGHT_ORIGINS). Without one, browsers on other origins cannot post.'),
          },
          { option: '--retain-days N', text: msg(str`Delete reports older than N days (default ${f.retainDays})`) },
          {
            option: '--otlp-endpoint URL',
            text: msg('Export metrics and one log record per report over OTLP/HTTP\n(env OTEL_EXPORTER_OTLP_ENDPOINT), e.g. http://otel-collector:4318'),
          },
          { option: '--rate-limit N', text: msg('Requests per minute per client address (default 60000)') },
          { option: '--trust-proxy', text: msg('Behind a load balancer: take the client address from X-Forwarded-For') },
          { option: `--config ${w.file}`, text: msg('JSON file: {"ingestTokens": [...], "readTokens": [...], "origins": [...]}') },
          {
            option: '--lang LANG',
            text: msg(str`Language of these messages: ${LOCALES.join(', ')} (default: from LC_ALL,
LC_MESSAGES or LANG, else English); the API and the logs stay in English`),
          },
        ],
        23,
      ),
      '',
      para(msg('Tokens: CCP_PREFLIGHT_INGEST_TOKENS and CCP_PREFLIGHT_READ_TOKENS (comma-separated), or the config file.\nWith none, random tokens are made and printed once.')),
    ].join('\n');
  },

  // Usage errors (followed by the help). Option names and values are quoted as typed.

  /**
   * node:util parseArgs' error (`code`, `message`): an unknown option, a missing or needless value, an argument
   * that is not an option. In English, and for any other error, Node's own message as before.
   */
  argsError(code: string | undefined, message: string): string {
    const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
    const option = quoted.replace(/^-\w, /, '').replace(/ <value>$/, '');
    if (!quoted) return message;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return orNode(message, () => cliTexts.unknownOption(option));
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return orNode(message, () => (/argument missing/.test(message) ? cliTexts.needsValue(option) : cliTexts.takesNoValue(option)));
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return orNode(message, () => cliTexts.unexpectedArgument(quoted));
    return message;
  },
  /** A `--lang` value that names none of the tool's languages: what to give instead; null for a good one. */
  langError(value: string): string | null {
    return matchLocale(value) ? null : cliTexts.langUnknown(value, LOCALES);
  },
  configUnreadable(file: string, detail: string): string {
    return msg(str`Could not read the config file ${file} (${detail}).`);
  },
  /** `option` as typed (`--port`). */
  wholeNumber(option: string, min: number, got: string): string {
    return msg(str`${option} must be a whole number of at least ${min}, got "${got}".`);
  },
  originBad(got: string): string {
    return msg(str`--origin must be an origin like https://desktop.example.com, got "${got}".`);
  },
  otlpBad(got: string): string {
    return msg(str`--otlp-endpoint must be an http(s) URL, got "${got}".`);
  },

  // Start-up errors (no help after them).

  ingestTokenShort(min: number): string {
    return msg(str`An ingest token is shorter than ${min} characters. Use long random tokens, e.g. from "openssl rand -base64 32".`);
  },
  readTokenShort(min: number): string {
    return msg(str`A read token is shorter than ${min} characters. Use long random tokens, e.g. from "openssl rand -base64 32".`);
  },
  postgresUnreachable(detail: string): string {
    return msg(
      str`Could not connect to the PostgreSQL database (${detail}). Check --database / DATABASE_URL (postgres://USER:PASSWORD@HOST:PORT/DB) and that the server is running.`,
    );
  },
  tablesFailed(detail: string): string {
    return msg(str`Could not prepare the collector's tables (${detail}).`);
  },
  /**
   * The collector could not listen on `host`:`port` (`code` of Node's error: EADDRINUSE, EACCES, EADDRNOTAVAIL).
   * In English, and for any other error, Node's own message (`message`) as before.
   */
  listenFailed(code: string | undefined, host: string, port: number, message: string): string {
    if (code === 'EADDRINUSE') return orNode(message, () => msg(str`Port ${port} on ${host} is already in use (another collector?). Stop that program or give another --port.`));
    if (code === 'EACCES') return orNode(message, () => msg(str`Not allowed to listen on port ${port} of ${host} (ports below 1024 need extra rights). Give another --port, e.g. 8787.`));
    if (code === 'EADDRNOTAVAIL') return orNode(message, () => msg(str`${host} is not an address of this machine. Give one of its addresses with --host, or 0.0.0.0 for every interface.`));
    return message;
  },

  // What it prints once it listens (to the terminal only).

  /** The address, where reports are kept, the fleet view and ingest URLs, and a note without --origin. */
  started(s: ServeStarted): string {
    const head = s.dataDir === null
      ? msg(str`ccp-preflight collector on ${s.url} (reports kept ${s.retainDays} days in PostgreSQL (--database)).`)
      : msg(str`ccp-preflight collector on ${s.url} (reports kept ${s.retainDays} days in the embedded store in ${s.dataDir}).`);
    const lines = [head, labelled([[msg('Fleet view:'), `${s.url}/`], [msg('Ingest API:'), `POST ${s.url}/v1/reports`]], 2)];
    if (!s.origins) lines.push(`  ${msg('No --origin configured: only same-origin pages and servers can post.')}`);
    return lines.join('\n');
  },
  /** The tokens made for this run (printed once, never logged). */
  madeTokens(ingest: string, read: string): string {
    return [
      msg('No tokens were configured, so these were made for this run (they change on restart):'),
      labelled([[msg("Ingest token (the widget's collector-token):"), ingest], [msg('Read token (the fleet view):'), read]], 1),
      msg('Set CCP_PREFLIGHT_INGEST_TOKENS and CCP_PREFLIGHT_READ_TOKENS (or --config) to keep tokens across restarts.'),
    ].join('\n');
  },
};

export type ServeTexts = typeof serveTexts;
