// The collector's API through Fastify's in-process injection, on a real (in-memory) PGlite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { encodeShareCode } from '../../src/report/index.js';
import type { Store } from '../../server/store/store.js';
import { buildCollector } from '../../server/app.js';
import { get, INGEST, memoryCollector, postReport, READ, simulatedReport } from './helpers.js';

let app: FastifyInstance;
let store: Store;
beforeAll(async () => {
  ({ app, store } = await memoryCollector());
});
afterAll(async () => {
  await app.close();
  await store.close();
});

describe('ingest and read back', () => {
  it('stores a report, answers 201 with its id, and serves it back', async () => {
    const report = simulatedReport({ agent: 1, site: 'Leeds', udpBlocked: true });
    const res = await postReport(app, report);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id: report.id });
    const back = await get(app, `/v1/reports/${report.id}`);
    expect(back.statusCode).toBe(200);
    expect(back.json().id).toBe(report.id);
    expect(back.json().checks).toHaveLength(report.checks.length);
    expect(back.headers['cache-control']).toBe('no-store');
  });

  it('stores the same report id once however often it is posted (client retries)', async () => {
    const report = simulatedReport({ agent: 2 });
    const codes = await Promise.all([1, 2, 3].map(() => postReport(app, report).then((r) => r.statusCode)));
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 200)).toHaveLength(2);
    const hist = await get(app, `/v1/agents/${encodeURIComponent(report.subject.agent!.username!)}/history`);
    expect(hist.json().reports.map((r: { id: string }) => r.id)).toEqual([report.id]);
  });

  it('accepts a share code as text/plain', async () => {
    const report = simulatedReport({ agent: 3 });
    const code = await encodeShareCode(report);
    const res = await postReport(app, code, INGEST, 'text/plain');
    expect(res.statusCode).toBe(201);
    expect((await get(app, `/v1/reports/${report.id}`)).json().subject.label).toBe(report.subject.label);
  });

  it('removes a planted credential before storing, and keeps the agent key', async () => {
    const report = simulatedReport({ agent: 4 }) as ReturnType<typeof simulatedReport> & Record<string, unknown>;
    const ice = report.checks.find((c) => c.id === 'ice-udp')!;
    (ice.data as unknown as Record<string, unknown>).password = 'PLANTED-SECRET-1';
    (ice.data as unknown as { servers: { url: string }[] }).servers[0]!.url = 'turn:leaky:PLANTED-SECRET-2@relay.example.com:3478';
    report.token = 'PLANTED-SECRET-3';
    expect((await postReport(app, report)).statusCode).toBe(201);
    const raw = (await store.getReport(report.id)) as object;
    const text = JSON.stringify(raw);
    expect(text).not.toContain('PLANTED-SECRET');
    expect((raw as { subject: { agent: { username: string } } }).subject.agent.username).toBe('sim-agent-00004');
  });

  it('lists agents unfit first, with paging, search and filters, and aggregates by cause and site', async () => {
    for (let i = 10; i < 40; i++) expect((await postReport(app, simulatedReport({ agent: i, seed: 7 }))).statusCode).toBe(201);
    const page = await get(app, '/v1/agents?limit=5');
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body.total).toBeGreaterThan(30);
    expect(body.agents).toHaveLength(5);
    expect(body.agents[0].latest.fit).toBe('no');
    const fits = (await get(app, '/v1/agents?limit=500')).json().agents.map((a: { latest: { fit: string } }) => a.latest.fit);
    expect(fits.indexOf('yes')).toBeGreaterThan(fits.lastIndexOf('no'));
    const leeds = (await get(app, `/v1/agents?site=${encodeURIComponent('SIMULATED Leeds')}`)).json();
    expect(leeds.agents.every((a: { site: string }) => a.site === 'SIMULATED Leeds')).toBe(true);
    const search = (await get(app, '/v1/agents?q=agent-00012')).json();
    expect(search.agents.map((a: { agent: string }) => a.agent)).toEqual(['sim-agent-00012']);
    const agg = (await get(app, '/v1/aggregates')).json();
    expect(agg.agents).toBe(body.total);
    expect(agg.byVerdict.fail + agg.byVerdict.warn + agg.byVerdict.pass + agg.byVerdict.skip).toBe(agg.agents);
    const udp = agg.byCause.find((c: { cause: string; site: string }) => c.cause === 'ice-udp/turn-unreachable' && c.site === 'SIMULATED Leeds');
    expect(udp.agents).toBeGreaterThan(0);
    expect(udp.causeText).toMatch(/UDP/);
  });

  it('keeps the newest report as the agent\'s latest even when an older one arrives later', async () => {
    const newer = simulatedReport({ agent: 50, udpBlocked: false, createdAt: new Date(Date.UTC(2026, 0, 2)) });
    const older = simulatedReport({ agent: 50, seed: 2, udpBlocked: true, createdAt: new Date(Date.UTC(2026, 0, 1)) });
    await postReport(app, newer);
    await postReport(app, older);
    const a = (await get(app, '/v1/agents?q=sim-agent-00050')).json().agents[0];
    expect(a.latest.id).toBe(newer.id);
    const prev = await get(app, `/v1/reports/${newer.id}/previous`);
    expect(prev.json().id).toBe(older.id);
  });

  it('stores a call summary once', async () => {
    const call = {
      id: 'call-0123456789',
      subject: { label: 'SIMULATED Leeds', agent: { username: 'sim-agent-00001' }, password: 'PLANTED' },
      call: {
        startedAt: '2026-01-01T08:00:00.000Z', durationMs: 60_000, source: 'softphone-stats', verdict: 'warn',
        rttMs: { avg: 120, p95: 180, max: 200 }, jitterMs: { avg: 20, p95: 30, max: 40 }, lossPct: { avg: 1.2, max: 3 },
        mos: { avg: 3.9, min: 3.5 }, samples: [{ tMs: 0, rttMs: 120 }],
      },
    };
    const post = () => app.inject({ method: 'POST', url: '/v1/calls', headers: { authorization: `Bearer ${INGEST}`, 'content-type': 'application/json' }, payload: JSON.stringify(call) });
    expect((await post()).statusCode).toBe(422); // unknown key "password" in subject: rejected, not stored
    delete (call.subject as Record<string, unknown>).password;
    // The call is checked by the report definition (validateCallSummary): a figure of the wrong type is refused
    // with the path of the field, and nothing is stored.
    const good = call.call;
    call.call = { ...good, rttMs: { avg: 'fast' as unknown as number, p95: 180, max: 200 } };
    const bad = await post();
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toMatch(/^call\.rttMs/);
    expect(bad.json().error).toMatch(/call summary is not valid: call\.rttMs/);
    call.call = good;
    expect((await post()).statusCode).toBe(201);
    expect((await post()).statusCode).toBe(200);
    const calls = (await get(app, '/v1/agents/sim-agent-00001/calls')).json().calls;
    expect(calls).toHaveLength(1);
    expect(calls[0].call.rttMs.avg).toBe(120);
  });
});

