/**
 * A desktop that runs the CCP itself: the host page loads the real Streams bundle (its own copy, by a classic
 * script, as desktops do), calls initCCP against the local fake CCP and follows its agent; then it adds
 * <ccp-preflight>. The widget must attach to that CCP (no second Streams, no second initCCP, no touching the
 * host's iframe) and, once removed, leave the host's CCP working.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { CcpPreflightElement } from '../../src/index.js';
import type { ConnectLike } from '../../src/ccp/index.js';

const fakeUrl = (q = '') => `${location.origin}/demo/fake-ccp.html${q ? `?${q}` : ''}`;
const CCP_FRAME = 'iframe[name="Amazon Connect CCP"]';

interface HostAgent {
  onRefresh(f: () => void): { unsubscribe(): void };
  getConfiguration(): { softphoneEnabled: boolean };
}
interface HostConnect extends ConnectLike {
  agent: ConnectLike['agent'];
}

function loadHostStreams(): Promise<HostConnect> {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    // A different file from the one the widget would import: a second copy would replace connect.core.
    s.src = '/node_modules/amazon-connect-streams/release/connect-streams-min.js';
    s.onload = () => resolve((window as unknown as { connect: HostConnect }).connect);
    s.onerror = () => reject(new Error('the Streams bundle did not load'));
    document.head.append(s);
  });
}

function frameWindow(): Window {
  const f = document.querySelector<HTMLIFrameElement>(CCP_FRAME);
  if (!f?.contentWindow) throw new Error('no CCP iframe');
  return f.contentWindow;
}

/** The fake CCP's own count of what it received (createTransport calls, agent configurations). */
function fakeReport(): Promise<{ transports: number }> {
  const w = frameWindow();
  return new Promise((resolve) => {
    const on = (e: MessageEvent) => {
      if (e.source === w && (e.data as { event?: string })?.event === 'fake-ccp:report') {
        window.removeEventListener('message', on);
        resolve((e.data as { data: { transports: number } }).data);
      }
    };
    window.addEventListener('message', on);
    w.postMessage({ fakeCcp: 'report' }, '*');
  });
}

/** The host's createTransport, through its own client (what a desktop would do). */
function hostTransport(connect: HostConnect): Promise<unknown> {
  return new Promise((resolve, reject) =>
    connect.core.getClient().call('createTransport', { transportType: 'softphone', softphoneClientId: 'host-1' }, { success: resolve, failure: reject }),
  );
}

describe('<ccp-preflight> attached to the CCP the desktop runs (real Streams)', function () {
  this.timeout(60000);

  it('uses the host CCP (agent, bus, createTransport) without a second Streams or initCCP, and leaves it working', async () => {
    const connect = await loadHostStreams();
    const hostBox = document.createElement('div');
    hostBox.id = 'host-ccp';
    document.body.append(hostBox);
    connect.core.initCCP(hostBox, { ccpUrl: fakeUrl('locale=es_ES'), loginPopup: false, softphone: { allowFramedSoftphone: true } });
    let hostAgent: HostAgent | undefined;
    let hostRefreshes = 0;
    connect.agent((a) => {
      hostAgent = a as unknown as HostAgent;
      hostAgent.onRefresh(() => hostRefreshes++);
    });
    await waitUntil(() => connect.core.initialized && hostAgent, 'the host CCP starts and sends its agent', { timeout: 10000 });
    const core = connect.core;
    const hostFrame = document.querySelector(CCP_FRAME);
    const hostFrameSrc = hostFrame!.getAttribute('src');
    const transportsBefore = (await fakeReport()).transports;

    const el = await fixture<CcpPreflightElement>(html`<ccp-preflight ccp-mode="full" checks="ccp,ice-udp" login-popup="false"></ccp-preflight>`);
    const report = await el.run();

    expect((window as unknown as { connect: HostConnect }).connect, 'the same connect').to.equal(connect);
    expect(connect.core, "the host's connect.core object is untouched").to.equal(core);
    expect(document.querySelectorAll(CCP_FRAME), 'one CCP iframe in the page').to.have.length(1);
    expect(el.shadowRoot!.querySelectorAll('iframe'), 'none in the widget').to.have.length(0);
    expect(document.querySelector(CCP_FRAME), "the host's iframe is the same").to.equal(hostFrame);
    expect(hostFrame!.getAttribute('src')).to.equal(hostFrameSrc);

    const ccp = report.checks.find((c) => c.id === 'ccp')!;
    expect(ccp.verdict, ccp.summary).to.equal('pass');
    expect((ccp.data as { agent?: { username?: string } }).agent?.username).to.equal('fake.agent');
    const ice = report.checks.find((c) => c.id === 'ice-udp')!;
    expect((ice.data as { source: string }).source, ice.summary).to.equal('ccp');
    expect((await fakeReport()).transports, "createTransport went through the host's CCP").to.be.greaterThan(transportsBefore);
    // The agent's language set in the host's CCP (es_ES) reaches the attached widget with nothing to configure.
    await waitUntil(() => el.locale === 'es', "the widget takes the host CCP agent's language", { timeout: 10000 });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal('Prueba del softphone');

    // The host's own subscription still fires while the widget is there.
    const r0 = hostRefreshes;
    frameWindow().postMessage({ fakeCcp: 'missed-call' }, '*');
    await waitUntil(() => hostRefreshes > r0, "the host's agent subscription fires", { timeout: 5000 });

    el.remove();
    await new Promise((r) => setTimeout(r, 50));
    expect(connect.core).to.equal(core);
    expect(connect.core.initialized, 'the host CCP is still initialized').to.equal(true);
    expect(document.querySelector(CCP_FRAME), "the host's iframe stays").to.equal(hostFrame);
    const r1 = hostRefreshes;
    frameWindow().postMessage({ fakeCcp: 'available' }, '*');
    await waitUntil(() => hostRefreshes > r1, "the host's agent subscription still fires after the widget left", { timeout: 5000 });
    const answer = (await hostTransport(connect)) as { softphoneTransport?: { softphoneMediaConnections?: unknown[] } };
    expect(answer.softphoneTransport?.softphoneMediaConnections, "the host's client still answers").to.have.length.greaterThan(0);
  });

  it('a host that hands over its connect: ccp-url is not used to start a second CCP', async () => {
    const connect = (window as unknown as { connect: HostConnect }).connect;
    const core = connect.core;
    const el = await fixture<CcpPreflightElement>(
      html`<ccp-preflight ccp-url=${fakeUrl('name=Other')} ccp-mode="full" checks="ccp" .connect=${connect}></ccp-preflight>`,
    );
    const report = await el.run();
    expect(report.checks[0]!.verdict, report.checks[0]!.summary).to.equal('pass');
    expect(document.querySelectorAll(CCP_FRAME)).to.have.length(1);
    expect(el.shadowRoot!.querySelectorAll('iframe')).to.have.length(0);
    el.remove();
    expect(connect.core).to.equal(core);
    expect(connect.core.initialized).to.equal(true);
  });
});
