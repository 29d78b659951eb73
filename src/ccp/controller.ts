/**
 * CcpController: the wrapped CCP. Loads amazon-connect-streams lazily, runs `connect.core.initCCP` in full or
 * media-less mode, follows the agent (softphone/deskphone, state, softphone errors, websocket), hands the
 * agent's own TURN servers to the network checks (createTransport), follows live call quality, and switches
 * the agent to an external phone and back. See ./index.ts for the integration note.
 */
import type { CheckOutcome, CcpHandle } from '../checks/types.js';
import type { CallQualityDetail } from '../events.js';
import type { AgentSubject, CallSummary, CcpMode, FailoverRecord, Report } from '../report/schema.js';
import type { Thresholds } from '../stats/thresholds.js';
import { AbortError } from '../internal/timeout.js';
import type { AgentLike, ConnectLike, ContactLike, Subscription } from './connect-types.js';
import { CallQualityMonitor, PC_POLL_MS, PeerConnectionSampler } from './call-quality.js';
import {
  DEFAULT_FAILOVER_TIMEOUT_MS,
  FailoverError,
  maskNumber,
  switchToExternalPhone,
  switchToSoftphone,
  validateExternalNumber,
  type Consent,
} from './failover.js';
import { ccpDataOf, ccpOutcome, softphoneErrorSeen, type CcpSnapshot, type CcpState } from './outcome.js';

/** Streams' iframe name (release/connect-streams.js CCP_IFRAME_NAME). */
export const CCP_IFRAME_NAME = 'Amazon Connect CCP';
/** Default time `waitReady` waits when the caller gives none. */
export const DEFAULT_READY_TIMEOUT_MS = 15_000;
/** A failed createTransport is not retried for this long (one run's ICE checks share the answer). */
export const TRANSPORT_FAILURE_CACHE_MS = 30_000;
/** Longest getIceServers waits for a CCP that is still starting. */
export const TRANSPORT_WAIT_MS = 10_000;
/** Bound on createTransport. */
export const TRANSPORT_TIMEOUT_MS = 8_000;
/** createTransport answers are reused this long (TURN credentials are short-lived; never persisted). */
export const TRANSPORT_CACHE_MS = 60_000;
/** Bounds for an 8-hour shift. */
export const MAX_SOFTPHONE_ERRORS = 50;
export const MAX_FAILOVER_RECORDS = 20;
/** Default iframe size: the CCP v2 needs about 320 x 465 px. */
export const DEFAULT_IFRAME_STYLE = 'width: 100%; min-width: 320px; height: 465px; border: 0;';

export interface CcpControllerOptions {
  container: HTMLElement;
  ccpUrl: string;
  region?: string;
  mode: Exclude<CcpMode, 'none'>;
  /** Default wait of `waitReady` when no timeout is given (ms). */
  timeoutMs?: number;
  /** Streams' ccpLoadTimeout: how long it waits for the CCP's first answer before ACK_TIMEOUT (default 5000). */
  ccpLoadTimeoutMs?: number;
  /** Streams' login pop-up on ACK_TIMEOUT (default true; the fake CCP and the CLI pass false). */
  loginPopup?: boolean;
  /** Loads Streams and returns `connect` (default: dynamic import of amazon-connect-streams). */
  connectLoader?: () => Promise<ConnectLike>;
  thresholds?: Thresholds;
  failoverTimeoutMs?: number;
  iframeStyle?: string;
  /** Fires whenever the snapshot changes (state, agent, errors, websocket, calls, failover). */
  onChange?: (snapshot: Readonly<CcpSnapshot>) => void;
  /** Live call quality (the host re-emits it as `ccp-preflight-call-quality`). */
  onCallQuality?: (detail: CallQualityDetail) => void;
  /** Every failover attempt that reached the CCP (the host re-emits it as `ccp-preflight-failover`). */
  onFailover?: (record: FailoverRecord) => void;
  /** A Lit host: the controller registers itself (hostConnected starts, hostDisconnected destroys). */
  host?: { addController(c: unknown): void; requestUpdate(): void };
}

