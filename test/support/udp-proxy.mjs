// A user-space UDP impairment proxy (this kernel has no netem), placed between the browser and coturn.
//
//   browser ──(up: delay/jitter/loss)──▶ proxy ──▶ coturn
//   browser ◀─(down: delay/jitter/loss)── proxy ◀── coturn
//
// - One upstream socket per client address (ip:port), so coturn sees one distinct source per browser socket
//   (TURN allocations are keyed by the 5-tuple). The proxy therefore also acts like a NAT: a STUN Binding
//   through it returns the proxy's upstream address, a real server-reflexive candidate even on loopback.
// - Per direction: delay = delayMs + uniform(-jitterMs, +jitterMs) (clamped at 0), drawn independently per
//   packet like netem's default (packets may reorder when jitter exceeds their spacing); `fifo: true` keeps
//   order instead. Loss: independent (Bernoulli lossPct) or bursty with `burstLen` > 1 (Gilbert model: a
//   two-state Markov chain whose bad state drops every packet; mean burst = burstLen packets, long-run loss =
//   lossPct).
// - Bottleneck: `rateKbps` > 0 serializes each direction of each client at that rate (IP+UDP headers
//   counted) behind a queue of at most `queueMs` of backlog; packets beyond it are tail-dropped.
// - Seeded PRNG (mulberry32) per direction: the same seed and the same packet sequence give the same fate.
// - Timer lateness is measured and compensated (the schedule aims early by the running mean lateness), and
//   `stats()` reports what was actually done: packets in/forwarded/dropped, mean actual added delay, and the
//   RFC 3550-style jitter of the actually added delays, per direction.
//
// API: `const p = await startUdpProxy({ target: { host, port }, profile }); p.port; p.stats(); await p.stop();`
// Profile: { delayMs, jitterMs, lossPct, burstLen, fifo, rateKbps, queueMs, seed, up: {...}, down: {...} } (up/down override
// the shared values for one direction). All times in ms, loss in percent.
import dgram from 'node:dgram';

/** Deterministic PRNG in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const num = (v, d) => (typeof v === 'number' && Number.isFinite(v) ? v : d);

/** Resolves one direction's parameters from a profile. */
export function directionParams(profile = {}, dir = 'up') {
  const o = { ...profile, ...(profile[dir] ?? {}) };
  const p = {
    delayMs: Math.max(0, num(o.delayMs, 0)),
    jitterMs: Math.max(0, num(o.jitterMs, 0)),
    lossPct: Math.min(100, Math.max(0, num(o.lossPct, 0))),
    burstLen: Math.max(1, num(o.burstLen, 1)),
    fifo: o.fifo === true,
    rateKbps: Math.max(0, num(o.rateKbps, 0)),
    queueMs: Math.max(1, num(o.queueMs, 200)),
  };
  return p;
}

/**
 * The per-direction impairment model (also used by the benchmark to compute expected values):
 * `fate()` returns the added delay in ms for the next packet, or -1 when it is dropped.
 */
export function makeImpairment(params, seed) {
  const rnd = mulberry32(seed);
  const p = params.lossPct / 100;
  // Gilbert model: bad state drops all; r = P(bad->good) = 1 / burstLen; q = P(good->bad) = p r / (1 - p).
  const bursty = params.burstLen > 1 && p > 0 && p < 1;
  const r = 1 / params.burstLen;
  const q = bursty ? (p * r) / (1 - p) : 0;
  let bad = false;
  return {
    fate() {
      let drop;
      if (bursty) {
        bad = bad ? rnd() >= r : rnd() < q;
        drop = bad;
      } else drop = p > 0 && rnd() < p;
      const jitter = params.jitterMs > 0 ? (rnd() * 2 - 1) * params.jitterMs : 0;
      if (drop) return -1;
      return Math.max(0, params.delayMs + jitter);
    },
  };
}

function newDirStats() {
  return { packetsIn: 0, forwarded: 0, dropped: 0, queueDropped: 0, delayed: 0, bytes: 0, sumDelayMs: 0, sumLateMs: 0, jitterMs: 0, lastDelay: null };
}

function publicDirStats(s) {
  return {
    packetsIn: s.packetsIn,
    forwarded: s.forwarded,
    dropped: s.dropped,
    /** Of `dropped`: tail drops of the rate limiter's full queue. */
    queueDropped: s.queueDropped,
    delayed: s.delayed,
    bytes: s.bytes,
    lossPct: s.packetsIn ? (100 * s.dropped) / s.packetsIn : 0,
    /** Mean delay actually added (scheduled delay plus timer lateness), ms. */
    meanDelayMs: s.forwarded ? s.sumDelayMs / s.forwarded : null,
    /** Mean timer lateness after compensation, ms. */
    meanLateMs: s.forwarded ? s.sumLateMs / s.forwarded : null,
    /** RFC 3550 smoothed jitter of the actually added delays, in forwarding order, ms. */
    jitterMs: s.jitterMs,
  };
}

