// The CLI end to end: built package, headless Debian Chromium and Firefox ESR (`--browser`), real coturn behind
// the UDP impairment proxy. The same assertions for both browsers: the same checks, the same report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
// @ts-expect-error plain ESM module without types
import { startTurn } from '../../cli/turn.mjs';
// @ts-expect-error plain ESM module without types
import { startUdpProxyProcess, proxiedIceServers, expectedLoop } from '../support/udp-proxy.mjs';

interface Turn { host: string; port: number; username: string; credential: string; stop(): Promise<void> }
interface Proxy { host: string; port: number; stop(): Promise<void> }

function cli(args: string[], timeoutMs = 90_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['cli/ccp-preflight.mjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const t = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`CLI did not finish within ${timeoutMs} ms: ${stderr}`)); }, timeoutMs);
    child.on('exit', (code) => { clearTimeout(t); resolve({ code, stdout, stderr }); });
  });
}

describe.runIf(existsSync('dist/index.js')).each(['chromium', 'firefox'] as const)('ccp-preflight run --browser %s (coturn, impairment proxy)', (browser) => {
  let turn: Turn;
  let proxy: Proxy;
  const profile = { delayMs: 30, seed: 7 };
  beforeAll(async () => {
    turn = await startTurn();
    proxy = await startUdpProxyProcess({ target: { host: turn.host, port: turn.port }, profile });
  });
  afterAll(async () => {
    await proxy?.stop();
    await turn?.stop();
  });

  it('prints a Report whose media RTT follows the delay imposed on the path to the TURN server', async () => {
    const servers = proxiedIceServers(proxy, turn);
    const r = await cli(['run', '--browser', browser, '--ice-servers', JSON.stringify(servers), '--checks', 'browser,ice-udp,media', '--duration', '4', '--json']);
    // 0/1, or 4: a pass of a --checks subset is partial (cli/run.mjs EXIT.partial).
    expect([0, 1, 4], r.stderr).toContain(r.code);
    const report = JSON.parse(r.stdout);
    expect(report.schema).toBe('ccp-preflight/1');
    expect(report.checks.find((c: { id: string }) => c.id === 'browser').data.family).toBe(browser === 'firefox' ? 'firefox' : 'chromium');
    const media = report.checks.find((c: { id: string }) => c.id === 'media');
    expect(media.verdict, media.summary).not.toBe('skip');
    const expected = expectedLoop(profile).rttMs; // 30 ms each way, up and down legs: about 60 ms
    const tolerance = Math.max(5, 0.05 * expected);
    expect(Math.abs(media.data.rttMs - expected), `rttMs ${media.data.rttMs} vs ${expected}`).toBeLessThanOrEqual(tolerance);
    expect(media.data.lossPct).toBeLessThan(1);
    expect(Number.isFinite(media.data.jitterMs)).toBe(true);
    expect(Number.isFinite(media.data.mos)).toBe(true);
    // No credential reaches the report.
    expect(r.stdout).not.toContain(turn.credential);
  }, 120_000);

  it('a wrong TURN credential fails with exit code 2 and names the credential problem', async () => {
    const servers = [{ urls: [`turn:${turn.host}:${turn.port}?transport=udp`], username: turn.username, credential: 'wrong-password' }];
    const r = await cli(['run', '--browser', browser, '--ice-servers', JSON.stringify(servers), '--checks', 'ice-udp']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/✕ Fail: STUN\/TURN over UDP/);
    expect(r.stdout).toMatch(/credential|401/i);
  }, 120_000);
});