/** Loads the real Streams bundle (a webpack IIFE that sets globalThis.connect). */
export async function loadStreams(): Promise<ConnectLike> {
  await import('amazon-connect-streams');
  const c = (globalThis as unknown as { connect?: ConnectLike }).connect;
  if (!c?.core?.initCCP) throw new Error('The Amazon Connect Streams library loaded but is not usable (connect.core.initCCP is missing): another copy or an old version of Streams may be on this page. Load one copy of amazon-connect-streams 2.28.2 or later, then reload.');
  return c;
}

let pageOwner: CcpController | null = null;

const noSub = { unsubscribe: () => undefined };
/** A conduit that drops everything (see destroy). */
const INERT_CONDUIT = Object.freeze({
  name: 'ccp-preflight-closed',
  upstream: { send: () => undefined, onMessage: () => undefined },
  downstream: { send: () => undefined, onMessage: () => undefined },
  sendUpstream: () => undefined,
  sendDownstream: () => undefined,
  onUpstream: () => noSub,
  onAllUpstream: () => noSub,
  onDownstream: () => noSub,
  onAllDownstream: () => noSub,
  passUpstream: () => () => undefined,
  passDownstream: () => () => undefined,
});

interface Waiter {
  done: () => void;
}

/** Events: `change`, `call-quality` (detail CallQualityDetail), `failover` (detail FailoverRecord). */
export class CcpController extends EventTarget implements CcpHandle {
  readonly mode: Exclude<CcpMode, 'none'>;
  readonly ccpUrl: string;
  private readonly opts: CcpControllerOptions;
  private connect: ConnectLike | null = null;
  private agent: AgentLike | null = null;
  private subs: Subscription[] = [];
  private started: Promise<void> | null = null;
  private destroyed = false;
  private attached = false;
  private iframe: HTMLIFrameElement | null = null;
  private waiters = new Set<Waiter>();
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private pollBusy = false;
  private samplers = new Map<string, PeerConnectionSampler>();
  private transport: { at: number; servers: RTCIceServer[] } | null = null;
  private transportPending: Promise<RTCIceServer[]> | null = null;
  private transportFailure: { at: number; message: string } | null = null;
  private failovers: FailoverRecord[] = [];
  private failoverBusy = false;
  private extensionBeforeFailover: string | null | undefined;
  private snap: CcpSnapshot;
  /** Aborted by destroy(): ends pending createTransport and failover waits at once. */
  private life = new AbortController();
  readonly calls: CallQualityMonitor;

  constructor(opts: CcpControllerOptions) {
    super();
    if (opts.mode !== 'full' && opts.mode !== 'media-less') throw new RangeError(`ccp-mode must be "full" or "media-less" (got "${String(opts.mode)}").`);
    try {
      new URL(opts.ccpUrl);
    } catch {
      throw new RangeError(`The CCP URL "${opts.ccpUrl}" is not a URL (expected e.g. https://ALIAS.my.connect.aws/ccp-v2).`);
    }
    if (opts.ccpUrl.includes('%')) {
      // Streams 2.28.2 logs the CCP URL through its sprintf, which throws on '%': initCCP would fail.
      throw new RangeError(`The CCP URL "${opts.ccpUrl}" contains "%" (percent-encoding), which amazon-connect-streams cannot initialize. Use the plain instance URL, e.g. https://ALIAS.my.connect.aws/ccp-v2.`);
    }
    this.opts = opts;
    this.mode = opts.mode;
    this.ccpUrl = opts.ccpUrl;
    this.snap = { mode: opts.mode, state: 'loading', ccpUrl: opts.ccpUrl, softphoneErrors: [], websocket: 'unknown' };
    this.calls = new CallQualityMonitor({
      ...(opts.thresholds ? { thresholds: opts.thresholds } : {}),
      onQuality: (d) => {
        this.opts.onCallQuality?.(d);
        this.dispatchEvent(new CustomEvent('call-quality', { detail: d }));
        this.changed();
      },
    });
    opts.host?.addController(this);
  }

  // ------------------------------------------------------------------ ReactiveController
  hostConnected(): void {
    void this.start().catch(() => undefined);
  }