describe('auth matrix', () => {
  const report = simulatedReport({ agent: 60 });
  it.each([
    ['no token', undefined],
    ['a wrong token', 'not-a-real-token-at-all-000000'],
    ['a read token (read-as-write)', READ],
  ])('POST /v1/reports with %s is 401 and stores nothing', async (_name, token) => {
    const res = await app.inject({
      method: 'POST', url: '/v1/reports', payload: JSON.stringify(report),
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatch(/ingest token/);
    expect(await store.getReport(report.id)).toBeNull();
  });
  it.each([
    ['no token', undefined],
    ['a wrong token', 'not-a-real-token-at-all-000000'],
    ['an ingest token (write-as-read)', INGEST],
  ])('GET /v1/agents, /v1/aggregates, /v1/reports/:id, /v1/stream with %s are 401', async (_name, token) => {
    for (const url of ['/v1/agents', '/v1/aggregates', '/v1/reports/x', '/v1/stream', '/v1/agents/a/history']) {
      const res = await app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error).toMatch(/read token/);
    }
  });
  it('never echoes the token it was given', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/agents', headers: { authorization: `Bearer ${INGEST}` } });
    expect(res.body).not.toContain(INGEST);
  });
});

describe('hostile bodies: 4xx with a JSON error, and the service keeps serving', () => {
  const deep = '['.repeat(20_000) + ']'.repeat(20_000);
  const cases: [string, string, string, number][] = [
    ['not JSON', 'application/json', '{"schema": "ccp-preflight/1", oops', 400],
    ['20,000-deep nesting', 'application/json', deep, 400],
    ['20,000-deep nesting as text', 'text/plain', deep, 400],
    ['__proto__ key', 'application/json', JSON.stringify(simulatedReport({ agent: 70 })).replace('{', '{"__proto__":{"admin":true},'), 400],
    ['wrong types', 'application/json', JSON.stringify({ ...simulatedReport({ agent: 71 }), verdict: 42, checks: 'none' }), 422],
    ['an unknown schema version', 'application/json', JSON.stringify({ ...simulatedReport({ agent: 72 }), schema: 'ccp-preflight/9' }), 422],
    ['a share code that is not one', 'text/plain', 'CCPF1.' + 'A'.repeat(5000), 422],
    ['an unsupported content type', 'application/xml', '<report/>', 415],
    ['an empty body', 'application/json', '', 400],
  ];
  let next = 100;
  it.each(cases)('%s', async (_name, type, payload, status) => {
    const res = await postReport(app, payload, INGEST, type);
    expect(res.statusCode).toBe(status);
    expect(typeof res.json().error).toBe('string');
    expect(res.json().error.length).toBeGreaterThan(10);
    expect((await postReport(app, simulatedReport({ agent: next++ }))).statusCode).toBe(201);
  });

  it('a 6 MB body is 413', async () => {
    const res = await postReport(app, JSON.stringify({ pad: 'x'.repeat(6 * 1024 * 1024) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatch(/too large/);
  });

  it('a share code that inflates too far is 422', async () => {
    const { deflateRawSync } = await import('node:zlib');
    const bomb = deflateRawSync(Buffer.from(JSON.stringify({ pad: ' '.repeat(30_000_000) })));
    const code = 'CCPF1.' + bomb.toString('base64url');
    expect(code.length).toBeLessThan(1_000_000);
    const res = await postReport(app, code, INGEST, 'text/plain');
    expect(res.statusCode).toBe(422);
    expect((await get(app, '/v1/aggregates')).statusCode).toBe(200);
  });
});

describe('headers', () => {
  it('serves pages with a strict CSP and security headers; no CORS without configured origins', async () => {
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'; script-src 'self'/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const pre = await app.inject({ method: 'OPTIONS', url: '/v1/reports', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows CORS only for a configured origin', async () => {
    const a2 = await buildCollector({ store, tokens: { ingest: [INGEST], read: [READ] }, origins: ['https://desktop.example.com'] });
    try {
      const ok = await a2.inject({ method: 'OPTIONS', url: '/v1/reports', headers: { origin: 'https://desktop.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
      expect(ok.statusCode).toBe(204);
      expect(ok.headers['access-control-allow-origin']).toBe('https://desktop.example.com');
      const bad = await a2.inject({ method: 'OPTIONS', url: '/v1/reports', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      expect(bad.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await a2.close();
    }
  });

  it('rate limits with 429 and Retry-After', async () => {
    const a3 = await buildCollector({ store, tokens: { ingest: [INGEST], read: [READ] }, rateLimitPerMinute: 3 });
    try {
      const codes = [];
      let last;
      for (let i = 0; i < 4; i++) codes.push((last = await get(a3, '/v1/aggregates')).statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
      expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
      expect(last!.json().error).toMatch(/Too many/);
    } finally {
      await a3.close();
    }
  });
});
