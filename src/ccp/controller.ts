/**
 * CcpController: the Streams session and the agent's state. It attaches to the CCP the page already runs (a
 * desktop's own `initCCP`: its agent, event bus and client) or, when none runs, loads Streams lazily and starts
 * a full or media-less CCP itself. It follows the agent (softphone/deskphone, state, softphone errors,
 * websocket) and answers the checks (`waitReady`, `getIceServers`). Live call quality is in ./live-calls.ts,
 * failover in ./phone-switch.ts, createTransport in ./transport.ts.
 *
 * One way to notify: it is an EventTarget. Events: `change` (the snapshot changed), `call-quality`
 * (CustomEvent<CallQualityDetail>), `failover` (CustomEvent<FailoverRecord>).
 */
import type { CheckOutcome, CcpHandle } from '../checks/types.js';
import type { CallQualityDetail } from '../events.js';
import type { AgentSubject, CallSummary, CcpMode, FailoverRecord, Report } from '../report/schema.js';
import type { Thresholds } from '../stats/thresholds.js';
import { AbortError } from '../internal/timeout.js';
import type { AgentLike, ConnectLike, Subscription } from './connect-types.js';
import { FailoverError, maskNumber } from './failover.js';
import { LiveCallMonitor } from './live-calls.js';
import { ccpDataOf, ccpOutcome, softphoneErrorSeen, type CcpSnapshot, type CcpState } from './outcome.js';
import { PhoneSwitch, type SwitchRequest } from './phone-switch.js';
import { CCP_IFRAME_NAME, checkCcpUrl, isCcpRunning, loadStreams, safe, startOwnCcp, stopOwnCcp } from './streams.js';
import { TRANSPORT_TIMEOUT_MS, TransportCache, requestTransport } from './transport.js';

export { CCP_IFRAME_NAME, DEFAULT_IFRAME_STYLE, loadStreams } from './streams.js';
export { normalizeServers } from './transport.js';
export { maskNumber };

/** Default time `waitReady` waits when the caller gives none. */
export const DEFAULT_READY_TIMEOUT_MS = 15_000;
/** Longest getIceServers waits for a CCP that is still starting. */
export const TRANSPORT_WAIT_MS = 10_000;
/** Bound for an 8-hour shift. */
export const MAX_SOFTPHONE_ERRORS = 50;

export interface CcpControllerOptions {
  /** Where this widget's own CCP iframe goes (unused when it attaches to the page's CCP). */
  container: HTMLElement;
  /** The instance's CCP URL. Needed only when the widget starts the CCP itself. */
  ccpUrl?: string | undefined;
  region?: string | undefined;
  mode: Exclude<CcpMode, 'none'>;
  /**
   * The host's `connect` (amazon-connect-streams), when the desktop runs the CCP: the widget attaches to it
   * and never calls initCCP. Without it, a CCP already running in the page is found and attached to as well.
   */
  connect?: ConnectLike | undefined;
  /** Default wait of `waitReady` when no timeout is given (ms). */
  timeoutMs?: number | undefined;
  /** Streams' ccpLoadTimeout: how long it waits for the CCP's first answer before ACK_TIMEOUT (default 5000). */
  ccpLoadTimeoutMs?: number | undefined;
  /** Streams' login pop-up on ACK_TIMEOUT (default true; the fake CCP and the CLI pass false). */
  loginPopup?: boolean | undefined;
  /** Loads Streams and returns `connect` (default: the page's copy, else a dynamic import of ours). */
  connectLoader?: (() => Promise<ConnectLike>) | undefined;
  thresholds?: Thresholds | undefined;
  failoverTimeoutMs?: number | undefined;
  iframeStyle?: string | undefined;
}

/** The page's CCP, started by this widget: one at a time per page (Streams is a page singleton). */
let pageOwner: CcpController | null = null;

