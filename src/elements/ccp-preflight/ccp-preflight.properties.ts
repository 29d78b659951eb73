import { LitElement } from 'lit';
import type { PreflightOptions } from '../../runner.js';
import type { Report } from '../../report/schema.js';
import type { ProgressDetail } from '../../events.js';
import type { ConnectLike } from '../../ccp/connect-types.js';

/**
 * The public attributes and properties of `<ccp-preflight>` (the element's behaviour is in
 * ccp-preflight.element.ts): one place that says what a desktop can set.
 */
export class CcpPreflightProperties extends LitElement {
  static override properties = {
    ccpUrl: { type: String, attribute: 'ccp-url' },
    region: { type: String },
    ccpMode: { type: String, attribute: 'ccp-mode' },
    iceServers: { attribute: false },
    iceServersAttr: { type: String, attribute: 'ice-servers' },
    failoverNumber: { type: String, attribute: 'failover-number' },
    failoverPolicy: { type: String, attribute: 'failover-policy' },
    autoRun: { type: Boolean, attribute: 'auto-run' },
    checks: { type: String },
    duration: { type: Number },
    redact: { type: Boolean },
    showCcp: { type: Boolean, attribute: 'show-ccp' },
    loginPopup: { type: String, attribute: 'login-popup' },
    heading: { type: String },
    lang: { type: String },
    label: { type: String },
    collectorUrl: { type: String, attribute: 'collector-url' },
    collectorToken: { type: String, attribute: 'collector-token' },
    report: { attribute: false },
    connect: { attribute: false },
    _progress: { state: true, attribute: false },
    _message: { state: true, attribute: false },
    _copyFallback: { state: true, attribute: false },
  };

  /** Instance CCP URL, e.g. https://ALIAS.my.connect.aws/ccp-v2. */
  declare ccpUrl: string | undefined;
  /** Amazon Connect Region of the instance, e.g. us-east-1. */
  declare region: string | undefined;
  /** `full` (the framed CCP handles media), `media-less` (signaling only, VDI) or `none`. */
  declare ccpMode: 'full' | 'media-less' | 'none' | undefined;
  /** ICE servers for the network checks when no CCP provides the agent's own (property form). */
  declare iceServers: RTCIceServer[] | undefined;
  /** `ice-servers` attribute: JSON array of RTCIceServer. */
  declare iceServersAttr: string | undefined;
  /** External phone (E.164) offered for failover. */
  declare failoverNumber: string | undefined;
  /** `ask` (default: only with the agent's consent) or `auto` (host policy: switch when unfit). */
  declare failoverPolicy: 'ask' | 'auto' | undefined;
  /** Run once when connected. */
  declare autoRun: boolean;
  /** Check ids to run, separated by commas or spaces. Default: all. */
  declare checks: string | undefined;
  /** Media test duration in seconds (upper bound). */
  declare duration: number | undefined;
  /** Redact identity, IPs and numbers in copied reports (share codes are always redacted). */
  declare redact: boolean;
  /** Show the CCP iframe (hidden by default). */
  declare showCcp: boolean;
  /** `false` turns off Streams' login pop-up (a fake CCP, kiosks); default on. */
  declare loginPopup: string | undefined;
  /** Heading text (default: "Softphone check" in the widget's language). */
  declare heading: string | undefined;
  /**
   * The language of the widget's texts (`en`, `es`, `fr`, `de`, `pt-BR`, `ja`; `es-MX`, `pt_BR` match too).
   * Without it: the CCP agent's language (agentPreferences.locale), else the browser's, else English.
   */
  declare lang: string;
  /**
   * Whose report this is, in words that may be shared (a desk, team or name the agent or host chose, e.g.
   * "Desk 14, Leeds"). Stored as the report's subject label; kept in redacted reports and share codes.
   */
  declare label: string | undefined;
  /** Fleet collector base URL (e.g. https://collector.example.com): each run's report and call summary is posted. */
  declare collectorUrl: string | undefined;
  /** The collector's ingest token (write-only: it cannot read anything back). */
  declare collectorToken: string | undefined;
  /** The last report (read-only for hosts). */
  declare report: Report | undefined;
  /**
   * The desktop's own amazon-connect-streams `connect`, when it runs the CCP: the widget attaches to it (its
   * agent, event bus and client) and never starts a second CCP. A CCP already running in the page is found
   * without it too.
   */
  declare connect: ConnectLike | undefined;
  declare _progress: ProgressDetail | undefined;
  declare _message: { kind: 'error' | 'ok'; text: string } | undefined;
  declare _copyFallback: string | undefined;

  /** Extra run options for hosts and tests (deps, thresholds, endpoints, regions...). */
  options: Partial<PreflightOptions> = {};

  constructor() {
    super();
    this.autoRun = false;
    this.redact = false;
    this.showCcp = false;
  }
}
