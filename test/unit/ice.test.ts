import { describe, expect, it } from 'vitest';
import { explainIceError, judgeProbe, probeIceUrl, iceUdpCheck, iceTlsCheck } from '../../src/checks/ice.js';
import { inAmazonConnectRanges, listIceUrls, parseIceUrl, preferredTurnUrl } from '../../src/checks/ice-url.js';
import type { CheckContext, Deps } from '../../src/checks/types.js';
import { resolveOptions } from '../../src/runner.js';
import type { IceData } from '../../src/report/schema.js';

type Script = (pc: FakePc) => void;

/** A minimal RTCPeerConnection stand-in that plays a script of ICE events after setLocalDescription. */
class FakePc extends EventTarget {
  iceGatheringState: RTCIceGatheringState = 'new';
  closed = false;
  constructor(readonly config: RTCConfiguration, private readonly script: Script) {
    super();
  }
  createDataChannel() {
    return {};
  }
  async createOffer() {
    return { type: 'offer', sdp: '' };
  }
  async setLocalDescription() {
    queueMicrotask(() => this.script(this));
  }
  close() {
    this.closed = true;
  }
  candidate(type: string, address = '192.0.2.7') {
    const ev = new Event('icecandidate') as Event & { candidate: unknown };
    ev.candidate = { type, address, candidate: `candidate:1 1 udp 1 ${address} 5000 typ ${type}` };
    this.dispatchEvent(ev);
  }
  error(code: number, text = '') {
    const ev = new Event('icecandidateerror') as Event & { errorCode: number; errorText: string };
    ev.errorCode = code;
    ev.errorText = text;
    this.dispatchEvent(ev);
  }
  complete() {
    this.iceGatheringState = 'complete';
    this.dispatchEvent(new Event('icegatheringstatechange'));
  }
}

function fakeDeps(script: Script, made: FakePc[] = []): Deps {
  let t = 0;
  return {
    createPeerConnection: (c: RTCConfiguration) => {
      const pc = new FakePc(c, script);
      made.push(pc);
      return pc as unknown as RTCPeerConnection;
    },
    now: () => (t += 5),
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
  } as unknown as Deps;
}

const turnUdp = parseIceUrl('turn:turn.example.com:3478?transport=udp')!;
const server = { urls: 'turn:turn.example.com:3478?transport=udp', username: 'agent', credential: 's3cret' };

describe('ICE URL helpers', () => {
  it('classifies URLs by transport and strips credentials', () => {
    expect(parseIceUrl('stun:stun.example.com')).toMatchObject({ kind: 'stun', transport: 'udp', port: 3478, safe: 'stun:stun.example.com:3478' });
    expect(parseIceUrl('turn:h:443?transport=tcp')).toMatchObject({ kind: 'turn', transport: 'tcp', safe: 'turn:h:443?transport=tcp' });
    expect(parseIceUrl('turns:h')).toMatchObject({ kind: 'turns', transport: 'tls', port: 5349 });
    expect(parseIceUrl('turn:user:pw@h:3478')!.safe).toBe('turn:h:3478');
    expect(parseIceUrl('https://x')).toBeNull();
    const all = listIceUrls([{ urls: ['stun:a', 'turn:b?transport=tcp'] }, { urls: 'turn:c' }]);
    expect(all.map((x) => x.url.transport)).toEqual(['udp', 'tcp', 'udp']);
    expect(preferredTurnUrl([{ urls: ['turn:b?transport=tcp', 'turn:c'] }])!.url.safe).toBe('turn:c:3478');
  });

  it('tests relay addresses against AMAZON_CONNECT ip ranges (IPv4, IPv6, Region and GLOBAL)', () => {
    const ranges = {
      syncToken: '1',
      createDate: '2026-11-20-10-30-00',
      prefixes: [
        { ip_prefix: '15.193.0.0/19', region: 'GLOBAL', service: 'AMAZON_CONNECT', network_border_group: 'GLOBAL' },
        { ip_prefix: '18.233.213.128/25', region: 'us-east-1', service: 'AMAZON_CONNECT', network_border_group: 'us-east-1' },
        { ip_prefix: '10.0.0.0/8', region: 'us-east-1', service: 'EC2', network_border_group: 'us-east-1' },
      ],
      ipv6_prefixes: [{ ipv6_prefix: '2600:1f18:4000::/36', region: 'us-east-1', service: 'AMAZON_CONNECT', network_border_group: 'us-east-1' }],
    };
    expect(inAmazonConnectRanges('15.193.1.2', ranges)).toBe(true);
    expect(inAmazonConnectRanges('10.1.1.1', ranges)).toBe(false);
    expect(inAmazonConnectRanges('2600:1f18:4000::1', ranges)).toBe(true);
    expect(inAmazonConnectRanges('18.233.213.200', ranges, 'us-east-1')).toBe(true);
    expect(inAmazonConnectRanges('18.233.213.200', ranges, 'eu-west-2')).toBe(false);
    expect(inAmazonConnectRanges('15.193.1.2', ranges, 'eu-west-2')).toBe(true); // GLOBAL counts everywhere
    expect(inAmazonConnectRanges('15.193.1.2', undefined)).toBeNull();
    expect(inAmazonConnectRanges('abc.local', ranges)).toBeNull();
  });
});

