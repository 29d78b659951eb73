/**
 * Ingest: POST /v1/reports (a Report as JSON, or a share code as text/plain) and POST /v1/calls (a call summary
 * when a call ends). 201 only after the store has the row; the same id again is stored once (200).
 */
import type { FastifyInstance } from 'fastify';
import { parseReport, validateCallSummary, type Report } from '../../src/report/index.js';
import { extractKeys } from '../extract.js';
import { storableReport, stripCredentials } from '../sanitize.js';
import { BodyError, parseJsonBody } from '../body.js';
import type { Store } from '../store/store.js';
import type { TokenMatcher } from '../tokens.js';
import { requireToken } from './auth.js';
import { CALL_BODY_SCHEMA, STORED_RESPONSE, ERROR_RESPONSE, type CallBody } from './schemas.js';

/** Largest report body: the report module's own input limit (1,000,000 characters) plus a little slack. */
export const MAX_REPORT_BODY_BYTES = 1_048_576;
/** Largest call summary body: a summary with its bounded samples is a few kB. */
export const MAX_CALL_BODY_BYTES = 262_144;

export interface IngestOptions {
  store: Store;
  tokens: TokenMatcher;
  /** Called after a new report is stored (the OTLP export listens). Never awaited by the response. */
  onStored?: (report: Report) => void;
}

export async function ingestPlugin(app: FastifyInstance, opts: IngestOptions): Promise<void> {
  app.addHook('onRequest', requireToken(opts.tokens, 'ingest'));

  app.post('/v1/reports', {
    bodyLimit: MAX_REPORT_BODY_BYTES,
    schema: { body: { type: 'string' }, response: { 200: STORED_RESPONSE, 201: STORED_RESPONSE, '4xx': ERROR_RESPONSE } },
  }, async (req, reply) => {
    const text = req.body as string;
    if (String(req.headers['content-type'] ?? '').includes('json')) parseJsonBody(text); // 400 for not-JSON
    const parsed = await parseReport(text);
    if (!parsed.ok) {
      return reply.code(422).send({ error: `The report is not valid: ${parsed.errors[0]?.message ?? 'unknown error'}`, errors: parsed.errors.slice(0, 25) });
    }
    const stored = storableReport(parsed.report);
    const isNew = await opts.store.putReport(extractKeys(stored), stored);
    if (isNew) opts.onStored?.(stored);
    return reply.code(isNew ? 201 : 200).send({ id: stored.id, ...(isNew ? {} : { duplicate: true }) });
  });

  app.post('/v1/calls', {
    bodyLimit: MAX_CALL_BODY_BYTES,
    preValidation: async (req) => {
      req.body = parseJsonBody(req.body as string);
    },
    schema: { body: CALL_BODY_SCHEMA, response: { 200: STORED_RESPONSE, 201: STORED_RESPONSE, '4xx': ERROR_RESPONSE } },
  }, async (req, reply) => {
    const body = stripCredentials(req.body) as CallBody;
    const checked = validateCallSummary(body.call);
    if (!checked.ok) {
      const errors = checked.errors.map((e) => ({ ...e, path: `call${e.path ? `.${e.path}` : ''}` })).slice(0, 25);
      return reply.code(422).send({ error: `The call summary is not valid: ${errors[0]?.path}: ${errors[0]?.message ?? 'unknown error'}`, errors });
    }
    const s = body.subject ?? {};
    const c = checked.call;
    const agentKey = s.agent?.username ?? s.agentId ?? s.agent?.name ?? s.label ?? 'unknown';
    const isNew = await opts.store.putCall({
      id: body.id, agentKey, site: s.label ?? null, region: s.region ?? null,
      startedAt: Number.isFinite(Date.parse(c.startedAt)) ? new Date(c.startedAt).toISOString() : null,
      verdict: c.verdict, rttMs: c.rttMs.avg, jitterMs: c.jitterMs.avg, lossPct: c.lossPct.avg, mos: c.mos.avg,
    }, body);
    return reply.code(isNew ? 201 : 200).send({ id: body.id, ...(isNew ? {} : { duplicate: true }) });
  });
}

export { BodyError };