/**
 * Starts the proxy. Resolves once it listens on 127.0.0.1:port (port 0 = any free port).
 * @param {{ target?: { host?: string, port: number }, profile?: Record<string, any>, port?: number, host?: string, maxClients?: number }} [opts]
 */
export async function startUdpProxy({ target, profile = {}, port = 0, host = '127.0.0.1', maxClients = 64 } = {}) {
  if (!target || !target.port) throw new Error('startUdpProxy: target { host, port } is required.');
  const seed = num(profile.seed, 1) >>> 0;
  const up = directionParams(profile, 'up');
  const down = directionParams(profile, 'down');
  const stats = { up: newDirStats(), down: newDirStats(), clients: 0 };
  const timers = new Set();
  const clients = new Map();
  let closed = false;
  // Running mean of timer lateness used to aim early (shared by both directions).
  let lateEwma = 1;

  const listen = dgram.createSocket('udp4');
  listen.unref();

  function schedule(dirName, params, dir, impair, msg, send) {
    const st = stats[dirName];
    st.packetsIn++;
    let d = impair.fate();
    if (d < 0) { st.dropped++; return; }
    const t0 = performance.now();
    if (params.rateKbps > 0) {
      // A bottleneck link: serialize at rateKbps behind earlier packets; tail-drop beyond queueMs of backlog.
      const start = Math.max(t0, dir.busyUntil ?? 0);
      if (start - t0 > params.queueMs) { st.dropped++; st.queueDropped++; return; }
      dir.busyUntil = start + ((msg.length + 28) * 8) / params.rateKbps;
      d += dir.busyUntil - t0;
    }
    let due = t0 + d;
    if (params.fifo && dir.lastDue > due) due = dir.lastDue;
    dir.lastDue = due;
    const fire = () => {
      const now = performance.now();
      const actual = now - t0;
      const late = now - due;
      // setTimeout's own lateness is late + lateEwma (we aimed lateEwma early); track its running mean.
      lateEwma = lateEwma * 0.95 + Math.max(-2, Math.min(5, late + lateEwma)) * 0.05;
      st.sumLateMs += late;
      st.sumDelayMs += actual;
      st.forwarded++;
      st.bytes += msg.length;
      if (d > 0) st.delayed++;
      if (st.lastDelay !== null) st.jitterMs += (Math.abs(actual - st.lastDelay) - st.jitterMs) / 16;
      st.lastDelay = actual;
      if (!closed) send(msg);
    };
    const wait = due - t0 - lateEwma;
    if (wait <= 0.5) { fire(); return; }
    const h = setTimeout(() => { timers.delete(h); fire(); }, wait);
    timers.add(h);
  }

  listen.on('message', (msg, rinfo) => {
    if (closed) return;
    const key = `${rinfo.address}:${rinfo.port}`;
    let c = clients.get(key);
    if (!c) {
      if (clients.size >= maxClients) return; // bounded
      const sock = dgram.createSocket('udp4');
      sock.unref();
      const idx = clients.size + 1;
      c = {
        sock,
        up: { lastDue: 0 },
        down: { lastDue: 0 },
        upImpair: makeImpairment(up, seed * 7919 + idx * 2),
        downImpair: makeImpairment(down, seed * 7919 + idx * 2 + 1),
      };
      clients.set(key, c);
      stats.clients = clients.size;
      sock.on('message', (m) => {
        schedule('down', down, c.down, c.downImpair, m, (buf) => listen.send(buf, rinfo.port, rinfo.address));
      });
      sock.on('error', () => {});
      sock.bind(0, host);
    }
    schedule('up', up, c.up, c.upImpair, msg, (buf) => c.sock.send(buf, target.port, target.host ?? '127.0.0.1'));
  });
  listen.on('error', () => {});
  await new Promise((resolve, reject) => {
    listen.once('error', reject);
    listen.bind(port, host, () => { listen.off('error', reject); resolve(undefined); });
  });
  const addr = listen.address();
  return {
    host,
    port: addr.port,
    profile: { seed, up, down },
    stats: () => ({ clients: stats.clients, up: publicDirStats(stats.up), down: publicDirStats(stats.down) }),
    async stop() {
      if (closed) return;
      closed = true;
      for (const h of timers) clearTimeout(h);
      timers.clear();
      for (const c of clients.values()) try { c.sock.close(); } catch { /* closed */ }
      clients.clear();
      await new Promise((r) => { try { listen.close(() => r(undefined)); } catch { r(undefined); } });
    },
  };
}

/** ICE servers pointing at a proxy in front of a coturn started by test/support/turn.mjs (UDP only). */
export function proxiedIceServers(proxy, turn) {
  return [
    { urls: [`stun:${proxy.host}:${proxy.port}`] },
    { urls: [`turn:${proxy.host}:${proxy.port}?transport=udp`], username: turn.username, credential: turn.credential },
  ];
}

