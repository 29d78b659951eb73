/** `ccp-preflight serve` options: command line, then environment, then an optional JSON config file. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseTokenList } from './tokens.js';

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

export const SERVE_USAGE = `Usage: ccp-preflight serve [options]

Runs the fleet collector: agents' widgets post their reports, supervisors see the fleet at http://HOST:PORT/.

Options:
  --port N             Port to listen on (default ${DEFAULT_PORT}; env PORT)
  --host ADDR          Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --data DIR           Embedded store (PGlite) folder (default ./ccp-preflight-data)
  --database URL       A PostgreSQL database instead (env DATABASE_URL): postgres://USER:PASS@HOST:5432/DB.
                       Several collectors may share one database behind a load balancer.
  --origin URL         An agent desktop origin allowed to post from the browser (repeat, or comma-separated;
                       env CCP_PREFLIGHT_ORIGINS). Without one, browsers on other origins cannot post.
  --retain-days N      Delete reports older than N days (default ${DEFAULT_RETAIN_DAYS})
  --otlp-endpoint URL  Export metrics and one log record per report over OTLP/HTTP
                       (env OTEL_EXPORTER_OTLP_ENDPOINT), e.g. http://otel-collector:4318
  --rate-limit N       Requests per minute per client address (default 60000)
  --trust-proxy        Behind a load balancer: take the client address from X-Forwarded-For
  --config FILE        JSON file: {"ingestTokens": [...], "readTokens": [...], "origins": [...]}

Tokens: CCP_PREFLIGHT_INGEST_TOKENS and CCP_PREFLIGHT_READ_TOKENS (comma-separated), or the config file.
With none, random tokens are made and printed once.`;

const fail = (msg: string): never => {
  throw new Error(`${msg}\n\n${SERVE_USAGE}`);
};

export function parseServeArgs(args: readonly string[], env: NodeJS.ProcessEnv): ServeConfig {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' }, database: { type: 'string' },
        origin: { type: 'string', multiple: true }, 'retain-days': { type: 'string' }, 'otlp-endpoint': { type: 'string' },
        'rate-limit': { type: 'string' }, 'trust-proxy': { type: 'boolean' }, config: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
  let file: { ingestTokens?: unknown; readTokens?: unknown; origins?: unknown } = {};
  if (values.config) {
    try {
      file = JSON.parse(readFileSync(values.config, 'utf8'));
    } catch (e) {
      fail(`Could not read the config file ${values.config} (${e instanceof Error ? e.message : String(e)}).`);
    }
  }
  const list = (v: unknown): string => (Array.isArray(v) ? v.filter((x) => typeof x === 'string').join(',') : '');
  const int = (v: string | undefined, name: string, dflt: number, min: number): number => {
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) fail(`--${name} must be a whole number of at least ${min}, got "${v}".`);
    return n;
  };
  const origins = [...(values.origin ?? []), env.CCP_PREFLIGHT_ORIGINS ?? '', list(file.origins)]
    .flatMap((s) => s.split(',')).map((s) => s.trim().replace(/\/+$/, '')).filter(Boolean);
  for (const o of origins) if (!/^https?:\/\/[^/\s]+$/.test(o)) fail(`--origin must be an origin like https://desktop.example.com, got "${o}".`);
  const otlp = values['otlp-endpoint'] ?? env.OTEL_EXPORTER_OTLP_ENDPOINT ?? null;
  if (otlp && !/^https?:\/\//.test(otlp)) fail(`--otlp-endpoint must be an http(s) URL, got "${otlp}".`);
  return {
    port: int(values.port ?? env.PORT, 'port', DEFAULT_PORT, 0),
    host: values.host ?? '127.0.0.1',
    dataDir: values.data ?? 'ccp-preflight-data',
    databaseUrl: values.database ?? env.DATABASE_URL ?? null,
    ingestTokens: parseTokenList(env.CCP_PREFLIGHT_INGEST_TOKENS || list(file.ingestTokens), 'ingest'),
    readTokens: parseTokenList(env.CCP_PREFLIGHT_READ_TOKENS || list(file.readTokens), 'read'),
    origins: [...new Set(origins)],
    retainDays: int(values['retain-days'], 'retain-days', DEFAULT_RETAIN_DAYS, 1),
    otlpEndpoint: otlp,
    rateLimitPerMinute: values['rate-limit'] ? int(values['rate-limit'], 'rate-limit', 0, 1) : null,
    trustProxy: values['trust-proxy'] ?? false,
    help: values.help ?? false,
  };
}
