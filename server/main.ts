/**
 * `ccp-preflight serve`: opens the store (PGlite or PostgreSQL), migrates, prunes, listens. Also the programmatic
 * entry the demo and the tests use (`startCollector`).
 */
import type { FastifyInstance } from 'fastify';
import { buildCollector } from './app.js';
import { parseServeArgs, SERVE_USAGE, type ServeConfig } from './config.js';
import { openPglite, openPostgres } from './store/db.js';
import { createStore, migrate, type Store } from './store/store.js';
import { generateToken } from './tokens.js';

/** How often old reports are pruned while running. */
const PRUNE_EVERY_MS = 3_600_000;

export interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

export interface RunningCollector {
  app: FastifyInstance;
  store: Store;
  url: string;
  tokens: { ingest: string[]; read: string[]; generated: boolean };
  close(): Promise<void>;
}

export async function openStore(cfg: Pick<ServeConfig, 'databaseUrl' | 'dataDir'> & { inMemory?: boolean }): Promise<Store> {
  const db = cfg.databaseUrl ? await openPostgres(cfg.databaseUrl) : await openPglite(cfg.inMemory ? undefined : cfg.dataDir);
  try {
    await migrate(db);
  } catch (e) {
    await db.close().catch(() => {});
    throw new Error(`Could not prepare the collector's tables (${e instanceof Error ? e.message : String(e)}).`, { cause: e });
  }
  return createStore(db);
}

export async function startCollector(cfg: ServeConfig, extra: { publicDir?: string | null; otlpIntervalMs?: number } = {}): Promise<RunningCollector> {
  const generated = !cfg.ingestTokens.length || !cfg.readTokens.length;
  const tokens = {
    ingest: cfg.ingestTokens.length ? cfg.ingestTokens : [generateToken()],
    read: cfg.readTokens.length ? cfg.readTokens : [generateToken()],
    generated,
  };
  const store = await openStore(cfg);
  await store.prune(cfg.retainDays).catch(() => 0);
  const pruneTimer = setInterval(() => void store.prune(cfg.retainDays).catch(() => 0), PRUNE_EVERY_MS);
  pruneTimer.unref();
  let app: FastifyInstance;
  try {
    app = await buildCollector({
      store,
      tokens,
      origins: cfg.origins,
      ...(cfg.rateLimitPerMinute ? { rateLimitPerMinute: cfg.rateLimitPerMinute } : {}),
      publicDir: extra.publicDir ?? null,
      otlp: cfg.otlpEndpoint ? { endpoint: cfg.otlpEndpoint, ...(extra.otlpIntervalMs ? { intervalMs: extra.otlpIntervalMs } : {}) } : null,
      trustProxy: cfg.trustProxy,
    });
    await app.listen({ port: cfg.port, host: cfg.host });
  } catch (e) {
    clearInterval(pruneTimer);
    await store.close().catch(() => {});
    throw e;
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : cfg.port;
  const host = cfg.host === '0.0.0.0' || cfg.host === '::' ? 'localhost' : cfg.host.includes(':') ? `[${cfg.host}]` : cfg.host;
  return {
    app, store, tokens, url: `http://${host}:${port}`,
    async close() {
      clearInterval(pruneTimer);
      await app.close().catch(() => {});
      await store.close().catch(() => {});
    },
  };
}

/** The CLI command. Resolves with the exit code after SIGINT/SIGTERM (0) or a set-up error (3). */
export async function serveMain(args: readonly string[], io: Io, extra: { publicDir?: string | null } = {}): Promise<number> {
  let cfg: ServeConfig;
  try {
    cfg = parseServeArgs(args, process.env);
  } catch (e) {
    io.stderr.write(`ccp-preflight serve: ${e instanceof Error ? e.message : String(e)}\n`);
    return 3;
  }
  if (cfg.help) {
    io.stdout.write(SERVE_USAGE + '\n');
    return 0;
  }
  let running: RunningCollector;
  try {
    running = await startCollector(cfg, extra);
  } catch (e) {
    io.stderr.write(`ccp-preflight serve: ${e instanceof Error ? e.message : String(e)}\n`);
    return 3;
  }
  const where = cfg.databaseUrl ? 'PostgreSQL (--database)' : `the embedded store in ${cfg.dataDir}`;
  io.stdout.write(`ccp-preflight collector on ${running.url} (reports kept ${cfg.retainDays} days in ${where}).\n` +
    `  Fleet view:  ${running.url}/\n  Ingest API:  POST ${running.url}/v1/reports\n`);
  if (!cfg.origins.length) io.stdout.write('  No --origin configured: only same-origin pages and servers can post.\n');
  if (running.tokens.generated) {
    // Printed once, to the terminal only; never written to a log.
    io.stdout.write('\nNo tokens were configured, so these were made for this run (they change on restart):\n' +
      `  Ingest token (the widget's collector-token): ${running.tokens.ingest[0]}\n` +
      `  Read token (the fleet view):                  ${running.tokens.read[0]}\n` +
      'Set CCP_PREFLIGHT_INGEST_TOKENS and CCP_PREFLIGHT_READ_TOKENS (or --config) to keep tokens across restarts.\n');
  }
  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void running.close().then(() => resolve(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
