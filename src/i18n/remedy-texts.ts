/**
 * Remedy texts in the reader's language: one text per remedy id (src/report/remedies.ts holds the English one,
 * with its public source). The source of each msg() below is the catalogue's English text, word for word
 * (test/unit/i18n-complete.test.ts checks it), so a changed remedy shows up as an untranslated message.
 * Citation titles stay in English: they name English pages, and their links are kept as they are.
 * A remedy id missing here shows its English text.
 */
import { msg } from '@lit/localize';
import { str, type Loose } from '../report/definition/format.js';
import { getLocale } from './runtime.js';

// remedyText lives here, not in report-texts.ts, so the remedy translations load only with the report's
// "For IT" part and the text renderer (the widget's first paint needs report-texts.ts, not these).
/** A remedy's text in the active language, or the writer's text for a remedy id this version does not know. */
export function remedyText(m: Loose): string {
  if (getLocale() === 'en') return str(m.text);
  return remedyTranslation(str(m.id)) ?? str(m.text);
}

/** The remedy's text in the active language; undefined for an id without a translation. */
export function remedyTranslation(id: string): string | undefined {
  switch (id) {
    case "udp-3478-amazon-connect":
      return msg("Allow UDP 3478 in both directions between the agents' network and the AMAZON_CONNECT ranges of the instance's Region (plus the GLOBAL AMAZON_CONNECT range) from ip-ranges.json: the softphone's call audio uses it. `ccp-preflight allowlist --region <region> --ip-ranges ip-ranges.json` prints the rules.");
    case "tcp-443-amazon-connect":
      return msg("Allow TCP 443 in both directions to the AMAZON_CONNECT ranges of the instance's Region (listed for Amazon Connect next to UDP 3478); it carries the media relay over TCP/TLS when UDP is blocked.");
    case "remote-agent-network":
      return msg("Remote agents: use a stable connection (wired rather than busy Wi-Fi); an unstable link, packet loss or a required VPN all degrade the softphone, and a VPN compounds it.");
    case "monitor-rtt-loss":
      return msg("Collect RTT and packet loss history from this workstation (or an identical one on the same segment) to the instance alias and the signaling address in the Region, with CPU, memory, disk and network use, to correlate with the times issues were reported.");
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
    case "ccp-login":
      return msg("Sign in to the CCP in this browser: open the instance's CCP address in a tab, sign in, and allow its pop-up and cookies.");
    case "turn-credential":
      return msg("The TURN server refused the credential: with the CCP's own servers, reload the CCP (its credentials are short-lived); with configured servers, correct the username and credential.");
    default:
      return undefined;
  }
}

/** The remedy ids translated here (for the completeness test). */
export const TRANSLATED_REMEDY_IDS: readonly string[] = ["udp-3478-amazon-connect","tcp-443-amazon-connect","remote-agent-network","monitor-rtt-loss","browser-latest-three","https-page","cpu-2ghz","ram-2gb","workstation-headroom","bandwidth-100kbps","usb-headset","microphone-permission","os-microphone-permission","microphone-busy","microphone-device","ccp-login","turn-credential"];
