/**
 * The remedies by id: one text per id, one action per remedy, in words an agent or admin acts on, each citing
 * the public document it comes from (src/report/remedy-sources.ts). Which finding gets which remedies is
 * src/report/remedies.ts (the catalogue); their translations are src/i18n/remedy-texts.ts.
 */
import type { Remedy } from './schema.js';
import { NETWORK, HARDWARE, STREAMS, STREAMS_ALLOWLIST, MEDIA_CAPTURE, TURN_RFC, SIGV4, cite, both, S003_PORTS, S003_PORT_CONS, S003_REQS, S003_MONITOR, S003_REGION, S003_REMOTE, S003_DX, S003_VDI, S003_CONN, S003_REROUTE, S000_RANGES, S000_STATELESS, S000_PORT_CONS, S000_REGION } from './remedy-sources.js';

const r = (id: string, text: string, source: string, audience: Remedy['audience']): Remedy => Object.freeze({ id, text, source, audience });

/** The remedies, by id. */
export const REMEDIES = {
  // --- Network: what to open (seed 003 Network Ports and Protocols; seed 000) ---------------------------
  udp3478: r(
    'udp-3478-amazon-connect',
    "Allow UDP 3478 in both directions between the agents' network and the AMAZON_CONNECT ranges of the instance's Region (plus the GLOBAL AMAZON_CONNECT range) from ip-ranges.json: the softphone's call audio uses it. `ccp-preflight allowlist --region <region> --ip-ranges ip-ranges.json` prints the rules.",
    S003_PORTS,
    'network-admin',
  ),
  tcp443Connect: r(
    'tcp-443-amazon-connect',
    "Allow TCP 443 in both directions to the AMAZON_CONNECT ranges of the instance's Region (listed for Amazon Connect next to UDP 3478); it carries the media relay over TCP/TLS when UDP is blocked.",
    S003_PORTS,
    'network-admin',
  ),
  tcp443Ec2: r(
    'tcp-443-ec2-signaling',
    "Allow TCP 443 in both directions to the EC2 ranges of the instance's Region (the CCP signaling endpoint), or instead allow the host rtc.connect-telecom.<region>.amazonaws.com on port 443.",
    S003_PORTS,
    'network-admin',
  ),
  tcp443CloudFront: r(
    'tcp-443-cloudfront',
    "Allow TCP 443 in both directions to every CLOUDFRONT range in ip-ranges.json, or instead the instance URL (https://<alias>.my.connect.aws or https://<alias>.awsapps.com) on port 443. CloudFront ranges are global: the edge that serves the CCP follows the agent's location, so agents in other countries need them too.",
    both(S003_PORTS, S000_PORT_CONS),
    'network-admin',
  ),
  stateless: r(
    'stateless-udp-ephemeral',
    "Behind a stateless firewall, also allow UDP 49152-65535 INBOUND from the AMAZON_CONNECT ranges: the browser's ephemeral ports that receive the call audio.",
    S000_STATELESS,
    'network-admin',
  ),
  regionOnly: r(
    'region-ranges-only',
    "Open the ranges of the Region where the instance was created (Amazon Connect and EC2 need only that Region's endpoints); open every range listed for that Region, not a subset.",
    both(S003_PORT_CONS, S000_PORT_CONS),
    'network-admin',
  ),
  newRanges: r(
    'ip-ranges-30-days',
    'Keep the allowlist current: new ranges appear in ip-ranges.json at least 30 days before Amazon Connect uses them, so re-generate it at least monthly (`ccp-preflight allowlist ... --previous <old file>` lists what was added and by when). Intermittent failures after a range change point to a stale allowlist.',
    both(S000_RANGES, S003_PORTS),
    'network-admin',
  ),
  proxyCert: r(
    'proxy-ssl-cache-shift',
    'If a proxy or firewall between the CCP and Amazon Connect inspects TLS, raise its SSL certificate cache timeout to cover a whole agent shift (e.g. 8 hours plus breaks and lunch), so a certificate renewal does not cut agents off mid-shift.',
    both(S003_PORT_CONS, S000_PORT_CONS),
    'network-admin',
  ),
  proxyWebSocket: r(
    'proxy-websocket',
    'Make sure the proxy passes WebSockets to rtc.connect-telecom.<region>.amazonaws.com and the instance URL (or exempt those hosts from the proxy): some proxies break WebSocket handling there. Test before production.',
    S003_PORTS,
    'network-admin',
  ),
  dns: r(
    'dns-resolve',
    "The host name did not resolve: check the instance alias in ccp-url for typos, and that the agents' DNS resolves it and *.amazonaws.com (run `nslookup <host>` on the workstation). The CCP reaches its endpoints by name.",
    both(S003_CONN, S003_PORTS),
    'it',
  ),
  mediaLess: r(
    'media-less-ccp',
    'Where ports to Amazon Connect cannot be opened, a custom CCP built with the Streams API can run media-less (no Amazon Connect media ports), but it still needs EC2 and CloudFront on TCP 443.',
    both(S003_PORT_CONS, S000_PORT_CONS),
    'it',
  ),
  // --- Path quality, Region, Direct Connect, remote agents ---------------------------------------------
  regionClosest: r(
    'region-closest',
    'Put the instance in the Amazon Connect Region closest to the agents; where policy fixes the Region, pick the network path with the fewest hops to it (hub-and-spoke networks that backhaul to a distant edge router add latency).',
    both(S003_REGION, S000_REGION),
    'supervisor',
  ),
  directConnect: r(
    'direct-connect-scope',
    'AWS Direct Connect gives a dedicated, consistent path from the edge router to AWS, but it does not fix the private LAN/WAN between the agent and the edge router: measure and fix that part first.',
    both(S003_DX, S003_VDI),
    'network-admin',
  ),
  remoteAgent: r(
    'remote-agent-network',
    'Remote agents: use a stable connection (wired rather than busy Wi-Fi); an unstable link, packet loss or a required VPN all degrade the softphone, and a VPN compounds it.',
    S003_REMOTE,
    'agent',
  ),
  monitor: r(
    'monitor-rtt-loss',
    'Collect RTT and packet loss history from this workstation (or an identical one on the same segment) to the instance alias and the signaling address in the Region, with CPU, memory, disk and network use, to correlate with the times issues were reported.',
    S003_MONITOR,
    'it',
  ),
  dedicated: r(
    'dedicated-resources',
    "Keep bulk traffic (backups, large file transfers) off the agents' network segment and desktops during shifts, or give the contact center dedicated network and desktop resources.",
    S003_VDI,
    'it',
  ),
  // --- Workstation, browser, devices -------------------------------------------------------------------
  browserLatest: r(
    'browser-latest-three',
    'Use one of the latest three versions of Google Chrome or Mozilla Firefox, and keep it updated.',
    S003_REQS,
    'agent',
  ),
  securePage: r(
    'https-page',
    'Open the agent desktop over HTTPS: browsers give the microphone and WebRTC only to secure pages.',
    cite(MEDIA_CAPTURE, 'getUserMedia requires a secure context'),
    'it',
  ),
  cpu: r(
    'cpu-2ghz',
    'The CCP alone needs a 2 GHz processor; plan more for the operating system and everything else that runs during a call.',
    S003_REQS,
    'it',
  ),
  ram: r('ram-2gb', 'The CCP alone needs 2 GB of memory; plan more for the operating system and other applications.', S003_REQS, 'it'),
  headroom: r(
    'workstation-headroom',
    'Leave headroom above the minimums (they cover the CCP only): close heavy applications during calls, and do not add logging or monitoring tools to a workstation that is already short of resources (it makes things worse and invalidates the results).',
    both(S003_REQS, S003_MONITOR),
    'agent',
  ),
  bandwidth: r(
    'bandwidth-100kbps',
    "Provide at least 100 Kbps per connected workstation for the CCP, on top of the other traffic on the link; check the site's uplink and competing transfers.",
    S003_REQS,
    'network-admin',
  ),
  usbHeadset: r('usb-headset', 'Use a USB headset: it gives the best agent and customer audio.', S003_REQS, 'agent'),
  micPermission: r(
    'microphone-permission',
    "Allow the microphone for the agent desktop's site (the icon in the address bar, or the browser's site settings), then reload; IT can grant it by browser policy.",
    both(cite(MEDIA_CAPTURE, 'permission to capture'), S003_REQS),
    'agent',
  ),
  osMicPermission: r(
    'os-microphone-permission',
    "Let the browser use the microphone in the operating system's privacy settings (Windows: Settings > Privacy > Microphone; macOS: System Settings > Privacy & Security > Microphone), then restart the browser.",
    cite(MEDIA_CAPTURE, 'NotAllowedError'),
    'agent',
  ),
  micBusy: r(
    'microphone-busy',
    'Close other programs that hold the microphone (another softphone, a meeting app), unplug and reconnect the headset, then reload the page.',
    both(cite(MEDIA_CAPTURE, 'NotReadableError'), S003_REQS),
    'agent',
  ),
  micDevice: r(
    'microphone-device',
    'Connect the headset, select it as the input in the browser and the operating system, and check its mute switch and input level.',
    S003_REQS,
    'agent',
  ),
  externalPhone: r(
    'external-e164',
    'If this workstation cannot meet the softphone requirements, redirect calls to an external phone number in E.164 format (the agent\'s existing telephony) until it is fixed; mind that phone\'s distance to the Region.',
    both(S003_REQS, S003_REROUTE),
    'supervisor',
  ),
  vdi: r(
    'vdi-media-less',
    'In a remote desktop (VDI), keep call audio local: run a media-less CCP (Streams API) in the remote session for signaling and controls, and the standard CCP on the local desktop for media, or reroute audio to an external E.164 number. Keep the VDI host close to the agents and the edge router.',
    S003_VDI,
    'it',
  ),
  // --- CCP (Streams) ------------------------------------------------------------------------------------
  ccpLogin: r(
    'ccp-login',
    "Sign in to the CCP in this browser: open the instance's CCP address in a tab, sign in, and allow its pop-up and cookies.",
    both(S003_CONN, cite(STREAMS, 'initCCP')),
    'agent',
  ),
  ccpOrigin: r(
    'ccp-approved-origin',
    "Add the agent desktop's origin (its https address) to the instance's Approved origins in the Amazon Connect console, so the embedded CCP may load.",
    cite(STREAMS_ALLOWLIST),
    'it',
  ),
  ccpEndpoints: r(
    'ccp-endpoints',
    'Run the endpoints and ICE checks to find which of the three CCP destinations is blocked: CloudFront (web content: the page or its buttons do not load), EC2 (signaling) or Amazon Connect (media).',
    S003_CONN,
    'network-admin',
  ),
  ccpSecurityProfile: r(
    'ccp-security-profile',
    'Give the agent\'s user a security profile with "Contact Control Panel (CCP): Access CCP" (an admin does this in the Amazon Connect console).',
    cite(STREAMS, 'onAccessDenied'),
    'supervisor',
  ),
  panicLogout: r(
    'panic-logout',
    'Keep the browser window that runs the CCP open during a call: after closing it and signing in again, the call\'s audio cannot come back (only transfer or hang-up work).',
    S003_CONN,
    'agent',
  ),
  missedCall: r(
    'missed-call-available',
    "Set the agent's status back to Available in the CCP's status menu: after a missed call the agent gets no calls until then.",
    S003_CONN,
    'agent',
  ),
  deskphone: r(
    'deskphone-mode',
    "Answer calls on the external phone promptly (an unanswered call puts the agent in the Missed state), or switch back to the softphone in the CCP settings to use the headset.",
    S003_REROUTE,
    'agent',
  ),
  softphoneSingle: r(
    'softphone-single-session',
    'Close the other tabs, windows or devices where this agent has the CCP open, keep one, then try the call again: the softphone runs in one place at a time.',
    cite(STREAMS, 'SoftphoneErrorTypes'),
    'agent',
  ),
  softphoneReload: r(
    'softphone-retry-or-reroute',
    'Reload the agent desktop page and try the call again; if softphone errors keep coming, ask a supervisor to send calls to an external phone until the workstation is fixed.',
    both(cite(STREAMS, 'SoftphoneErrorTypes'), S003_REROUTE),
    'agent',
  ),
  turnCredential: r(
    'turn-credential',
    "The TURN server refused the credential: with the CCP's own servers, reload the CCP (its credentials are short-lived); with configured servers, correct the username and credential.",
    cite(TURN_RFC, '441 Wrong Credentials'),
    'it',
  ),
  config: r(
    'check-config',
    "Correct the endpoint list in the configuration: every entry needs a full http(s):// or ws(s):// URL, and the signaling entry should be the host AWS lists for the instance's Region.",
    S003_PORTS,
    'it',
  ),
  // --- A CCP log (src/ccplog/problems.ts): the workstation clock is off by minutes ---
  workstationClock: r(
    'workstation-clock',
    "Set the workstation's clock to synchronize automatically (Windows: Settings > Time & language > Date & time > Set time automatically; macOS: System Settings > General > Date & Time). The CCP's timers and the signed requests to AWS depend on it.",
    cite(SIGV4, 'Protect against potential replay attacks'),
    'agent',
  ),
  // --- Firefox (src/checks/browser.ts, devices.ts): the ESR channel, the split model, the 48 kHz hum ---
  firefoxEsr: r('firefox-esr-update', "Firefox ESR gets a new major version about once a year and security updates every four weeks: install the ESR updates as they come, and move to the next ESR major (or to the release channel) before the old ESR's end of life; Amazon Connect names the latest three versions of Firefox.", S003_REQS, 'it'),
  firefoxSplit: r('firefox-split-model-local-chrome', "In the split model (a CCP without media in the virtual desktop, the CCP carrying the media on the local computer), run the local media CCP in Google Chrome, not Firefox: Firefox lets the CCP use the microphone only while its tab has focus, so calls lose the agent's voice as soon as the agent works in the virtual desktop.", S003_VDI, 'it'),
  headset48k: r('headset-48khz', "Set the headset's microphone and speakers to 48000 Hz in the computer's sound settings (Windows: Sound settings > the headset > Properties > Advanced > Default format; macOS: Audio MIDI Setup > the headset > Format), or use a headset that supports 48 kHz; until then, take calls in Google Chrome, where Amazon has not seen the hum.", cite(HARDWARE), 'agent'),
  // --- endpoints: Option 1 domain allowlist, a page's CSP (src/checks/endpoints*.ts) ---
  option1Domains: r(
    'option1-domain-allowlist',
    "Allow the domains of Option 1 (recommended) on the proxy or firewall, on TCP 443: the instance's <alias>.my.connect.aws/ccp-v2 and /api with *.static.connect.aws, the older <alias>.awsapps.com/connect/ccp-v2 and /connect/api with *.cloudfront.net, and the Region's signaling hosts rtc*.connect-telecom.<region>.amazonaws.com and *.transport.connect.<region>.amazonaws.com. `ccp-preflight allowlist --instance <alias> --region <region>` prints them all; prove the change with more than 200 test calls (`ccp-preflight run --repeat 250`): above 2 % failed calls points at the proxy's name resolution.",
    cite(NETWORK),
    'network-admin',
  ),
  cspConnectSrc: r(
    'csp-connect-src',
    "The page that hosts the widget refused the test request with its Content-Security-Policy: add the named source to its connect-src directive (for example connect-src https://<alias>.my.connect.aws wss://rtc.connect-telecom.<region>.amazonaws.com) to let the widget test it. The network was not tested for that address.",
    cite({ title: 'W3C Content Security Policy Level 3', href: 'https://www.w3.org/TR/CSP3/' }, 'connect-src'),
    'it',
  ),
} as const satisfies Record<string, Remedy>;
