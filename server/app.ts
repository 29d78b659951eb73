/**
 * The collector as a Fastify app made of small plugins, one concern each: auth (guards per scope), ingest,
 * read API, live stream, pages, OTLP export. `buildCollector` does no I/O of its own: tests drive it through
 * `app.inject`, the CLI listens on a socket.
 */
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { Report } from '../src/report/index.js';
import type { Store } from './store/store.js';
import { createTokenMatcher, type TokenSets } from './tokens.js';
import { ingestPlugin } from './plugins/ingest.js';
import { readPlugin } from './plugins/read.js';
import { livePlugin } from './plugins/live.js';
import { pagesPlugin } from './plugins/pages.js';
import { createOtlpExporter, exportOnClose, type OtlpOptions } from './plugins/export.js';
import { BodyError, jsonDepthExceeds, MAX_BODY_DEPTH } from './body.js';

/**
 * Requests per minute per client address. A shift-start burst comes through one NAT address: 60,000 a minute
 * (1,000 a second) lets hundreds of reports a second through and still stops a runaway client.
 */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 60_000;

export interface CollectorOptions {
  store: Store;
  tokens: TokenSets;
  /** Origins of the agent desktops allowed to post from a browser (exact match). None: no CORS at all. */
  origins?: readonly string[];
  rateLimitPerMinute?: number;
  /** Folder with fleet.html and its script, or null. */
  publicDir?: string | null;
  otlp?: OtlpOptions | null;
  /** Trust X-Forwarded-For from a load balancer (rate limits per real client address). */
  trustProxy?: boolean;
  livePollMs?: number;
}

/** Headers on every answer (API and pages). */
const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'strict-transport-security': 'max-age=31536000',
};

export async function buildCollector(opts: CollectorOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    forceCloseConnections: true,
    trustProxy: opts.trustProxy ?? false,
    bodyLimit: 1_048_576,
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
  });
  const tokens = createTokenMatcher(opts.tokens);

  // Bodies as text: the depth is checked before any parser sees them; routes parse (reports through parseReport).
  app.removeAllContentTypeParsers();
  const textParser = (_req: unknown, body: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonDepthExceeds(text, MAX_BODY_DEPTH)) done(new BodyError(400, `The body is nested deeper than ${MAX_BODY_DEPTH} levels; a report nests about 7. Send the report as the widget or the CLI wrote it.`));
    else done(null, text);
  };
  app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string' }, textParser);

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status = err.statusCode ?? 500;
    if (err.validation) {
      const noBody = req.body === undefined || req.body === null;
      return reply.code(noBody ? 400 : 422).send({ error: noBody ? 'The request has no body. Send the report as JSON.' : `The request is not valid: ${err.message}.` });
    }
    if (status === 413) return reply.code(413).send({ error: 'The body is too large. A report is about 20-40 kB; the limit is 1 MB.' });
    if (status === 415) return reply.code(415).send({ error: 'Unsupported content type: send application/json (a report) or text/plain (a share code).' });
    if (status === 429) return reply.code(429).send({ error: 'Too many requests from this address; retry after the time in the Retry-After header.' });
    if (status >= 400 && status < 500) return reply.code(status).send({ error: err.message });
    // A 5xx (the database is down): the client retries later; the details stay out of the answer.
    return reply.code(503).header('retry-after', '5').send({ error: 'The collector could not store or read this right now (its database is unavailable). Retry in a few seconds.' });
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ error: 'Not found. The API is under /v1 (POST /v1/reports, GET /v1/agents, ...).' }));
  app.addHook('onSend', async (_req, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    return payload;
  });

  await app.register(cors, {
    origin: opts.origins?.length ? [...opts.origins] : false,
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type'],
    maxAge: 600,
  });
  await app.register(rateLimit, {
    max: opts.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
  });

  const exporter = opts.otlp ? createOtlpExporter(opts.otlp) : null;
  if (exporter) exportOnClose(app, exporter);
  const onStored = exporter ? (r: Report) => exporter.record(r) : undefined;

  await app.register(ingestPlugin, { store: opts.store, tokens, ...(onStored ? { onStored } : {}) });
  await app.register(readPlugin, { store: opts.store, tokens });
  await app.register(livePlugin, { store: opts.store, tokens, ...(opts.livePollMs ? { pollMs: opts.livePollMs } : {}) });
  await app.register(pagesPlugin, { publicDir: opts.publicDir ?? null });
  app.get('/healthz', async () => ({ ok: true, store: opts.store.kind }));
  return app;
}