describe('probeIceUrl: a port the browser blocks (Firefox)', () => {
  it('Firefox refusing the configuration ("uses a port that is blocked") is a clear unreachable finding, not a crash', async () => {
    const deps = {
      ...fakeDeps(() => {}),
      createPeerConnection: () => {
        // Firefox 153's exact words for turn:HOST:9.
        throw Object.assign(new Error("PeerConnectionImpl.setConfiguration: 'turn:127.0.0.1:9?transport=udp' uses a port that is blocked"), { name: 'SyntaxError' });
      },
    } as unknown as Deps;
    const url = parseIceUrl('turn:127.0.0.1:9?transport=udp')!;
    const r = await probeIceUrl(url, { ...server, urls: 'turn:127.0.0.1:9?transport=udp' }, deps, 1000, new AbortController().signal);
    const j = judgeProbe(r);
    expect([j.verdict, j.code]).toEqual(['fail', 'turn-unreachable']);
    expect(j.text).toMatch(/refuses turn:127\.0\.0\.1:9\?transport=udp: it blocks that port.*3478, or 443/);
    // Any other constructor error still propagates (the runner reports it as an error of the check).
    const other = { ...deps, createPeerConnection: () => { throw new Error('boom'); } } as unknown as Deps;
    await expect(probeIceUrl(url, server, other, 1000, new AbortController().signal)).rejects.toThrow('boom');
  });
});