export class CcpController extends EventTarget implements CcpHandle {
  readonly mode: Exclude<CcpMode, 'none'>;
  readonly ccpUrl: string | undefined;
  readonly live: LiveCallMonitor;
  private readonly opts: CcpControllerOptions;
  private readonly phone: PhoneSwitch;
  private readonly transport = new TransportCache();
  private connect: ConnectLike | null = null;
  private agent: AgentLike | null = null;
  private subs: Subscription[] = [];
  private started: Promise<void> | null = null;
  private destroyed = false;
  private owner = false;
  private waiters = new Set<() => void>();
  private snap: CcpSnapshot;
  /** Aborted by destroy(): ends pending createTransport and failover waits at once. */
  private life = new AbortController();

  constructor(opts: CcpControllerOptions) {
    super();
    if (opts.mode !== 'full' && opts.mode !== 'media-less') throw new RangeError(`ccp-mode must be "full" or "media-less" (got "${String(opts.mode)}").`);
    if (opts.ccpUrl !== undefined) checkCcpUrl(opts.ccpUrl);
    this.opts = opts;
    this.mode = opts.mode;
    this.ccpUrl = opts.ccpUrl;
    this.snap = this.initialSnapshot();
    this.live = new LiveCallMonitor({
      thresholds: opts.thresholds,
      softphoneManager: () => this.connect?.core.getSoftphoneManager?.(),
      onQuality: (d) => {
        this.dispatchEvent(new CustomEvent<CallQualityDetail>('call-quality', { detail: d }));
        this.changed();
      },
    });
    this.phone = new PhoneSwitch({
      agent: () => this.requireAgent(),
      dialableCountries: () => this.snap.agent?.dialableCountries ?? [],
      invalidLocale: () => this.connect?.AgentErrorStates?.INVALID_LOCALE ?? 'InvalidLocale',
      timeoutMs: opts.failoverTimeoutMs,
      signal: () => this.life.signal,
      confirmed: (enabled, waitMs) => this.until(() => this.snap.agent?.softphoneEnabled === enabled, undefined, Date.now() + waitMs),
      onRecord: (r) => {
        this.dispatchEvent(new CustomEvent<FailoverRecord>('failover', { detail: r }));
        this.changed();
      },
    });
  }

  private initialSnapshot(): CcpSnapshot {
    return { mode: this.mode, state: 'loading', ...(this.ccpUrl ? { ccpUrl: this.ccpUrl } : {}), softphoneErrors: [], websocket: 'unknown' };
  }

  // ------------------------------------------------------------------ state
  /** The current snapshot (a copy; no credentials in it). */
  get snapshot(): Readonly<CcpSnapshot> {
    return { ...this.snap, softphoneErrors: [...this.snap.softphoneErrors] };
  }

  get state(): CcpState {
    return this.snap.state;
  }

  /** True when the widget uses the CCP the page already ran (it did not call initCCP). */
  get attached(): boolean {
    return !!this.connect && !this.owner;
  }

  /** The agent's language set in the CCP (agentPreferences.locale, e.g. `es_ES`), once the agent is known. */
  get agentLocale(): string | undefined {
    const l = safe(() => this.agent?.getConfiguration().agentPreferences?.locale);
    return typeof l === 'string' && l ? l : undefined;
  }

  get agentSubject(): AgentSubject | undefined {
    return this.snap.agent ? { ...this.snap.agent } : undefined;
  }

  get failoverRecords(): FailoverRecord[] {
    return this.phone.records;
  }

  /** Live call quality (bounded per-call rolling summaries). */
  get calls() {
    return this.live.calls;
  }

  /** The `ccp` check data now. */
  get data() {
    return ccpDataOf(this.snap);
  }

  /** Call summaries so far (bounded). */
  callSummaries(): CallSummary[] {
    return this.live.calls.summaries();
  }

  /**
   * The CCP's part of a report: its calls and failovers so far, replacing any the report held (the controller
   * keeps them, bounded). Returns a new report object; calling it again gives the same answer.
   */
  addToReport(report: Report): Report {
    const { failover: _previous, ...base } = report;
    const records = this.phone.records;
    return { ...base, calls: this.live.calls.summaries(), ...(records.length ? { failover: records } : {}) };
  }

