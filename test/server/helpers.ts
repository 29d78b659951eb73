import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildCollector, type CollectorOptions } from '../../server/app.js';
import { openStore } from '../../server/main.js';
import type { Store } from '../../server/store/store.js';
// @ts-expect-error plain JS module without types
import { simulatedReport as sim } from '../../server/simulate.mjs';
import type { Report } from '../../src/report/index.js';

export const INGEST = 'ingest-token-0123456789abcdef';
export const READ = 'read-token-0123456789abcdefgh';

export const simulatedReport = sim as (o: { agent: number; seed?: number; site?: string; createdAt?: Date; udpBlocked?: boolean }) => Report;

export async function memoryCollector(extra: Partial<CollectorOptions> = {}): Promise<{ app: FastifyInstance; store: Store }> {
  const store = await openStore({ databaseUrl: null, dataDir: '', inMemory: true });
  const app = await buildCollector({ store, tokens: { ingest: [INGEST], read: [READ] }, ...extra });
  return { app, store };
}

export function postReport(app: FastifyInstance, body: unknown, token = INGEST, contentType = 'application/json'): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST', url: '/v1/reports',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function get(app: FastifyInstance, url: string, token = READ): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
}
