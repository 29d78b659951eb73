/**
 * The collector's fleet page script: the fleet view and the report viewer it opens, and the page's own words in
 * the language the view chose (the browser's, without asking). A read token may come in the URL fragment
 * (`#token=...`, never sent to a server); it is moved to this tab's session storage and the fragment is cleared.
 */
import './ccp-preflight-fleet.js';
import '../ccp-preflight-report/ccp-preflight-report.js';
import { followLanguage } from './page-texts.js';

const el = document.querySelector('ccp-preflight-fleet');
const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
if (m) {
  const token = decodeURIComponent(m[1]!);
  try {
    sessionStorage.setItem('ccp-preflight:fleet-token', token);
  } catch { /* storage blocked: the token stays on the element for this page's life */ }
  history.replaceState(null, '', location.pathname + location.search);
  if (el) el.token = token;
}
if (el && !el.getAttribute('collector-url')) el.setAttribute('collector-url', location.origin);
followLanguage();
