/**
 * Dispatches a bubbling, composed CustomEvent from `el` with a typed detail. Event names are prefixed
 * `ccp-preflight-` and declared in the global HTMLElementEventMap (src/events.ts).
 */
export function emit<K extends keyof CcpPreflightEventMap>(
  el: EventTarget,
  name: K,
  detail: CcpPreflightEventMap[K]['detail'],
  init: { cancelable?: boolean } = {},
): boolean {
  const event = new CustomEvent(name, { bubbles: true, composed: true, cancelable: init.cancelable ?? false, detail });
  return el.dispatchEvent(event);
}

import type { CcpPreflightEventMap } from '../events.js';
