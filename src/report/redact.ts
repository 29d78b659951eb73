/**
 * redactReport: a copy of a report that is safe to paste into a ticket or a chat.
 *
 * Pure and deep: the input is not changed; every string anywhere in the report is inspected.
 *
 * What goes (and the path of each change is listed in `redacted`):
 * - Credentials: any key named like a credential (username, credential, password, secret, token, ...) is
 *   removed wherever it is; `user:pass@` in URLs and credential query parameters are stripped.
 * - Agent identity: `name` and `username` of the agent (subject.agent, the ccp check's data.agent); e-mail
 *   addresses are reduced to their domain (`***@example.com`); possessive names in device labels
 *   ("Alice's AirPods") become "[name]'s AirPods".
 * - Public IP addresses: IPv4 keeps its first two octets (`203.0.x.x`: the network operator, useful for
 *   support, not the host); IPv6 keeps its first two groups (`2001:db8:x:x:x:x:x:x`).
 *   KEPT on purpose: private (10/8, 172.16/12, 192.168/16, fc00::/7), loopback, link-local, CGNAT
 *   (100.64/10) and unspecified addresses. They identify no one outside the site and tell a network admin
 *   whether a VPN or a local relay is in the path.
 * - Phone numbers: E.164 numbers (`+` and 7 to 15 digits, spaces or dashes allowed) keep the country calling
 *   code and the last 2 digits: `+447700900123` -> `+44*******23`.
 *   Keys holding a phone number (`extension`, `phoneNumber`, `number`) are masked the same way even without a
 *   leading `+`.
 * Version strings (`Chrome/131.0.0.0`) and the user agent are never taken for IP addresses.
 */
import type { Report } from './schema.js';

/** Keys removed wherever they appear. Compared lower-case with `_`/`-` removed. */
const CREDENTIAL_KEYS = new Set([
  'username', 'credential', 'credentials', 'password', 'passwd', 'pass', 'secret', 'token', 'accesstoken', 'authtoken',
  'authorization', 'apikey', 'accesskey', 'secretkey', 'sessiontoken', 'cookie', 'privatekey',
]);
const PHONE_KEYS = new Set(['extension', 'phonenumber', 'number', 'phone', 'e164']);
/** Keys whose text is a product version or user agent: never masked as IPs. */
const VERSION_KEYS = new Set(['useragent', 'version', 'streamsversion', 'versiontabledate', 'schema', 'createdat', 'startedat', 'endedat', 'at']);
const AGENT_CONTAINERS = new Set(['agent']);
const AGENT_IDENTITY_KEYS = new Set(['name', 'username', 'displayname', 'firstname', 'lastname', 'email']);

const norm = (k: string): string => k.toLowerCase().replace(/[-_]/g, '');

/** A redacted copy; `redacted` lists the paths that changed (merged with any already listed). */
export function redactReport<R extends Report>(report: R): R {
  const paths: string[] = [];
  const out = walk(report, '', '', false, paths) as R;
  const before = Array.isArray(report.redacted) ? report.redacted.filter((x): x is string => typeof x === 'string') : [];
  (out as Report).redacted = [...new Set([...before, ...paths])];
  return out;
}

function walk(v: unknown, path: string, key: string, inAgent: boolean, paths: string[]): unknown {
  if (typeof v === 'string') {
    const k = norm(key);
    let s = v;
    if (PHONE_KEYS.has(k)) s = maskPhoneField(s);
    s = redactText(s, VERSION_KEYS.has(k));
    if (k === 'label') s = s.replace(/(^|[\s(])\p{Lu}[\p{L}-]{0,40}['’]s(?=\s)/gu, "$1[name]'s");
    if (s !== v) paths.push(path);
    return s;
  }
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x, i) => walk(x, `${path}[${i}]`, key, inAgent, paths));
  const out: Record<string, unknown> = Object.create(Object.getPrototypeOf(v) === null ? null : Object.prototype);
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    const p = path ? `${path}.${k}` : k;
    const nk = norm(k);
    if (k === 'redacted' && path === '') continue; // rebuilt by redactReport
    // A flag like `{ password: true }` carries no secret; strings, numbers and objects under these keys go.
    const secretValue = val !== null && typeof val !== 'boolean';
    if (secretValue && (CREDENTIAL_KEYS.has(nk) || (inAgent && AGENT_IDENTITY_KEYS.has(nk)))) {
      paths.push(p);
      continue;
    }
    out[k] = walk(val, p, k, inAgent || AGENT_CONTAINERS.has(nk), paths);
  }
  return out;
}

/**
 * Every pattern here is bounded ({0,N}), so a long string cannot make a regex scan quadratically.
 * Redacts credentials, e-mail addresses, public IPs and phone numbers in free text. */
