/**
 * Auth failure and access denied from the fake CCP, with the real Streams bundle. A separate file (its own
 * page): after AUTH_FAIL Streams schedules a re-authentication that outlives the controller by design.
 */
import { expect } from '@open-wc/testing';
import { createCcp, type CcpController } from '../../src/ccp/index.js';
import { runPreflight } from '../../src/runner.js';

const fakeUrl = (q: string) => `${location.origin}/demo/fake-ccp.html?${q}`;

describe('ccp adapter: auth failure and access denied (real Streams, fake CCP)', () => {
  let ccp: CcpController | undefined;
  afterEach(() => {
    ccp?.destroy();
    ccp = undefined;
  });

  it('access denied -> fail with the security profile remedy', async () => {
    const box = document.createElement('div');
    document.body.append(box);
    ccp = createCcp({ container: box, ccpUrl: fakeUrl('accessdenied=1'), mode: 'full', loginPopup: false });
    const report = await runPreflight({ checks: ['ccp'], ccp, ccpMode: 'full', timeouts: { ccp: 6000 } });
    const r = report.checks[0]!;
    expect(r.verdict).to.equal('fail');
    expect(r.code, r.summary).to.equal('access-denied');
    expect(r.remedies!.map((x) => x.id)).to.include('ccp-security-profile');
    expect(r.durationMs).to.be.lessThan(3000);
  });

  it('auth failure -> fail with the login remedy', async () => {
    const box = document.createElement('div');
    document.body.append(box);
    ccp = createCcp({ container: box, ccpUrl: fakeUrl('authfail=1'), mode: 'full', loginPopup: false });
    const out = await ccp.waitReady(new AbortController().signal, 6000);
    expect(out.verdict).to.equal('fail');
    expect(out.code, out.summary).to.equal('auth-failed');
    expect(out.remedies!.map((x) => x.id)).to.include('ccp-login');
  });
});
