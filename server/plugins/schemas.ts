/** JSON schemas of the routes' bodies and answers (Fastify validates and serialises with them). */
import type { CallSummary } from '../../src/report/index.js';
import { CAUSE_CODE_SOURCE, MAX_SEARCH_CAUSES, MAX_SEARCH_CAUSES_CHARS } from '../../src/elements/ccp-preflight-fleet/fleet-api.js';

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

/**
 * `GET /v1/agents?causes=`: at most MAX_SEARCH_CAUSES cause codes (`checkId/code`), comma-separated, at most
 * MAX_SEARCH_CAUSES_CHARS characters.
 */
export const CAUSES_PARAM = {
  type: 'string',
  minLength: 1,
  maxLength: MAX_SEARCH_CAUSES_CHARS,
  pattern: `^${CAUSE_CODE_SOURCE}(,${CAUSE_CODE_SOURCE}){0,${MAX_SEARCH_CAUSES - 1}}$`,
} as const;

/** What a client sends wrong in `causes`, and what to send instead. */
export function causesParamError(): string {
  return `The causes parameter is not valid: send at most ${MAX_SEARCH_CAUSES} cause codes, comma-separated without spaces ` +
    `(${MAX_SEARCH_CAUSES_CHARS} characters at most), each a check id and a finding code as the fleet lists them, ` +
    'e.g. causes=ice-udp/turn-unreachable,media/fail (letters, digits, ".", "_" and "-"); or leave causes out and search with q alone.';
}

/** Another bad query parameter of a read route (Fastify's validation message, e.g. "querystring/verdict must be equal to one of the allowed values"). */
export function queryError(detail: string): string {
  return `The query is not valid: ${detail}. See the collector's API in the README for the parameters and their values.`;
}
