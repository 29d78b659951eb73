/**
 * `ccp-preflight serve`: opens the store (PGlite or PostgreSQL), migrates, prunes, listens. Also the programmatic
 * entry the demo and the tests use (`startCollector`).
 */
import type { FastifyInstance } from 'fastify';
import { buildCollector } from './app.js';
import { parseServeArgs, serveUsage, type ServeConfig } from './config.js';
import { serveTexts, type ServeTexts } from '../src/i18n/serve-texts.js';
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

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Opens and migrates the store; its errors say what is wrong in the language of `t` (English by default). */
export async function openStore(cfg: Pick<ServeConfig, 'databaseUrl' | 'dataDir'> & { inMemory?: boolean }, t: ServeTexts = serveTexts): Promise<Store> {
  let db;
  if (cfg.databaseUrl) {
    try {
      db = await openPostgres(cfg.databaseUrl);
    } catch (e) {
      // The database cannot be reached: openPostgres says so in English around the driver's message (its cause).
      if (e instanceof Error && e.cause !== undefined) throw new Error(t.postgresUnreachable(messageOf(e.cause)), { cause: e });
      throw e;
    }
  } else db = await openPglite(cfg.inMemory ? undefined : cfg.dataDir);
  try {
    await migrate(db);
  } catch (e) {
    await db.close().catch(() => {});
    throw new Error(t.tablesFailed(messageOf(e)), { cause: e });
  }
  return createStore(db);
}

/** Starts the collector; `extra.texts` says its start-up errors (English by default). */
export async function startCollector(
  cfg: ServeConfig,
  extra: { publicDir?: string | null; otlpIntervalMs?: number; texts?: ServeTexts } = {},
): Promise<RunningCollector> {
  const t = extra.texts ?? serveTexts;
  const generated = !cfg.ingestTokens.length || !cfg.readTokens.length;
  const tokens = {
    ingest: cfg.ingestTokens.length ? cfg.ingestTokens : [generateToken()],
    read: cfg.readTokens.length ? cfg.readTokens : [generateToken()],
    generated,
  };
  const store = await openStore(cfg, t);
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
    try {
      await app.listen({ port: cfg.port, host: cfg.host });
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      throw new Error(t.listenFailed(typeof code === 'string' ? code : undefined, cfg.host, cfg.port, messageOf(e)), { cause: e });
    }
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

/**
 * The CLI command. Resolves with the exit code after SIGINT/SIGTERM (0) or a set-up error (3). Its texts are
 * `extra.texts`: the built package's serveTexts in the language cli/serve.mjs chose, else English.
 */
export async function serveMain(args: readonly string[], io: Io, extra: { publicDir?: string | null; texts?: ServeTexts } = {}): Promise<number> {
  const t = extra.texts ?? serveTexts;
  let cfg: ServeConfig;
  try {
    cfg = parseServeArgs(args, process.env, t);
  } catch (e) {
    io.stderr.write(`ccp-preflight serve: ${e instanceof Error ? e.message : String(e)}\n`);
    return 3;
  }
  if (cfg.help) {
    io.stdout.write(serveUsage(t) + '\n');
    return 0;
  }
  let running: RunningCollector;
  try {
    running = await startCollector(cfg, { publicDir: extra.publicDir ?? null, texts: t });
  } catch (e) {
    io.stderr.write(`ccp-preflight serve: ${e instanceof Error ? e.message : String(e)}\n`);
    return 3;
  }
  io.stdout.write(t.started({ url: running.url, retainDays: cfg.retainDays, dataDir: cfg.databaseUrl ? null : cfg.dataDir, origins: cfg.origins.length > 0 }) + '\n');
  if (running.tokens.generated) {
    // Printed once, to the terminal only; never written to a log.
    io.stdout.write('\n' + t.madeTokens(running.tokens.ingest[0]!, running.tokens.read[0]!) + '\n');
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
