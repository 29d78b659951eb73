import { describe, expect, it } from 'vitest';
import {
  classifyAttempts,
  endpointsCheck,
  isMixedContent,
  muchSlower,
  rankRegions,
  targetsOf,
  type Attempt,
} from '../../src/checks/endpoints.js';
import { CONNECT_REGIONS, regionProbesOf } from '../../src/checks/regions.js';
import { dnsLookupFailed } from '../../src/checks/endpoints-probe.js';
import { runPreflight, resolveOptions } from '../../src/runner.js';
import type { Deps } from '../../src/checks/types.js';
import type { EndpointsData, RegionLatency } from '../../src/report/schema.js';

const ok = (ms: number): Attempt => ({ ok: true, ms });
const failed = (ms: number): Attempt => ({ ok: false, ms, kind: 'failed', message: 'Failed to fetch' });
const timedOut = (ms: number): Attempt => ({ ok: false, ms, kind: 'timeout', message: 'no answer' });

describe('classifyAttempts', () => {
  it('takes the median of the warm samples, not the warm-up', () => {
    const c = classifyAttempts([ok(900), ok(40), ok(20), ok(30), ok(200), ok(25)], 300);
    expect(c.outcome).toBe('ok');
    expect(c.medianMs).toBe(30);
    expect(c.samplesMs).toEqual([40, 20, 30, 200, 25]);
    expect(c.detail).toMatch(/first request \(with DNS, TCP and TLS set-up\) 900 ms; median of 5 warm requests 30 ms/);
  });
  it('is slow above the bar and ok at it', () => {
    expect(classifyAttempts([ok(500), ok(301), ok(302), ok(303)], 300).outcome).toBe('slow');
    expect(classifyAttempts([ok(500), ok(300), ok(300), ok(300)], 300).outcome).toBe('ok');
  });
  it('tells timeout, dns and blocked apart, and says what it cannot tell', () => {
    expect(classifyAttempts([timedOut(3000)], 300).outcome).toBe('timeout');
    expect(classifyAttempts([failed(4)], 300, true).outcome).toBe('dns');
    const unknown = classifyAttempts([failed(4)], 300, null);
    expect(unknown.outcome).toBe('blocked');
    expect(unknown.detail).toMatch(/or the name did not resolve.*cannot always tell/);
    expect(classifyAttempts([failed(4)], 300, false, true).detail).toMatch(/DNS is not involved/);
  });
  it('counts later failures (flaky) but stays reachable', () => {
    const c = classifyAttempts([ok(50), ok(20), failed(3), ok(22)], 300);
    expect(c.outcome).toBe('ok');
    expect(c.failedAfterOk).toBe(1);
    expect(c.detail).toMatch(/1 of 3 later requests failed/);
  });
  it('uses the warm-up alone when nothing else fitted in the budget', () => {
    const c = classifyAttempts([ok(120)], 300);
    expect(c.medianMs).toBe(120);
    expect(c.detail).toMatch(/no warm request fitted/);
  });
  it('reports an endpoint that was never probed as an error', () => {
    expect(classifyAttempts([], 300).outcome).toBe('error');
  });
});

describe('Region ranking and recommendation bar', () => {
  it('sorts by numeric median (9 < 20 < 100), unreachable last', () => {
    const rows: RegionLatency[] = [
      { region: 'a', url: 'u', medianMs: 100, outcome: 'ok' },
      { region: 'b', url: 'u', medianMs: null, outcome: 'timeout' },
      { region: 'c', url: 'u', medianMs: 9, outcome: 'ok' },
      { region: 'd', url: 'u', medianMs: 20, outcome: 'ok' },
    ];
    expect(rankRegions(rows).map((r) => r.region)).toEqual(['c', 'd', 'a', 'b']);
  });
  it('"much slower" needs both 50 ms and 1.5x', () => {
    expect(muchSlower(150, 100)).toBe(true);
    expect(muchSlower(149, 100)).toBe(false); // 1.49x
    expect(muchSlower(60, 20)).toBe(false); // 3x but only 40 ms
    expect(muchSlower(70, 20)).toBe(true);
  });
  it('ships the Amazon Connect Regions with connect.{region}.amazonaws.com probes; false turns them off', () => {
    const probes = regionProbesOf({ regions: undefined });
    expect(probes).toHaveLength(CONNECT_REGIONS.length);
    expect(probes[0]).toEqual({ region: 'us-east-1', url: 'https://connect.us-east-1.amazonaws.com/' });
    expect(regionProbesOf({ regions: false })).toEqual([]);
    expect(regionProbesOf({ regions: [{ region: 'x', url: 'http://127.0.0.1:1/' }] })).toHaveLength(1);
  });
});

