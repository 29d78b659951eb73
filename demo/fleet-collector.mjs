// The demo's fleet collector: the real collector (built from source) on the embedded store, with known demo
// tokens (NOT secret: for this local demo only), plus a way to fill it with clearly-labelled simulated agents.
import { join } from 'node:path';
import { collectorDir } from '../cli/serve.mjs';
import { simulatedReport } from '../server/simulate.mjs';

export const DEMO_INGEST_TOKEN = 'demo-ingest-token-not-secret';
export const DEMO_READ_TOKEN = 'demo-read-token-not-secret';

/** Starts the collector on 127.0.0.1:port with its data in node_modules/.cache (kept between demo runs). */
export async function startDemoCollector({ port = 8787, origins = [] } = {}) {
  const dir = await collectorDir({ fromSource: true });
  const { startCollector } = await import(join(dir, 'collector.mjs'));
  const running = await startCollector({
    port, host: '127.0.0.1', dataDir: join(process.cwd(), 'node_modules/.cache/ccp-preflight-demo-fleet'), databaseUrl: null,
    ingestTokens: [DEMO_INGEST_TOKEN], readTokens: [DEMO_READ_TOKEN], origins, retainDays: 30,
    otlpEndpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT ?? null, rateLimitPerMinute: null, trustProxy: false, help: false,
  }, { publicDir: join(dir, 'public') });
  return running;
}

let simCount = 0;
/** Posts `n` simulated agents' reports (labelled "SIMULATED <site>", usernames "sim-agent-..."). */
export async function simulateAgents(baseUrl, n) {
  const seed = Date.now() % 100_000;
  let stored = 0;
  for (let i = 0; i < n; i += 20) {
    const batch = Array.from({ length: Math.min(20, n - i) }, (_, k) => simulatedReport({ agent: (simCount + i + k) % 2000, seed: seed + i + k }));
    const codes = await Promise.all(batch.map((r) => fetch(`${baseUrl}/v1/reports`, {
      method: 'POST', headers: { authorization: `Bearer ${DEMO_INGEST_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(r),
    }).then((res) => res.status, () => 0)));
    stored += codes.filter((c) => c === 201).length;
  }
  simCount += n;
  return stored;
}