  private set(patch: Partial<CcpSnapshot>): void {
    this.snap = { ...this.snap, ...patch };
    this.changed();
  }

  private changed(): void {
    if (this.destroyed) return;
    this.dispatchEvent(new Event('change'));
    for (const w of [...this.waiters]) w();
  }

  // ------------------------------------------------------------------ start / destroy
  /** Finds or loads Streams, attaches to the page's CCP or starts one (idempotent). Rejects only when Streams cannot be loaded. */
  start(): Promise<void> {
    if (this.destroyed) {
      this.destroyed = false;
      this.snap = this.initialSnapshot();
      this.started = null;
      this.life = new AbortController();
      this.live.resume();
    }
    this.started ??= this.init().catch((e: unknown) => {
      const msg = e instanceof Error ? e.message : String(e);
      this.set({ state: 'error', loadError: msg });
      throw e;
    });
    return this.started;
  }

  private async init(): Promise<void> {
    const connect = this.opts.connect ?? (await (this.opts.connectLoader ?? loadStreams)());
    if (this.destroyed) return;
    this.connect = connect;
    this.set({ ...(connect.version ? { streamsVersion: connect.version } : {}) });
    const core = connect.core;
    const ownerAlive = pageOwner && pageOwner !== this && !pageOwner.destroyed;
    // The page already runs a CCP (the desktop's own, or another widget's): attach to it, never initCCP again.
    if (!isCcpRunning(connect) && !ownerAlive) {
      // kind 'config': the host's set-up is missing something (the widget's banner says so in the agent's language).
      if (!this.ccpUrl) throw Object.assign(new Error('No CCP runs in this page and no CCP URL was given: set ccp-url to the instance\'s CCP URL (https://ALIAS.my.connect.aws/ccp-v2), or start the CCP in the page before the widget.'), { kind: 'config' });
      pageOwner = this;
      this.owner = true;
      startOwnCcp(connect, this.opts.container, {
        ccpUrl: this.ccpUrl,
        region: this.opts.region,
        mode: this.mode,
        loginPopup: this.opts.loginPopup,
        ccpLoadTimeoutMs: this.opts.ccpLoadTimeoutMs,
        iframeStyle: this.opts.iframeStyle,
      });
    }
    const bus = core.getEventBus();
    if (!bus) throw new Error('The Amazon Connect Streams library started the CCP but gave no event bus, so calls and errors cannot be followed: load one copy of amazon-connect-streams 2.28.2 or later, then reload.');
    const E = connect.EventType;
    const on = (event: string | undefined, f: (d: unknown) => void) => {
      if (event) this.subs.push(bus.subscribe(event, f));
    };
    const terminal = (s: CcpState) => () => {
      if (this.snap.state !== 'initialized' || s === 'auth-failed' || s === 'access-denied') this.set({ state: s });
    };
    on(E.INIT, () => this.set({ state: 'initialized' }));
    on(E.ACK_TIMEOUT, () => {
      if (this.snap.state === 'loading') this.set({ state: 'login-needed' });
    });
    on(E.AUTH_FAIL, terminal('auth-failed'));
    on(E.ACCESS_DENIED, terminal('access-denied'));
    on(E.IFRAME_RETRIES_EXHAUSTED, terminal('iframe-retries-exhausted'));
    on(E.SOFTPHONE_STATS, (d) => this.live.ingestSoftphoneStats(d));
    if (core.initialized) this.set({ state: 'initialized' });
    this.subs.push(connect.agent((agent) => this.onAgent(agent)));
  }

  private onAgent(agent: AgentLike): void {
    if (this.destroyed) return;
    const first = !this.agent;
    this.agent = agent;
    this.readAgent(agent);
    if (!first) return; // subscribed already (Streams fires agent INIT once per initCCP; be safe anyway)
    this.subs.push(
      agent.onRefresh((a) => this.readAgent(a ?? agent)),
      agent.onSoftphoneError((e) => this.onSoftphoneError(e)),
      agent.onWebSocketConnectionLost(() => this.set({ websocket: 'lost' })),
      agent.onWebSocketConnectionGained(() => this.set({ websocket: 'connected' })),
    );
    if ((this.snap.state === 'loading' || this.snap.state === 'login-needed') && this.connect?.core.initialized) this.set({ state: 'initialized' });
  }