describe('mixed content', () => {
  it('an http: URL from an https: page is blocked by the browser before any traffic', () => {
    expect(isMixedContent('http://a.example/', 'https:')).toBe(true);
    expect(isMixedContent('https://a.example/', 'https:')).toBe(false);
    expect(isMixedContent('http://127.0.0.1:1/', 'http:')).toBe(false);
  });
});

describe('targets', () => {
  it('defaults: what Option 1 allows: both instance forms (origin, not the CCP page), CloudFront content, the signaling endpoint and its WebSocket', () => {
    const t = targetsOf({ options: resolveOptions({ ccpUrl: 'https://alias.my.connect.aws/ccp-v2?x=1', region: 'eu-west-2' }) });
    expect(t.targets).toEqual([
      { url: 'https://alias.my.connect.aws/favicon.ico', role: 'instance', kind: 'instance' },
      { url: 'https://alias.awsapps.com/favicon.ico', role: 'instance', kind: 'instance-other-form' },
      { url: 'https://dl32tyuy2mmv6.cloudfront.net/favicon.ico', role: 'instance', kind: 'content' },
      { url: 'https://rtc.cell-1.prod.eu-west-2.prod.connect.aws.a2z.com/', role: 'signaling', kind: 'signaling' },
    ]);
    expect(t.alias).toBe('alias');
    expect(t.websocketUrl).toBe('wss://rtc.cell-1.prod.eu-west-2.prod.connect.aws.a2z.com/LilyRTC');
  });
  it('a configured list replaces the defaults; ws(s) URLs become the WebSocket probe; bad URLs are reported', () => {
    const t = targetsOf({
      options: resolveOptions({
        region: 'us-east-1',
        endpoints: [
          { url: 'https://x.transport.connect.us-east-1.amazonaws.com/', role: 'signaling' },
          { url: 'wss://proxy.example/ws', role: 'signaling' },
          { url: 'ftp://nope', role: 'custom' },
          { url: 'not a url', role: 'custom' },
        ],
      }),
    });
    expect(t.targets).toEqual([{ url: 'https://x.transport.connect.us-east-1.amazonaws.com/', role: 'signaling' }]);
    expect(t.websocketUrl).toBe('wss://proxy.example/ws');
    expect(t.bad).toEqual(['ftp://nope', 'not a url']);
  });
});

/** Fake browser APIs with a timer ledger: every timer set is cleared or fired. */
function fakeDeps(fetchImpl: (url: string, init: RequestInit) => Promise<Response>, pc?: () => RTCPeerConnection) {
  const live = new Set<ReturnType<typeof setTimeout>>();
  const deps: Partial<Deps> = {
    fetch: fetchImpl as typeof fetch,
    now: () => performance.now(),
    date: () => new Date(),
    setTimeout: (fn, ms) => {
      const h = setTimeout(() => {
        live.delete(h);
        fn();
      }, ms);
      live.add(h);
      return h;
    },
    clearTimeout: (h) => {
      clearTimeout(h as ReturnType<typeof setTimeout>);
      live.delete(h as ReturnType<typeof setTimeout>);
    },
    navigator: { userAgent: 'test' },
    ...(pc ? { createPeerConnection: pc } : {}),
  };
  return { deps, live };
}

function delayed(ms: number, init: RequestInit): Promise<Response> {
  return new Promise((resolve, reject) => {
    const h = setTimeout(() => resolve(new Response(null, { status: 204 })), ms);
    init.signal?.addEventListener('abort', () => {
      clearTimeout(h);
      reject(new DOMException('aborted', 'AbortError'));
    });
  });
}

/** A fake RTCPeerConnection whose host lookup fails as Chromium reports it. */
function lookupFailingPc() {
  const state = { closed: 0 };
  const pc = () => {
    const t = new EventTarget() as EventTarget & Record<string, unknown>;
    t['createDataChannel'] = () => ({});
    t['createOffer'] = async () => ({ type: 'offer', sdp: '' });
    t['setLocalDescription'] = async () => {
      setTimeout(() => t.dispatchEvent(Object.assign(new Event('icecandidateerror'), { errorCode: 701, errorText: 'STUN host lookup received error.' })), 5);
    };
    t['close'] = () => state.closed++;
    return t as unknown as RTCPeerConnection;
  };
  return { pc, state };
}

