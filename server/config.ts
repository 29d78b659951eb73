/** `ccp-preflight serve` options: command line, then environment, then an optional JSON config file. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { MIN_TOKEN_CHARS, parseTokenList } from './tokens.js';
import { serveTexts, type ServeTexts } from '../src/i18n/serve-texts.js';

/** Days a report is kept by default (a quarter: enough to compare this shift with last month's). */
export const DEFAULT_RETAIN_DAYS = 90;
export const DEFAULT_PORT = 8787;

export interface ServeConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  ingestTokens: string[];
  readTokens: string[];
  origins: string[];
  retainDays: number;
  otlpEndpoint: string | null;
  rateLimitPerMinute: number | null;
  trustProxy: boolean;
  help: boolean;
}

/** `ccp-preflight serve --help` in the language of `t` (English unless the CLI hands in the built package's texts). */
export function serveUsage(t: ServeTexts = serveTexts): string {
  return t.help({ port: DEFAULT_PORT, retainDays: DEFAULT_RETAIN_DAYS });
}

/**
 * Reads the command line, then the environment, then the config file. Throws an Error saying what is wrong (in
 * the language of `t`): a usage error followed by the help, or a token too short.
 */
export function parseServeArgs(args: readonly string[], env: NodeJS.ProcessEnv, t: ServeTexts = serveTexts): ServeConfig {
  const fail = (message: string): never => {
    throw new Error(`${message}\n\n${serveUsage(t)}`);
  };
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' }, database: { type: 'string' },
        origin: { type: 'string', multiple: true }, 'retain-days': { type: 'string' }, 'otlp-endpoint': { type: 'string' },
        'rate-limit': { type: 'string' }, 'trust-proxy': { type: 'boolean' }, config: { type: 'string' }, help: { type: 'boolean', short: 'h' },
        // The language of these texts: cli/lang.mjs speaks it before the collector starts; checked here.
        lang: { type: 'string' },
      },
      strict: true,
    }));
  } catch (e) {
    return fail(t.argsError((e as { code?: string }).code, e instanceof Error ? e.message : String(e)));
  }
  const badLang = values.lang === undefined ? null : t.langError(values.lang);
  if (badLang) fail(badLang);
  let file: { ingestTokens?: unknown; readTokens?: unknown; origins?: unknown } = {};
  if (values.config) {
    try {
      file = JSON.parse(readFileSync(values.config, 'utf8'));
    } catch (e) {
      fail(t.configUnreadable(values.config, e instanceof Error ? e.message : String(e)));
    }
  }
  const list = (v: unknown): string => (Array.isArray(v) ? v.filter((x) => typeof x === 'string').join(',') : '');
  const int = (v: string | undefined, name: string, dflt: number, min: number): number => {
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) fail(t.wholeNumber(`--${name}`, min, v));
    return n;
  };
  const origins = [...(values.origin ?? []), env.CCP_PREFLIGHT_ORIGINS ?? '', list(file.origins)]
    .flatMap((s) => s.split(',')).map((s) => s.trim().replace(/\/+$/, '')).filter(Boolean);
  for (const o of origins) if (!/^https?:\/\/[^/\s]+$/.test(o)) fail(t.originBad(o));
  /** A token list; one too short is a start-up error, said without the help. */
  const tokens = (text: string, kind: 'ingest' | 'read'): string[] => {
    try {
      return parseTokenList(text, kind);
    } catch (e) {
      throw new Error(kind === 'ingest' ? t.ingestTokenShort(MIN_TOKEN_CHARS) : t.readTokenShort(MIN_TOKEN_CHARS), { cause: e });
    }
  };
  const otlp = values['otlp-endpoint'] ?? env.OTEL_EXPORTER_OTLP_ENDPOINT ?? null;
  if (otlp && !/^https?:\/\//.test(otlp)) fail(t.otlpBad(otlp));
  return {
    port: int(values.port ?? env.PORT, 'port', DEFAULT_PORT, 0),
    host: values.host ?? '127.0.0.1',
    dataDir: values.data ?? 'ccp-preflight-data',
    databaseUrl: values.database ?? env.DATABASE_URL ?? null,
    ingestTokens: tokens(env.CCP_PREFLIGHT_INGEST_TOKENS || list(file.ingestTokens), 'ingest'),
    readTokens: tokens(env.CCP_PREFLIGHT_READ_TOKENS || list(file.readTokens), 'read'),
    origins: [...new Set(origins)],
    retainDays: int(values['retain-days'], 'retain-days', DEFAULT_RETAIN_DAYS, 1),
    otlpEndpoint: otlp,
    rateLimitPerMinute: values['rate-limit'] ? int(values['rate-limit'], 'rate-limit', 0, 1) : null,
    trustProxy: values['trust-proxy'] ?? false,
    help: values.help ?? false,
  };
}
