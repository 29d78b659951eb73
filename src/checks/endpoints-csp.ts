/**
 * Telling a Content-Security-Policy refusal from a network block. When the host page's CSP does not allow a
 * probe's origin in `connect-src`, the browser refuses the request before any network traffic: `fetch` fails
 * with the same TypeError as a refused connection, and a WebSocket closes with 1006. The page then fires a
 * `securitypolicyviolation` event (W3C Content Security Policy Level 3, "Report a violation",
 * https://www.w3.org/TR/CSP3/#report-violation) naming the blocked URL and the directive. The check listens
 * for those on the injected event target (the document) while it probes.
 */
export interface CspRefusal {
  /** The URL (or origin) the browser refused. */
  blockedUri: string;
  /** The directive that refused it, e.g. `connect-src`. */
  directive: string;
}

/** The fields of a SecurityPolicyViolationEvent the check reads. */
interface ViolationLike {
  blockedURI?: string;
  effectiveDirective?: string;
  violatedDirective?: string;
}

function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return undefined;
  }
}

/** Collects `securitypolicyviolation` events until `stop()`. Without a target (Node) it finds nothing. */
export function watchCsp(target: EventTarget | undefined): { refusalFor(url: string): CspRefusal | undefined; stop(): void } {
  const seen: CspRefusal[] = [];
  const onViolation = (ev: Event) => {
    const e = ev as Event & ViolationLike;
    if (typeof e.blockedURI !== 'string' || !e.blockedURI) return;
    seen.push({ blockedUri: e.blockedURI, directive: (e.effectiveDirective || e.violatedDirective || 'connect-src').split(' ')[0]! });
  };
  target?.addEventListener('securitypolicyviolation', onViolation);
  return {
    refusalFor(url: string) {
      const o = originOf(url);
      return seen.find((s) => s.blockedUri === url || (o !== undefined && originOf(s.blockedUri) === o));
    },
    stop() {
      target?.removeEventListener('securitypolicyviolation', onViolation);
    },
  };
}

/** The CSP source to add for a URL: its scheme and host (`https://acme.my.connect.aws`, `wss://rtc...`). */
export function cspSourceFor(url: string): string {
  return originOf(url) ?? url;
}

/** The sentence an admin acts on. */
export function cspSentence(url: string, refusal: CspRefusal): string {
  const directive = refusal.directive === 'default-src' ? 'connect-src' : refusal.directive;
  return `${new URL(url).host} was blocked by this page's Content-Security-Policy (${directive}), not by the network: add "${directive} ${cspSourceFor(url)}" to the policy of the page that hosts the widget to test it. The CCP runs in its own frame (the policy's frame-src must allow the instance), so this blocks the test, not necessarily the softphone.`;
}
