/**
 * Remedy texts in the reader's language: one text per remedy id (src/report/remedy-list.ts holds the English one,
 * with its public source). The source of each msg() below is the catalogue's English text, word for word
 * (test/unit/i18n-complete.test.ts checks it), so a changed remedy shows up as an untranslated message.
 * Citation titles stay in English: they name English pages, and their links are kept as they are.
 * A remedy id missing here shows its English text.
 */
import { msg } from '@lit/localize';
import { arr, obj, str, type Loose } from '../report/definition/format.js';
import { getLocale } from './runtime.js';

// remedyText lives here, not in report-texts.ts, so the remedy translations load only with the report's
// "For IT" part and the text renderer (the widget's first paint needs report-texts.ts, not these).
/** A remedy's text in the active language, or the writer's text for a remedy id this version does not know. */
/** Who acts first on a fix: the network team's changes lead (they unblock everyone else). */
const AUDIENCE_ORDER: Record<string, number> = { 'network-admin': 0, it: 1, supervisor: 2, agent: 3 };

/** A remedy to show in "For IT": its text in the reader's language, its source and who acts on it. */
export interface Fix {
  text: string;
  source: string;
  audience: string;
  /** 'en' when the text is the writer's English in another language (a remedy id this version does not know). */
  lang?: 'en';
}

/** Every remedy of every check once (by id), the network team's first: "For IT" and the text renderer. */
export function remedyFixes(checks: Loose[]): Fix[] {
  const seen = new Set<string>();
  const fixes: Fix[] = [];
  for (const c of checks) {
    for (const m of arr(c.remedies).map(obj)) {
      const text = remedyText(m);
      const key = str(m.id) || text;
      if (!text || seen.has(key)) continue;
      seen.add(key);
      const writers = getLocale() !== 'en' && remedyTranslation(str(m.id)) === undefined;
      fixes.push({ text, source: str(m.source), audience: str(m.audience), ...(writers ? { lang: 'en' as const } : {}) });
    }
  }
  return fixes.sort((a, b) => (AUDIENCE_ORDER[a.audience] ?? 1) - (AUDIENCE_ORDER[b.audience] ?? 1));
}

export function remedyText(m: Loose): string {
  const written = str(m.text);
  if (getLocale() === 'en') return written;
  const t = remedyTranslation(str(m.id));
  if (t === undefined) return written;
  // The writer's text had `<region>` filled in (remedies.ts personalize): fill the translation the same way.
  const region = /\b([a-z]{2}(?:-[a-z]+)+-\d)\b/.exec(written)?.[1];
  return region ? t.replace(/<region>/g, region) : t;
}

/**
 * The remedy's text in the active language; undefined for an id without a translation. (Its `<`, `>` and `&` are
 * characters: scripts/i18n-split.mjs decodes the XML entities lit-localize build leaves in plain texts.)
 */
export function remedyTranslation(id: string): string | undefined {
  return remedyMessage(id);
}