  hostDisconnected(): void {
    this.destroy();
  }

  // ------------------------------------------------------------------ state
  /** The current snapshot (a copy; no credentials in it). */
  get snapshot(): Readonly<CcpSnapshot> {
    return { ...this.snap, softphoneErrors: [...this.snap.softphoneErrors] };
  }

  get state(): CcpState {
    return this.snap.state;
  }

  get agentSubject(): AgentSubject | undefined {
    return this.snap.agent ? { ...this.snap.agent } : undefined;
  }

  get failoverRecords(): FailoverRecord[] {
    return this.failovers.map((r) => ({ ...r }));
  }

  /** The `ccp` check data now. */
  get data() {
    return ccpDataOf(this.snap);
  }

  /** Adds this CCP's calls and failovers to a report (returns a new report object). */
  decorateReport(report: Report): Report {
    const calls = this.calls.summaries();
    return {
      ...report,
      calls: [...(report.calls ?? []), ...calls],
      ...(this.failovers.length ? { failover: [...(report.failover ?? []), ...this.failoverRecords] } : {}),
    };
  }

  private set(patch: Partial<CcpSnapshot>): void {
    this.snap = { ...this.snap, ...patch };
    this.changed();
  }

  private changed(): void {
    if (this.destroyed) return;
    this.opts.onChange?.(this.snapshot);
    this.dispatchEvent(new Event('change'));
    this.opts.host?.requestUpdate();
    for (const w of [...this.waiters]) w.done();
  }

  // ------------------------------------------------------------------ start / destroy
  /** Loads Streams and starts the CCP (idempotent). Rejects only when Streams cannot be loaded. */
  start(): Promise<void> {
    if (this.destroyed) {
      this.destroyed = false;
      this.snap = { mode: this.mode, state: 'loading', ccpUrl: this.ccpUrl, softphoneErrors: [], websocket: 'unknown' };
      this.started = null;
      this.life = new AbortController();
    }
    this.started ??= this.init().catch((e: unknown) => {
      const msg = e instanceof Error ? e.message : String(e);
      this.set({ state: 'error', loadError: msg });
      throw e;
    });
    return this.started;
  }

  private async init(): Promise<void> {
    const connect = await (this.opts.connectLoader ?? loadStreams)();
    if (this.destroyed) return;
    this.connect = connect;
    this.set({ ...(connect.version ? { streamsVersion: connect.version } : {}) });
    const core = connect.core;
    const E = connect.EventType;
    const ownerAlive = pageOwner && pageOwner !== this && !pageOwner.destroyed;
    if (core.initialized || ownerAlive) {
      // Another initCCP already runs in this page (the host's own CCP, or another widget): attach to it.
      this.attached = true;
    } else {
      pageOwner = this;
      const before = new Set(Array.from(this.opts.container.querySelectorAll?.('iframe') ?? []));
      core.initCCP(this.opts.container, {
        ccpUrl: this.ccpUrl,
        ...(this.opts.region ? { region: this.opts.region } : {}),
        loginPopup: this.opts.loginPopup ?? true,
        loginPopupAutoClose: true,
        ...(this.opts.ccpLoadTimeoutMs ? { ccpLoadTimeout: this.opts.ccpLoadTimeoutMs } : {}),
        softphone: this.mode === 'full' ? { allowFramedSoftphone: true } : { allowFramedSoftphone: false, disableRingtone: true },
        pageOptions: { enablePhoneTypeSettings: true, enableAudioDeviceSettings: this.mode === 'full' },
        style: this.opts.iframeStyle ?? DEFAULT_IFRAME_STYLE,
        iframeTitle: 'Amazon Connect Contact Control Panel',
      });
      const after = Array.from(this.opts.container.querySelectorAll?.('iframe') ?? []);
      this.iframe = (after.find((f) => !before.has(f) && f.name === CCP_IFRAME_NAME) as HTMLIFrameElement | undefined) ?? null;
    }
    const bus = core.getEventBus();
    if (!bus) throw new Error('The Amazon Connect Streams library started the CCP but gave no event bus, so calls and errors cannot be followed: load one copy of amazon-connect-streams 2.28.2 or later, then reload.');
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
    on(E.SOFTPHONE_STATS, (d) => this.calls.ingestSoftphoneStats((d ?? {}) as never));
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
    let cfg;
    try {
      cfg = agent.getConfiguration();
    } catch {
      return;
    }
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
    this.followContacts(agent);
  }

