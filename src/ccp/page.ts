/**
 * Is a CCP already running in this page? Answered without loading Streams or the CCP adapter (the widget asks
 * on its first paint); src/ccp/streams.ts re-exports these.
 */
import type { ConnectLike } from './connect-types.js';

const noSub = { unsubscribe: () => undefined };
/** A conduit that drops everything (left on `core.upstream` after this widget stops its own CCP). */
export const INERT_CONDUIT = Object.freeze({
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

/** The page's `connect` when a usable Streams is loaded (the host's copy, or ours from an earlier start). */
export function pageConnect(): ConnectLike | undefined {
  const c = (globalThis as unknown as { connect?: ConnectLike }).connect;
  return typeof c?.core?.initCCP === 'function' ? c : undefined;
}

/** True when a CCP runs (or is starting) in this page: `initCCP` was called and not terminated. */
export function isCcpRunning(connect: ConnectLike): boolean {
  const core = connect.core;
  return !!core.initialized || (!!core.upstream && core.upstream !== INERT_CONDUIT);
}