function remedyMessage(id: string): string | undefined {
  switch (id) {
    case "udp-3478-amazon-connect":
      return msg("Allow UDP 3478 in both directions between the agents' network and the AMAZON_CONNECT ranges of the instance's Region (plus the GLOBAL AMAZON_CONNECT range) from ip-ranges.json: the softphone's call audio uses it. `ccp-preflight allowlist --region <region> --ip-ranges ip-ranges.json` prints the rules.");
    case "tcp-443-amazon-connect":
      return msg("Allow TCP 443 in both directions to the AMAZON_CONNECT ranges of the instance's Region (listed for Amazon Connect next to UDP 3478); it carries the media relay over TCP/TLS when UDP is blocked.");
    case "tcp-443-ec2-signaling":
      return msg("Allow TCP 443 in both directions to the EC2 ranges of the instance's Region (the CCP signaling endpoint), or instead allow the host rtc.connect-telecom.<region>.amazonaws.com on port 443.");
    case "tcp-443-cloudfront":
      return msg("Allow TCP 443 in both directions to every CLOUDFRONT range in ip-ranges.json, or instead the instance URL (https://<alias>.my.connect.aws or https://<alias>.awsapps.com) on port 443. CloudFront ranges are global: the edge that serves the CCP follows the agent's location, so agents in other countries need them too.");
    case "stateless-udp-ephemeral":
      return msg("Behind a stateless firewall, also allow UDP 49152-65535 INBOUND from the AMAZON_CONNECT ranges: the browser's ephemeral ports that receive the call audio.");
    case "region-ranges-only":
      return msg("Open the ranges of the Region where the instance was created (Amazon Connect and EC2 need only that Region's endpoints); open every range listed for that Region, not a subset.");
    case "ip-ranges-30-days":
      return msg("Keep the allowlist current: new ranges appear in ip-ranges.json at least 30 days before Amazon Connect uses them, so re-generate it at least monthly (`ccp-preflight allowlist ... --previous <old file>` lists what was added and by when). Intermittent failures after a range change point to a stale allowlist.");
    case "proxy-ssl-cache-shift":
      return msg("If a proxy or firewall between the CCP and Amazon Connect inspects TLS, raise its SSL certificate cache timeout to cover a whole agent shift (e.g. 8 hours plus breaks and lunch), so a certificate renewal does not cut agents off mid-shift.");
    case "proxy-websocket":
      return msg("Make sure the proxy passes WebSockets to rtc.connect-telecom.<region>.amazonaws.com and the instance URL (or exempt those hosts from the proxy): some proxies break WebSocket handling there. Test before production.");
    case "dns-resolve":
      return msg("The host name did not resolve: check the instance alias in ccp-url for typos, and that the agents' DNS resolves it and *.amazonaws.com (run `nslookup <host>` on the workstation). The CCP reaches its endpoints by name.");
    case "media-less-ccp":
      return msg("Where ports to Amazon Connect cannot be opened, a custom CCP built with the Streams API can run media-less (no Amazon Connect media ports), but it still needs EC2 and CloudFront on TCP 443.");
    case "region-closest":
      return msg("Put the instance in the Amazon Connect Region closest to the agents; where policy fixes the Region, pick the network path with the fewest hops to it (hub-and-spoke networks that backhaul to a distant edge router add latency).");
    case "direct-connect-scope":
      return msg("AWS Direct Connect gives a dedicated, consistent path from the edge router to AWS, but it does not fix the private LAN/WAN between the agent and the edge router: measure and fix that part first.");
    case "remote-agent-network":
      return msg("Remote agents: use a stable connection (wired rather than busy Wi-Fi); an unstable link, packet loss or a required VPN all degrade the softphone, and a VPN compounds it.");
    case "monitor-rtt-loss":
      return msg("Collect RTT and packet loss history from this workstation (or an identical one on the same segment) to the instance alias and the signaling address in the Region, with CPU, memory, disk and network use, to correlate with the times issues were reported.");
    case "dedicated-resources":
      return msg("Keep bulk traffic (backups, large file transfers) off the agents' network segment and desktops during shifts, or give the contact center dedicated network and desktop resources.");
    case "browser-latest-three":
      return msg("Use one of the latest three versions of Google Chrome or Mozilla Firefox, and keep it updated.");
    case "https-page":
      return msg("Open the agent desktop over HTTPS: browsers give the microphone and WebRTC only to secure pages.");
    case "cpu-2ghz":
      return msg("The CCP alone needs a 2 GHz processor; plan more for the operating system and everything else that runs during a call.");
    case "ram-2gb":
      return msg("The CCP alone needs 2 GB of memory; plan more for the operating system and other applications.");
    case "workstation-headroom":
      return msg("Leave headroom above the minimums (they cover the CCP only): close heavy applications during calls, and do not add logging or monitoring tools to a workstation that is already short of resources (it makes things worse and invalidates the results).");
    case "bandwidth-100kbps":
      return msg("Provide at least 100 Kbps per connected workstation for the CCP, on top of the other traffic on the link; check the site's uplink and competing transfers.");
    case "usb-headset":
      return msg("Use a USB headset: it gives the best agent and customer audio.");
    case "microphone-permission":
      return msg("Allow the microphone for the agent desktop's site (the icon in the address bar, or the browser's site settings), then reload; IT can grant it by browser policy.");
    case "os-microphone-permission":
      return msg("Let the browser use the microphone in the operating system's privacy settings (Windows: Settings > Privacy > Microphone; macOS: System Settings > Privacy & Security > Microphone), then restart the browser.");
    case "microphone-busy":
      return msg("Close other programs that hold the microphone (another softphone, a meeting app), unplug and reconnect the headset, then reload the page.");
    case "microphone-device":
      return msg("Connect the headset, select it as the input in the browser and the operating system, and check its mute switch and input level.");
    case "external-e164":
      return msg("If this workstation cannot meet the softphone requirements, redirect calls to an external phone number in E.164 format (the agent's existing telephony) until it is fixed; mind that phone's distance to the Region.");
    case "vdi-media-less":
      return msg("In a remote desktop (VDI), keep call audio local: run a media-less CCP (Streams API) in the remote session for signaling and controls, and the standard CCP on the local desktop for media, or reroute audio to an external E.164 number. Keep the VDI host close to the agents and the edge router.");
    case "ccp-login":
      return msg("Sign in to the CCP in this browser: open the instance's CCP address in a tab, sign in, and allow its pop-up and cookies.");
    case "ccp-approved-origin":
      return msg("Add the agent desktop's origin (its https address) to the instance's Approved origins in the Amazon Connect console, so the embedded CCP may load.");
    case "ccp-endpoints":
      return msg("Run the endpoints and ICE checks to find which of the three CCP destinations is blocked: CloudFront (web content: the page or its buttons do not load), EC2 (signaling) or Amazon Connect (media).");
    case "ccp-security-profile":
      return msg("Give the agent's user a security profile with \"Contact Control Panel (CCP): Access CCP\" (an admin does this in the Amazon Connect console).");
    case "panic-logout":
      return msg("Keep the browser window that runs the CCP open during a call: after closing it and signing in again, the call's audio cannot come back (only transfer or hang-up work).");
    case "missed-call-available":
      return msg("Set the agent's status back to Available in the CCP's status menu: after a missed call the agent gets no calls until then.");
    case "deskphone-mode":
      return msg("Answer calls on the external phone promptly (an unanswered call puts the agent in the Missed state), or switch back to the softphone in the CCP settings to use the headset.");
    case "softphone-single-session":
      return msg("Close the other tabs, windows or devices where this agent has the CCP open, keep one, then try the call again: the softphone runs in one place at a time.");
    case "softphone-retry-or-reroute":
      return msg("Reload the agent desktop page and try the call again; if softphone errors keep coming, ask a supervisor to send calls to an external phone until the workstation is fixed.");
    case "turn-credential":
      return msg("The TURN server refused the credential: with the CCP's own servers, reload the CCP (its credentials are short-lived); with configured servers, correct the username and credential.");
    case "check-config":
      return msg("Correct the endpoint list in the configuration: every entry needs a full http(s):// or ws(s):// URL, and the signaling entry should be the host AWS lists for the instance's Region.");
    case "firefox-esr-update":
      return msg("Firefox ESR gets a new major version about once a year and security updates every four weeks: install the ESR updates as they come, and move to the next ESR major (or to the release channel) before the old ESR's end of life; Amazon Connect names the latest three versions of Firefox.");
    case "firefox-split-model-local-chrome":
      return msg("In the split model (a CCP without media in the virtual desktop, the CCP carrying the media on the local computer), run the local media CCP in Google Chrome, not Firefox: Firefox lets the CCP use the microphone only while its tab has focus, so calls lose the agent's voice as soon as the agent works in the virtual desktop.");
    case "headset-48khz":
      return msg("Set the headset's microphone and speakers to 48000 Hz in the computer's sound settings (Windows: Sound settings > the headset > Properties > Advanced > Default format; macOS: Audio MIDI Setup > the headset > Format), or use a headset that supports 48 kHz; until then, take calls in Google Chrome, where Amazon has not seen the hum.");
    case "option1-domain-allowlist":
      return msg("Allow the domains of Option 1 (recommended) on the proxy or firewall, on TCP 443: the instance's <alias>.my.connect.aws/ccp-v2 and /api with *.static.connect.aws, the older <alias>.awsapps.com/connect/ccp-v2 and /connect/api with *.cloudfront.net, and the Region's signaling hosts rtc*.connect-telecom.<region>.amazonaws.com and *.transport.connect.<region>.amazonaws.com. `ccp-preflight allowlist --instance <alias> --region <region>` prints them all; prove the change with more than 200 test calls (`ccp-preflight run --repeat 250`): above 2 % failed calls points at the proxy's name resolution.");
    case "workstation-clock":
      return msg("Set the workstation's clock to synchronize automatically (Windows: Settings > Time & language > Date & time > Set time automatically; macOS: System Settings > General > Date & Time). The CCP's timers and the signed requests to AWS depend on it.");
    case "csp-connect-src":
      return msg("The page that hosts the widget refused the test request with its Content-Security-Policy: add the named source to its connect-src directive (for example connect-src https://<alias>.my.connect.aws wss://rtc.connect-telecom.<region>.amazonaws.com) to let the widget test it. The network was not tested for that address.");
    default:
      return undefined;
  }
}

/** The remedy ids translated here (for the completeness test). */
export const TRANSLATED_REMEDY_IDS: readonly string[] = ["udp-3478-amazon-connect","tcp-443-amazon-connect","tcp-443-ec2-signaling","tcp-443-cloudfront","stateless-udp-ephemeral","region-ranges-only","ip-ranges-30-days","proxy-ssl-cache-shift","proxy-websocket","dns-resolve","media-less-ccp","region-closest","direct-connect-scope","remote-agent-network","monitor-rtt-loss","dedicated-resources","browser-latest-three","https-page","cpu-2ghz","ram-2gb","workstation-headroom","bandwidth-100kbps","usb-headset","microphone-permission","os-microphone-permission","microphone-busy","microphone-device","external-e164","vdi-media-less","ccp-login","ccp-approved-origin","ccp-endpoints","ccp-security-profile","panic-logout","missed-call-available","deskphone-mode","softphone-single-session","softphone-retry-or-reroute","turn-credential","check-config","firefox-esr-update","firefox-split-model-local-chrome","headset-48khz","option1-domain-allowlist","csp-connect-src","workstation-clock"];