export function redactText(s: string, versionLike = false): string {
  let t = s;
  // user:pass@ (or user@) in URLs, incl. turn:/stun: without slashes.
  t = t.replace(/\b([a-z][a-z0-9+.-]{0,31}:(?:\/\/)?)[^\s/@:?#]{1,256}(?::[^\s/@?#]{0,512})?@/gi, '$1');
  // credential query parameters
  t = t.replace(/([?&;])(username|user|credential|password|pass|passwd|token|secret|api[_-]?key|access[_-]?token|signature|x-amz-signature|x-amz-credential|x-amz-security-token)=[^&#\s]*/gi, '$1$2=[redacted]');
  // e-mail addresses
  t = t.replace(/[A-Za-z0-9._%+-]{1,64}@([A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24})/g, '***@$1');
  if (!versionLike) {
    t = t.replace(IPV6_CANDIDATE, (m: string) => maskIfPublicIPv6(m));
    t = t.replace(IPV4, (m: string) => (isPublicIPv4(m) ? maskIPv4(m) : m));
  }
  t = t.replace(/\+[1-9](?:[ -]?\d){6,14}\b/g, (m) => maskE164(m));
  return t;
}

// Not preceded by a digit, a dot, or a product token like "Chrome/" (but "//" in a URL is fine).
const IPV4 = /(?<![\d.]|[A-Za-z]\/)(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d]|\.\d)/g;
const IPV6_CANDIDATE = /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{0,4})(?:%[\w.]+)?(?![\w:]|\.\d)/g;

function isPublicIPv4(ip: string): boolean {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  if (a === 10 || a === 127 || a === 0) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 169 && b === 254) return false;
  if (a === 100 && b >= 64 && b <= 127) return false;
  if (a >= 224) return false; // multicast, reserved, broadcast
  return true;
}

function maskIPv4(ip: string): string {
  const [a, b] = ip.split('.');
  return `${a}.${b}.x.x`;
}

function maskIfPublicIPv6(tok: string): string {
  const bare = tok.replace(/%.*$/, '');
  const groups = expandIPv6(bare);
  if (!groups) return tok; // not an IPv6 address (a time like 18:06:05, a MAC, ...)
  const first = groups[0]!;
  const allZero = groups.every((g) => g === 0);
  const loopback = groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1;
  const ula = (first & 0xfe00) === 0xfc00;
  const linkLocal = (first & 0xffc0) === 0xfe80;
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (allZero || loopback || ula || linkLocal) return tok;
  if (mapped) {
    const v4 = `${groups[6]! >> 8}.${groups[6]! & 255}.${groups[7]! >> 8}.${groups[7]! & 255}`;
    return isPublicIPv4(v4) ? `::ffff:${maskIPv4(v4)}` : tok;
  }
  return `${groups[0]!.toString(16)}:${groups[1]!.toString(16)}:x:x:x:x:x:x`;
}

/** Eight 16-bit groups, or null when the text is not an IPv6 address. */
function expandIPv6(s: string): number[] | null {
  if (!/^[0-9A-Fa-f:.]+$/.test(s) || !s.includes(':')) return null;
  let text = s;
  let tail: number[] = [];
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const o = v4.slice(1).map(Number);
    if (o.some((x) => x > 255)) return null;
    tail = [(o[0]! << 8) | o[1]!, (o[2]! << 8) | o[3]!];
    text = text.slice(0, v4.index) + (text.slice(0, v4.index).endsWith(':') ? '' : ':');
    if (text.endsWith(':') && !text.endsWith('::')) text = text.slice(0, -1);
  } else if (s.includes('.')) return null;
  const parts = text.split('::');
  if (parts.length > 2) return null;
  const parse = (x: string): number[] | null => {
    if (x === '') return [];
    const gs = x.split(':');
    if (gs.some((g) => !/^[0-9A-Fa-f]{1,4}$/.test(g))) return null;
    return gs.map((g) => parseInt(g, 16));
  };
  const head = parse(parts[0]!);
  const rest = parts.length === 2 ? parse(parts[1]!) : [];
  if (!head || !rest) return null;
  const want = 8 - tail.length;
  if (parts.length === 2) {
    const fill = want - head.length - rest.length;
    if (fill < 1) return null;
    return [...head, ...new Array<number>(fill).fill(0), ...rest, ...tail];
  }
  if (head.length !== want) return null;
  return [...head, ...tail];
}

/** Country calling codes with two digits (ITU-T E.164 assignments); 1 and 7 have one, the rest three. */
const CC2 = new Set([
  '20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46', '47', '48', '49', '51', '52', '53', '54', '55', '56', '57',
  '58', '60', '61', '62', '63', '64', '65', '66', '81', '82', '84', '86', '90', '91', '92', '93', '94', '95', '98',
]);

/** The country calling code of an E.164 digit string (no `+`). */
export function countryCallingCode(digits: string): string {
  if (digits.startsWith('1') || digits.startsWith('7')) return digits.slice(0, 1);
  if (CC2.has(digits.slice(0, 2))) return digits.slice(0, 2);
  return digits.slice(0, 3);
}

/** `+44 7700 900123` -> `+44********23`: country code and the last 2 digits kept. */
export function maskE164(text: string): string {
  const digits = text.replace(/\D/g, '');
  if (digits.length < 4) return '+' + '*'.repeat(digits.length);
  const cc = countryCallingCode(digits);
  return `+${cc}${'*'.repeat(Math.max(0, digits.length - cc.length - 2))}${digits.slice(-2)}`;
}

/** A field that holds a phone number: masked even when it lacks the `+`. */
function maskPhoneField(s: string): string {
  const digits = s.replace(/\D/g, '');
  if (digits.length < 4 || s.includes('*')) return s; // nothing to mask, or masked already
  if (/^\s*\+/.test(s)) return s.replace(/\+[\d\s().-]+/g, (m) => maskE164(m));
  return s.replace(/\d(?=(?:\D*\d){2})/g, '*');
}
