// Starts a real coturn (Debian `turnserver`) on 127.0.0.1 for the demo, `ccp-preflight run --local-turn` and the tests.
// Each instance gets its own listening port and relay port range, so several can run at once.
import { spawn, execFileSync } from 'node:child_process';
import dgram from 'node:dgram';
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TURN_BINARY_CANDIDATES = ['/usr/bin/turnserver', '/usr/sbin/turnserver'];

/** Path of coturn's turnserver, or null when coturn is not installed. */
export function findTurnserver() {
  for (const p of TURN_BINARY_CANDIDATES) if (existsSync(p)) return p;
  try {
    return execFileSync('sh', ['-c', 'command -v turnserver'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => {
      const sock = dgram.createSocket('udp4');
      sock.once('error', () => srv.close(() => resolve(false)));
      sock.bind(port, '127.0.0.1', () => sock.close(() => srv.close(() => resolve(true))));
    });
  });
}

/** A port free on both TCP and UDP, from a range unlikely to clash with relay ranges. */
export async function freePort(lo = 20000, hi = 40000) {
  for (let i = 0; i < 200; i++) {
    const p = lo + Math.floor(Math.random() * (hi - lo));
    if (await portFree(p)) return p;
  }
  throw new Error('No free port found for the TURN server.');
}

/** Sends a STUN Binding request; resolves true on a Binding success response. */
export function stunPing(port, host = '127.0.0.1', timeoutMs = 300) {
  return new Promise((resolve) => {
    const sock = dgram.createSocket('udp4');
    const tid = randomBytes(12);
    const msg = Buffer.concat([Buffer.from([0x00, 0x01, 0x00, 0x00, 0x21, 0x12, 0xa4, 0x42]), tid]);
    const done = (ok) => {
      clearTimeout(t);
      try { sock.close(); } catch { /* closed */ }
      resolve(ok);
    };
    const t = setTimeout(() => done(false), timeoutMs);
    sock.on('message', (m) => done(m.length >= 20 && m.readUInt16BE(0) === 0x0101 && m.subarray(8, 20).equals(tid)));
    sock.on('error', () => done(false));
    sock.send(msg, port, host);
  });
}

/**
 * Starts coturn. Returns { port, host, username, credential, realm, iceServers, stop }.
 * `iceServers` lists stun:, turn: over UDP and turn: over TCP on the same port.
 */
export async function startTurn(opts = {}) {
  const bin = findTurnserver();
  if (!bin) {
    throw new Error('coturn is not installed: install it with `sudo apt-get install coturn` (Debian/Ubuntu), then run again.');
  }
  const host = '127.0.0.1';
  const port = opts.port ?? (await freePort());
  const username = opts.username ?? 'preflight';
  const credential = opts.credential ?? 'preflight-' + randomBytes(6).toString('hex');
  const realm = opts.realm ?? 'ccp-preflight.local';
  // A relay range of 150 ports derived from the listening port keeps parallel instances apart.
  const minPort = opts.minPort ?? 41000 + ((port * 7) % 120) * 200;
  const maxPort = opts.maxPort ?? minPort + 149;
  const dir = mkdtempSync(join(tmpdir(), 'ccpf-turn-'));
  const args = [
    '-n', `--listening-ip=${host}`, `--relay-ip=${host}`, `--listening-port=${port}`,
    '--lt-cred-mech', `--user=${username}:${credential}`, `--realm=${realm}`,
    '--no-tls', '--no-dtls', '--no-cli', '--allow-loopback-peers', '--no-multicast-peers',
    `--min-port=${minPort}`, `--max-port=${maxPort}`, `--pidfile=${join(dir, 'turn.pid')}`,
    '--no-stdout-log', `--log-file=${join(dir, 'turn.log')}`, '--simple-log', '--fingerprint',
    ...(opts.extraArgs ?? []),
  ];
  const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
  let exited = false;
  // coturn is not our process group's child in the kernel's eyes once we die: kill it when this process exits,
  // however it exits, so no TURN server outlives the demo, the CLI or a test run.
  const killOnExit = () => { if (!exited) try { child.kill('SIGKILL'); } catch { /* gone */ } };
  process.once('exit', killOnExit);
  child.once('exit', () => { exited = true; process.off('exit', killOnExit); });
  const deadline = Date.now() + 8000;
  while (!(await stunPing(port))) {
    if (exited) throw new Error(`coturn exited at start: ${stderr.trim() || 'no message'} (args: ${args.join(' ')})`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`coturn did not answer STUN on ${host}:${port} within 8 s.`);
    }
  }
  const stop = () => new Promise((resolve) => {
    if (exited) { rmSync(dir, { recursive: true, force: true }); return resolve(undefined); }
    child.once('exit', () => { rmSync(dir, { recursive: true, force: true }); resolve(undefined); });
    child.kill('SIGTERM');
    // coturn may take seconds to honour SIGTERM; it keeps no state worth waiting for.
    setTimeout(() => { if (!exited) child.kill('SIGKILL'); }, 500);
  });
  const iceServers = [
    { urls: [`stun:${host}:${port}`] },
    { urls: [`turn:${host}:${port}?transport=udp`, `turn:${host}:${port}?transport=tcp`], username, credential },
  ];
  return { host, port, username, credential, realm, minPort, maxPort, iceServers, logFile: join(dir, 'turn.log'), pid: child.pid, stop };
}