  /** Ends calls whose contact is gone; starts/stops peer-connection polling for an in-page softphone. */
  private followContacts(agent: AgentLike): void {
    const contacts: ContactLike[] = safe(() => agent.getContacts?.() ?? []) ?? [];
    const voice = contacts.filter((c) => safe(() => c.getType?.()) === 'voice');
    const ids = new Set(voice.map((c) => safe(() => c.getContactId())).filter((x): x is string => !!x));
    for (const id of this.calls.activeContactIds) if (!ids.has(id) && id !== 'unknown') this.calls.endCall(id);
    for (const id of [...this.samplers.keys()]) if (!ids.has(id)) this.samplers.delete(id);
    const mgr = safe(() => this.connect?.core.getSoftphoneManager?.());
    if (mgr?.getSession) {
      for (const c of voice) {
        const id = safe(() => c.getContactId());
        const connId = safe(() => c.getAgentConnection?.()?.getConnectionId());
        const pc = connId ? safe(() => mgr.getSession!(connId)?._pc) : null;
        if (id && pc && !this.samplers.has(id)) this.samplers.set(id, new PeerConnectionSampler(pc));
      }
    }
    if (this.samplers.size && !this.pollTimer) {
      this.pollTimer = setInterval(() => void this.pollPeerConnections(), PC_POLL_MS);
    } else if (!this.samplers.size && this.pollTimer) {
      clearInterval(this.pollTimer);
      this.pollTimer = null;
    }
  }

  private async pollPeerConnections(): Promise<void> {
    if (this.pollBusy || this.destroyed) return;
    this.pollBusy = true;
    try {
      for (const [id, sampler] of this.samplers) {
        const s = await sampler.sample().catch(() => null);
        if (s && !this.destroyed) this.calls.ingestPeerConnectionSample(id, { atMs: Date.now(), ...s });
      }
    } finally {
      this.pollBusy = false;
    }
  }

  private onSoftphoneError(e: unknown): void {
    const o = (e ?? {}) as { errorType?: string; errorMessage?: string; getErrorType?: () => string; getErrorMessage?: () => string };
    const type = String(o.errorType ?? safe(() => o.getErrorType?.()) ?? 'other');
    const msg = o.errorMessage ?? safe(() => o.getErrorMessage?.());
    const list = [...this.snap.softphoneErrors, softphoneErrorSeen(type, msg ?? undefined, new Date())];
    while (list.length > MAX_SOFTPHONE_ERRORS) list.shift();
    this.set({ softphoneErrors: list });
  }

  /** Shows or hides the CCP iframe (the host's attribute). */
  setIframeVisible(visible: boolean): void {
    const f = this.opts.container.querySelector?.(`iframe[name="${CCP_IFRAME_NAME}"]`) as HTMLIFrameElement | null;
    if (f) f.style.display = visible ? '' : 'none';
  }