  private readAgent(agent: AgentLike): void {
    const cfg = safe(() => agent.getConfiguration());
    if (!cfg) return;
    const st = safe(() => agent.getState());
    const subject: AgentSubject = {
      ...(cfg.name ? { name: String(cfg.name) } : {}),
      ...(cfg.username ? { username: String(cfg.username) } : {}),
      softphoneEnabled: !!cfg.softphoneEnabled,
      ...(cfg.extension ? { extension: String(cfg.extension) } : {}),
      ...(cfg.routingProfile?.name ? { routingProfile: String(cfg.routingProfile.name) } : {}),
      dialableCountries: Array.isArray(cfg.dialableCountries) ? cfg.dialableCountries.map(String) : [],
    };
    const pageSoftphone = !!safe(() => this.connect?.core.getSoftphoneManager?.());
    this.set({
      agent: subject,
      ...(st ? { agentState: { name: String(st.name), type: String(st.type) } } : {}),
      pageSoftphone,
      websocket: this.snap.websocket === 'unknown' ? 'connected' : this.snap.websocket,
    });
    this.live.follow(agent);
  }

  private onSoftphoneError(e: unknown): void {
    const o = (e ?? {}) as { errorType?: string; errorMessage?: string; getErrorType?: () => string; getErrorMessage?: () => string };
    const type = String(o.errorType ?? safe(() => o.getErrorType?.()) ?? 'other');
    const msg = o.errorMessage ?? safe(() => o.getErrorMessage?.());
    const list = [...this.snap.softphoneErrors, softphoneErrorSeen(type, msg ?? undefined, new Date())];
    while (list.length > MAX_SOFTPHONE_ERRORS) list.shift();
    this.set({ softphoneErrors: list });
  }

  /** Shows or hides this widget's own CCP iframe (never the host's). */
  setIframeVisible(visible: boolean): void {
    if (!this.owner) return;
    const f = this.opts.container.querySelector?.(`iframe[name="${CCP_IFRAME_NAME}"]`) as HTMLIFrameElement | null;
    if (f) f.style.display = visible ? '' : 'none';
  }

  /**
   * Removes this widget's subscriptions and timers. A CCP the widget started is stopped and its iframe removed;
   * a CCP the page runs is left exactly as it was.
   */
  destroy(): void {
    if (this.destroyed) return;
    this.live.stop();
    this.destroyed = true;
    this.life.abort();
    for (const s of this.subs.splice(0)) safe(() => s.unsubscribe());
    this.transport.clear();
    for (const w of [...this.waiters]) w();
    this.waiters.clear();
    if (this.connect && this.owner && pageOwner === this) {
      stopOwnCcp(this.connect, this.opts.container);
      pageOwner = null;
    }
    this.owner = false;
    this.agent = null;
  }

  // ------------------------------------------------------------------ CcpHandle
  /** Resolves with the `ccp` check outcome when the CCP is ready or failed; never later than `timeoutMs`. */
  async waitReady(signal: AbortSignal, timeoutMs: number = this.opts.timeoutMs ?? DEFAULT_READY_TIMEOUT_MS): Promise<CheckOutcome<'ccp'>> {
    const t0 = Date.now();
    const deadline = t0 + Math.max(0, timeoutMs);
    this.start().catch(() => undefined);
    await this.until(() => this.isSettled(), signal, deadline);
    if (this.snap.state === 'initialized' && this.agent && this.mode === 'full' && this.snap.agent?.softphoneEnabled !== false) {
      // Ask for the agent's own TURN servers now, so the report says whether the CCP hands them out.
      const left = deadline - Date.now();
      if (left > 200) {
        const ctl = new AbortController();
        const timer = setTimeout(() => ctl.abort(), Math.min(left - 100, TRANSPORT_TIMEOUT_MS));
        const onAbort = () => ctl.abort();
        signal.addEventListener('abort', onAbort, { once: true });
        await this.getIceServers(ctl.signal).catch(() => undefined);
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
      }
    }
    const snap: CcpSnapshot = { ...this.snap, waitedMs: Date.now() - t0 };
    if (snap.state === 'loading') snap.state = 'timeout';
    return ccpOutcome(snap);
  }

