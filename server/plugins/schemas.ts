/** JSON schemas of the routes' bodies and answers (Fastify validates and serialises with them). */
import type { CallSummary } from '../../src/report/index.js';

const str = (max: number) => ({ type: 'string', maxLength: max }) as const;

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
    // The call itself is checked by the report definition's own validator (validateCallSummary), the same one a
    // report's calls[] goes through: here only that it is an object.
    call: { type: 'object' },
  },
} as const;
