// The demo agent desktop: runs the CCP itself (real Streams against the local fake CCP) and embeds
// <ccp-preflight> attached to it, with the local TURN server for the network checks.
import '../src/index.js';
import type { CcpPreflightElement } from '../src/index.js';

const el = document.getElementById('preflight') as CcpPreflightElement;
const status = document.getElementById('turn-status')!;
const events = document.getElementById('events')!;
const MAX_EVENTS = 50;

function log(text: string) {
  const li = document.createElement('li');
  li.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  events.prepend(li);
  while (events.children.length > MAX_EVENTS) events.lastElementChild?.remove();
}

const fakeCcpUrl = new URL('/demo/fake-ccp.html', location.href).href;

// No internet in the demo: the instance, signaling and Region endpoints are stand-ins on the demo server,
// answering after a fixed delay, so the endpoints check and the Region table have something real to time.
const probe = (delayMs: number) => new URL(`/__probe?delay=${delayMs}`, location.href).href;
el.options = {
  endpoints: [
    { url: probe(15), role: 'instance' },
    { url: probe(25), role: 'signaling' },
  ],
  regions: [
    { region: 'us-east-1', url: probe(20) },
    { region: 'us-west-2', url: probe(70) },
    { region: 'ca-central-1', url: probe(35) },
    { region: 'eu-west-2', url: probe(95) },
    { region: 'eu-central-1', url: probe(105) },
    { region: 'ap-southeast-2', url: probe(210) },
  ],
};
// The desktop runs the CCP itself, as real agent desktops do: one copy of Streams, one initCCP, its own
// agent subscription. The widget attaches to that CCP (it never starts a second one). The mode is chosen
// before the CCP starts (Streams allows one initCCP per page): changing it reloads the page.
const params = new URLSearchParams(location.search);
const mode = (['full', 'media-less', 'none'] as const).find((m) => m === params.get('mode')) ?? 'full';
for (const input of document.querySelectorAll<HTMLInputElement>('input[name="mode"]')) {
  input.checked = input.value === mode;
  input.addEventListener('change', () => {
    if (!input.checked) return;
    const u = new URL(location.href);
    u.searchParams.set('mode', input.value);
    location.assign(u.href);
  });
}
const ccpBox = document.getElementById('desktop-ccp')!;
const agentLine = document.getElementById('agent')!;
const showCcp = document.getElementById('show-ccp') as HTMLInputElement;
showCcp.addEventListener('change', () => (ccpBox.hidden = !showCcp.checked));
ccpBox.hidden = !showCcp.checked;

el.setAttribute('ccp-mode', mode);
if (mode === 'none') {
  ccpBox.hidden = true;
  agentLine.textContent = 'No CCP in this mode.';
} else {
  // The fake CCP asks the agent to log in (login=1), once per page load (sid); no pop-up in the demo.
  const sid = Math.random().toString(36).slice(2, 8);
  // ?locale=es_ES (any CCP language tag) sets the fake agent's own language: the widget follows it unasked.
  const locale = params.get('locale');
  await import('amazon-connect-streams');
  const connect = (globalThis as unknown as { connect: NonNullable<CcpPreflightElement['connect']> }).connect;
  connect.core.initCCP(ccpBox, {
    ccpUrl: `${fakeCcpUrl}?login=1&sid=${sid}${locale ? `&locale=${encodeURIComponent(locale)}` : ''}`,
    region: 'us-east-1',
    loginPopup: false,
    softphone: mode === 'full' ? { allowFramedSoftphone: true } : { allowFramedSoftphone: false, disableRingtone: true },
    pageOptions: { enablePhoneTypeSettings: true, enableAudioDeviceSettings: mode === 'full' },
    style: 'width: 100%; min-width: 320px; height: 465px; border: 0;',
    iframeTitle: 'Amazon Connect Contact Control Panel',
  });
  // The desktop's own agent view: the widget's subscriptions come and go beside it.
  connect.agent((agent) => {
    const show = () => {
      const cfg = agent.getConfiguration();
      const state = agent.getState();
      agentLine.textContent = `${cfg.name ?? 'Agent'}: ${state.name}, ${cfg.softphoneEnabled ? 'softphone' : `external phone ${cfg.extension ?? ''}`}`;
    };
    show();
    agent.onRefresh(show);
  });
  el.connect = connect;
}

try {
  const res = await fetch('/__turn.json');
  const cfg = (await res.json()) as { iceServers: RTCIceServer[]; port?: number; error?: string };
  if (cfg.iceServers.length) {
    el.iceServers = cfg.iceServers;
    status.textContent = `Network checks use the local TURN server on 127.0.0.1:${cfg.port} unless the CCP provides the agent's own.`;
  } else status.textContent = cfg.error ?? 'No local TURN server: network checks will say "skip".';
} catch {
  status.textContent = 'Could not read the local TURN settings (/__turn.json): is the demo server running?';
}

el.addEventListener('ccp-preflight-check', (e) => log(`check ${e.detail.result.id}: ${e.detail.result.verdict}`));
el.addEventListener('ccp-preflight-complete', (e) => log(`complete: ${e.detail.report.verdict} (${e.detail.report.summary})`));
el.addEventListener('ccp-preflight-error', (e) => log(`error (${e.detail.source}): ${e.detail.message}`));
el.addEventListener('ccp-preflight-failover', (e) => log(`failover: ${e.detail.record.action} ${e.detail.record.status}`));
el.addEventListener('ccp-preflight-call-quality', (e) => {
  if (e.detail.ended) log(`call ended: ${e.detail.summary.verdict}`);
});