  /** Unsubscribes everything, clears every timer, removes the iframe (when this controller created it). */
  destroy(): void {
    if (this.destroyed) return;
    this.calls.endAll();
    this.destroyed = true;
    this.life.abort();
    for (const s of this.subs.splice(0)) safe(() => s.unsubscribe());
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    this.samplers.clear();
    this.transport = null;
    this.transportPending = null;
    this.transportFailure = null;
    for (const w of [...this.waiters]) w.done();
    this.waiters.clear();
    const core = this.connect?.core;
    if (core && !this.attached && pageOwner === this) {
      const km = core.keepaliveManager;
      if (km) {
        clearTimeout(km.synTimer as ReturnType<typeof setTimeout>);
        clearTimeout(km.ackTimer as ReturnType<typeof setTimeout>);
      }
      clearTimeout(core.ccpLoadTimeoutInstance as ReturnType<typeof setTimeout>);
      clearTimeout(core.iframeRefreshTimeout as ReturnType<typeof setTimeout>);
      // Streams starts its refresh loop only when iframeRefreshTimeout is null: reset for a later initCCP.
      core.ccpLoadTimeoutInstance = null;
      core.iframeRefreshTimeout = null;
      core.iframeRefreshAttempt = 0;
      safe(() => core.terminate?.());
      // terminate() sets core.upstream = null, but Streams still has anonymous timers (CSM metrics 1 s after
      // the first ack, iframe style after 10 s) that call core.getUpstream() and would throw "There is no
      // upstream conduit!" as an uncaught error in the host page. Leave an inert conduit that drops them;
      // the next initCCP replaces it.
      core.upstream = INERT_CONDUIT;
      // Streams replaces the iframe on each refresh: remove every CCP iframe it put in our container.
      this.iframe?.remove();
      for (const f of Array.from(this.opts.container.querySelectorAll?.(`iframe[name="${CCP_IFRAME_NAME}"]`) ?? [])) f.remove();
      pageOwner = null;
    }
    this.iframe = null;
    this.agent = null;
    this.attached = false;
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
    if (s === 'auth-failed' || s === 'access-denied' || s === 'iframe-retries-exhausted' || s === 'error') return true;
    return s === 'initialized' && !!this.agent;
  }

