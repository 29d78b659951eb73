// A UDP relay between the browser and coturn that makes every k-th test call fail: it groups new client
// addresses into calls (a client that appears more than `gapMs` after the previous new client starts a new
// call; one test call's two peer connections open their sockets within milliseconds, and the CLI pauses
// between calls longer than that: run it with --pause 2) and blackholes every
// packet of every `every`-th call, both ways, so that call's TURN allocation never answers.
//
// API: const p = await startCallDroppingProxy({ target: { host, port }, every: 5 }); p.port; p.calls(); await p.stop();
import dgram from 'node:dgram';

export async function startCallDroppingProxy({ target, every = 5, gapMs = 900, host = '127.0.0.1' }) {
  const listen = dgram.createSocket('udp4');
  /** @type {Map<string, { sock: import('node:dgram').Socket, drop: boolean }>} */
  const clients = new Map();
  let calls = 0;
  let dropped = 0;
  let lastNewClient = -Infinity;
  listen.on('message', (msg, rinfo) => {
    const key = `${rinfo.address}:${rinfo.port}`;
    let c = clients.get(key);
    if (!c) {
      const now = performance.now();
      if (now - lastNewClient > gapMs) calls++;
      lastNewClient = now;
      const drop = calls % every === 0;
      if (drop) dropped++;
      const sock = dgram.createSocket('udp4');
      sock.on('message', (m) => {
        if (!c?.drop) listen.send(m, rinfo.port, rinfo.address);
      });
      sock.on('error', () => {});
      sock.bind(0, host);
      c = { sock, drop };
      clients.set(key, c);
    }
    if (!c.drop) c.sock.send(msg, target.port, target.host);
  });
  listen.on('error', () => {});
  await new Promise((r) => listen.bind(0, host, () => r(undefined)));
  return {
    host,
    port: listen.address().port,
    /** Calls seen so far, and how many of their clients were blackholed. */
    calls: () => ({ calls, droppedClients: dropped }),
    stop: async () => {
      for (const c of clients.values()) try { c.sock.close(); } catch { /* closed */ }
      clients.clear();
      await new Promise((r) => listen.close(() => r(undefined)));
    },
  };
}