/**
 * Monte Carlo expectations for a loop through the proxy twice (up leg of the sender, down leg of the
 * receiver), e.g. browser A -> coturn -> browser B: mean added delay (the workstation<->relay RTT the media
 * check reports), RFC 3550 jitter E|T(i) - T(i-1)| of packets spaced `spacingMs`, and the loop's loss.
 */
export function expectedLoop(profile = {}, { spacingMs = 20, n = 20000 } = {}) {
  const up = directionParams(profile, 'up');
  const down = directionParams(profile, 'down');
  const a = makeImpairment({ ...up, lossPct: 0 }, 12345);
  const b = makeImpairment({ ...down, lossPct: 0 }, 67890);
  let sumT = 0, sumAbsD = 0, prevArr = null, lastDueA = 0, lastDueB = 0;
  for (let i = 0; i < n; i++) {
    const t = i * spacingMs;
    let dueA = t + a.fate();
    if (up.fifo && dueA < lastDueA) dueA = lastDueA;
    lastDueA = dueA;
    let dueB = dueA + b.fate();
    if (down.fifo && dueB < lastDueB) dueB = lastDueB;
    lastDueB = dueB;
    const transit = dueB - t;
    sumT += transit;
    if (prevArr !== null) sumAbsD += Math.abs(transit - prevArr);
    prevArr = transit;
  }
  return {
    rttMs: sumT / n,
    jitterMs: sumAbsD / (n - 1),
    lossPct: 100 * (1 - (1 - up.lossPct / 100) * (1 - down.lossPct / 100)),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Out-of-process proxy. On a busy machine a proxy sharing its event loop with a test runner or a browser
// driver is starved: packets wait in the kernel socket buffer, a delay the proxy never sees and so cannot
// report. `startUdpProxyProcess` runs the same proxy in its own Node process and, where allowed (root),
// raises that process's scheduling priority so the imposed conditions stay what the profile says.
// Same API as startUdpProxy, except that `stats()` returns a Promise.
// ---------------------------------------------------------------------------------------------------------
import { fork } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Scheduling priority asked for the proxy process (negative = more CPU; needs root, else ignored). */
export const PROXY_PRIORITY = -10;

/** @param {Parameters<typeof startUdpProxy>[0]} [opts] */
export async function startUdpProxyProcess(opts = {}) {
  const child = fork(fileURLToPath(import.meta.url), ['--udp-proxy-child'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  let prioritized = false;
  try { setPriority(/** @type {number} */ (child.pid), PROXY_PRIORITY); prioritized = true; } catch { /* not root: normal priority */ }
  let nextId = 1;
  const pending = new Map();
  let exited = false;
  child.on('message', (/** @type {any} */ m) => {
    const p = pending.get(m?.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error) p.reject(new Error(m.error)); else p.resolve(m.result);
  });
  child.once('exit', () => {
    exited = true;
    for (const p of pending.values()) p.reject(new Error('The proxy process exited.'));
    pending.clear();
  });
  const call = (type, payload) => new Promise((resolve, reject) => {
    if (exited) return reject(new Error('The proxy process is not running.'));
    const id = nextId++;
    pending.set(id, { resolve, reject });
    child.send({ id, type, payload });
  });
  const { target, profile, port, host, maxClients } = opts;
  let started;
  try {
    started = await call('start', { target, profile, port, host, maxClients });
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  return {
    host: started.host,
    port: started.port,
    profile: started.profile,
    pid: child.pid,
    prioritized,
    stats: () => call('stats'),
    async stop() {
      if (exited) return;
      try { await Promise.race([call('stop'), new Promise((r) => setTimeout(r, 1000))]); } catch { /* exiting */ }
      if (!exited) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const t = setTimeout(() => { if (!exited) child.kill('SIGKILL'); }, 1000);
        await gone;
        clearTimeout(t);
      }
    },
  };
}

if (process.argv[2] === '--udp-proxy-child' && process.send && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let proxy;
  const reply = (id, result, error) => process.send?.({ id, result, error });
  process.on('message', async (/** @type {any} */ m) => {
    try {
      if (m.type === 'start') {
        proxy = await startUdpProxy(m.payload);
        reply(m.id, { host: proxy.host, port: proxy.port, profile: proxy.profile });
      } else if (m.type === 'stats') reply(m.id, proxy ? proxy.stats() : null);
      else if (m.type === 'stop') {
        if (proxy) await proxy.stop();
        reply(m.id, true);
        process.disconnect();
        process.exit(0);
      }
    } catch (e) {
      reply(m.id, undefined, String(e?.message ?? e));
    }
  });
  // The parent went away: leave with it.
  process.on('disconnect', () => { void proxy?.stop().finally(() => process.exit(0)); });
}
