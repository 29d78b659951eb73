/**
 * The measurements' explanations under "For IT" (an endpoint's result, the WebSocket's, a relay server's error
 * codes, how the bandwidth was measured, the Region recommendation) in the reader's language.
 *
 * The checks write these as English sentences with their figures (the report's `detail`, `meaning`, `method`,
 * `recommendation`), and the report keeps them as the writer wrote them. In English they are shown as written.
 * In another language they are said again from what the report holds as data: the outcome, the error code,
 * the Region figures, and the shapes this version writes; a sentence this version does not know (a report from
 * another version) is shown as written, in English.
 */
import { msg, str } from '@lit/localize';
import { getLocale } from './runtime.js';
import { fmt, num } from '../report/definition/format.js';

const ms = (v: number): string => fmt(v, 'ms');

/** Content-Security-Policy refusals (endpoints and WebSocket): "… blocked by this page's Content-Security-Policy (connect-src) …". */
const CSP = /blocked by this page's Content-Security-Policy \(([a-z-]+)\)/;
const cspText = (directive: string): string =>
  msg(str`blocked by this page's Content Security Policy (${directive}), not by the network: the page that hosts the widget must allow this address to test it.`);

/** An endpoint's explanation (EndpointSample.detail) in the reader's language. */
export function endpointDetail(outcome: string, detail: string, failedRequests: unknown): string {
  if (getLocale() === 'en' || !detail) return detail;
  const csp = CSP.exec(detail);
  if (csp) return cspText(csp[1]!);
  const failed = num(failedRequests);
  switch (outcome) {
    case 'ok':
    case 'slow':
      return failed ? msg(str`${failed} of the requests failed.`) : '';
    case 'timeout':
      return msg('No answer: packets are probably dropped silently (a firewall DROP rule, a missing route) or a proxy holds the request.');
    case 'dns':
      return msg('The host name did not resolve (DNS): a typo in the host, or a DNS server that does not know the name.');
    case 'blocked':
      return msg('The request failed: the connection was refused or reset (a firewall REJECT rule), or TLS/proxy interception failed. A browser hides the exact network error.');
    default:
      if (/mixed content/.test(detail)) return msg('Not tested: this page is HTTPS and the address is plain http:, which the browser blocks (mixed content). Use an https: address.');
      if (/ran out of time/.test(detail)) return msg('Not tested: the check ran out of time.');
      return detail;
  }
}

/** The WebSocket's explanation in the reader's language. */
export function websocketDetail(outcome: string, detail: string): string {
  if (getLocale() === 'en' || !detail) return detail;
  const csp = CSP.exec(detail);
  if (csp) return cspText(csp[1]!);
  const took = /in (\d+) ms/.exec(detail)?.[1];
  switch (outcome) {
    case 'ok':
      return took ? msg(str`The handshake completed in ${ms(Number(took))}.`) : msg('The handshake completed.');
    case 'error':
      if (/could not be created/.test(detail)) return detail;
      return msg("The handshake failed. A browser cannot tell a server that refuses a WebSocket without a login from a proxy that refuses it; the CCP check's connection state is the real test.");
    case 'timeout':
      return msg('No answer to the handshake: typical of a proxy or firewall that holds WebSocket connections.');
    case 'skipped':
      return msg('This browser cannot open a WebSocket here.');
    default:
      return detail;
  }
}

/** What a relay server's error code means (IceServerProbe.errors[].meaning), in the reader's language. */
export function iceErrorMeaning(code: number, meaning: string): string {
  if (getLocale() === 'en') return meaning;
  if (code >= 700 && code <= 799) return msg('The server could not be reached (no answer, blocked, or the name did not resolve).');
  switch (code) {
    case 300:
      return msg('The server asked to use another server (Try Alternate); the browser did not follow.');
    case 400:
      return msg('The server rejected the request as malformed (Bad Request).');
    case 401:
      return msg('The server refused the username or credential (Unauthorized): the relay credential is wrong or expired.');
    case 403:
      return msg("The server forbids this request (Forbidden): its policy does not allow this client.");
    case 437:
      return msg('The server reported an allocation mismatch; try again.');
    case 438:
      return msg('The server reported a stale nonce; the browser normally retries by itself.');
    case 441:
      return msg('The server refused the credential for an existing allocation (Wrong Credentials).');
    case 442:
      return msg('The server does not support this transport protocol.');
    case 486:
      return msg('The server has reached its allocation quota for this user.');
    case 500:
      return msg('The server reported an internal error.');
    case 508:
      return msg('The server has no capacity for a new allocation (Insufficient Capacity).');
    default:
      return meaning;
  }
}

/** How the bandwidth was measured (BandwidthData.method), in the reader's language. */
export function bandwidthMethod(method: string): string {
  if (getLocale() === 'en') return method;
  const m = /^data channel through (\S+), both directions at once, paced at (\d+) kbit\/s for ([\d.]+) s$/.exec(method);
  if (!m) return method;
  return msg(str`a data channel through ${m[1]}, both directions at once, paced at ${fmt(Number(m[2]))} kbit/s for ${fmt(Number(m[3]), '', 1)} s`);
}

/** One Region's delay as the report holds it. */
export interface RegionRow {
  region?: unknown;
  medianMs?: unknown;
}

/**
 * The Region recommendation (EndpointsData.recommendation) in the reader's language, said again from the Regions'
 * delays, the closest Region and the instance's Region.
 */
export function regionRecommendation(recommendation: string, regions: readonly RegionRow[], best: unknown, instance: unknown): string {
  if (getLocale() === 'en' || !recommendation) return recommendation;
  const how = msg('Measured as HTTPS round trips (TCP 443) from this browser to each Region on a warm connection: not ping, and not the call audio path (UDP 3478), but it ranks Regions by network distance.');
  const delay = (name: unknown) => num(regions.find((r) => r.region === name)?.medianMs);
  const bestMs = delay(best);
  const mineMs = delay(instance);
  if (/^No Amazon Connect Region answered/.test(recommendation)) {
    return msg('No Amazon Connect Region answered over HTTPS from this browser: outbound TCP 443 to AWS looks blocked, or a proxy is required.');
  }
  if (typeof best !== 'string' || bestMs === null) return recommendation;
  if (typeof instance === 'string' && mineMs !== null) {
    if (/^\S+ answers in/.test(recommendation)) {
      return `${msg(str`${best} answers in ${ms(bestMs)}, the instance Region ${instance} in ${ms(mineMs)}. Amazon Connect networking guide (Region selection considerations): put the instance in the Region closest to the agents, or, where policy fixes the Region, choose the network path with the fewest hops to it.`)} ${how}`;
    }
    return `${instance === best ? msg(str`The instance Region ${instance} (${ms(mineMs)}) is the closest Amazon Connect Region from here.`) : msg(str`The instance Region ${instance} (${ms(mineMs)}) is close to the closest Amazon Connect Region from here (${best}, ${ms(bestMs)}).`)} ${how}`;
  }
  return `${msg(str`Closest Amazon Connect Region from here: ${best} (${ms(bestMs)}).`)} ${how}`;
}
