/**
 * The CCP adapter with the REAL amazon-connect-streams bundle against the local fake CCP page
 * (/demo/fake-ccp.html, served from the repo root by @web/test-runner) and the real coturn of the test rig.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { SOFTPHONE_ERROR_REMEDIES } from '../../src/report/remedies.js';
import { createCcp, FailoverError, type CcpController, type CcpControllerOptions } from '../../src/ccp/index.js';
import { runPreflight } from '../../src/runner.js';
import type { CallQualityDetail } from '../../src/events.js';
import type { FailoverRecord } from '../../src/report/schema.js';

interface TurnConfig { host: string; port: number; username: string; credential: string; iceServers: RTCIceServer[] }
interface FakeReport {
  configure: { softphone?: { allowFramedSoftphone?: boolean } } | null;
  configs: Record<string, unknown>[];
  requests: string[];
  transports: number;
  reloads: number;
  agentConfig: Record<string, unknown>;
}

const fakeUrl = (q = '') => `${location.origin}/demo/fake-ccp.html${q ? `?${q}` : ''}`;
const never = () => new AbortController().signal;

function fakeWindow(): Window {
  const f = document.querySelector('iframe[name="Amazon Connect CCP"]') as HTMLIFrameElement | null;
  if (!f?.contentWindow) throw new Error('no CCP iframe');
  return f.contentWindow;
}
function cmd(c: string, args: Record<string, unknown> = {}): void {
  fakeWindow().postMessage({ fakeCcp: c, ...args }, '*');
}
function fakeReport(): Promise<FakeReport> {
  const w = fakeWindow();
  return new Promise((resolve) => {
    const on = (e: MessageEvent) => {
      if (e.source === w && (e.data as { event?: string })?.event === 'fake-ccp:report') {
        window.removeEventListener('message', on);
        resolve((e.data as { data: FakeReport }).data);
      }
    };
    window.addEventListener('message', on);
    cmd('report');
  });
}
async function until(pred: () => boolean, ms = 4000, what = 'condition'): Promise<void> {
  const t0 = performance.now();
  while (!pred()) {
    if (performance.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('ccp adapter against the fake CCP (real Streams)', () => {
  let ccp: CcpController | undefined;
  let box: HTMLElement;
  const make = (q: string, o: Partial<CcpControllerOptions> = {}) => {
    box = document.createElement('div');
    document.body.append(box);
    ccp = createCcp({ container: box, ccpUrl: fakeUrl(q), mode: 'full', loginPopup: false, ...o });
    return ccp;
  };
  afterEach(() => {
    ccp?.destroy();
    ccp = undefined;
    expect(document.querySelector('iframe[name="Amazon Connect CCP"]'), 'destroy removes the iframe').to.equal(null);
    box?.remove();
  });

  it('full mode: initializes, reads the agent, tells the CCP it handles media', async () => {
    const c = make('name=Jane');
    const out = await c.waitReady(never(), 8000);
    expect(out.data.state, out.summary).to.equal('initialized');
    expect(out.verdict, out.summary).to.equal('pass');
    expect(out.data.agent).to.include({ name: 'Jane', softphoneEnabled: true });
    expect(out.data.agent?.dialableCountries).to.deep.equal(['us', 'ca', 'gb']);
    expect(out.data.mediaLocation).to.equal('this-browser');
    expect(out.data.streamsVersion).to.be.a('string');
    const f = await fakeReport();
    expect(f.configure?.softphone?.allowFramedSoftphone).to.equal(true);
    const iframe = box.querySelector('iframe')!;
    expect(iframe.offsetHeight).to.be.greaterThan(300);
    c.setIframeVisible(false);
    expect(iframe.style.display).to.equal('none');
  });

  it('media-less mode: signaling only, the report says where media runs', async () => {
    const c = make('', { mode: 'media-less' });
    const out = await c.waitReady(never(), 8000);
    expect(out.verdict, out.summary).to.equal('pass');
    expect(out.data.mode).to.equal('media-less');
    expect(out.data.mediaLocation).to.equal('local-desktop');
    expect(out.summary).to.match(/media-less/i).and.match(/local desktop/i);
    const f = await fakeReport();
    expect(f.configure?.softphone?.allowFramedSoftphone).to.equal(false);
    expect(f.transports, 'no createTransport in media-less mode').to.equal(0);
  });

  it('an agent already on a desk phone: the report says so and that media checks are not needed', async () => {
    const c = make('deskphone=14155550123');
    const out = await c.waitReady(never(), 8000);
    expect(out.verdict, out.summary).to.equal('pass');
    expect(out.data.mediaLocation).to.equal('external-phone');
    expect(out.data.agent).to.include({ softphoneEnabled: false, extension: '+14155550123' });
    expect(out.summary).to.match(/external phone/).and.match(/media checks are not needed/);
  });

  it('failover round trip: softphone -> +E.164 -> back, with the configuration the fake received', async () => {
    const records: FailoverRecord[] = [];
    const c = make('');
    c.addEventListener('failover', (e) => records.push((e as CustomEvent<FailoverRecord>).detail));
    await c.waitReady(never(), 8000);
    const rec = await c.failover('+14155550123', { consent: 'agent' });
    expect(rec).to.include({ action: 'to-external-phone', status: 'switched', consent: 'agent' });
    expect(rec.before).to.deep.equal({ softphoneEnabled: true, extension: null });
    expect(rec.after).to.deep.equal({ softphoneEnabled: false, extension: '+14155550123' });
    expect(c.snapshot.agent?.softphoneEnabled, 'the CCP reloaded the agent configuration').to.equal(false);
    let f = await fakeReport();
    expect(f.configs).to.have.length(1);
    const sent = f.configs[0]!;
    expect(sent).to.include({ softphoneEnabled: false, extension: '+14155550123', name: 'Fake Agent', username: 'fake.agent' });
    expect(sent, 'the whole configuration is sent').to.have.keys([
      'name', 'username', 'softphoneEnabled', 'softphoneAutoAccept', 'extension', 'agentStates', 'dialableCountries',
      'permissions', 'agentPreferences', 'routingProfile', 'agentARN',
    ]);
    expect(f.reloads).to.be.greaterThan(0);

    const back = await c.restoreSoftphone();
    expect(back).to.include({ action: 'to-softphone', status: 'switched' });
    expect(back.after).to.deep.equal({ softphoneEnabled: true, extension: null });
    f = await fakeReport();
    expect(f.configs).to.have.length(2);
    expect(f.configs[1]).to.include({ softphoneEnabled: true });
    expect(c.snapshot.agent?.softphoneEnabled).to.equal(true);
    expect(records.map((r) => r.action)).to.deep.equal(['to-external-phone', 'to-softphone']);
    const report = c.addToReport({ calls: [] } as never);
    expect(report.failover).to.have.length(2);
  });

  it('refuses invalid numbers, non-dialable countries and missing consent without calling the CCP', async () => {
    const c = make('countries=us,ca');
    await c.waitReady(never(), 8000);
    const cases: [string, string, 'agent' | undefined][] = [
      ['4155550123', 'invalid-format', 'agent'],
      ['+1 415 555 0123', 'invalid-format', 'agent'],
      ['+15555555555', 'invalid-number', 'agent'],
      ['+442071838750', 'country-not-dialable', 'agent'],
      ['+14155550123', 'consent-required', undefined],
    ];
    for (const [n, code, consent] of cases) {
      let err: unknown;
      try {
        await c.failover(n, consent ? { consent } : {});
      } catch (e) {
        err = e;
      }
      expect(err, n).to.be.instanceOf(FailoverError);
      expect((err as FailoverError).code, n).to.equal(code);
      expect((err as FailoverError).message.length).to.be.greaterThan(20);
    }
    const f = await fakeReport();
    expect(f.configs, 'nothing reached the CCP').to.have.length(0);
    expect(f.requests).to.not.include('updateAgentConfiguration');
    expect(c.snapshot.agent?.softphoneEnabled).to.equal(true);
    expect(c.failoverRecords).to.have.length(0);
  });

  it('a service rejection, InvalidLocale and no answer each fail clearly and change nothing', async () => {
    let c = make('reject=1');
    await c.waitReady(never(), 8000);
    let err = await c.failover('+14155550123', { consent: 'policy' }).catch((e: unknown) => e);
    expect((err as FailoverError).code).to.equal('rejected');
    expect((err as FailoverError).record?.status).to.equal('failed');
    expect(c.snapshot.agent?.softphoneEnabled).to.equal(true);
    c.destroy();
    box.remove();

    c = make('locale=xx_XX');
    await c.waitReady(never(), 8000);
    err = await c.failover('+14155550123', { consent: 'agent' }).catch((e: unknown) => e);
    expect((err as FailoverError).code).to.equal('invalid-locale');
    expect((await fakeReport()).configs, 'InvalidLocale is refused client-side').to.have.length(0);
    c.destroy();
    box.remove();

    c = make('noreply=updateAgentConfiguration', { failoverTimeoutMs: 400 });
    await c.waitReady(never(), 8000);
    const t0 = performance.now();
    err = await c.failover('+14155550123', { consent: 'agent' }).catch((e: unknown) => e);
    expect((err as FailoverError).code).to.equal('timeout');
    expect(performance.now() - t0).to.be.lessThan(1500);
    expect(c.snapshot.agent?.softphoneEnabled).to.equal(true);
  });

  it("createTransport hands the agent's own TURN (the local coturn) to the ICE checks, never into the report", async () => {
    const turn = await executeServerCommand<TurnConfig, undefined>('turn-config');
    const c = make('');
    const servers = await c.getIceServers(never());
    expect(servers).to.have.length.greaterThan(0);
    const urls = servers.flatMap((s) => (Array.isArray(s.urls) ? s.urls : [s.urls]));
    expect(urls.some((u) => u.includes(`${turn.host}:${turn.port}`))).to.equal(true);
    const turnEntry = servers.find((s) => s.username)!;
    expect(turnEntry.username).to.equal(turn.username);
    expect(turnEntry.credential).to.equal(turn.credential);
    // The agent's TURN really allocates a relay on coturn.
    const pc = new RTCPeerConnection({ iceServers: servers, iceTransportPolicy: 'relay' });
    pc.createDataChannel('x');
    const relay = new Promise<string>((resolve, reject) => {
      pc.onicecandidate = (e) => e.candidate?.type === 'relay' && resolve(e.candidate.address ?? '');
      setTimeout(() => reject(new Error('no relay in 5 s')), 5000);
    });
    await pc.setLocalDescription(await pc.createOffer());
    expect(await relay).to.equal('127.0.0.1');
    pc.close();

    const report = await runPreflight({ checks: ['ccp', 'ice-udp'], ccp: c, ccpMode: 'full', ccpUrl: fakeUrl('') });
    const json = JSON.stringify(report);
    expect(json).to.not.include(turn.credential);
    expect(json).to.not.include('"credential"');
    expect(json).to.not.include(`"username":"${turn.username}"`);
    const ccpResult = report.checks.find((r) => r.id === 'ccp')!;
    expect(ccpResult.verdict, ccpResult.summary).to.equal('pass');
    expect((ccpResult.data as { iceServersFromCcp?: number }).iceServersFromCcp).to.equal(servers.length);
    const ice = report.checks.find((r) => r.id === 'ice-udp')!;
    if (ice.code !== 'not-implemented') {
      expect((ice.data as { source: string }).source, ice.summary).to.equal('ccp');
      expect(ice.verdict, ice.summary).to.equal('pass');
    }
  });

  it('createTransport refused by the CCP: ccp warns, the ICE check uses the configured TURN', async () => {
    const turn = await executeServerCommand<TurnConfig, undefined>('turn-config');
    const c = make('transport=fail');
    const report = await runPreflight({ checks: ['ccp', 'ice-udp'], ccp: c, ccpMode: 'full', iceServers: turn.iceServers });
    const [ccpResult, ice] = report.checks;
    expect(ccpResult!.verdict, ccpResult!.summary).to.equal('warn');
    expect(ccpResult!.summary).to.match(/did not hand out its TURN servers/);
    expect((ccpResult!.data as { softphoneErrors: { errorType: string }[] }).softphoneErrors.map((e) => e.errorType)).to.include('multiple_softphone_active_sessions');
    if (ice!.code !== 'not-implemented') expect((ice!.data as { source: string }).source).to.equal('config');
    expect((await fakeReport()).transports, 'createTransport asked once per run').to.equal(1);
  });

  it('each injected softphone error shows its remedy', async () => {
    const c = make('');
    await c.waitReady(never(), 8000);
    const enumValues = Object.values((globalThis as unknown as { connect: { SoftphoneErrorTypes: Record<string, string> } }).connect.SoftphoneErrorTypes);
    expect(enumValues.length).to.be.greaterThan(5);
    for (const t of enumValues) expect(SOFTPHONE_ERROR_REMEDIES, `advice for ${t}`).to.have.property(t);
    for (const t of enumValues) cmd('softphone-error', { errorType: t });
    await until(() => c.snapshot.softphoneErrors.length === enumValues.length, 4000, 'all softphone errors');
    const out = await c.waitReady(never(), 2000);
    expect(out.verdict).to.equal('warn');
    expect(out.code).to.equal('softphone-errors');
    const ids = (out.remedies ?? []).map((r) => r.id);
    for (const t of enumValues) {
      for (const { id } of SOFTPHONE_ERROR_REMEDIES[t]!.remedies) expect(ids, `${t} -> ${id}`).to.include(id);
    }
    const seen = out.data.softphoneErrors.find((e) => e.errorType === 'ice_collection_timeout')!;
    expect(seen.remedyId).to.equal('udp-3478-amazon-connect');
    expect(out.remedies!.find((r) => r.id === 'udp-3478-amazon-connect')!.text).to.match(/UDP 3478/);
    expect(out.data.softphoneErrors.find((e) => e.errorType === 'signalling_connection_failure')!.remedyId).to.equal('tcp-443-ec2-signaling');
    expect(out.data.softphoneErrors.find((e) => e.errorType === 'microphone_not_shared')!.remedyId).to.equal('microphone-permission');
  });

  it('injected softphone stats produce a live quality event and a per-call summary', async () => {
    const events: CallQualityDetail[] = [];
    const c = make('');
    c.addEventListener('call-quality', (e) => events.push((e as CustomEvent<CallQualityDetail>).detail));
    await c.waitReady(never(), 8000);
    cmd('call-start', { contactId: 'c-1' });
    cmd('stats', { contactId: 'c-1', rttMs: 80, lossPct: 0, seconds: 5 });
    cmd('stats', { contactId: 'c-1', rttMs: 450, lossPct: 4, seconds: 5 });
    await until(() => events.filter((e) => !e.ended).length >= 10, 4000, 'quality events');
    cmd('call-end', { contactId: 'c-1' });
    await until(() => events.some((e) => e.ended), 4000, 'the call to end');
    const [call] = c.callSummaries();
    expect(call).to.include({ contactId: 'c-1', source: 'softphone-stats', verdict: 'warn' });
    expect(call!.samples).to.have.length(10);
    expect(call!.rttMs.max).to.equal(450);
    expect(call!.lossPct.max).to.equal(4);
    expect(call!.mos.min).to.be.lessThan(call!.mos.avg!);
    expect(call!.endedAt).to.be.a('string');
    const ended = events.find((e) => e.ended)!;
    expect(ended.summary.samples).to.have.length(10);
    const report = c.addToReport({ calls: [] } as never);
    expect(report.calls).to.have.length(1);
  });

  it('softphone in this page: quality comes from the session\'s peer connection (real WebRTC through coturn)', async () => {
    const turn = await executeServerCommand<TurnConfig, undefined>('turn-config');
    const events: CallQualityDetail[] = [];
    const c = make('');
    c.addEventListener('call-quality', (e) => events.push((e as CustomEvent<CallQualityDetail>).detail));
    await c.waitReady(never(), 8000);
    const cfg: RTCConfiguration = { iceServers: turn.iceServers, iceTransportPolicy: 'relay' };
    const a = new RTCPeerConnection(cfg);
    const b = new RTCPeerConnection(cfg);
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    for (const t of stream.getAudioTracks()) {
      a.addTrack(t, stream);
      b.addTrack(t.clone(), stream);
    }
    a.onicecandidate = (e) => e.candidate && void b.addIceCandidate(e.candidate);
    b.onicecandidate = (e) => e.candidate && void a.addIceCandidate(e.candidate);
    await a.setLocalDescription(await a.createOffer());
    await b.setRemoteDescription(a.localDescription!);
    await b.setLocalDescription(await b.createAnswer());
    await a.setRemoteDescription(b.localDescription!);
    // The page's softphone manager (what initSoftphoneManager creates) exposes sessions by agent connection id.
    const core = (globalThis as unknown as { connect: { core: { getSoftphoneManager?: () => unknown } } }).connect.core;
    const original = core.getSoftphoneManager;
    core.getSoftphoneManager = () => ({ getSession: (id: string) => (id === 'agent-pc-1' ? { _pc: a } : undefined) });
    try {
      cmd('call-start', { contactId: 'pc-1' });
      await until(() => events.filter((e) => e.summary.source === 'peer-connection').length >= 2, 9000, 'peer-connection samples');
      cmd('call-end', { contactId: 'pc-1' });
      await until(() => events.some((e) => e.ended), 3000, 'the call to end');
    } finally {
      core.getSoftphoneManager = original;
      a.close();
      b.close();
      stream.getTracks().forEach((t) => t.stop());
    }
    const [call] = c.callSummaries();
    expect(call!.source).to.equal('peer-connection');
    expect(call!.jitterMs.avg).to.be.a('number');
    expect(call!.lossPct.avg).to.be.a('number');
    expect(call!.samples.length).to.be.greaterThanOrEqual(2);
    expect(call!.verdict, JSON.stringify(call)).to.not.equal('fail');
  });

  it('a missed call and a lost websocket are reported with the way back', async () => {
    const c = make('');
    await c.waitReady(never(), 8000);
    cmd('missed-call');
    await until(() => c.snapshot.agentState?.name === 'MissedCallAgent', 3000, 'missed call');
    let out = await c.waitReady(never(), 1000);
    expect(out.code).to.equal('missed-call');
    expect(out.data.missedCall).to.equal(true);
    expect(out.remedies!.map((r) => r.id)).to.include('missed-call-available');
    expect(out.summary).to.match(/Available/);
    cmd('available');
    cmd('websocket-lost');
    await until(() => c.snapshot.websocket === 'lost' && c.snapshot.agentState?.name === 'Available', 3000, 'websocket lost');
    out = await c.waitReady(never(), 1000);
    expect(out.code).to.equal('websocket-lost');
    cmd('websocket-gained');
    await until(() => c.snapshot.websocket === 'connected', 3000, 'websocket back');
    out = await c.waitReady(never(), 1000);
    expect(out.verdict).to.equal('pass');
  });

  it('a CCP that never answers makes the ccp check fail within its timeout; the ICE check falls back to the configured TURN', async () => {
    const turn = await executeServerCommand<TurnConfig, undefined>('turn-config');
    const c = make('noack=1', { ccpLoadTimeoutMs: 800 });
    const report = await runPreflight({ checks: ['ccp', 'ice-udp'], ccp: c, ccpMode: 'full', ccpUrl: fakeUrl('noack=1'), iceServers: turn.iceServers, timeouts: { ccp: 2500 } });
    const ice = report.checks[1]!;
    if (ice.code !== 'not-implemented') expect((ice.data as { source: string }).source, ice.summary).to.equal('config');
    const r = report.checks[0]!;
    expect(r.verdict).to.equal('fail');
    expect(r.code, r.summary).to.equal('login-needed');
    expect(r.durationMs).to.be.lessThan(2500);
    expect(r.remedies!.map((x) => x.id)).to.include('ccp-login');
  });

  it('no sign at all within the time -> timeout', async () => {
    const c = make('noack=1');
    const t0 = performance.now();
    const out = await c.waitReady(never(), 1500);
    expect(performance.now() - t0).to.be.lessThan(2000);
    expect(out.code, out.summary).to.equal('timeout');
    expect(out.verdict).to.equal('fail');
  });

  it('login needed, then the agent logs in', async () => {
    const c = make(`login=1&sid=${Math.random()}`, { ccpLoadTimeoutMs: 600 });
    const out = await c.waitReady(never(), 1200);
    expect(out.code, out.summary).to.equal('login-needed');
    expect(c.state).to.equal('login-needed');
    cmd('login');
    await until(() => c.state === 'initialized', 10000, 'login'); // Firefox under load can take seconds to re-initialise
    const ok = await c.waitReady(never(), 3000);
    expect(ok.verdict, ok.summary).to.equal('pass');
  });

  it('iframe retries exhausted (after the first ACK_TIMEOUT has already told login-needed)', async () => {
    const c = make('noack=1', { ccpLoadTimeoutMs: 150 });
    const first = await c.waitReady(never(), 6000);
    expect(first.code, 'told at the first ACK_TIMEOUT, not after the retries').to.equal('login-needed');
    await until(() => c.state === 'iframe-retries-exhausted', 6000, 'Streams to give up reloading the frame');
    const out = await c.waitReady(never(), 500);
    expect(out.code, out.summary).to.equal('iframe-retries-exhausted');
  });
});
