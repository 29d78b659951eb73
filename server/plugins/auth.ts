/** Auth: an onRequest guard per scope. A missing, unknown or wrong-kind token is 401 with a plain message. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerOf, type TokenKind, type TokenMatcher } from '../tokens.js';

const WHAT: Record<TokenKind, string> = {
  ingest: 'an ingest token (the one configured in the widget\'s collector-token)',
  read: 'a read token (the supervisors\' token)',
};

export function requireToken(tokens: TokenMatcher, kind: TokenKind) {
  return async function guard(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (req.method === 'OPTIONS') return; // CORS pre-flight carries no credentials
    const token = bearerOf(req.headers.authorization);
    const got = token === null ? null : tokens.kindOf(token);
    if (got === kind) return;
    const message = token === null
      ? `This needs "Authorization: Bearer <token>" with ${WHAT[kind]}.`
      : got === null
        ? `The token is not valid. Use ${WHAT[kind]}; ask the collector's administrator if it was changed.`
        : `This token cannot be used here: it is a ${got} token, and this needs ${WHAT[kind]}.`;
    await reply.code(401).header('www-authenticate', 'Bearer').send({ error: message });
  };
}
