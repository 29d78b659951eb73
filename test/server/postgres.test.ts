// Two collectors side by side on one real PostgreSQL (Debian postgresql, started here in a temp folder).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildCollector } from '../../server/app.js';
import { openStore } from '../../server/main.js';
import type { Store } from '../../server/store/store.js';
// @ts-expect-error plain JS helper
import { startPostgres } from './support/postgres.mjs';
import { INGEST, READ, simulatedReport } from './helpers.js';

let pg: { url: string; stop(): void };
const collectors: { app: FastifyInstance; store: Store; url: string }[] = [];

beforeAll(async () => {
  pg = await startPostgres();
  // Both start at once: the migrations run once, under the advisory lock.
  const stores = await Promise.all([0, 1].map(() => openStore({ databaseUrl: pg.url, dataDir: '' })));
  for (const store of stores) {
    const app = await buildCollector({ store, tokens: { ingest: [INGEST], read: [READ] }, livePollMs: 100 });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    collectors.push({ app, store, url });
  }
});
afterAll(async () => {
  for (const c of collectors) {
    await c.app.close();
    await c.store.close();
  }
  pg?.stop();
});

const post = (base: string, body: unknown) => fetch(`${base}/v1/reports`, {
  method: 'POST', headers: { authorization: `Bearer ${INGEST}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
});
const read = async (base: string, path: string) => (await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${READ}` } })).json();

describe('PostgreSQL, two collectors on one database', () => {
  it('both collectors store and both read every report back, nothing lost or doubled', async () => {
    const reports = Array.from({ length: 60 }, (_, i) => simulatedReport({ agent: i, seed: 11 }));
    const codes = await Promise.all(reports.map((r, i) => post(collectors[i % 2]!.url, r).then((res) => res.status)));
    expect(codes.every((c) => c === 201)).toBe(true);
    for (const c of collectors) {
      const agents = await read(c.url, '/v1/agents?limit=500');
      expect(agents.total).toBe(60);
      const got = await Promise.all(reports.slice(0, 10).map((r) => read(c.url, `/v1/reports/${r.id}`)));
      expect(got.map((g) => g.id)).toEqual(reports.slice(0, 10).map((r) => r.id));
    }
    expect(await collectors[0]!.store.countReports()).toBe(60);
    expect(await collectors[1]!.store.countReports()).toBe(60);
  });

  it('the same report posted to both collectors at once is stored once', async () => {
    const r = simulatedReport({ agent: 500, seed: 3 });
    const codes = (await Promise.all([...collectors, ...collectors].map((c) => post(c.url, r).then((x) => x.status)))).sort();
    expect(codes).toEqual([200, 200, 200, 201]);
    const hist = await read(collectors[1]!.url, '/v1/agents/sim-agent-00500/history');
    expect(hist.reports).toHaveLength(1);
  });

  it('the live stream on one collector shows a report stored by the other', async () => {
    const ac = new AbortController();
    const res = await fetch(`${collectors[1]!.url}/v1/stream`, { headers: { authorization: `Bearer ${READ}` }, signal: ac.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const r = simulatedReport({ agent: 600, seed: 5 });
    await new Promise((ok) => setTimeout(ok, 300));
    expect((await post(collectors[0]!.url, r)).status).toBe(201);
    let text = '';
    const deadline = Date.now() + 10_000;
    while (!text.includes(r.id) && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    ac.abort();
    expect(text).toContain('event: report');
    expect(text).toContain(r.id);
  });

  it('aggregates match the agents list on PostgreSQL as on PGlite (same SQL)', async () => {
    const agg = await read(collectors[0]!.url, '/v1/aggregates');
    const all = await read(collectors[0]!.url, '/v1/agents?limit=500');
    expect(agg.agents).toBe(all.total);
    expect(agg.unfit).toBe(all.agents.filter((a: { latest: { fit: string } }) => a.latest.fit === 'no').length);
  });
});