describe('probeIceUrl with a fake peer connection', () => {
  it('finds a relay, times it, uses policy relay and closes the connection', async () => {
    const made: FakePc[] = [];
    const r = await probeIceUrl(turnUdp, server, fakeDeps((pc) => pc.candidate('relay', '203.0.113.9'), made), 1000, new AbortController().signal);
    expect(r.probe.relay).toBe(true);
    expect(r.probe.relayAddress).toBe('203.0.113.9');
    expect(r.probe.relayMs).toBeGreaterThan(0);
    expect(made[0]!.config.iceTransportPolicy).toBe('relay');
    expect(made[0]!.closed).toBe(true);
    expect(JSON.stringify(r.probe)).not.toContain('s3cret');
    expect(judgeProbe(r).verdict).toBe('pass');
  });

  it('401 means the credential was refused', async () => {
    const r = await probeIceUrl(turnUdp, server, fakeDeps((pc) => { pc.error(401, 'Unauthorized'); pc.complete(); }), 1000, new AbortController().signal);
    const j = judgeProbe(r);
    expect(j).toMatchObject({ verdict: 'fail', code: 'turn-auth-failed' });
    expect(j.text).toMatch(/credential/);
    expect(r.probe.errors[0]!.meaning).toMatch(/username\/credential/);
  });

  it('no error and no relay when gathering ends before the timeout (Firefox ESR 140 on a 401): refused, most likely the credential', async () => {
    const literal = parseIceUrl('turn:192.0.2.7:3478?transport=udp')!;
    const r = await probeIceUrl(literal, { ...server, urls: literal.raw }, fakeDeps((pc) => pc.complete()), 1000, new AbortController().signal);
    const j = judgeProbe(r);
    expect(j).toMatchObject({ verdict: 'fail', code: 'turn-auth-failed' });
    expect(j.text).toMatch(/answered but allocated no relay.*username\/credential/);
    expect(j.text).not.toMatch(/DNS/);
    const rn = await probeIceUrl(turnUdp, server, fakeDeps((pc) => pc.complete()), 1000, new AbortController().signal);
    expect(judgeProbe(rn).text).toMatch(/or the server name did not resolve \(DNS\)/);
  });

  it('701 or silence until the timeout means unreachable, and the probe ends at its timeout', async () => {
    const r701 = await probeIceUrl(turnUdp, server, fakeDeps((pc) => { pc.error(701); pc.complete(); }), 1000, new AbortController().signal);
    expect(judgeProbe(r701).code).toBe('turn-unreachable');
    const made: FakePc[] = [];
    const t0 = Date.now();
    const silent = await probeIceUrl(turnUdp, server, fakeDeps(() => undefined, made), 150, new AbortController().signal);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(silent.timedOut).toBe(true);
    expect(judgeProbe(silent)).toMatchObject({ verdict: 'fail', code: 'turn-unreachable' });
    expect(made[0]!.closed).toBe(true);
  });

  it('STUN: srflx passes; host-only completion without errors is reported honestly', async () => {
    const stun = parseIceUrl('stun:127.0.0.1:3478')!;
    const ok = await probeIceUrl(stun, { urls: stun.raw }, fakeDeps((pc) => pc.candidate('srflx')), 1000, new AbortController().signal);
    expect(ok.probe.srflx).toBe(true);
    const hostOnly = await probeIceUrl(stun, { urls: stun.raw }, fakeDeps((pc) => { pc.candidate('host'); pc.complete(); }), 1000, new AbortController().signal);
    expect(hostOnly.srflxMaybeHost).toBe(true);
    expect(judgeProbe(hostOnly).text).toMatch(/answered with this machine's own address/);
    expect(judgeProbe(hostOnly).text).not.toMatch(/did not resolve/);
    const named = parseIceUrl('stun:stun.example.com:3478')!;
    const namedOnly = await probeIceUrl(named, { urls: named.raw }, fakeDeps((pc) => { pc.candidate('host'); pc.complete(); }), 1000, new AbortController().signal);
    expect(judgeProbe(namedOnly).text).toMatch(/own address .*or its name did not resolve/);
  });

  it('aborts promptly and still closes the connection', async () => {
    const made: FakePc[] = [];
    const ctl = new AbortController();
    const p = probeIceUrl(turnUdp, server, fakeDeps(() => undefined, made), 5000, ctl.signal);
    setTimeout(() => ctl.abort(), 20);
    await expect(p).rejects.toThrow(/cancelled/);
    expect(made[0]!.closed).toBe(true);
  });

  it('explains other codes', () => {
    expect(explainIceError(486, 'turn:x:3478')).toMatch(/quota/);
    expect(explainIceError(703, 'turn:x:3478')).toMatch(/could not be reached/);
  });
});

describe('ice checks (fakes)', () => {
  const ctx = (servers: RTCIceServer[], script: Script): CheckContext => ({
    options: resolveOptions({}),
    deps: fakeDeps(script),
    results: new Map(),
    iceServers: async () => ({ source: servers.length ? 'config' : 'none', servers }),
    progress: () => undefined,
  });

  it('skips without servers, and TLS without a turns: URL', async () => {
    const none = await iceUdpCheck.run(ctx([], () => undefined), new AbortController().signal);
    expect(none).toMatchObject({ verdict: 'skip', code: 'no-servers' });
    const tls = await iceTlsCheck.run(ctx([server], () => undefined), new AbortController().signal);
    expect(tls).toMatchObject({ verdict: 'skip', code: 'no-turns-url' });
  });

  it('one working relay among broken URLs is a warning, not a failure', async () => {
    const servers = [server, { urls: 'turn:other.example.com:3478', username: 'a', credential: 'b' }];
    const out = await iceUdpCheck.run(
      ctx(servers, (pc) => {
        const url = String((pc.config.iceServers![0]!.urls as string));
        if (url.includes('other')) { pc.error(401); pc.complete(); } else pc.candidate('relay');
      }),
      new AbortController().signal,
    );
    expect(out.verdict).toBe('warn');
    expect(out.code).toBe('partial');
    expect((out.data as IceData).servers).toHaveLength(2);
    expect(JSON.stringify(out)).not.toMatch(/s3cret|"b"/);
  });
});
