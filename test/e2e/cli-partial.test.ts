// The CLI end to end on partial runs and failures: built package, headless Debian Chromium, real coturn.
// A --checks subset that passes exits 4 (partial) and never says "every check passed" or "Calls will work";
// a TURN server that never answers fails with exit 2, and the verdict is said as soon as it is known.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import dgram from 'node:dgram';
// @ts-expect-error plain ESM module without types
import { startTurn } from '../../cli/turn.mjs';

interface Turn { host: string; port: number; username: string; credential: string; iceServers: RTCIceServer[]; stop(): Promise<void> }

function cli(args: string[], timeoutMs = 90_000, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['cli/ccp-preflight.mjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const t = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`CLI did not finish within ${timeoutMs} ms: ${stderr}`)); }, timeoutMs);
    child.on('exit', (code) => { clearTimeout(t); resolve({ code, stdout, stderr }); });
  });
}

describe.runIf(existsSync('dist/index.js'))('ccp-preflight run: partial runs and failures (Chromium, coturn)', () => {
  let turn: Turn;
  let hole: dgram.Socket;
  beforeAll(async () => {
    turn = await startTurn();
    // A UDP port that receives and never answers: a TURN server that is silent.
    hole = dgram.createSocket('udp4');
    await new Promise((r) => hole.bind(0, '127.0.0.1', () => r(undefined)));
  });
  afterAll(async () => {
    await new Promise((r) => hole?.close(() => r(undefined)));
    await turn?.stop();
  });

  it('--checks ice-udp,media that pass: exit 4 and words that say only those ran', async () => {
    const r = await cli(['run', '--ice-servers', JSON.stringify(turn.iceServers), '--checks', 'ice-udp,media', '--duration', '2']);
    expect(r.code, r.stderr + r.stdout).toBe(4);
    expect(r.stdout).not.toMatch(/every check passed|Softphone fit: yes/i);
    expect(r.stdout).not.toMatch(/^✓ Calls will work in this browser\.$/m);
    expect(r.stdout).toMatch(/as far as the checks that ran can tell/);
    expect(r.stdout).toMatch(/Only 2 of \d+ checks were chosen/);
    const json = await cli(['run', '--ice-servers', JSON.stringify(turn.iceServers), '--checks', 'ice-udp,media', '--duration', '2', '--json']);
    expect(json.code).toBe(4);
    const report = JSON.parse(json.stdout) as { verdict: string; partial?: boolean };
    expect([report.verdict, report.partial]).toEqual(['pass', true]);
  }, 120_000);

  it('a TURN server that never answers: exit 2, and the verdict is said when the check fails', async () => {
    const { port } = hole.address();
    const servers = [{ urls: [`turn:127.0.0.1:${port}?transport=udp`], username: 'u', credential: 'p' }];
    const r = await cli(['run', '--ice-servers', JSON.stringify(servers), '--checks', 'ice-udp']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/Verdict: fail \(STUN\/TURN over UDP failed, after \d+\.\d s\)/);
    expect(r.stdout).toMatch(/could not be reached over UDP/);
  }, 120_000);

  it('--lang es: progress, the early verdict line and the summary in Spanish; the JSON report the same as in English', async () => {
    const { port } = hole.address();
    const servers = [{ urls: [`turn:127.0.0.1:${port}?transport=udp`], username: 'u', credential: 'p' }];
    const r = await cli(['run', '--ice-servers', JSON.stringify(servers), '--checks', 'ice-udp', '--lang', 'es']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/\] Comprobando: STUN\/TURN por UDP/);
    expect(r.stderr).toMatch(/Resultado: error \(falló «STUN\/TURN por UDP» a los \d+,\d s\)/);
    expect(r.stderr).not.toMatch(/Verdict: fail|STUN\/TURN over UDP/);
    expect(r.stdout).toMatch(/Para TI/);
    expect(r.stdout).not.toMatch(/could not be reached|For IT|Checks/);
    // LANG picks the language too; --json is the same report whatever the language.
    const viaEnv = await cli(['run', '--ice-servers', JSON.stringify(servers), '--checks', 'ice-udp', '--json'], 120_000, { LANG: 'de_DE.UTF-8' });
    const report = JSON.parse(viaEnv.stdout) as { checks: { summary: string }[] };
    expect(report.checks[0]!.summary).toMatch(/could not be reached over UDP/);
  }, 120_000);
});
