/** JSON schemas of the routes' bodies and answers (Fastify validates and serialises with them). */
import type { CallSummary } from '../../src/report/index.js';

/** Most samples one call summary may carry (the widget keeps a bounded series; 600 is 10 minutes at 1 s). */
export const MAX_CALL_SAMPLES = 600;

const str = (max: number) => ({ type: 'string', maxLength: max }) as const;
const numOrNull = { type: ['number', 'null'] } as const;

export const ERROR_RESPONSE = {
  type: 'object',
  properties: {
    error: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
  },
  required: ['error'],
} as const;

export const STORED_RESPONSE = {
  type: 'object',
  properties: { id: { type: 'string' }, duplicate: { type: 'boolean' } },
  required: ['id'],
} as const;

export interface CallBody {
  id: string;
  reportId?: string;
  subject?: { instance?: string; region?: string; label?: string; agentId?: string; ccpMode?: string; agent?: { username?: string; name?: string } };
  call: CallSummary;
}

export const CALL_BODY_SCHEMA = {
  type: 'object',
  required: ['id', 'call'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9._:-]+$' },
    reportId: str(100),
    subject: {
      type: 'object',
      additionalProperties: false,
      properties: {
        instance: str(300), region: str(50), label: str(200), agentId: str(200), ccpMode: str(20),
        agent: { type: 'object', additionalProperties: false, properties: { username: str(200), name: str(200) } },
      },
    },
    call: {
      type: 'object',
      required: ['startedAt', 'durationMs', 'verdict', 'rttMs', 'jitterMs', 'lossPct', 'mos', 'samples'],
      properties: {
        contactId: str(100),
        startedAt: str(40),
        endedAt: str(40),
        durationMs: { type: 'number', minimum: 0 },
        source: { enum: ['softphone-stats', 'peer-connection'] },
        verdict: { enum: ['pass', 'warn', 'fail', 'skip'] },
        rttMs: { type: 'object', required: ['avg'], properties: { avg: numOrNull, p95: numOrNull, max: numOrNull } },
        jitterMs: { type: 'object', required: ['avg'], properties: { avg: numOrNull, p95: numOrNull, max: numOrNull } },
        lossPct: { type: 'object', required: ['avg'], properties: { avg: numOrNull, max: numOrNull } },
        mos: { type: 'object', required: ['avg'], properties: { avg: numOrNull, min: numOrNull } },
        samples: {
          type: 'array',
          maxItems: MAX_CALL_SAMPLES,
          items: {
            type: 'object',
            required: ['tMs'],
            properties: { tMs: { type: 'number' }, rttMs: numOrNull, jitterMs: numOrNull, lossPct: numOrNull, mos: numOrNull },
          },
        },
      },
    },
  },
} as const;
