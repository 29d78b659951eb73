// Extra @web/test-runner server commands (name -> (payload, turn) => result).
//
// Impairment proxy (test/support/udp-proxy.mjs) in front of the coturn the plugin started:
// - 'proxy-start' payload { profile } -> { port, iceServers, profile, expected } (UDP stun:/turn: URLs via the
//   proxy; expected = the loop's expected rttMs/jitterMs/lossPct from udp-proxy.mjs expectedLoop)
// - 'proxy-stats' payload { port }    -> what the proxy actually did (per direction)
// - 'proxy-stop'  payload { port }    -> final stats; the proxy is closed
// Each proxy runs in its own process (so the test runner's event loop cannot starve it).
// At most 8 proxies live at once (the oldest is stopped), so a test that forgets to stop leaks nothing big.
import { startUdpProxyProcess, proxiedIceServers, expectedLoop } from './udp-proxy.mjs';

const proxies = new Map();
const MAX_PROXIES = 8;

/**
 * A run-wide lock for timing-sensitive test files (the media accuracy and endpoint timing tests): the two
 * browsers run their files side by side on a 2-core machine, and two measured calls at once would measure each
 * other's CPU load, not the path. 'exclusive-acquire' resolves when the caller holds it; 'exclusive-release'
 * passes it on. A holder that never releases loses it after EXCLUSIVE_MAX_MS.
 */
const EXCLUSIVE_MAX_MS = 240_000;
let exclusiveTail = Promise.resolve();
let releaseCurrent = null;

export const extraCommands = {
  async 'exclusive-acquire'() {
    let release;
    const mine = new Promise((resolve) => { release = resolve; });
    const before = exclusiveTail;
    exclusiveTail = exclusiveTail.then(() => mine);
    await before;
    const timer = setTimeout(() => release(undefined), EXCLUSIVE_MAX_MS);
    releaseCurrent = () => { clearTimeout(timer); release(undefined); };
    return { held: true };
  },
  'exclusive-release'() {
    const r = releaseCurrent;
    releaseCurrent = null;
    r?.();
    return { released: !!r };
  },
  // HTTP probe servers for the endpoints tests (test/support/http-probe-servers.mjs): one shared instance.
  async 'probe-servers'() {
    const { sharedProbeServers } = await import('./http-probe-servers.mjs');
    const p = await sharedProbeServers();
    return { host: p.host, port: p.port, base: p.base, refusedPort: p.refusedPort };
  },
  async 'probe-servers-stop'() {
    const { stopSharedProbeServers } = await import('./http-probe-servers.mjs');
    await stopSharedProbeServers();
    return { stopped: true };
  },
  async 'proxy-start'(payload, turn) {
    if (!turn) throw new Error('proxy-start: the TURN server is not running.');
    while (proxies.size >= MAX_PROXIES) {
      const [port, p] = /** @type {[number, { stop(): Promise<void> }]} */ (proxies.entries().next().value);
      proxies.delete(port);
      await p.stop();
    }
    const proxy = await startUdpProxyProcess({ target: { host: turn.host, port: turn.port }, profile: payload?.profile ?? {} });
    proxies.set(proxy.port, proxy);
    // `expected`: the loop's expected rttMs, RFC 3550 jitterMs (20 ms packets) and lossPct for this profile.
    return { port: proxy.port, host: proxy.host, profile: proxy.profile, iceServers: proxiedIceServers(proxy, turn), expected: expectedLoop(payload?.profile ?? {}) };
  },
  'proxy-stats'(payload) {
    const p = proxies.get(payload?.port);
    return p ? p.stats() : null;
  },
  async 'proxy-stop'(payload) {
    const p = proxies.get(payload?.port);
    if (!p) return null;
    proxies.delete(payload.port);
    const s = p.stats();
    await p.stop();
    return s;
  },
};
