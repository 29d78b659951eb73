/**
 * The collector's fleet page script: the fleet view and the report viewer it opens. A read token may come in
 * the URL fragment (`#token=...`, never sent to a server); it is moved to this tab's session storage and the
 * fragment is cleared.
 */
import './ccp-preflight-fleet.js';
import '../ccp-preflight-report/ccp-preflight-report.js';

const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
if (m) {
  try {
    sessionStorage.setItem('ccp-preflight:fleet-token', decodeURIComponent(m[1]!));
  } catch { /* storage blocked: the element asks for the token */ }
  history.replaceState(null, '', location.pathname + location.search);
}
const el = document.querySelector('ccp-preflight-fleet');
if (el && !el.getAttribute('collector-url')) el.setAttribute('collector-url', location.origin);