describe('endpointsCheck.run with fake fetch', () => {
  it('uses no-cors GETs without credentials, with a cache-busting query, and leaves no timer behind', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const { deps, live } = fakeDeps((url, init) => {
      seen.push({ url, init });
      return delayed(5, init);
    });
    const report = await runPreflight({ checks: ['endpoints'], regions: false, endpoints: [{ url: 'https://a.example/p', role: 'instance' }], deps });
    const r = report.checks[0]!;
    expect(r.verdict, r.summary).toBe('pass');
    expect(seen).toHaveLength(6);
    expect(seen[0]!.init).toMatchObject({ mode: 'no-cors', credentials: 'omit', cache: 'no-store', method: 'GET' });
    expect(new Set(seen.map((s) => s.url)).size).toBe(6);
    expect(seen[0]!.url).toMatch(/^https:\/\/a\.example\/p\?ccp-preflight=/);
    expect(live.size).toBe(0);
  });

  it('a DNS failure of an unlisted default signaling host (the older rtc.connect-telecom pattern) is a warning, not a failure', async () => {
    const { deps } = fakeDeps(async () => {
      throw new TypeError('Failed to fetch');
    }, lookupFailingPc().pc);
    const report = await runPreflight({ checks: ['endpoints'], regions: false, region: 'ca-central-1', deps });
    const r = report.checks[0]!;
    expect(r.verdict, r.summary).toBe('warn');
    expect(r.code).toBe('signaling-host-unlisted');
    expect((r.data as EndpointsData).endpoints[0]!.url).toBe('https://rtc.connect-telecom.ca-central-1.amazonaws.com/');
    const listed = await runPreflight({ checks: ['endpoints'], regions: false, region: 'us-east-1', deps });
    expect(listed.checks[0]!.code).toBe('signaling-dns');
    expect(listed.checks[0]!.verdict).toBe('fail');
  });

  it('says dns when WebRTC reports a host lookup error, and closes the peer connection', async () => {
    let closed = false;
    const pc = () => {
      const t = new EventTarget() as EventTarget & Record<string, unknown>;
      t['createDataChannel'] = () => ({});
      t['createOffer'] = async () => ({ type: 'offer', sdp: '' });
      t['setLocalDescription'] = async () => {
        setTimeout(() => t.dispatchEvent(Object.assign(new Event('icecandidateerror'), { errorCode: 701, errorText: 'STUN host lookup received error.' })), 5);
      };
      t['close'] = () => (closed = true);
      return t as unknown as RTCPeerConnection;
    };
    const { deps, live } = fakeDeps(async () => {
      throw new TypeError('Failed to fetch');
    }, pc);
    const report = await runPreflight({ checks: ['endpoints'], regions: false, endpoints: [{ url: 'https://typo.example/', role: 'instance' }], deps });
    const r = report.checks[0]!;
    expect(r.code).toBe('instance-dns');
    expect((r.data as EndpointsData).endpoints[0]!.outcome).toBe('dns');
    expect(r.remedies!.map((x) => x.id)).toEqual(['dns-resolve', 'tcp-443-cloudfront']);
    expect(closed).toBe(true);
    expect(live.size).toBe(0);
  });

  it('ends promptly when the run is aborted, with every request cancelled', async () => {
    let inFlight = 0;
    const { deps, live } = fakeDeps((_u, init) => {
      inFlight++;
      return delayed(10_000, init).finally(() => inFlight--);
    });
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 100);
    const t0 = performance.now();
    const report = await runPreflight({ checks: ['endpoints'], endpoints: [{ url: 'https://a.example/', role: 'instance' }], signal: ctl.signal, deps });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(report.checks[0]!.verdict).toBe('skip');
    await new Promise((r) => setTimeout(r, 10));
    expect(inFlight).toBe(0);
    expect(live.size).toBe(0);
  });

  it('runs Region probes with at most 4 in flight and ranks them', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const delays: Record<string, number> = { r1: 80, r2: 5, r3: 25, r4: 15, r5: 30, r6: 10 };
    const { deps } = fakeDeps((url, init) => {
      const region = /\/\/(r\d)\./.exec(url)?.[1];
      if (!region) return delayed(1, init);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      return delayed(delays[region]!, init).finally(() => inFlight--);
    });
    const report = await runPreflight({
      checks: ['endpoints'],
      region: 'r1',
      endpoints: [{ url: 'https://sig.example/', role: 'signaling' }],
      regions: Object.keys(delays).map((r) => ({ region: r, url: `https://${r}.example/` })),
      deps,
    });
    const data = report.checks[0]!.data as EndpointsData;
    expect(maxInFlight).toBeLessThanOrEqual(4);
    expect(data.regions!.map((r) => r.region)).toEqual(['r2', 'r6', 'r4', 'r3', 'r5', 'r1']);
    expect(data.bestRegion).toBe('r2');
    expect(report.checks[0]!.code).toBe('region-far');
  });

  it('flags a flaky endpoint (some requests fail after others succeeded) and records the counts', async () => {
    let n = 0;
    const { deps } = fakeDeps((_u, init) => (++n === 3 ? Promise.reject(new TypeError('Failed to fetch')) : delayed(3, init)));
    const report = await runPreflight({ checks: ['endpoints'], regions: false, endpoints: [{ url: 'https://a.example/', role: 'signaling' }], deps });
    const r = report.checks[0]!;
    expect(r.verdict, r.summary).toBe('warn');
    expect(r.code).toBe('flaky');
    const e = (r.data as EndpointsData).endpoints[0]!;
    expect(e).toMatchObject({ outcome: 'ok', failedRequests: 1 });
    expect(e.firstRequestMs).toBeGreaterThan(0);
    expect(e.samplesMs).toHaveLength(4);
  });

  it('skips without configuration, and declares every code it emits', async () => {
    const report = await runPreflight({ checks: ['endpoints'], deps: fakeDeps(async () => new Response(null)).deps });
    expect(report.checks[0]).toMatchObject({ verdict: 'skip', code: 'not-configured' });
    expect(Object.keys(endpointsCheck.codes)).toContain('not-configured');
  });
});

