import { expect } from '@open-wc/testing';
import { createCcp, type CcpController } from '../../src/ccp/index.js';

function container(): HTMLElement {
  const d = document.createElement('div');
  d.style.width = '400px';
  document.body.append(d);
  return d;
}

const fakeUrl = (q = '') => `${location.origin}/demo/fake-ccp.html${q ? `?${q}` : ''}`;

describe('ccp adapter against the fake CCP (real Streams)', () => {
  let ccp: CcpController | undefined;
  afterEach(() => {
    ccp?.destroy();
    ccp = undefined;
    document.querySelectorAll('iframe').forEach((f) => f.remove());
  });

  it('initializes in full mode and reads the agent', async () => {
    ccp = createCcp({ container: container(), ccpUrl: fakeUrl(), mode: 'full', loginPopup: false });
    const out = await ccp.waitReady(new AbortController().signal, 8000);
    expect(out.data.state, out.summary).to.equal('initialized');
    expect(out.verdict, out.summary).to.equal('pass');
    expect(out.data.agent?.softphoneEnabled).to.equal(true);
  });
});
