import type { BrowserData } from '../report/schema.js';

/** The rendering/JS engine behind a browser: what actually runs WebRTC. */
export type BrowserEngine = 'blink' | 'gecko' | 'webkit' | 'edgehtml' | 'unknown';

/** Everything the `browser` check needs to know about the browser, from UA-CH brands or the UA string. */
export interface BrowserDescription {
  family: BrowserData['family'];
  /** Major version of the browser itself (for Chromium-based browsers: of the Chromium engine when known). */
  major: number | null;
  /** A human name for the browser, e.g. "Google Chrome", "Opera", "Chrome on iOS". */
  name: string;
  engine: BrowserEngine;
  /** Major version of the Chromium engine (Blink browsers only), e.g. 156 for Opera 141 built on Chromium 156. */
  engineMajor: number | null;
  /** True on iPhone/iPad, where every browser is Safari's WebKit underneath. */
  ios: boolean;
}

/** Browser family and major version from UA-CH brands (when present) or the user-agent string. */
export function parseUserAgent(
  userAgent: string,
  brands?: { brand: string; version: string }[],
): { family: BrowserData['family']; major: number | null } {
  const d = describeBrowser(userAgent, brands);
  return { family: d.family, major: d.major };
}

function intOrNull(s: string | undefined): number | null {
  const n = Number.parseInt(s ?? '', 10);
  return Number.isFinite(n) ? n : null;
}

/**
 * Chromium-based browsers that are neither Chrome nor Edge, by their UA-string token. Their own version
 * numbers follow their own schedules, so the Chromium engine version (the `Chrome/NNN` token) is what says how
 * current their WebRTC is.
 */
const OTHER_CHROMIUM: readonly { re: RegExp; name: string }[] = [
  { re: /\bOPR\/(\d+)/, name: 'Opera' },
  { re: /\bVivaldi\/(\d+)/, name: 'Vivaldi' },
  { re: /\bYaBrowser\/(\d+)/, name: 'Yandex Browser' },
  { re: /\bSamsungBrowser\/(\d+)/, name: 'Samsung Internet' },
  { re: /\bBrave\/(\d+)/, name: 'Brave' },
  { re: /\bChromium\/(\d+)/, name: 'Chromium' },
  { re: /\bHeadlessChrome\/(\d+)/, name: 'Chromium (headless)' },
];

/**
 * Describes the browser. UA-CH brands (navigator.userAgentData, secure contexts of Chromium browsers only)
 * are preferred because they tell Chrome from plain Chromium, Brave and Opera, which the UA string hides.
 */
export function describeBrowser(userAgent: string, brands?: { brand: string; version: string }[]): BrowserDescription {
  const ua = userAgent ?? '';
  const ios = /\b(iPhone|iPad|iPod)\b/.test(ua) || (/\bMacintosh\b/.test(ua) && /\bMobile\//.test(ua));
  const m = (re: RegExp) => {
    const r = re.exec(ua);
    return r ? intOrNull(r[1]) : null;
  };
  const chromeToken = m(/\b(?:Chrome|HeadlessChrome|Chromium)\/(\d+)/);

  if (brands && brands.length) {
    const find = (name: string) => brands.find((b) => b.brand === name);
    const chromium = find('Chromium');
    const engineMajor = intOrNull(chromium?.version) ?? chromeToken;
    const edge = find('Microsoft Edge');
    const chrome = find('Google Chrome');
    if (edge) return { family: 'edge', major: intOrNull(edge.version), name: 'Microsoft Edge', engine: 'blink', engineMajor, ios: false };
    if (chrome) return { family: 'chrome', major: intOrNull(chrome.version), name: 'Google Chrome', engine: 'blink', engineMajor, ios: false };
    if (chromium) {
      // Any other brand besides GREASE ("Not A(Brand", "Not/A)Brand" ...) and Chromium names the product.
      const other = brands.find((b) => b.brand !== 'Chromium' && !/not.?a.?brand/i.test(b.brand));
      const name = other ? (other.brand === 'HeadlessChrome' ? 'Chromium (headless)' : other.brand) : 'Chromium';
      return { family: 'chromium', major: engineMajor, name, engine: 'blink', engineMajor, ios: false };
    }
  }

  let major: number | null;
  // iOS: every browser there is WebKit, whatever its name says.
  if ((major = m(/\bCriOS\/(\d+)/)) !== null) return { family: 'chrome', major, name: 'Chrome on iOS', engine: 'webkit', engineMajor: null, ios: true };
  if ((major = m(/\bFxiOS\/(\d+)/)) !== null) return { family: 'firefox', major, name: 'Firefox on iOS', engine: 'webkit', engineMajor: null, ios: true };
  if ((major = m(/\bEdgiOS\/(\d+)/)) !== null) return { family: 'edge', major, name: 'Edge on iOS', engine: 'webkit', engineMajor: null, ios: true };
  // Legacy Edge (EdgeHTML, "Edge/18"): not Chromium-based.
  if ((major = m(/\bEdge\/(\d+)/)) !== null) return { family: 'edge', major, name: 'Microsoft Edge (legacy)', engine: 'edgehtml', engineMajor: null, ios };
  if ((major = m(/\bEdg(?:A)?\/(\d+)/)) !== null) return { family: 'edge', major, name: 'Microsoft Edge', engine: 'blink', engineMajor: chromeToken, ios };
  if ((major = m(/\bFirefox\/(\d+)/)) !== null) return { family: 'firefox', major, name: 'Mozilla Firefox', engine: 'gecko', engineMajor: null, ios };
  for (const o of OTHER_CHROMIUM) {
    if (o.re.test(ua) && chromeToken !== null) {
      return { family: 'chromium', major: chromeToken, name: o.name, engine: 'blink', engineMajor: chromeToken, ios };
    }
  }
  if ((major = m(/\bChrome\/(\d+)/)) !== null) return { family: 'chrome', major, name: 'Google Chrome', engine: 'blink', engineMajor: major, ios };
  if ((major = m(/\bVersion\/(\d+).*Safari\//)) !== null) return { family: 'safari', major, name: 'Safari', engine: 'webkit', engineMajor: null, ios };
  if (/AppleWebKit\//.test(ua)) return { family: 'other', major: null, name: 'a WebKit browser', engine: 'webkit', engineMajor: null, ios };
  return { family: 'other', major: null, name: 'an unrecognised browser', engine: 'unknown', engineMajor: null, ios };
}