/** A fake RTCPeerConnection that gathers the given candidate types, then (if `completes`) ends gathering. */
function gatheringPc(types: readonly string[], completes: boolean) {
  return () => {
    const t = new EventTarget() as EventTarget & Record<string, unknown>;
    t['iceGatheringState'] = 'new';
    t['createDataChannel'] = () => ({});
    t['createOffer'] = async () => ({ type: 'offer', sdp: '' });
    t['setLocalDescription'] = async () => {
      setTimeout(() => {
        for (const type of types) t.dispatchEvent(Object.assign(new Event('icecandidate'), { candidate: { type } }));
        if (!completes) return;
        t['iceGatheringState'] = 'complete';
        t.dispatchEvent(new Event('icegatheringstatechange'));
      }, 5);
    };
    t['close'] = () => undefined;
    return t as unknown as RTCPeerConnection;
  };
}

describe('dnsLookupFailed (the DNS hint)', () => {
  const run = (pc: () => RTCPeerConnection, host = 'gone.example') => {
    const { deps } = fakeDeps(async () => new Response(null), pc);
    return dnsLookupFailed(host, deps as Deps, new AbortController().signal, 200);
  };
  it('Chromium: an icecandidateerror 701 about the lookup says the name did not resolve', async () => {
    expect(await run(lookupFailingPc().pc)).toBe(true);
  });
  it('Firefox ESR 140: gathering that ends with host candidates and no reflexive one says the name did not resolve', async () => {
    expect(await run(gatheringPc(['host', 'host'], true))).toBe(true);
  });
  it('a server-reflexive candidate means the name resolved and answered: no DNS failure', async () => {
    expect(await run(gatheringPc(['host', 'srflx'], true))).toBe(null);
  });
  it('gathering still running at the end of the window (a name that resolved, a STUN server that is silent): no answer', async () => {
    expect(await run(gatheringPc(['host'], false))).toBe(null);
  });
  it('no host candidate at all (no network interface): not called a DNS failure', async () => {
    expect(await run(gatheringPc([], true))).toBe(null);
  });
  it('an IP literal needs no lookup', async () => {
    expect(await run(gatheringPc([], true), '192.0.2.1')).toBe(false);
  });
});
