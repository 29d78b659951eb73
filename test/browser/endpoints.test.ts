import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { runAlone } from '../support/run-lock-client.js';
import { runPreflight } from '../../src/runner.js';
import type { CheckResult, EndpointsData } from '../../src/report/schema.js';
import type { PreflightOptions } from '../../src/runner.js';
import { DNS_HINT_WINDOW_MS, PROBE_TIMEOUT_MS } from '../../src/checks/endpoints.js';

interface ProbeServers { host: string; port: number; base: string; refusedPort: number }

/** Remedies cite the public pages by link. */
const PUBLIC_SOURCE = /https:\/\/docs\.aws\.amazon\.com\//;

async function endpoints(options: PreflightOptions): Promise<{ r: CheckResult; data: EndpointsData; wallMs: number }> {
  const t0 = performance.now();
  const report = await runPreflight({ checks: ['endpoints'], regions: false, ...options });
  const r = report.checks[0]!;
  return { r, data: r.data as EndpointsData, wallMs: performance.now() - t0 };
}

describe('endpoints check against local HTTP servers (real Chromium fetch)', () => {
  let s: ProbeServers;
  runAlone(); // measures time
  before(async () => {
    s = await executeServerCommand<ProbeServers, undefined>('probe-servers');
  });
  after(async () => {
    await executeServerCommand('probe-servers-stop');
  });

  it('reachable: pass, warm-up plus five samples, median well under the slow bar', async () => {
    const { r, data, wallMs } = await endpoints({ endpoints: [{ url: `${s.base}/ok`, role: 'instance' }, { url: `${s.base}/ok`, role: 'signaling' }] });
    expect(r.verdict, r.summary).to.equal('pass');
    expect(data.endpoints).to.have.length(2);
    for (const e of data.endpoints) {
      expect(e.outcome).to.equal('ok');
      expect(e.samplesMs).to.have.length(5);
      expect(e.firstRequestMs).to.be.a('number');
      expect(e.medianMs).to.be.a('number').and.to.be.below(300);
      expect(e.detail).to.match(/first request \(with DNS, TCP and TLS set-up\) \d+ ms; median of 5 warm requests/);
    }
    expect(r.remedies).to.equal(undefined);
    expect(wallMs).to.be.below(5000);
  });

  it('slow (400 ms server delay): warn "slow", median within the real delay', async () => {
    const { r, data, wallMs } = await endpoints({ endpoints: [{ url: `${s.base}/delay/400`, role: 'signaling' }] });
    expect(r.verdict, r.summary).to.equal('warn');
    expect(r.code).to.equal('slow');
    const e = data.endpoints[0]!;
    expect(e.outcome).to.equal('slow');
    expect(e.medianMs).to.be.within(395, 2000);
    expect(r.summary).to.match(/answers slowly: median \d+ ms over HTTPS \(above 300 ms\)/);
    expect(r.remedies!.map((x) => x.id)).to.include('region-closest');
    expect(wallMs).to.be.below(6 * 400 + 4000);
  });

  it('refused port: fail at once, "blocked", the detail says DNS is not involved for an IP', async () => {
    const { r, data, wallMs } = await endpoints({ endpoints: [{ url: `http://127.0.0.1:${s.refusedPort}/`, role: 'instance' }] });
    expect(r.verdict, r.summary).to.equal('fail');
    expect(r.code).to.equal('instance-unreachable');
    const e = data.endpoints[0]!;
    expect(e.outcome).to.equal('blocked');
    expect(e.samplesMs).to.deep.equal([]);
    expect(e.detail).to.match(/refused or reset.*DNS is not involved/);
    expect(r.remedies!.map((x) => x.id)).to.include('tcp-443-cloudfront');
    for (const x of r.remedies!) expect(x.source).to.match(PUBLIC_SOURCE);
    expect(wallMs).to.be.below(2500);
  });

  it('unresolvable host: fail with outcome "dns" (WebRTC host lookup), well inside the timeouts', async () => {
    const { r, data, wallMs } = await endpoints({ endpoints: [{ url: `http://does-not-exist.invalid:${s.port}/`, role: 'signaling' }] });
    expect(r.verdict, r.summary).to.equal('fail');
    const e = data.endpoints[0]!;
    expect(e.outcome, e.detail).to.equal('dns');
    expect(r.code).to.equal('signaling-dns');
    expect(r.remedies!.map((x) => x.id)).to.include('dns-resolve');
    expect(wallMs).to.be.below(PROBE_TIMEOUT_MS);
  });

  it('refused on a host NAME that resolves (localhost): "blocked", not "dns", after the DNS hint window', async () => {
    const { r, data, wallMs } = await endpoints({ endpoints: [{ url: `http://localhost:${s.refusedPort}/`, role: 'signaling' }] });
    expect(r.code, r.summary).to.equal('signaling-unreachable');
    expect(data.endpoints[0]!.outcome).to.equal('blocked');
    expect(data.endpoints[0]!.detail).to.match(/refused or reset/);
    expect(wallMs).to.be.below(DNS_HINT_WINDOW_MS + 2500);
  });

  it('a server that never answers: "timeout" after one probe timeout, not more', async () => {
    const { r, data, wallMs } = await endpoints({ endpoints: [{ url: `${s.base}/hang`, role: 'instance' }] });
    expect(r.verdict, r.summary).to.equal('fail');
    expect(data.endpoints[0]!.outcome).to.equal('timeout');
    expect(data.endpoints[0]!.detail).to.match(/No answer within \d+ ms/);
    expect(wallMs).to.be.within(PROBE_TIMEOUT_MS - 100, PROBE_TIMEOUT_MS + 2500);
  });

  it('a short check timeout bounds everything: the check reports instead of timing out', async () => {
    const { r, wallMs } = await endpoints({ endpoints: [{ url: `${s.base}/hang`, role: 'instance' }], timeouts: { endpoints: 1000 } });
    expect(r.code).to.equal('instance-unreachable');
    expect(wallMs).to.be.below(2500);
  });

  it('WebSocket: a held upgrade while HTTPS works -> warn websocket-blocked; a real handshake -> ok', async () => {
    const ws = `ws://127.0.0.1:${s.port}`;
    const held = await endpoints({ endpoints: [{ url: `${s.base}/ok`, role: 'signaling' }, { url: `${ws}/ws/hang`, role: 'signaling' }] });
    expect(held.r.verdict, held.r.summary).to.equal('warn');
    expect(held.r.code).to.equal('websocket-blocked');
    expect(held.data.websocket!.outcome).to.equal('timeout');
    expect(held.r.remedies!.map((x) => x.id)).to.include('proxy-websocket');
    const ok = await endpoints({ endpoints: [{ url: `${s.base}/ok`, role: 'signaling' }, { url: `${ws}/ws/ok`, role: 'signaling' }] });
    expect(ok.r.verdict, ok.r.summary).to.equal('pass');
    expect(ok.data.websocket!.outcome).to.equal('ok');
    const refused = await endpoints({ endpoints: [{ url: `${s.base}/ok`, role: 'signaling' }, { url: `${ws}/ws/other`, role: 'signaling' }] });
    expect(refused.r.verdict, refused.r.summary).to.equal('pass');
    expect(refused.data.websocket!.outcome).to.equal('error');
  });

  it('Region table: ranked by numeric median from servers with known delays; flags a far instance Region', async () => {
    const { r, data, wallMs } = await endpoints({
      region: 'eu-far-1',
      endpoints: [{ url: `${s.base}/ok`, role: 'signaling' }],
      regions: [
        { region: 'eu-far-1', url: `${s.base}/delay/450` },
        { region: 'us-near-1', url: `${s.base}/delay/90` },
        { region: 'ap-dead-1', url: `http://127.0.0.1:${s.refusedPort}/` },
        { region: 'ca-mid-1', url: `${s.base}/delay/200` },
        { region: 'af-mid-2', url: `${s.base}/delay/10` },
      ],
    });
    expect(data.regions!.map((x) => x.region)).to.deep.equal(['af-mid-2', 'us-near-1', 'ca-mid-1', 'eu-far-1', 'ap-dead-1']);
    // Known server delays 10 < 90 < 200 < 450 ms; the measured medians include them (and loopback + load).
    expect(data.regions![0]!.medianMs).to.be.within(10, 300);
    expect(data.regions![3]!.medianMs).to.be.within(450, 1200);
    expect(data.regions![4]).to.include({ medianMs: null, outcome: 'blocked' });
    expect(data.bestRegion).to.equal('af-mid-2');
    expect(r.verdict, r.summary).to.equal('warn');
    expect(r.code).to.equal('region-far');
    expect(data.recommendation).to.match(/Region selection considerations/i).and.to.match(/not ICMP ping/);
    expect(wallMs).to.be.below(10000);
  });

  it('abort() during probes ends the run at once (real fetches, the Region table and the WebSocket cancelled)', async () => {
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 300);
    const { r, wallMs } = await endpoints({
      signal: ctl.signal,
      endpoints: [{ url: `${s.base}/hang`, role: 'instance' }, { url: `ws://127.0.0.1:${s.port}/ws/hang`, role: 'signaling' }],
      regions: [{ region: 'x-1', url: `${s.base}/hang` }],
    });
    expect(r.verdict).to.equal('skip');
    expect(r.code).to.equal('aborted');
    expect(wallMs).to.be.below(1500);
  });

  it('skips with a reason when nothing is configured', async () => {
    const { r } = await endpoints({});
    expect(r.verdict).to.equal('skip');
    expect(r.code).to.equal('not-configured');
  });

  // Last: the policy stays on this page. 'self' keeps the test runner's own connections working.
  it("a page Content-Security-Policy refusal (securitypolicyviolation) is reported as such, with the connect-src source to add", async () => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "connect-src 'self'";
    document.head.append(meta);
    const { r, data } = await endpoints({ endpoints: [{ url: `${s.base}/ok`, role: 'instance' }] });
    expect(r.verdict, r.summary).to.equal('warn');
    expect(r.code).to.equal('csp-blocked');
    expect(r.summary).to.contain(`was blocked by this page's Content-Security-Policy (connect-src), not by the network: add "connect-src ${new URL(s.base).origin}"`);
    expect(data.endpoints[0]!.outcome).to.equal('error');
    expect(r.remedies!.map((x) => x.id)).to.deep.equal(['csp-connect-src']);
  });
});
