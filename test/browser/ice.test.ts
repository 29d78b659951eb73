import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { runPreflight } from '../../src/runner.js';
import type { IceData } from '../../src/report/schema.js';

interface TurnConfig { host: string; port: number; username: string; credential: string; iceServers: RTCIceServer[] }

async function ice(id: 'ice-udp' | 'ice-tcp' | 'ice-tls', iceServers: RTCIceServer[], timeoutMs?: number) {
  const report = await runPreflight({ checks: [id], iceServers, ...(timeoutMs ? { timeouts: { [id]: timeoutMs } } : {}) });
  const r = report.checks[0]!;
  return { r, data: r.data as IceData, text: JSON.stringify(report) };
}

describe('ice checks against real coturn', () => {
  let turn: TurnConfig;
  before(async () => {
    turn = await executeServerCommand<TurnConfig, undefined>('turn-config');
  });

  it('ice-udp on direct loopback: relay found; STUN answer equal to the host address is said honestly', async () => {
    const { r, data, text } = await ice('ice-udp', turn.iceServers);
    expect(r.verdict, r.summary).to.equal('pass');
    const stun = data.servers.find((s) => s.kind === 'stun')!;
    const relay = data.servers.find((s) => s.kind === 'turn')!;
    expect(stun.url).to.equal(`stun:${turn.host}:${turn.port}`);
    // Without NAT the mapped address equals the host address, and Chromium drops such a srflx.
    if (!stun.srflx) expect(r.summary).to.match(/answered with this machine's own address/);
    expect(relay.relay).to.equal(true);
    expect(relay.relayAddress).to.equal('127.0.0.1');
    expect(relay.relayMs).to.be.within(0, 4000);
    expect(text).not.to.contain(turn.credential);
  });

  it('ice-udp finds a real srflx through the proxy (which maps addresses like a NAT)', async () => {
    const proxy = await executeServerCommand<{ port: number; iceServers: RTCIceServer[] }, { profile: object }>('proxy-start', { profile: {} });
    try {
      const { r, data } = await ice('ice-udp', proxy.iceServers);
      expect(r.verdict, r.summary).to.equal('pass');
      const stun = data.servers.find((s) => s.kind === 'stun')!;
      expect(stun.url).to.equal(`stun:127.0.0.1:${proxy.port}`);
      expect(stun.srflx, r.summary).to.equal(true);
      expect(stun.srflxMs).to.be.within(0, 4000);
      expect(data.servers.find((s) => s.kind === 'turn')!.relay).to.equal(true);
    } finally {
      await executeServerCommand('proxy-stop', { port: proxy.port });
    }
  });

  it('ice-tcp allocates a relay over TCP', async () => {
    const { r, data } = await ice('ice-tcp', turn.iceServers);
    expect(r.verdict, r.summary).to.equal('pass');
    expect(data.servers).to.have.length(1);
    expect(data.servers[0]!.url).to.equal(`turn:${turn.host}:${turn.port}?transport=tcp`);
    expect(data.servers[0]!.relay).to.equal(true);
  });

  it('ice-tls skips with a reason when no turns: URL is configured', async () => {
    const { r } = await ice('ice-tls', turn.iceServers);
    expect(r.verdict).to.equal('skip');
    expect(r.code).to.equal('no-turns-url');
    expect(r.summary).to.match(/turns:/);
  });

  it('a wrong credential fails and names the credential', async () => {
    const bad = [{ urls: `turn:${turn.host}:${turn.port}?transport=udp`, username: turn.username, credential: 'wrong-secret' }];
    const { r, data, text } = await ice('ice-udp', bad);
    expect(r.verdict).to.equal('fail');
    expect(r.code).to.equal('turn-auth-failed');
    expect(r.summary).to.match(/credential/);
    // Chromium and Firefox 153 pass the server's 401 on; Firefox ESR 140 fires no icecandidateerror, and the
    // check says the server refused without saying why.
    const codes = data.servers[0]!.errors.map((e) => e.code);
    if (codes.length) expect(codes).to.include(401);
    else expect(r.summary).to.match(/answered but allocated no relay, and this browser does not say why/);
    expect(text).not.to.contain('wrong-secret');
  });

  it('an unreachable TURN port fails within its timeout', async () => {
    const t0 = performance.now();
    // Port 3479: nothing listens there. (Not port 9: Firefox refuses "blocked" ports such as 9 in the
    // configuration itself, before any packet, which is a different failure.)
    const dead = [{ urls: `turn:${turn.host}:3479?transport=udp`, username: 'u', credential: 'p' }];
    const { r } = await ice('ice-udp', dead, 3000);
    const ms = performance.now() - t0;
    expect(r.verdict).to.equal('fail');
    expect(r.code).to.equal('turn-unreachable');
    expect(r.summary).to.match(/could not be reached/);
    expect(ms).to.be.below(3500);
  });

  it('skips without servers', async () => {
    const { r } = await ice('ice-udp', []);
    expect(r.verdict).to.equal('skip');
    expect(r.code).to.equal('no-servers');
  });
});
