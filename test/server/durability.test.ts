// kill -9 during a burst, restart on the same store: every acknowledged report is there. The collector runs as
// its own process from the built bundle (as `ccp-preflight serve` runs it), on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain JS build script
import { buildServer } from '../../server/build.mjs';
// @ts-expect-error plain JS helper
import { startPostgres, freePort } from './support/postgres.mjs';
import { INGEST, READ, simulatedReport } from './helpers.js';

let bundle: string;
let pg: { url: string; stop(): void };
const tmp = mkdtempSync(join(tmpdir(), 'ccpf-dur-'));

beforeAll(async () => {
  const out = await buildServer({ outdir: join(process.cwd(), 'node_modules/.cache/ccp-preflight-server-test'), minify: false });
  bundle = join(out, 'collector.mjs');
  pg = await startPostgres();
});
afterAll(() => {
  pg?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

async function startChild(args: string[]): Promise<{ child: ChildProcess; url: string; exited: Promise<unknown> }> {
  const port: number = await freePort();
  const child = spawn(process.execPath, ['--input-type=module', '-e',
    `const { serveMain } = await import(${JSON.stringify(bundle)}); process.exitCode = await serveMain(process.argv.slice(1), process);`,
    '--', '--port', String(port), ...args], {
    env: { ...process.env, CCP_PREFLIGHT_INGEST_TOKENS: INGEST, CCP_PREFLIGHT_READ_TOKENS: READ, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Listened to from the start: a process killed while the test awaits other things must not be missed.
  const exited = new Promise((r) => child.once('exit', r));
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000; // a fresh PGlite folder takes seconds (minutes on a loaded machine)
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`collector exited: ${out}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { child, url, exited };
    } catch { /* not yet listening */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`collector did not start: ${out}`);
}

const ACKS_BEFORE_KILL = 40;

async function burstAndKill(args: string[]): Promise<void> {
  const first = await startChild(args);
  expect(first.url).toMatch(/^http/);
  const acked: string[] = [];
  let n = 0;
  let killed = false;
  const worker = async () => {
    while (!killed) {
      const r = simulatedReport({ agent: n++, seed: 99 });
      try {
        const res = await fetch(`${first.url}/v1/reports`, {
          method: 'POST', headers: { authorization: `Bearer ${INGEST}`, 'content-type': 'application/json' }, body: JSON.stringify(r),
        });
        if (res.status === 201) acked.push(r.id);
      } catch { /* the connection died with the process: not acknowledged */ }
    }
  };
  const workers = Array.from({ length: 8 }, worker);
  // Kill once enough reports are acknowledged (or after a bounded wait on a very loaded machine).
  const until = Date.now() + 90_000;
  while (acked.length < ACKS_BEFORE_KILL && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  first.child.kill('SIGKILL'); // in the middle of the burst: requests are in flight
  killed = true;
  await Promise.all(workers);
  await first.exited;

  const second = await startChild(args);
  try {
    const missing: string[] = [];
    for (const id of acked) {
      const res = await fetch(`${second.url}/v1/reports/${id}`, { headers: { authorization: `Bearer ${READ}` } });
      if (res.status !== 200) missing.push(id);
    }
    expect(acked.length).toBeGreaterThanOrEqual(5);
    expect(missing).toEqual([]);
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
  }
}

describe('kill -9 during a burst', () => {
  it('PGlite: every acknowledged report is present after restart', async () => {
    await burstAndKill(['--data', join(tmp, 'pglite')]);
  }, 300_000);
  it('PostgreSQL: every acknowledged report is present after restart', async () => {
    await burstAndKill(['--database', pg.url]);
  }, 200_000);
});
