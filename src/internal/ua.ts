import type { BrowserData } from '../report/schema.js';

/** Browser family and major version from UA-CH brands (when present) or the user-agent string. */
export function parseUserAgent(
  userAgent: string,
  brands?: { brand: string; version: string }[],
): { family: BrowserData['family']; major: number | null } {
  if (brands && brands.length) {
    const find = (name: string) => brands.find((b) => b.brand === name);
    const hit = find('Microsoft Edge') ?? find('Google Chrome') ?? find('Chromium');
    if (hit) {
      const family = hit.brand === 'Microsoft Edge' ? 'edge' : hit.brand === 'Google Chrome' ? 'chrome' : 'chromium';
      const major = Number.parseInt(hit.version, 10);
      return { family, major: Number.isFinite(major) ? major : null };
    }
  }
  const m = (re: RegExp) => {
    const r = re.exec(userAgent);
    return r ? Number.parseInt(r[1] ?? '', 10) : null;
  };
  let major: number | null;
  if ((major = m(/Edg(?:e|A|iOS)?\/(\d+)/)) !== null) return { family: 'edge', major };
  if ((major = m(/(?:Firefox|FxiOS)\/(\d+)/)) !== null) return { family: 'firefox', major };
  if ((major = m(/Chromium\/(\d+)/)) !== null) return { family: 'chromium', major };
  if ((major = m(/(?:Chrome|CriOS)\/(\d+)/)) !== null) return { family: 'chrome', major };
  if ((major = m(/Version\/(\d+).*Safari\//)) !== null) return { family: 'safari', major };
  return { family: 'other', major: null };
}
