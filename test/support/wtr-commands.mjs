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

export const extraCommands = {
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
