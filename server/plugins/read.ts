/**
 * Read API (read token): the stored report, the agents with their latest report (paged, filtered, unfit first),
 * fleet aggregates computed by the database, an agent's history and calls.
 */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/store.js';
import type { TokenMatcher } from '../tokens.js';
import { requireToken } from './auth.js';
import { CAUSES_PARAM, causesParamError, ERROR_RESPONSE, queryError } from './schemas.js';
import { MAX_SEARCH_CHARS } from '../../src/elements/ccp-preflight-fleet/fleet-api.js';

/** Largest page of agents (the fleet view pages through 10,000 agents 100 at a time). */
export const MAX_PAGE = 500;
/** Longest history returned for one agent. */
export const MAX_HISTORY = 200;

const key = { type: 'string', minLength: 1, maxLength: 200 } as const;
const filter = { type: 'string', maxLength: MAX_SEARCH_CHARS } as const;
/** Query-string numbers stay text in the schema (no type coercion anywhere in the collector). */
const count = { type: 'string', pattern: '^[0-9]{1,7}$' } as const;
const bounded = (v: string | undefined, dflt: number, min: number, max: number): number =>
  v === undefined ? dflt : Math.min(max, Math.max(min, Number(v)));

export async function readPlugin(app: FastifyInstance, opts: { store: Store; tokens: TokenMatcher }): Promise<void> {
  const { store } = opts;
  app.addHook('onRequest', requireToken(opts.tokens, 'read'));
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('cache-control', 'no-store');
    return payload;
  });

  app.get<{ Params: { id: string } }>('/v1/reports/:id', {
    schema: { params: { type: 'object', properties: { id: key }, required: ['id'] }, response: { '4xx': ERROR_RESPONSE } },
  }, async (req, reply) => {
    const body = await store.getReport(req.params.id);
    if (body === null) return reply.code(404).send({ error: `No report with id "${req.params.id}" is stored (it may be older than the retention period).` });
    return reply.type('application/json').send(JSON.stringify(body));
  });

  app.get<{ Params: { id: string } }>('/v1/reports/:id/previous', {
    schema: { params: { type: 'object', properties: { id: key }, required: ['id'] }, response: { '4xx': ERROR_RESPONSE } },
  }, async (req, reply) => {
    const body = await store.previousReport(req.params.id);
    if (body === null) return reply.code(404).send({ error: 'This agent has no earlier report stored.' });
    return reply.type('application/json').send(JSON.stringify(body));
  });

  // `causes`: cause codes whose names in the reader's language match `q` (the fleet view finds them; the stored
  // cause_text is the writer's English), ORed into the search. A bad query answers 400 saying what to send.
  app.get<{ Querystring: { q?: string; causes?: string; verdict?: string; fit?: string; site?: string; region?: string; cause?: string; limit?: string; offset?: string } }>('/v1/agents', {
    attachValidation: true,
    schema: {
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          q: filter, site: filter, region: filter, cause: filter,
          causes: CAUSES_PARAM,
          verdict: { enum: ['pass', 'warn', 'fail', 'skip'] },
          fit: { enum: ['yes', 'no', 'unknown'] },
          limit: count, offset: count,
        },
      },
      response: { '4xx': ERROR_RESPONSE },
    },
  }, async (req, reply) => {
    if (req.validationError) {
      const bad = req.validationError.validation ?? [];
      const aboutCauses = bad.some((v: { instancePath?: string }) => v.instancePath === '/causes');
      return reply.code(400).send({ error: aboutCauses ? causesParamError() : queryError(req.validationError.message) });
    }
    const { causes, ...rest } = req.query;
    return store.agents({
      ...rest,
      ...(causes ? { causes: causes.split(',') } : {}),
      limit: bounded(req.query.limit, 100, 1, MAX_PAGE), offset: bounded(req.query.offset, 0, 0, 1_000_000),
    });
  });

  app.get('/v1/aggregates', async () => store.aggregates());

  app.get<{ Params: { agent: string }; Querystring: { limit?: string } }>('/v1/agents/:agent/history', {
    schema: {
      params: { type: 'object', properties: { agent: key }, required: ['agent'] },
      querystring: { type: 'object', properties: { limit: count } },
    },
  }, async (req) => ({ agent: req.params.agent, reports: await store.history(req.params.agent, bounded(req.query.limit, 30, 1, MAX_HISTORY)) }));

  app.get<{ Params: { agent: string }; Querystring: { limit?: string } }>('/v1/agents/:agent/calls', {
    schema: {
      params: { type: 'object', properties: { agent: key }, required: ['agent'] },
      querystring: { type: 'object', properties: { limit: count } },
    },
  }, async (req) => ({ agent: req.params.agent, calls: await store.calls(req.params.agent, bounded(req.query.limit, 30, 1, MAX_HISTORY)) }));
}
