// `ccp-preflight run --repeat N` end to end: built package, headless Debian Chromium, a real coturn behind a
// relay that makes every fifth test call fail. The error rate must be exactly the share of calls made to fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
// @ts-expect-error plain ESM module without types
import { startTurn } from '../../cli/turn.mjs';
// @ts-expect-error plain ESM module without types
import { startCallDroppingProxy } from '../support/call-dropping-proxy.mjs';

interface Turn { host: string; port: number; username: string; credential: string; stop(): Promise<void> }
interface Proxy { host: string; port: number; calls(): { calls: number; droppedClients: number }; stop(): Promise<void> }

function cli(args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['cli/ccp-preflight.mjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const t = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`CLI did not finish within ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(t);
      resolve({ code, stdout, stderr });
    });
  });
}

describe.runIf(existsSync('dist/index.js'))('ccp-preflight run --repeat (coturn, every fifth call dropped)', () => {
  let turn: Turn;
  let proxy: Proxy;
  beforeAll(async () => {
    turn = await startTurn();
    proxy = await startCallDroppingProxy({ target: { host: turn.host, port: turn.port }, every: 5 });
  });
  afterAll(async () => {
    await proxy?.stop();
    await turn?.stop();
  });

  it('reports a 20 % error rate over 10 calls, the spread of the others, and exits 2 (above the guide\'s 2 %)', async () => {
    const servers = [{ urls: [`turn:${proxy.host}:${proxy.port}?transport=udp`], username: turn.username, credential: turn.credential }];
    const r = await cli(['run', '--ice-servers', JSON.stringify(servers), '--duration', '2', '--repeat', '10', '--pause', '2', '--json'], 240_000);
    expect(r.code, r.stderr).toBe(2);
    const s = JSON.parse(r.stdout) as {
      calls: number;
      failed: number;
      errorRatePct: number;
      failures: { call: number; reason: string }[];
      spread: Record<string, { n: number; median: number; p10: number; p90: number } | null>;
      verdict: string;
    };
    expect(proxy.calls().calls).toBe(10);
    expect(s.calls).toBe(10);
    expect(s.failures.map((f) => f.call)).toEqual([5, 10]);
    expect(s.errorRatePct).toBe(20);
    expect(s.verdict).toBe('fail');
    expect(s.failures[0]!.reason).toMatch(/did not connect/);
    expect(s.spread.rttMs!.n).toBe(8);
    expect(s.spread.rttMs!.p10).toBeLessThanOrEqual(s.spread.rttMs!.median);
    expect(s.spread.rttMs!.median).toBeLessThanOrEqual(s.spread.rttMs!.p90);
    expect(s.spread.mos!.median).toBeGreaterThan(4);
  }, 300_000);
});
