/**
 * The page's amazon-connect-streams: find the copy the page already runs (a desktop's own CCP), load ours only
 * when there is none, and start or stop a CCP that this widget owns. Streams is a page singleton (one
 * `connect`, one `initCCP` per page): a host's CCP is attached to, never re-initialized.
 */
import type { ConnectLike } from './connect-types.js';
import { INERT_CONDUIT, pageConnect } from './page.js';

/** Streams' iframe name (release/connect-streams.js CCP_IFRAME_NAME). */
export const CCP_IFRAME_NAME = 'Amazon Connect CCP';
/** Default iframe size: the CCP v2 needs about 320 x 465 px. */
export const DEFAULT_IFRAME_STYLE = 'width: 100%; min-width: 320px; height: 465px; border: 0;';

// Found without loading anything: in their own module, so the widget's first paint carries only these.
export { INERT_CONDUIT, pageConnect, isCcpRunning } from './page.js';

/**
 * The page's Streams: the copy already on the page when there is one (loading a second copy would replace the
 * host's `connect.core`), otherwise the bundled one (a webpack IIFE that sets globalThis.connect).
 */
export async function loadStreams(): Promise<ConnectLike> {
  const existing = pageConnect();
  if (existing) return existing;
  await import('amazon-connect-streams');
  const c = pageConnect();
  if (!c) throw new Error('The Amazon Connect Streams library loaded but is not usable (connect.core.initCCP is missing): another copy or an old version of Streams may be on this page. Load one copy of amazon-connect-streams 2.28.2 or later, then reload.');
  return c;
}

export interface OwnCcpParams {
  ccpUrl: string;
  region?: string | undefined;
  mode: 'full' | 'media-less';
  loginPopup?: boolean | undefined;
  ccpLoadTimeoutMs?: number | undefined;
  iframeStyle?: string | undefined;
}

/** Checks a CCP URL before Streams sees it; throws a RangeError that says what to give instead. */
export function checkCcpUrl(url: string): void {
  try {
    new URL(url);
  } catch {
    throw new RangeError(`The CCP URL "${url}" is not a URL (expected e.g. https://ALIAS.my.connect.aws/ccp-v2).`);
  }
  // Streams 2.28.2 logs the CCP URL through its sprintf, which throws on '%': initCCP would fail.
  if (url.includes('%')) throw new RangeError(`The CCP URL "${url}" contains "%" (percent-encoding), which amazon-connect-streams cannot initialize. Use the plain instance URL, e.g. https://ALIAS.my.connect.aws/ccp-v2.`);
}

/** Starts a CCP this widget owns, in `container`; returns the iframe Streams created there. */
export function startOwnCcp(connect: ConnectLike, container: HTMLElement, p: OwnCcpParams): HTMLIFrameElement | null {
  const before = new Set(Array.from(container.querySelectorAll?.('iframe') ?? []));
  connect.core.initCCP(container, {
    ccpUrl: p.ccpUrl,
    ...(p.region ? { region: p.region } : {}),
    loginPopup: p.loginPopup ?? true,
    loginPopupAutoClose: true,
    ...(p.ccpLoadTimeoutMs ? { ccpLoadTimeout: p.ccpLoadTimeoutMs } : {}),
    softphone: p.mode === 'full' ? { allowFramedSoftphone: true } : { allowFramedSoftphone: false, disableRingtone: true },
    pageOptions: { enablePhoneTypeSettings: true, enableAudioDeviceSettings: p.mode === 'full' },
    style: p.iframeStyle ?? DEFAULT_IFRAME_STYLE,
    iframeTitle: 'Amazon Connect Contact Control Panel',
  });
  const after = Array.from(container.querySelectorAll?.('iframe') ?? []);
  return (after.find((f) => !before.has(f) && f.name === CCP_IFRAME_NAME) as HTMLIFrameElement | undefined) ?? null;
}

/** Stops a CCP this widget started: Streams' timers, its conduit and every CCP iframe in `container`. */
export function stopOwnCcp(connect: ConnectLike, container: HTMLElement): void {
  const core = connect.core;
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
  // terminate() sets core.upstream = null, but Streams still has anonymous timers (CSM metrics 1 s after the
  // first ack, iframe style after 10 s) that call core.getUpstream() and would throw "There is no upstream
  // conduit!" in the host page. Leave an inert conduit that drops them; the next initCCP replaces it.
  core.upstream = INERT_CONDUIT;
  // Streams replaces the iframe on each refresh: remove every CCP iframe it put in our container.
  for (const f of Array.from(container.querySelectorAll?.(`iframe[name="${CCP_IFRAME_NAME}"]`) ?? [])) f.remove();
}

export function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/** An error of any shape Streams gives, as one line. */
export function describe(e: unknown): string {
  if (typeof e === 'string') return e;
  if (e instanceof Error) return e.message;
  if (e && typeof e === 'object') {
    const o = e as { message?: unknown; type?: unknown };
    const s = [o.type, o.message].filter((x) => typeof x === 'string').join(': ');
    if (s) return s;
  }
  return 'unknown error';
}