  /** Waits until `pred()` or the deadline or abort; resolves in every case (no rejection). */
  private until(pred: () => boolean, signal: AbortSignal | undefined, deadline: number): Promise<void> {
    if (pred() || this.destroyed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const w: Waiter = {
        done: () => {
          if (!pred() && !this.destroyed && Date.now() < deadline && !signal?.aborted) return;
          this.waiters.delete(w);
          clearTimeout(timer);
          signal?.removeEventListener('abort', w.done);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(w);
        signal?.removeEventListener('abort', w.done);
        resolve();
      }, Math.max(0, deadline - Date.now()));
      this.waiters.add(w);
      signal?.addEventListener('abort', w.done, { once: true });
    });
  }

  /**
   * The agent's own TURN servers from createTransport (`transportType: 'softphone'`). Credentials live in
   * memory only (cached {@link TRANSPORT_CACHE_MS}); nothing here logs, reports or emits them.
   */
  async getIceServers(signal: AbortSignal): Promise<RTCIceServer[]> {
    if (signal.aborted) throw new AbortError();
    this.start().catch(() => undefined);
    if (this.transport && Date.now() - this.transport.at < TRANSPORT_CACHE_MS) return cloneServers(this.transport.servers);
    // A failure is remembered briefly too: the three ICE checks of one run should not each wait for it again.
    if (this.transportFailure && Date.now() - this.transportFailure.at < TRANSPORT_FAILURE_CACHE_MS) throw new Error(this.transportFailure.message);
    // Wait only while the CCP is still starting; a CCP that needs a login or failed answers at once, so the
    // ICE checks fall back to the configured servers instead of spending their time here.
    await this.until(() => this.snap.state !== 'loading', signal, Date.now() + Math.min(this.opts.timeoutMs ?? DEFAULT_READY_TIMEOUT_MS, TRANSPORT_WAIT_MS));
    if (signal.aborted) throw new AbortError();
    const connect = this.connect;
    if (!connect || this.snap.state !== 'initialized') {
      throw new Error(`The CCP is not connected (${this.snap.state}), so it cannot hand out its TURN servers.`);
    }
    this.transportPending ??= this.createTransport(connect).finally(() => {
      this.transportPending = null;
    });
    const pending = this.transportPending;
    return new Promise<RTCIceServer[]>((resolve, reject) => {
      const onAbort = () => reject(new AbortError());
      signal.addEventListener('abort', onAbort, { once: true });
      pending.then(
        (s) => {
          signal.removeEventListener('abort', onAbort);
          resolve(cloneServers(s));
        },
        (e: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  }

  private createTransport(connect: ConnectLike): Promise<RTCIceServer[]> {
    const method = connect.ClientMethods.CREATE_TRANSPORT ?? 'createTransport';
    const softphoneClientId = connect.randomId?.() ?? globalThis.crypto?.randomUUID?.() ?? `ccpf-${Date.now()}`;
    return new Promise<RTCIceServer[]>((resolve, reject) => {
      let settled = false;
      const finish = (err: string | null, servers?: RTCIceServer[]) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (err !== null) {
          this.transportFailure = { at: Date.now(), message: err };
          this.set({ transportError: err });
          reject(new Error(err));
        } else {
          this.transport = { at: Date.now(), servers: servers! };
          this.transportFailure = null;
          this.set({ iceServersFromCcp: servers!.length, transportError: undefined });
          resolve(servers!);
        }
      };
      const timer = setTimeout(() => finish(`no answer to createTransport within ${TRANSPORT_TIMEOUT_MS / 1000} s`), TRANSPORT_TIMEOUT_MS);
      const life = this.life.signal;
      life.addEventListener('abort', () => finish('the CCP was closed'), { once: true });
      try {
        connect.core.getClient().call(
          method,
          { transportType: 'softphone', softphoneClientId },
          {
            success: (data) => {
              const list = (data as { softphoneTransport?: { softphoneMediaConnections?: unknown } } | null)?.softphoneTransport?.softphoneMediaConnections;
              const servers = normalizeServers(list);
              if (!servers.length) finish('createTransport answered without softphone media connections');
              else finish(null, servers);
            },
            failure: (err) => {
              const m = describe(err);
              if (/SoftphoneConnectionLimitBreached/i.test(m)) this.onSoftphoneError({ errorType: 'multiple_softphone_active_sessions', errorMessage: m });
              finish(`createTransport failed: ${m}`);
            },
            authFailure: () => finish('createTransport failed: authentication failed'),
            accessDenied: () => finish('createTransport failed: access denied'),
          },
        );
      } catch (e) {
        finish(`createTransport could not be sent: ${describe(e)}`);
      }
    });
  }

  // ------------------------------------------------------------------ failover
  private requireAgent(): AgentLike {
    if (!this.connect || this.snap.state !== 'initialized') {
      throw new FailoverError(
        'no-ccp',
        `The CCP is not connected (${this.snap.state}); the phone setting cannot be changed from here. Log in to the CCP first.`,
      );
    }
    if (!this.agent) throw new FailoverError('not-ready', 'The CCP has not sent the agent\'s data yet; try again in a moment.');
    return this.agent;
  }

  private record(r: FailoverRecord): void {
    this.failovers.push(r);
    while (this.failovers.length > MAX_FAILOVER_RECORDS) this.failovers.shift();
    this.opts.onFailover?.({ ...r });
    this.dispatchEvent(new CustomEvent('failover', { detail: { ...r } }));
    this.changed();
  }

  /**
   * Redirects the agent's calls to an external E.164 number. Needs consent ('agent' or 'policy'). Validates
   * the number (format, country, dialable) before sending anything. Resolves with the record, rejects with
   * FailoverError (its `record` set when the CCP was asked and refused).
   */
  async failover(e164: string, opts: { consent?: Consent; reason?: string; timeoutMs?: number } = {}): Promise<FailoverRecord> {
    if (opts.consent !== 'agent' && opts.consent !== 'policy') {
      throw new FailoverError(
        'consent-required',
        'Switching to an external phone needs the agent\'s explicit consent (or a host failover policy). Nothing was changed.',
      );
    }
    const agent = this.requireAgent();
    if (this.failoverBusy) throw new FailoverError('busy', 'A phone change is already in progress; wait for it to finish.');
    this.failoverBusy = true;
    try {
      const check = await validateExternalNumber(e164, safe(() => agent.getDialableCountries()) ?? this.snap.agent?.dialableCountries ?? []);
      const extBefore = agent.getConfiguration().extension ?? null;
      const wasSoftphone = !!agent.getConfiguration().softphoneEnabled;
      let rec: FailoverRecord;
      try {
        rec = await switchToExternalPhone(agent, check, {
          consent: opts.consent,
          ...(opts.reason ? { reason: opts.reason } : {}),
          timeoutMs: opts.timeoutMs ?? this.opts.failoverTimeoutMs ?? DEFAULT_FAILOVER_TIMEOUT_MS,
          invalidLocale: this.connect?.AgentErrorStates?.INVALID_LOCALE ?? 'InvalidLocale',
          signal: this.life.signal,
        });
      } catch (e) {
        if (e instanceof FailoverError && e.record) this.record(e.record);
        throw e;
      }
      if (wasSoftphone) this.extensionBeforeFailover = extBefore ? String(extBefore) : null;
      this.record(rec);
      await this.until(() => this.snap.agent?.softphoneEnabled === false, undefined, Date.now() + 3000);
      return { ...rec };
    } finally {
      this.failoverBusy = false;
    }
  }

  /** Switches the agent back to the softphone (restoring the extension it had before the failover). */
  async restoreSoftphone(opts: { consent?: Consent; reason?: string; timeoutMs?: number } = {}): Promise<FailoverRecord> {
    const agent = this.requireAgent();
    if (agent.getConfiguration().softphoneEnabled) {
      throw new FailoverError('already-softphone', 'The agent already uses the softphone; nothing to restore.');
    }
    if (this.failoverBusy) throw new FailoverError('busy', 'A phone change is already in progress; wait for it to finish.');
    this.failoverBusy = true;
    try {
      let rec: FailoverRecord;
      try {
        rec = await switchToSoftphone(agent, {
          consent: opts.consent ?? 'agent',
          reason: opts.reason ?? 'Back to the softphone.',
          timeoutMs: opts.timeoutMs ?? this.opts.failoverTimeoutMs ?? DEFAULT_FAILOVER_TIMEOUT_MS,
          invalidLocale: this.connect?.AgentErrorStates?.INVALID_LOCALE ?? 'InvalidLocale',
          signal: this.life.signal,
          ...(this.extensionBeforeFailover !== undefined ? { extension: this.extensionBeforeFailover } : {}),
        });
      } catch (e) {
        if (e instanceof FailoverError && e.record) this.record(e.record);
        throw e;
      }
      this.extensionBeforeFailover = undefined;
      this.record(rec);
      await this.until(() => this.snap.agent?.softphoneEnabled === true, undefined, Date.now() + 3000);
      return { ...rec };
    } finally {
      this.failoverBusy = false;
    }
  }

  /** Call summaries so far (bounded). */
  callSummaries(): CallSummary[] {
    return this.calls.summaries();
  }
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

function describe(e: unknown): string {
  if (typeof e === 'string') return e;
  if (e instanceof Error) return e.message;
  if (e && typeof e === 'object') {
    const o = e as { message?: unknown; type?: unknown };
    const s = [o.type, o.message].filter((x) => typeof x === 'string').join(': ');
    if (s) return s;
  }
  return 'unknown error';
}

/** `[{ urls, username, credential }]` in any shape Streams gives it -> RTCIceServer[] (invalid entries dropped). */
export function normalizeServers(list: unknown): RTCIceServer[] {
  if (!Array.isArray(list)) return [];
  const out: RTCIceServer[] = [];
  for (const x of list) {
    if (!x || typeof x !== 'object') continue;
    const o = x as { urls?: unknown; url?: unknown; username?: unknown; credential?: unknown };
    const raw = o.urls ?? o.url;
    const urls = (Array.isArray(raw) ? raw : [raw]).filter((u): u is string => typeof u === 'string' && /^(stun|turns?):/i.test(u));
    if (!urls.length) continue;
    out.push({
      urls,
      ...(typeof o.username === 'string' ? { username: o.username } : {}),
      ...(typeof o.credential === 'string' ? { credential: o.credential } : {}),
    });
  }
  return out;
}

function cloneServers(s: RTCIceServer[]): RTCIceServer[] {
  return s.map((x) => ({ ...x, urls: Array.isArray(x.urls) ? [...x.urls] : x.urls }));
}

export { maskNumber };
