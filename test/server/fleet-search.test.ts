// The fleet search in the reader's language, server side: `GET /v1/agents?q=...&causes=...` ORs the cause codes
// the fleet view matched in the reader's language into the text search (the stored cause text is the writer's
// English), on both stores: PGlite and a real PostgreSQL (Debian postgresql, started here in a temp folder).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildCollector } from '../../server/app.js';
import { openStore } from '../../server/main.js';
import type { Store } from '../../server/store/store.js';
import { MAX_SEARCH_CAUSES } from '../../src/elements/ccp-preflight-fleet/fleet-api.js';
// @ts-expect-error plain JS helper
import { startPostgres } from './support/postgres.mjs';
import { get, INGEST, postReport, READ, simulatedReport } from './helpers.js';

const UDP = 'ice-udp/turn-unreachable';

interface Listed { total: number; agents: { agent: string; site: string | null; latest: { cause: string | null } }[] }

function suite(name: string, open: () => Promise<{ store: Store; stop?: () => void }>): void {
  describe(name, () => {
    let app: FastifyInstance;
    let store: Store;
    let stop: (() => void) | undefined;
    beforeAll(async () => {
      ({ store, stop } = await open());
      app = await buildCollector({ store, tokens: { ingest: [INGEST], read: [READ] } });
      for (let i = 0; i < 12; i++) {
        const res = await postReport(app, simulatedReport({ agent: 300 + i, seed: 11, site: i < 6 ? 'Madrid North' : 'Osaka', udpBlocked: i < 6 }));
        expect(res.statusCode).toBe(201);
      }
    });
    afterAll(async () => {
      await app?.close();
      await store?.close();
      stop?.();
    });

    const list = async (query: string): Promise<Listed> => {
      const res = await get(app, `/v1/agents?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Listed;
    };

    it('finds the agents of the cause codes sent beside a query the English cause text does not hold', async () => {
      const all = await list('limit=500');
      const udp = all.agents.filter((a) => a.latest.cause === UDP).map((a) => a.agent).sort();
      expect(udp.length).toBeGreaterThanOrEqual(6);
      // "pérdida" is in no agent's name, site or English cause text: alone it finds nobody.
      expect((await list(`q=${encodeURIComponent('pérdida')}`)).total).toBe(0);
      const found = await list(`q=${encodeURIComponent('pérdida')}&causes=${encodeURIComponent(UDP)}&limit=500`);
      expect(found.agents.map((a) => a.agent).sort()).toEqual(udp);
      expect(found.total).toBe(udp.length);
      // Several codes, one of them unknown to the fleet; the other filters still apply.
      const site = all.agents.find((a) => a.latest.cause === UDP)!.site!;
      const two = await list(`q=x&causes=${encodeURIComponent(`media/fail,${UDP}`)}&site=${encodeURIComponent(site)}&limit=500`);
      expect(two.agents.length).toBeGreaterThan(0);
      expect(two.agents.every((a) => a.site === site)).toBe(true);
      expect(two.agents.every((a) => a.latest.cause === UDP || a.latest.cause === 'media/fail')).toBe(true);
    });

    it('keeps the text search: an agent found by its name, or by a cause code, both come back', async () => {
      const other = (await list('limit=500')).agents.find((a) => a.latest.cause !== UDP)!;
      const found = await list(`q=${encodeURIComponent(other.agent)}&causes=${encodeURIComponent(UDP)}&limit=500`);
      const ids = found.agents.map((a) => a.agent);
      expect(ids).toContain(other.agent);
      expect(found.agents.filter((a) => a.latest.cause === UDP).length).toBeGreaterThanOrEqual(6);
      expect(found.agents.every((a) => a.agent === other.agent || a.latest.cause === UDP)).toBe(true);
    });

    it.each([
      ['a code without its check id', 'turn-unreachable'],
      ['spaces after the commas', `${UDP}, media/fail`],
      ['an SQL fragment', "x/y' OR '1'='1"],
      ['an empty code', `${UDP},,media/fail`],
      ['too many codes', Array.from({ length: MAX_SEARCH_CAUSES + 1 }, (_, i) => `media/code-${i}`).join(',')],
      ['an empty list', ''],
    ])('answers 400 for %s, saying what to send', async (_name, causes) => {
      const res = await get(app, `/v1/agents?q=x&causes=${encodeURIComponent(causes)}`);
      expect(res.statusCode).toBe(400);
      const error = (res.json() as { error: string }).error;
      expect(error).toMatch(/causes parameter is not valid/);
      expect(error).toMatch(`at most ${MAX_SEARCH_CAUSES} cause codes, comma-separated`);
      expect(error).toMatch(/causes=ice-udp\/turn-unreachable,media\/fail/);
      expect(error).toMatch(/search with q alone/);
    });

    it('answers 400 with the parameter for another bad query value (not a body message), and keeps serving', async () => {
      const res = await get(app, '/v1/agents?verdict=maybe');
      expect(res.statusCode).toBe(400);
      expect((res.json() as { error: string }).error).toMatch(/^The query is not valid: .*verdict/);
      expect((await list('limit=1')).agents).toHaveLength(1);
    });

    it('lists every cause in the fleet in the aggregates, for the view\'s search', async () => {
      const agg = (await get(app, '/v1/aggregates')).json() as { causes: { cause: string; causeText: string | null }[] };
      const udp = agg.causes.find((c) => c.cause === UDP);
      expect(udp?.causeText).toMatch(/UDP/);
      expect(new Set(agg.causes.map((c) => c.cause)).size).toBe(agg.causes.length);
    });
  });
}

suite('PGlite', async () => ({ store: await openStore({ databaseUrl: null, dataDir: '', inMemory: true }) }));
suite('PostgreSQL', async () => {
  const pg = (await startPostgres()) as { url: string; stop(): void };
  try {
    return { store: await openStore({ databaseUrl: pg.url, dataDir: '' }), stop: () => pg.stop() };
  } catch (e) {
    pg.stop();
    throw e;
  }
});
