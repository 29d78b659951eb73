/**
 * The supervisors' pages: the fleet view (`/`) and its script, served with a strict Content-Security-Policy.
 * The script is the `<ccp-preflight-fleet>` bundle the build writes next to fleet.html.
 */
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';

/** Scripts and styles only from this origin, no inline script, no plugins, no framing, no form posts. */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export async function pagesPlugin(app: FastifyInstance, opts: { publicDir: string | null }): Promise<void> {
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('content-security-policy', PAGE_CSP);
    return payload;
  });
  const dir = opts.publicDir;
  if (dir && existsSync(join(dir, 'fleet.html'))) {
    await app.register(fastifyStatic, { root: dir, prefix: '/fleet/', index: false, cacheControl: true, maxAge: 60_000 });
    app.get('/', async (_req, reply) => reply.header('cache-control', 'no-cache').sendFile('fleet.html', dir));
  } else {
    app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(
      '<!doctype html><meta charset="utf-8"><title>ccp-preflight collector</title>' +
      '<p>The collector is running. The fleet page is not built: run "npm run build" (or start the collector with "npm run demo").</p>'));
  }
}
