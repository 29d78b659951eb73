// Local HTTP servers for the `endpoints` browser tests (plain HTTP on 127.0.0.1):
// - GET /ok                -> 204 at once
// - GET /delay/<ms>[/...]  -> 204 after <ms> (capped at 10 s): a "slow" endpoint or a Region with a known delay
// - GET /hang              -> accepts the request and never answers (the client's timeout must end it)
// - WebSocket upgrade /ws/ok   -> completes the handshake (RFC 6455 Sec-WebSocket-Accept)
// - WebSocket upgrade /ws/hang -> never answers the upgrade (a proxy that holds WebSockets)
// - WebSocket upgrade other    -> 403
// plus `refusedPort`: a loopback port with nothing listening (the connection is refused at once).
// Sockets are tracked and destroyed on stop(); the server is unref'd so it never keeps Node alive.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';

const MAX_DELAY_MS = 10_000;
const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export async function startProbeServers() {
  const sockets = new Set();
  const timers = new Set();
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const headers = { 'cache-control': 'no-store', 'access-control-allow-origin': '*' };
    const m = /^\/delay\/(\d+)/.exec(path);
    if (path === '/ok' || path === '/') {
      res.writeHead(204, headers).end();
    } else if (m) {
      const t = setTimeout(() => {
        timers.delete(t);
        res.writeHead(204, headers).end();
      }, Math.min(MAX_DELAY_MS, Number(m[1])));
      timers.add(t);
    } else if (path === '/hang') {
      /* never answers */
    } else {
      res.writeHead(404, headers).end();
    }
  });
  server.keepAliveTimeout = 5000;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('upgrade', (req, socket) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/ws/hang') return; // hold it: the client's timeout must end it
    if (path !== '/ws/ok') {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    const key = req.headers['sec-websocket-key'];
    const accept = createHash('sha1').update(`${key}${WS_GUID}`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    socket.on('data', (buf) => {
      // A close frame (opcode 8) from the client: answer with an empty close frame and end.
      if (buf.length && (buf[0] & 0x0f) === 8) socket.end(Buffer.from([0x88, 0x00]));
    });
    socket.on('error', () => undefined);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  server.unref();
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());

  // A port with nothing listening: bind, read the port, close.
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', () => resolve(undefined)));
  const refusedPort = /** @type {import('node:net').AddressInfo} */ (probe.address()).port;
  await new Promise((resolve) => probe.close(resolve));

  return {
    host: '127.0.0.1',
    port,
    base: `http://127.0.0.1:${port}`,
    refusedPort,
    requests: () => requests,
    async stop() {
      for (const t of timers) clearTimeout(t);
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

let shared;
let users = 0;
/**
 * One shared instance for a test run (started on first use). Counted: the browsers run their test files side
 * by side, so one browser's `after` must not stop the servers the other is still probing.
 */
export function sharedProbeServers() {
  users++;
  shared ??= startProbeServers();
  return shared;
}
export async function stopSharedProbeServers() {
  users = Math.max(0, users - 1);
  if (users > 0) return;
  const s = shared;
  shared = undefined;
  await (await s)?.stop();
}
