/**
 * Live stream of new reports as Server-Sent Events (GET /v1/stream, read token). The collector keeps no state:
 * one poller per process reads rows newer than the last sequence number from the database (so a report stored
 * by another collector on the same PostgreSQL shows up too) and fans them out to this process's listeners.
 */
import type { FastifyInstance } from 'fastify';
import type { FeedRow, Store } from '../store/store.js';
import type { TokenMatcher } from '../tokens.js';
import { requireToken } from './auth.js';

/** How often the poller asks the database for new reports while anyone listens. */
export const POLL_MS = 1000;
/** A comment line this often keeps proxies from closing an idle stream. */
export const HEARTBEAT_MS = 15_000;
/** Most open streams per process (each is one socket; supervisors are few). */
export const MAX_STREAMS = 200;
const BATCH = 500;

type Listener = (rows: FeedRow[]) => void;

export async function livePlugin(app: FastifyInstance, opts: { store: Store; tokens: TokenMatcher; pollMs?: number }): Promise<void> {
  const listeners = new Set<Listener>();
  let last = -1;
  let timer: NodeJS.Timeout | null = null;
  let busy = false;

  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      if (last < 0) last = await opts.store.lastSeq();
      for (;;) {
        const rows = await opts.store.feed(last, BATCH);
        if (!rows.length) break;
        last = rows[rows.length - 1]!.seq;
        for (const l of listeners) l(rows);
        if (rows.length < BATCH) break;
      }
    } catch {
      // The database is briefly unreachable: the next tick tries again.
    } finally {
      busy = false;
    }
  };
  const ensurePolling = () => {
    if (!timer) timer = setInterval(() => void tick(), opts.pollMs ?? POLL_MS);
  };
  const stopIfIdle = () => {
    if (!listeners.size && timer) {
      clearInterval(timer);
      timer = null;
      last = -1;
    }
  };
  const open = new Set<import('node:http').ServerResponse>();
  // Streams never end by themselves: end them before the server closes, so a shutdown does not wait on them.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
    open.clear();
    listeners.clear();
    stopIfIdle();
  });

  app.register(async (scope) => {
    scope.addHook('onRequest', requireToken(opts.tokens, 'read'));
    scope.get('/v1/stream', async (req, reply) => {
      if (listeners.size >= MAX_STREAMS) return reply.code(503).header('retry-after', '30').send({ error: 'Too many live streams are open on this collector; try again in a minute.' });
      if (last < 0) last = await opts.store.lastSeq();
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-accel-buffering': 'no',
        ...corsHeadersOf(reply.getHeaders()),
      });
      res.write('retry: 3000\n\n');
      const listener: Listener = (rows) => {
        for (const r of rows) res.write(`event: report\nid: ${r.seq}\ndata: ${JSON.stringify(r)}\n\n`);
      };
      const beat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      listeners.add(listener);
      open.add(res);
      ensurePolling();
      req.raw.on('close', () => {
        open.delete(res);
        clearInterval(beat);
        listeners.delete(listener);
        stopIfIdle();
      });
    });
  });
}

/** The CORS headers @fastify/cors set on the reply before it was hijacked. */
function corsHeadersOf(h: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (k.startsWith('access-control-') || k === 'vary') out[k] = String(v);
  return out;
}
