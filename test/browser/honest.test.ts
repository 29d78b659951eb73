/**
 * Honest verdicts and fast failures with the REAL amazon-connect-streams bundle against the local fake CCP
 * (/demo/fake-ccp.html): a CCP that never acknowledges fails the `ccp` check as soon as Streams says so (its
 * ACK_TIMEOUT), not at the check's deadline; a CCP that never answers createTransport keeps the run from passing.
 */
import { expect } from '@open-wc/testing';
import { createCcp, type CcpController, type CcpControllerOptions } from '../../src/ccp/index.js';
import { TRANSPORT_TIMEOUT_MS } from '../../src/ccp/transport.js';
import { CCP_CHECK_TIMEOUT_MS } from '../../src/checks/ccp.js';
import { CCP_NO_SERVERS } from '../../src/checks/untested.js';
import { runPreflight } from '../../src/runner.js';

const fakeUrl = (q = '') => `${location.origin}/demo/fake-ccp.html${q ? `?${q}` : ''}`;

describe('honest verdicts against the fake CCP (real Streams)', () => {
  let ccp: CcpController | undefined;
  let box: HTMLElement | undefined;
  const make = (q: string, o: Partial<CcpControllerOptions> = {}) => {
    box = document.createElement('div');
    document.body.append(box);
    ccp = createCcp({ container: box, ccpUrl: fakeUrl(q), mode: 'full', loginPopup: false, ...o });
    return ccp;
  };
  afterEach(() => {
    ccp?.destroy();
    ccp = undefined;
    box?.remove();
  });

  it('a CCP that never acknowledges fails the ccp check at Streams\' ACK_TIMEOUT, long before the check\'s deadline', async () => {
    const loadTimeoutMs = 1000;
    const c = make(`noack=1&sid=${Math.random()}`, { ccpLoadTimeoutMs: loadTimeoutMs });
    // Streams loaded and initCCP called (the widget and the CLI start the CCP before the run); the clock starts here.
    await c.start();
    const t0 = performance.now();
    const report = await runPreflight({ checks: ['ccp'], ccp: c, ccpMode: 'full', ccpUrl: fakeUrl('noack=1') });
    const took = performance.now() - t0;
    const r = report.checks[0]!;
    expect(r.verdict, r.summary).to.equal('fail');
    expect(r.code, r.summary).to.equal('login-needed');
    // Told within a second of the ACK_TIMEOUT; the check's own deadline is CCP_CHECK_TIMEOUT_MS (20 s).
    expect(took, `${took} ms`).to.be.lessThan(loadTimeoutMs + 1500);
    expect(took).to.be.lessThan(CCP_CHECK_TIMEOUT_MS / 4);
    expect(report.verdict).to.equal('fail');
  });

  it('a CCP that needs a login is told at the ACK_TIMEOUT too', async () => {
    const c = make(`login=1&sid=${Math.random()}`, { ccpLoadTimeoutMs: 800 });
    await c.start();
    const t0 = performance.now();
    const out = await c.waitReady(new AbortController().signal, CCP_CHECK_TIMEOUT_MS);
    expect(out.code, out.summary).to.equal('login-needed');
    expect(performance.now() - t0).to.be.lessThan(2500);
  });

  it('a CCP that never answers createTransport keeps the run from passing: ICE and test call say the path was not tested', async () => {
    const c = make(`noreply=createTransport&sid=${Math.random()}`);
    const report = await runPreflight({ checks: ['ccp', 'ice-udp', 'media'], ccp: c, ccpMode: 'full', ccpUrl: fakeUrl('noreply=createTransport'), timeouts: { ccp: 4000 } });
    const [ccpResult, ice, media] = report.checks;
    expect((ccpResult!.data as { state?: string }).state, ccpResult!.summary).to.equal('initialized');
    for (const r of [ice!, media!]) {
      expect(r.verdict, `${r.id}: ${r.summary}`).to.equal('warn');
      expect(r.code, r.summary).to.equal(CCP_NO_SERVERS);
      expect(r.summary).to.contain(`no answer to createTransport within ${TRANSPORT_TIMEOUT_MS / 1000} s`);
      expect(r.summary).to.match(/softphone's path to them was not tested/);
    }
    expect(report.verdict).to.not.equal('pass');
    expect(report.softphone.fit).to.equal('unknown');
    expect(report.partial).to.equal(true);
  });

  it('the same CCP answering createTransport: the ICE check takes its servers and is not marked untested', async () => {
    const c = make(`sid=${Math.random()}`);
    const report = await runPreflight({ checks: ['ccp', 'ice-udp'], ccp: c, ccpMode: 'full', ccpUrl: fakeUrl() });
    const ice = report.checks[1]!;
    expect(ice.code ?? '', ice.summary).to.not.equal(CCP_NO_SERVERS);
    expect((ice.data as { source: string }).source, ice.summary).to.equal('ccp');
  });
});
