// OTLP/HTTP export received by a small test receiver that decodes the OTLP JSON encoding
// (opentelemetry-proto's JSON mapping: resourceMetrics / resourceLogs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { buildCollector } from '../../server/app.js';
import { openStore } from '../../server/main.js';
import type { Store } from '../../server/store/store.js';
import { INGEST, READ, postReport, simulatedReport } from './helpers.js';

interface KV { key: string; value: { stringValue?: string; doubleValue?: number; intValue?: string | number } }
const received: { path: string; body: Record<string, unknown> }[] = [];
let receiver: Server;
let endpoint: string;
let app: FastifyInstance;
let store: Store;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let data = '';
    req.on('data', (d) => (data += d));
    req.on('end', () => {
      expect(req.headers['content-type']).toMatch(/application\/json/);
      received.push({ path: req.url ?? '', body: JSON.parse(data) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const a = receiver.address();
  endpoint = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  store = await openStore({ databaseUrl: null, dataDir: '', inMemory: true });
  app = await buildCollector({ store, tokens: { ingest: [INGEST], read: [READ] }, otlp: { endpoint, intervalMs: 60_000 } });
});
afterAll(async () => {
  await store.close();
  receiver.close();
});

const attrs = (list: KV[]) => Object.fromEntries(list.map((a) => [a.key, a.value.stringValue ?? a.value.doubleValue ?? a.value.intValue]));

describe('OTLP export', () => {
  it('exports histograms, the verdict counter and one log record per report', async () => {
    const reports = [simulatedReport({ agent: 1, site: 'Leeds', udpBlocked: true }), simulatedReport({ agent: 2, site: 'London', udpBlocked: false })];
    for (const r of reports) expect((await postReport(app, r)).statusCode).toBe(201);
    expect((await postReport(app, reports[0])).statusCode).toBe(200); // a retry is not counted twice
    await app.close(); // flushes both exporters

    const metrics = received.filter((r) => r.path === '/v1/metrics');
    const logs = received.filter((r) => r.path === '/v1/logs');
    expect(metrics.length).toBeGreaterThan(0);
    type Metric = { name: string; unit: string; histogram?: { dataPoints: { count: string | number; sum: number; attributes: KV[] }[] }; sum?: { dataPoints: { asInt?: string | number; asDouble?: number; attributes: KV[] }[] } };
    const all: Metric[] = metrics.flatMap((m) => (m.body.resourceMetrics as { scopeMetrics: { metrics: Metric[] }[] }[]).flatMap((rm) => rm.scopeMetrics.flatMap((s) => s.metrics)));
    const byName = (n: string) => all.find((m) => m.name === n)!;
    const rtt = byName('ccp_preflight.media.rtt');
    expect(rtt.unit).toBe('ms');
    const rttPoints = rtt.histogram!.dataPoints;
    expect(rttPoints.reduce((s, p) => s + Number(p.count), 0)).toBe(2);
    expect(rttPoints.reduce((s, p) => s + p.sum, 0)).toBeCloseTo(reports.reduce((s, r) => s + (r.checks.find((c) => c.id === 'media')!.data as { rttMs: number }).rttMs, 0));
    const leeds = rttPoints.find((p) => attrs(p.attributes)['ccp_preflight.site'] === 'SIMULATED Leeds')!;
    expect(attrs(leeds.attributes)).toMatchObject({ 'ccp_preflight.verdict': 'fail', 'cloud.region': reports[0]!.subject.region, 'browser.family': 'chrome' });
    for (const n of ['ccp_preflight.media.jitter', 'ccp_preflight.media.loss', 'ccp_preflight.media.mos']) expect(byName(n).histogram!.dataPoints.length).toBe(2);
    const counts = byName('ccp_preflight.reports').sum!.dataPoints;
    expect(counts.map((p) => [attrs(p.attributes)['ccp_preflight.verdict'], Number(p.asInt ?? p.asDouble)]).sort()).toEqual([['fail', 1], ['pass', 1]]);

    type Log = { body: { stringValue: string }; attributes: KV[]; severityText: string };
    const records: Log[] = logs.flatMap((l) => (l.body.resourceLogs as { scopeLogs: { logRecords: Log[] }[] }[]).flatMap((rl) => rl.scopeLogs.flatMap((s) => s.logRecords)));
    expect(records).toHaveLength(2);
    const ids = records.map((r) => attrs(r.attributes)['ccp_preflight.report_id']).sort();
    expect(ids).toEqual(reports.map((r) => r.id).sort());
    expect(records.find((r) => r.severityText === 'FAIL')!.body.stringValue).toMatch(/UDP/);
  });
});