  private isSettled(): boolean {
    const s = this.snap.state;
    // login-needed settles too: Streams' ACK_TIMEOUT (ccpLoadTimeout, 5 s by default, the moment it opens its
    // login pop-up) says the CCP did not answer, so the agent is told at once instead of at the check's deadline.
    if (s === 'login-needed' || s === 'auth-failed' || s === 'access-denied' || s === 'iframe-retries-exhausted' || s === 'error') return true;
    return s === 'initialized' && !!this.agent;
  }

  /** Waits until `pred()` or the deadline or abort; resolves in every case (no rejection). */
  private until(pred: () => boolean, signal: AbortSignal | undefined, deadline: number): Promise<void> {
    if (pred() || this.destroyed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const finish = () => {
        this.waiters.delete(check);
        clearTimeout(timer);
        signal?.removeEventListener('abort', check);
        resolve();
      };
      const check = () => {
        if (pred() || this.destroyed || Date.now() >= deadline || signal?.aborted) finish();
      };
      const timer = setTimeout(finish, Math.max(0, deadline - Date.now()));
      this.waiters.add(check);
      signal?.addEventListener('abort', check, { once: true });
    });
  }

  /**
   * The agent's own TURN servers from createTransport, through the page's CCP client (the host's when
   * attached). Cached briefly in memory; nothing here logs, reports or emits the credentials.
   */
  async getIceServers(signal: AbortSignal): Promise<RTCIceServer[]> {
    if (signal.aborted) throw new AbortError();
    this.start().catch(() => undefined);
    const fresh = this.transport.fresh();
    if (fresh) return fresh;
    // Wait only while the CCP is still starting; a CCP that needs a login or failed answers at once, so the
    // ICE checks fall back to the configured servers instead of spending their time here.
    await this.until(() => this.snap.state !== 'loading', signal, Date.now() + Math.min(this.opts.timeoutMs ?? DEFAULT_READY_TIMEOUT_MS, TRANSPORT_WAIT_MS));
    if (signal.aborted) throw new AbortError();
    const connect = this.connect;
    if (!connect || this.snap.state !== 'initialized') throw new Error(`The CCP is not connected (${this.snap.state}), so it cannot hand out its TURN servers.`);
    return this.transport.get(
      () =>
        requestTransport(connect, this.life.signal, (o) => {
          if ('servers' in o) this.set({ iceServersFromCcp: o.servers, transportError: undefined });
          else {
            if (o.limitBreached) this.onSoftphoneError({ errorType: 'multiple_softphone_active_sessions', errorMessage: o.error });
            this.set({ transportError: o.error });
          }
        }),
      signal,
    );
  }

  // ------------------------------------------------------------------ failover
  private requireAgent(): AgentLike {
    if (!this.connect || this.snap.state !== 'initialized') {
      throw new FailoverError('no-ccp', `The CCP is not connected (${this.snap.state}); the phone setting cannot be changed from here. Log in to the CCP first.`, undefined, { state: this.snap.state });
    }
    if (!this.agent) throw new FailoverError('not-ready', "The CCP has not sent the agent's data yet; try again in a moment.");
    return this.agent;
  }

  /** Redirects the agent's calls to an external E.164 number (see PhoneSwitch.failover). */
  failover(e164: string, req: SwitchRequest = {}): Promise<FailoverRecord> {
    return this.phone.failover(e164, req);
  }

  /** Switches the agent back to the softphone (see PhoneSwitch.restoreSoftphone). */
  restoreSoftphone(req: SwitchRequest = {}): Promise<FailoverRecord> {
    return this.phone.restoreSoftphone(req);
  }
}
