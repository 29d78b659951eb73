/**
 * The CCP adapter's logic against a fake `connect` object (Node). The real Streams bundle is exercised in
 * test/browser/ccp.test.ts; here: init parameters, state machine, softphone errors, createTransport, failover
 * rules, destroy, bounded call quality, and the advice table against the bundle's own enum.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { CcpController } from '../../src/ccp/controller.js';
import type { AgentConfigurationLike, AgentLike, ClientCallbacks, ConnectLike, Subscription } from '../../src/ccp/connect-types.js';
import { CallQualityMonitor, PeerConnectionSampler, samplesFromSoftphoneStats, MAX_CALLS_KEPT, MAX_SAMPLES_PER_CALL } from '../../src/ccp/call-quality.js';
import { FailoverError, validateExternalNumber, maskNumber } from '../../src/ccp/failover.js';
import { SOFTPHONE_ERROR_REMEDIES, softphoneErrorAdvice, REMEDIES } from '../../src/report/remedies.js';
import { ccpOutcome, type CcpSnapshot } from '../../src/ccp/outcome.js';
import { ccpCheck } from '../../src/checks/ccp.js';
import { resolveOptions } from '../../src/runner.js';
import type { FailoverRecord } from '../../src/report/schema.js';
import type { CallQualityDetail } from '../../src/events.js';
import type { CheckContext } from '../../src/checks/types.js';

const never = () => new AbortController().signal;

class Bus {
  subs = new Map<string, Set<(d: unknown) => void>>();
  subscribe(ev: string, f: (d: unknown) => void): Subscription {
    const set = this.subs.get(ev) ?? new Set();
    set.add(f);
    this.subs.set(ev, set);
    return { unsubscribe: () => set.delete(f) };
  }
  trigger(ev: string, d?: unknown) {
    for (const f of [...(this.subs.get(ev) ?? [])]) f(d ?? null);
  }
  get count() {
    let n = 0;
    for (const s of this.subs.values()) n += s.size;
    return n;
  }
}

type Responder = (method: string, params: Record<string, unknown>, cb: ClientCallbacks) => void;

function fakeConnect(o: { initialized?: boolean; config?: Partial<AgentConfigurationLike>; respond?: Responder } = {}) {
  const bus = new Bus();
  const calls: { method: string; params: Record<string, unknown> }[] = [];
  const setConfigs: AgentConfigurationLike[] = [];
  const initParams: Record<string, unknown>[] = [];
  let terminated = 0;
  let config: AgentConfigurationLike = {
    name: 'A',
    username: 'a',
    softphoneEnabled: true,
    extension: '',
    dialableCountries: ['us', 'gb'],
    agentPreferences: { locale: 'en_US' },
    routingProfile: { name: 'RP' },
    agentStates: [],
    ...o.config,
  };
  let state = { name: 'Available', type: 'routable' };
  let contacts: { id: string }[] = [];
  const agent: AgentLike = {
    getConfiguration: () => config,
    setConfiguration: (c, cb) => {
      setConfigs.push(c);
      if (c.agentPreferences && c.agentPreferences.locale === 'bad') return cb.failure?.('InvalidLocale');
      (o.respond ?? ((_m, _p, k) => k.success?.({})))('updateAgentConfiguration', { configuration: c }, {
        ...cb,
        success: (d) => {
          config = { ...c };
          cb.success?.(d);
          bus.trigger('agent::refresh', agent);
        },
      });
    },
    getState: () => state,
    getAgentStates: () => [],
    isSoftphoneEnabled: () => config.softphoneEnabled,
    getExtension: () => config.extension,
    getDialableCountries: () => config.dialableCountries ?? [],
    onRefresh: (f) => bus.subscribe('agent::refresh', f as (d: unknown) => void),
    onSoftphoneError: (f) => bus.subscribe('agent::softphone_error', f),
    onWebSocketConnectionLost: (f) => bus.subscribe('agent::websocket_connection_lost', f),
    onWebSocketConnectionGained: (f) => bus.subscribe('agent::websocket_connection_gained', f),
    getContacts: () => contacts.map((c) => ({ getContactId: () => c.id, getType: () => 'voice' })),
  };
  const respond: Responder =
    o.respond ??
    ((m, _p, k) =>
      m === 'createTransport'
        ? k.success?.({ softphoneTransport: { softphoneMediaConnections: [{ urls: ['turn:10.0.0.1:3478'], username: 'u', credential: 'c' }] } })
        : k.success?.({}));
  const connect: ConnectLike = {
    version: '2.28.2-fake',
    core: {
      initialized: o.initialized ?? false,
      initCCP: (_c, p) => {
        initParams.push(p);
      },
      terminate: () => {
        terminated++;
      },
      getEventBus: () => bus as never,
      getClient: () => ({
        call: (method, params, cb) => {
          calls.push({ method, params });
          respond(method, params, cb);
        },
      }),
    },
    agent: Object.assign((f: (a: AgentLike) => void) => bus.subscribe('agent::init', f as (d: unknown) => void), { initialized: false }),
    EventType: {
      INIT: 'init',
      ACK_TIMEOUT: 'ack_timeout',
      AUTH_FAIL: 'auth_fail',
      ACCESS_DENIED: 'access_denied',
      IFRAME_RETRIES_EXHAUSTED: 'iframe_retries_exhausted',
      SOFTPHONE_STATS: 'softphone_stats',
    },
    ClientMethods: { CREATE_TRANSPORT: 'createTransport' },
    AgentErrorStates: { INVALID_LOCALE: 'InvalidLocale' },
    randomId: () => 'rid-1',
  };
  const ready = () => {
    connect.core.initialized = true;
    bus.trigger('init');
    bus.trigger('agent::init', agent);
  };
  return {
    connect,
    bus,
    agent,
    calls,
    setConfigs,
    initParams,
    ready,
    get terminated() {
      return terminated;
    },
    setState: (s: { name: string; type: string }) => {
      state = s;
      bus.trigger('agent::refresh', agent);
    },
    setContacts: (ids: string[]) => {
      contacts = ids.map((id) => ({ id }));
      bus.trigger('agent::refresh', agent);
    },
  };
}

const container = {} as HTMLElement;
function controller(f: ReturnType<typeof fakeConnect>, extra: Partial<ConstructorParameters<typeof CcpController>[0]> = {}) {
  return new CcpController({ container, ccpUrl: 'https://example.my.connect.aws/ccp-v2', mode: 'full', loginPopup: false, connectLoader: async () => f.connect, ...extra });
}

describe('CcpController with a fake connect', () => {
  it('full and media-less modes pass the right softphone parameters to initCCP', async () => {
    const f1 = fakeConnect();
    const c1 = controller(f1, { ccpLoadTimeoutMs: 1234, region: 'eu-west-2' });
    await c1.start();
    expect(f1.initParams[0]).toMatchObject({ ccpUrl: 'https://example.my.connect.aws/ccp-v2', region: 'eu-west-2', loginPopup: false, ccpLoadTimeout: 1234, softphone: { allowFramedSoftphone: true } });
    c1.destroy();
    const f2 = fakeConnect();
    const c2 = controller(f2, { mode: 'media-less' });
    await c2.start();
    expect((f2.initParams[0]!.softphone as { allowFramedSoftphone: boolean }).allowFramedSoftphone).toBe(false);
    c2.destroy();
  });

  it('rejects a bad mode and a CCP URL Streams cannot initialize', () => {
    const f = fakeConnect();
    expect(() => controller(f, { mode: 'none' as never })).toThrow(/full.*media-less/);
    expect(() => controller(f, { ccpUrl: 'not a url' })).toThrow(/not a URL/);
    expect(() => controller(f, { ccpUrl: 'https://x.my.connect.aws/ccp-v2?a=%2B1' })).toThrow(/percent/);
  });

  it('attaches to a CCP the page already initialized instead of creating a second one', async () => {
    const f = fakeConnect({ initialized: true });
    const c = controller(f);
    await c.start();
    expect(f.initParams).toHaveLength(0);
    expect(c.state).toBe('initialized');
    f.bus.trigger('agent::init', f.agent);
    const out = await c.waitReady(never(), 100);
    expect(out.verdict).toBe('pass');
    c.destroy();
    expect(f.terminated, 'an attached controller leaves the host CCP alone').toBe(0);
  });

  it("attaches to the host's connect handed over (no ccp-url, no loader), asks createTransport through it, removes only its own subscriptions", async () => {
    const f = fakeConnect({ initialized: true });
    const hostSub = f.bus.subscribe('agent::refresh', () => undefined);
    const c = new CcpController({ container, mode: 'full', connect: f.connect, connectLoader: () => Promise.reject(new Error('must not load Streams')) });
    await c.start();
    expect(c.attached).toBe(true);
    expect(f.initParams, 'never initCCP').toHaveLength(0);
    f.bus.trigger('agent::init', f.agent);
    expect(await c.getIceServers(never())).toEqual([{ urls: ['turn:10.0.0.1:3478'], username: 'u', credential: 'c' }]);
    expect(f.calls.map((x) => x.method)).toEqual(['createTransport']);
    expect(f.bus.count).toBeGreaterThan(1);
    c.destroy();
    expect(f.bus.count, "only the host's subscription is left").toBe(1);
    expect(f.terminated).toBe(0);
    hostSub.unsubscribe();
  });

  it('without a running CCP and without a ccp-url, says what to give', async () => {
    const c = new CcpController({ container, mode: 'full', connectLoader: async () => fakeConnect().connect });
    await expect(c.start()).rejects.toThrow(/No CCP runs in this page and no CCP URL was given: set ccp-url/);
    expect(c.state).toBe('error');
  });

  it('waitReady: initialized with agent -> pass; ACK_TIMEOUT -> login-needed at once (not at the deadline); AUTH_FAIL at once', async () => {
    const f = fakeConnect();
    const c = controller(f);
    const p = c.waitReady(never(), 1000);
    await c.start();
    f.ready();
    const out = await p;
    expect(out.verdict).toBe('pass');
    expect(out.data.agent?.name).toBe('A');
    c.destroy();

    const g = fakeConnect();
    const d = controller(g);
    await d.start();
    g.bus.trigger('ack_timeout');
    const t0 = Date.now();
    const o2 = await d.waitReady(never(), 5000);
    // Streams' ACK_TIMEOUT (when it pops the login) settles the wait: the agent is told now, not in 5 s.
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(o2.code).toBe('login-needed');
    g.bus.trigger('auth_fail');
    const o3 = await d.waitReady(never(), 5000);
    expect(o3.code).toBe('auth-failed');
    d.destroy();

    const h = fakeConnect();
    const e = controller(h);
    await e.start();
    setTimeout(() => h.bus.trigger('iframe_retries_exhausted'), 10);
    expect((await e.waitReady(never(), 5000)).code).toBe('iframe-retries-exhausted');
    e.destroy();
  });

  it('a Streams bundle that fails to load is reported, not thrown from waitReady', async () => {
    const c = new CcpController({ container, ccpUrl: 'https://x.my.connect.aws/ccp-v2', mode: 'full', connectLoader: () => Promise.reject(new Error('blocked by CSP')) });
    const out = await c.waitReady(never(), 1000);
    expect(out.code).toBe('load-error');
    expect(out.summary).toMatch(/blocked by CSP/);
  });

  it('softphone errors in both shapes (plain object from the frame, SoftphoneError in the page) map to remedies', async () => {
    const f = fakeConnect();
    const c = controller(f);
    await c.start();
    f.ready();
    f.bus.trigger('agent::softphone_error', { errorType: 'ice_collection_timeout', errorMessage: 'x', endPointUrl: 'https://e?token=secret' });
    f.bus.trigger('agent::softphone_error', { getErrorType: () => 'microphone_not_shared', getErrorMessage: () => 'denied' });
    f.bus.trigger('agent::softphone_error', { errorType: 'brand_new_type' });
    const out = await c.waitReady(never(), 100);
    expect(out.code).toBe('softphone-errors');
    expect(out.data.softphoneErrors.map((e) => e.remedyId)).toEqual(['udp-3478-amazon-connect', 'microphone-permission', 'softphone-retry-or-reroute']);
    expect(JSON.stringify(out)).not.toContain('secret');
    c.destroy();
  });

  it('createTransport: normalized servers, cached in memory, credentials never in the outcome', async () => {
    const f = fakeConnect({
      respond: (m, _p, cb) =>
        m === 'createTransport'
          ? cb.success?.({ softphoneTransport: { softphoneMediaConnections: [{ urls: 'turn:1.2.3.4:3478?transport=udp', username: 'u', credential: 'SECRET' }, { urls: ['http://bad'] }] } })
          : cb.success?.({}),
    });
    const c = controller(f);
    await c.start();
    f.ready();
    const servers = await c.getIceServers(never());
    expect(servers).toEqual([{ urls: ['turn:1.2.3.4:3478?transport=udp'], username: 'u', credential: 'SECRET' }]);
    expect(f.calls.filter((x) => x.method === 'createTransport')).toHaveLength(1);
    expect(f.calls[0]!.params).toEqual({ transportType: 'softphone', softphoneClientId: 'rid-1' });
    await c.getIceServers(never());
    expect(f.calls.filter((x) => x.method === 'createTransport'), 'cached').toHaveLength(1);
    const out = await c.waitReady(never(), 500);
    expect(out.data.iceServersFromCcp).toBe(1);
    expect(JSON.stringify(out)).not.toContain('SECRET');
    expect(JSON.stringify(c.snapshot)).not.toContain('SECRET');
    c.destroy();
  });

  it('createTransport refused for too many sessions -> multiple_softphone_active_sessions, warn transport-failed', async () => {
    const f = fakeConnect({
      respond: (m, _p, cb) => (m === 'createTransport' ? cb.failure?.({ message: 'SoftphoneConnectionLimitBreachedException' }) : cb.success?.({})),
    });
    const c = controller(f);
    await c.start();
    f.ready();
    await expect(c.getIceServers(never())).rejects.toThrow(/createTransport failed/);
    await expect(c.getIceServers(never())).rejects.toThrow(/createTransport failed/);
    expect(f.calls.filter((x) => x.method === 'createTransport'), 'a failure is not retried at once').toHaveLength(1);
    const out = await c.waitReady(never(), 500);
    expect(out.data.softphoneErrors[0]!.errorType).toBe('multiple_softphone_active_sessions');
    expect(out.summary).toMatch(/did not hand out its TURN servers/);
    c.destroy();
  });

  it('getIceServers before the CCP is up rejects with the reason (the runner falls back to configured servers)', async () => {
    const f = fakeConnect();
    const c = controller(f, { timeoutMs: 50 });
    await expect(c.getIceServers(never())).rejects.toThrow(/not connected \(loading\)/);
    c.destroy();
  });

  it('getIceServers answers at once when the CCP needs a login (no waiting inside an ICE check)', async () => {
    const f = fakeConnect();
    const c = controller(f, { timeoutMs: 5000 });
    await c.start();
    f.bus.trigger('ack_timeout');
    const t0 = Date.now();
    await expect(c.getIceServers(never())).rejects.toThrow(/login-needed/);
    expect(Date.now() - t0).toBeLessThan(100);
    c.destroy();
  });

  it('failover: refused numbers never reach setConfiguration; success sends the whole configuration; restore brings back the extension', async () => {
    const f = fakeConnect({ config: { extension: '+14155550199' } });
    const records: unknown[] = [];
    const c = controller(f);
    c.addEventListener('failover', (e) => records.push((e as CustomEvent<FailoverRecord>).detail));
    await expect(c.failover('+14155550123', { consent: 'agent' })).rejects.toMatchObject({ code: 'no-ccp' });
    await c.start();
    f.ready();
    for (const [n, code] of [
      ['+1415', 'invalid-number'],
      ['0044207', 'invalid-format'],
      ['+33123456789', 'country-not-dialable'],
      ['+80012345678', 'country-unknown'],
    ] as const) {
      await expect(c.failover(n, { consent: 'agent' })).rejects.toMatchObject({ code });
    }
    await expect(c.failover('+14155550123', {})).rejects.toMatchObject({ code: 'consent-required' });
    expect(f.setConfigs).toHaveLength(0);
    const rec = await c.failover('+14155550123', { consent: 'policy' });
    expect(rec).toMatchObject({ status: 'switched', consent: 'policy', before: { softphoneEnabled: true, extension: '+14155550199' }, after: { softphoneEnabled: false, extension: '+14155550123' } });
    expect(f.setConfigs[0]).toMatchObject({ name: 'A', username: 'a', routingProfile: { name: 'RP' }, softphoneEnabled: false, extension: '+14155550123' });
    const back = await c.restoreSoftphone();
    expect(f.setConfigs[1]).toMatchObject({ softphoneEnabled: true, extension: '+14155550199' });
    expect(back.after).toEqual({ softphoneEnabled: true, extension: '+14155550199' });
    await expect(c.restoreSoftphone()).rejects.toMatchObject({ code: 'already-softphone' });
    expect(records).toHaveLength(2);
    c.destroy();
  });

  it('failover: InvalidLocale and a service rejection are clear errors with a failed record', async () => {
    const f = fakeConnect({ config: { agentPreferences: { locale: 'bad' } } });
    const c = controller(f);
    await c.start();
    f.ready();
    const e = (await c.failover('+14155550123', { consent: 'agent' }).catch((x: unknown) => x)) as FailoverError;
    expect(e.code).toBe('invalid-locale');
    expect(e.record?.status).toBe('failed');
    expect(e.record?.after).toEqual(e.record?.before);
    c.destroy();
    const g = fakeConnect({ respond: (m, _p, cb) => (m === 'updateAgentConfiguration' ? cb.failure?.({ type: 'AccessDeniedException', message: 'no' }) : cb.success?.({})) });
    const d = controller(g);
    await d.start();
    g.ready();
    await expect(d.failover('+442071838750', { consent: 'agent' })).rejects.toMatchObject({ code: 'rejected', message: expect.stringMatching(/AccessDeniedException: no/) });
    expect(d.snapshot.agent?.softphoneEnabled).toBe(true);
    d.destroy();
  });

  it('failover: no answer -> timeout after failoverTimeoutMs', async () => {
    const f = fakeConnect({ respond: (m, _p, cb) => (m === 'updateAgentConfiguration' ? undefined : cb.success?.({})) });
    const c = controller(f, { failoverTimeoutMs: 60 });
    await c.start();
    f.ready();
    await expect(c.failover('+14155550123', { consent: 'agent' })).rejects.toMatchObject({ code: 'timeout' });
    c.destroy();
  });

  it('destroy ends a pending failover and createTransport at once (no timer left waiting)', async () => {
    const f = fakeConnect({ respond: () => undefined });
    const c = controller(f, { failoverTimeoutMs: 60_000 });
    await c.start();
    f.ready();
    const pending = c.failover('+14155550123', { consent: 'agent' }).catch((e: unknown) => e as FailoverError);
    const transport = c.getIceServers(never()).catch((e: unknown) => e as Error);
    await new Promise((r) => setTimeout(r, 20));
    const t0 = Date.now();
    c.destroy();
    expect(((await pending) as FailoverError).code).toBe('no-ccp');
    expect(((await transport) as Error).message).toMatch(/closed/);
    expect(Date.now() - t0).toBeLessThan(100);
  });

  it('missed call, websocket lost/gained, deskphone agent', async () => {
    const f = fakeConnect({ config: { softphoneEnabled: false, extension: '+14155550123' } });
    const c = controller(f);
    await c.start();
    f.ready();
    let out = await c.waitReady(never(), 100);
    expect(out.verdict).toBe('pass');
    expect(out.data.mediaLocation).toBe('external-phone');
    expect(out.summary).toMatch(/media checks are not needed/);
    f.setState({ name: 'MissedCallAgent', type: 'error' });
    out = await c.waitReady(never(), 100);
    expect(out.code).toBe('missed-call');
    f.setState({ name: 'Available', type: 'routable' });
    f.bus.trigger('agent::websocket_connection_lost');
    out = await c.waitReady(never(), 100);
    expect(out.code).toBe('websocket-lost');
    f.bus.trigger('agent::websocket_connection_gained');
    expect((await c.waitReady(never(), 100)).verdict).toBe('pass');
    c.destroy();
  });

  it('calls: SOFTPHONE_STATS starts a call, the contact leaving ends it, live events carry the summary', async () => {
    const f = fakeConnect();
    const events: { ended: boolean }[] = [];
    const c = controller(f);
    c.addEventListener('call-quality', (e) => events.push((e as CustomEvent<CallQualityDetail>).detail));
    await c.start();
    f.ready();
    f.setContacts(['k1']);
    const t = Date.now();
    f.bus.trigger('softphone_stats', {
      contactId: 'k1',
      stats: [
        { softphoneStreamType: 'audio_input', timestamp: new Date(t), packetsLost: 0, packetsCount: 50, roundTripTimeMillis: 100 },
        { softphoneStreamType: 'audio_output', timestamp: new Date(t), packetsLost: 5, packetsCount: 45, roundTripTimeMillis: null },
      ],
    });
    expect(events).toHaveLength(1);
    f.setContacts([]);
    expect(events.at(-1)!.ended).toBe(true);
    const [call] = c.callSummaries();
    expect(call).toMatchObject({ contactId: 'k1', source: 'softphone-stats', verdict: 'fail' });
    expect(call!.lossPct.max).toBe(10);
    c.destroy();
  });

  it('destroy unsubscribes everything, terminates Streams, and ignores later events', async () => {
    const f = fakeConnect();
    const changes = vi.fn();
    const c = controller(f);
    c.addEventListener('change', changes);
    await c.start();
    f.ready();
    expect(f.bus.count).toBeGreaterThan(5);
    c.destroy();
    expect(f.bus.count).toBe(0);
    expect(f.terminated).toBe(1);
    const n = changes.mock.calls.length;
    f.bus.trigger('auth_fail');
    expect(changes.mock.calls.length).toBe(n);
  });
});

describe('call quality monitor', () => {
  it('stays bounded over an 8-hour shift', () => {
    let now = 0;
    const m = new CallQualityMonitor({ now: () => now });
    for (let call = 0; call < 200; call++) {
      const id = `c${call}`;
      m.startCall(id, 'peer-connection', now);
      for (let s = 0; s < 300; s++) {
        now += 1000;
        m.ingestPeerConnectionSample(id, { atMs: now, rttMs: 50 + (s % 10), jitterMs: 3, lossPct: s % 100 === 0 ? 2 : 0 });
      }
      m.endCall(id, now);
    }
    const all = m.summaries();
    expect(all).toHaveLength(MAX_CALLS_KEPT);
    expect(m.droppedCalls).toBe(200 - MAX_CALLS_KEPT);
    for (const c of all) expect(c.samples.length).toBe(MAX_SAMPLES_PER_CALL);
    expect(all[0]!.rttMs.max).toBe(59);
    expect(all[0]!.lossPct.max).toBe(2);
    expect(all[0]!.verdict).toBe('pass');
  });

  it('groups SOFTPHONE_STATS entries per second, loss from the worse direction, RTT in ms', () => {
    // 495 ms into a second: the pair straddles a whole-second boundary and must still form one sample.
    const t = Date.parse('2026-01-01T00:00:00Z') + 495;
    const s = samplesFromSoftphoneStats({
      stats: [
        { softphoneStreamType: 'audio_input', timestamp: new Date(t), packetsLost: 1, packetsCount: 99, roundTripTimeMillis: 120 },
        { softphoneStreamType: 'audio_output', timestamp: new Date(t + 10), packetsLost: 3, packetsCount: 97, roundTripTimeMillis: null },
        { softphoneStreamType: 'audio_output', timestamp: new Date(t + 1000).toISOString(), packetsLost: 0, packetsCount: 0 },
      ],
    });
    expect(s).toEqual([{ atMs: t, rttMs: 120, lossPct: 3 }]);
  });

  it('late stats of an ended call fold into it without a live event', () => {
    const events: unknown[] = [];
    let now = Date.parse('2026-01-01T00:00:00Z');
    const m = new CallQualityMonitor({ now: () => now, onQuality: (d) => events.push(d) });
    const entry = (ms: number) => ({ softphoneStreamType: 'audio_output', timestamp: new Date(ms), packetsLost: 0, packetsCount: 50, roundTripTimeMillis: 80 });
    m.ingestSoftphoneStats({ contactId: 'x', stats: [entry(now)] });
    now += 5000;
    m.endCall('x');
    const n = events.length;
    m.ingestSoftphoneStats({ contactId: 'x', stats: [entry(now + 1000)] });
    expect(events.length).toBe(n);
    expect(m.summaries()).toHaveLength(1);
    expect(m.summaries()[0]!.samples).toHaveLength(2);
  });

  it('samples a peer connection from counter deltas', async () => {
    let i = 0;
    const reports = [
      [{ id: 'in', type: 'inbound-rtp', kind: 'audio', timestamp: 0, packetsReceived: 100, packetsLost: 0, jitter: 0.004 }, { id: 'ri', type: 'remote-inbound-rtp', kind: 'audio', timestamp: 0, roundTripTime: 0.08 }],
      [{ id: 'in', type: 'inbound-rtp', kind: 'audio', timestamp: 2000, packetsReceived: 190, packetsLost: 10, jitter: 0.006 }, { id: 'ri', type: 'remote-inbound-rtp', kind: 'audio', timestamp: 2000, roundTripTime: 0.09 }],
    ];
    const s = new PeerConnectionSampler({ getStats: async () => reports[i++]! });
    expect(await s.sample()).toBeNull();
    const x = await s.sample();
    expect(x!.lossPct).toBe(10);
    expect(x!.rttMs).toBe(90);
    expect(x!.jitterMs).toBe(6);
  });
});

describe('advice, numbers, outcome, check', () => {
  it('every SoftphoneErrorTypes value in the installed Streams bundle has advice', () => {
    const src = readFileSync('node_modules/amazon-connect-streams/release/connect-streams.js', 'utf8');
    const m = /connect\.SoftphoneErrorTypes = connect\.makeEnum\(\[([^\]]+)\]\)/.exec(src);
    expect(m).not.toBeNull();
    const values = [...m![1]!.matchAll(/'([a-z_]+)'/g)].map((x) => x[1]!);
    expect(values.length).toBeGreaterThan(8);
    for (const v of values) expect(Object.keys(SOFTPHONE_ERROR_REMEDIES)).toContain(v);
    const ids = (t: string) => softphoneErrorAdvice(t).remedies.map((r) => r.id);
    expect(ids('ice_collection_timeout')[0]).toBe('udp-3478-amazon-connect');
    expect(ids('signalling_connection_failure')[0]).toBe('tcp-443-ec2-signaling');
    expect(ids('microphone_not_shared')[0]).toBe('microphone-permission');
    expect(softphoneErrorAdvice('something-new')).toMatchObject({ known: false, remedies: [REMEDIES.softphoneReload] });
    // The ccp check's remedies come from the one catalogue (same objects, same texts).
    for (const a of Object.values(SOFTPHONE_ERROR_REMEDIES)) for (const r of a.remedies) expect(Object.values(REMEDIES)).toContain(r);
  });

  it('validates E.164 and dialable countries case-insensitively', async () => {
    await expect(validateExternalNumber('+442071838750', ['GB'])).resolves.toEqual({ e164: '+442071838750', country: 'GB' });
    await expect(validateExternalNumber('+14155550123', [])).rejects.toMatchObject({ code: 'country-not-dialable', message: expect.stringMatching(/none/) });
    await expect(validateExternalNumber('+0123', ['us'])).rejects.toMatchObject({ code: 'invalid-format' });
    expect(maskNumber('+14155550123')).toBe('+14*****0123');
  });

  it('outcome for each failed state has a code, a message and a remedy', () => {
    const base: CcpSnapshot = { mode: 'full', state: 'initialized', softphoneErrors: [], websocket: 'unknown' };
    for (const st of ['login-needed', 'auth-failed', 'access-denied', 'iframe-retries-exhausted', 'timeout', 'error'] as const) {
      const o = ccpOutcome({ ...base, state: st });
      expect(o.verdict).toBe('fail');
      expect(Object.keys(ccpCheck.codes)).toContain(o.code);
      expect(o.summary.length).toBeGreaterThan(30);
      expect(o.remedies!.length).toBeGreaterThan(0);
    }
    expect(ccpOutcome({ ...base, state: 'initialized' }).code).toBe('no-agent');
    expect(ccpOutcome({ ...base, ccpUrl: 'https://a.my.connect.aws/ccp-v2?token=abc', agent: { softphoneEnabled: true } }).data.ccpUrl).toBe('https://a.my.connect.aws/ccp-v2');
  });

  it('softphone errors older than an hour are listed but no longer warn', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    const old = { errorType: 'ice_collection_timeout', at: '2026-01-01T10:00:00.000Z', remedyId: 'udp-3478-amazon-connect' };
    const snap: CcpSnapshot = { mode: 'full', state: 'initialized', softphoneErrors: [old], websocket: 'connected', agent: { softphoneEnabled: true } };
    const o = ccpOutcome(snap, now);
    expect(o.verdict).toBe('pass');
    expect(o.summary).toMatch(/older softphone error/);
    expect(o.data.softphoneErrors).toHaveLength(1);
    const o2 = ccpOutcome({ ...snap, softphoneErrors: [{ ...old, at: '2026-01-01T11:30:00.000Z' }] }, now);
    expect(o2.code).toBe('softphone-errors');
  });

  it('the check skips without a CCP and waits a little less than its own timeout', async () => {
    const opts = resolveOptions({ checks: ['ccp'] });
    const ctx = { options: opts, progress: () => {} } as unknown as CheckContext;
    const skip = await ccpCheck.run(ctx, never());
    expect(skip).toMatchObject({ verdict: 'skip', code: 'not-configured' });
    let waited = -1;
    const ctx2 = {
      options: resolveOptions({ checks: ['ccp'], ccpUrl: 'https://a.my.connect.aws/ccp-v2', timeouts: { ccp: 4000 } }),
      progress: () => {},
      ccp: {
        waitReady: async (_s: AbortSignal, ms: number) => {
          waited = ms;
          return ccpOutcome({ mode: 'full', state: 'timeout', softphoneErrors: [], websocket: 'unknown' });
        },
        getIceServers: async () => [],
      },
    } as unknown as CheckContext;
    await ccpCheck.run(ctx2, never());
    expect(waited).toBeGreaterThan(3000);
    expect(waited).toBeLessThan(4000);
  });
});

describe('mediaCheckNote', () => {
  it('tells the media checks when the agent is on an external phone or media runs elsewhere', async () => {
    const { mediaCheckNote, ccpDataOf } = await import('../../src/ccp/outcome.js');
    const desk = ccpDataOf({ mode: 'full', state: 'initialized', softphoneErrors: [], websocket: 'connected', agent: { softphoneEnabled: false, extension: '+14155550123' } });
    expect(mediaCheckNote(new Map([['ccp', { id: 'ccp', data: desk }]]))?.reason).toBe('external-phone');
    const vdi = ccpDataOf({ mode: 'media-less', state: 'initialized', softphoneErrors: [], websocket: 'connected', agent: { softphoneEnabled: true } });
    expect(mediaCheckNote(new Map([['ccp', { id: 'ccp', data: vdi }]]))?.reason).toBe('media-elsewhere');
    const full = ccpDataOf({ mode: 'full', state: 'initialized', softphoneErrors: [], websocket: 'connected', agent: { softphoneEnabled: true } });
    expect(mediaCheckNote(new Map([['ccp', { id: 'ccp', data: full }]]))).toBeUndefined();
    expect(mediaCheckNote(new Map())).toBeUndefined();
  });
});
