import { describe, expect, it } from 'vitest';
import { createBrowserCheck, detectWebApis, outcomeFromFindings, type WebApis } from '../../src/checks/browser.js';
import { estimateLatest, extrapolateMajor, judgeVersion, SHIPPED_BROWSER_VERSIONS } from '../../src/checks/browser-versions.js';
import type { CheckContext, Deps, RunOptions } from '../../src/checks/types.js';
import { describeBrowser, parseUserAgent } from '../../src/internal/ua.js';
import { resolveOptions } from '../../src/runner.js';
import type { BrowserData } from '../../src/report/schema.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const ALL_APIS: WebApis = { RTCPeerConnection: true, getUserMedia: true, getStats: true, RTCDataChannel: true, AudioContext: true, CompressionStream: true, enumerateDevices: true, permissions: true };

const UA = {
  chrome: (v: number) => `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36`,
  firefox: (v: number) => `Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:${v}.0) Gecko/20100101 Firefox/${v}.0`,
  edge: (v: number) => `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36 Edg/${v}.0.0.0`,
  opera: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/157.0.0.0 Safari/537.36 OPR/142.0.0.0',
  headless: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
  safari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/19.1 Safari/605.1.15',
  chromeIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/158.0.0.0 Mobile/15E148 Safari/604.1',
  legacyEdge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.18363',
  samsung: 'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/28.0 Chrome/150.0.0.0 Mobile Safari/537.36',
};

function ctxFor(
  userAgent: string,
  o: { secure?: boolean; date?: Date; brands?: { brand: string; version: string }[]; browserVersions?: RunOptions['browserVersions'] } = {},
): CheckContext {
  const deps = {
    navigator: { userAgent, ...(o.brands ? { userAgentData: { brands: o.brands } } : {}) },
    isSecureContext: o.secure ?? true,
    date: () => o.date ?? NOW,
    now: () => 0,
  } as unknown as Deps;
  return {
    options: resolveOptions({ browserVersions: o.browserVersions }),
    deps,
    results: new Map(),
    iceServers: async () => ({ source: 'none', servers: [] }),
    progress: () => {},
  };
}

async function run(userAgent: string, o: Parameters<typeof ctxFor>[1] & { apis?: Partial<WebApis> } = {}) {
  const check = createBrowserCheck({ detectApis: () => ({ ...ALL_APIS, ...o.apis }) as WebApis });
  const out = await check.run(ctxFor(userAgent, o), new AbortController().signal);
  return out as typeof out & { data: BrowserData };
}

describe('user agent parsing', () => {
  it.each([
    [UA.chrome(158), 'chrome', 158, 'blink'],
    [UA.firefox(157), 'firefox', 157, 'gecko'],
    [UA.edge(158), 'edge', 158, 'blink'],
    [UA.opera, 'chromium', 157, 'blink'],
    [UA.headless, 'chromium', 156, 'blink'],
    [UA.samsung, 'chromium', 150, 'blink'],
    [UA.safari, 'safari', 19, 'webkit'],
    [UA.chromeIos, 'chrome', 158, 'webkit'],
    [UA.legacyEdge, 'edge', 18, 'edgehtml'],
    ['curl/8.5.0', 'other', null, 'unknown'],
  ])('%s -> %s %s', (ua, family, major, engine) => {
    const d = describeBrowser(ua);
    expect([d.family, d.major, d.engine]).toEqual([family, major, engine]);
    expect(parseUserAgent(ua)).toEqual({ family, major });
  });

  it('prefers UA-CH brands: plain Chromium, Brave and Chrome look alike in the UA string', () => {
    const grease = { brand: 'Not/A)Brand', version: '8' };
    expect(describeBrowser(UA.chrome(156), [grease, { brand: 'Chromium', version: '156' }])).toMatchObject({ family: 'chromium', major: 156, name: 'Chromium' });
    expect(describeBrowser(UA.chrome(156), [grease, { brand: 'Chromium', version: '156' }, { brand: 'Brave', version: '156' }])).toMatchObject({ family: 'chromium', name: 'Brave' });
    expect(describeBrowser(UA.chrome(158), [{ brand: 'Chromium', version: '158' }, { brand: 'Google Chrome', version: '158' }, grease])).toMatchObject({ family: 'chrome', major: 158 });
    expect(describeBrowser(UA.edge(158), [{ brand: 'Chromium', version: '158' }, { brand: 'Microsoft Edge', version: '158' }])).toMatchObject({ family: 'edge', major: 158, engineMajor: 158 });
  });
});

describe('version table', () => {
  it('ships the estimate written on 2026-11-23: Chrome 158, Firefox 157', () => {
    expect(SHIPPED_BROWSER_VERSIONS.date).toBe('2026-11-23');
    expect(estimateLatest('chrome', NOW)).toMatchObject({ latest: 158, extrapolatedBy: 0, source: 'shipped' });
    expect(estimateLatest('firefox', NOW)).toMatchObject({ latest: 157, extrapolatedBy: 0, source: 'shipped' });
  });

  it('extrapolates with each cadence: floor(days since release / cadence days)', () => {
    // Chrome 158 on 2026-11-17, every 14 days: 13 days later still 158, 14 days later 159.
    expect(extrapolateMajor({ major: 158, released: '2026-11-17', cadenceDays: 14 }, new Date('2026-11-30T12:00:00Z')).latest).toBe(158);
    expect(extrapolateMajor({ major: 158, released: '2026-11-17', cadenceDays: 14 }, new Date('2026-12-01T12:00:00Z')).latest).toBe(159);
    // Half a year on: 187 days -> +13 Chrome majors; Firefox 194 days -> +6.
    const later = new Date('2027-05-23T12:00:00Z');
    expect(estimateLatest('chrome', later)).toMatchObject({ latest: 171, extrapolatedBy: 13 });
    expect(estimateLatest('firefox', later)).toMatchObject({ latest: 163, extrapolatedBy: 6 });
    // Never backwards.
    expect(extrapolateMajor({ major: 158, released: '2026-11-17', cadenceDays: 14 }, new Date('2026-01-01')).latest).toBe(158);
  });

  it('takes an override, extrapolated from its date, or as current when undated', () => {
    expect(estimateLatest('chrome', NOW, { chrome: 150 })).toMatchObject({ latest: 150, extrapolatedBy: 0, source: 'override' });
    expect(estimateLatest('chrome', new Date('2026-12-29T00:00:00Z'), { chrome: 160, date: '2026-12-01' })).toMatchObject({ latest: 162, source: 'override' });
    // An override naming only Firefox leaves Chrome on the shipped table.
    expect(estimateLatest('chrome', NOW, { firefox: 200 }).source).toBe('shipped');
  });

  it('places versions: latest three current, then a tolerance that widens with the age of the estimate', () => {
    const j = (major: number | null, now = NOW) => judgeVersion('chrome', major, now, 3).standing;
    expect([j(158), j(157), j(156), j(155), j(154), j(153), j(null)]).toEqual(['current', 'current', 'current', 'outdated', 'outdated', 'too-old', 'unknown']);
    const later = new Date('2027-05-23T12:00:00Z'); // latest 171, min 169, grace 3
    expect([j(169, later), j(166, later), j(165, later)]).toEqual(['current', 'outdated', 'too-old']);
    // A browser newer than the estimate raises it.
    expect(judgeVersion('chrome', 170, NOW, 3)).toMatchObject({ standing: 'current', latest: 170, minSupported: 168 });
  });
});

describe('browser check', () => {
  it('passes current Chrome and Firefox, saying what is supported', async () => {
    const c = await run(UA.chrome(156));
    expect(c.verdict).toBe('pass');
    expect(c.summary).toBe("Google Chrome 156 is up to date: Amazon Connect supports Chrome 156 to 158 (by release schedules). It has everything the softphone needs.");
    expect(c.data).toMatchObject({ family: 'chrome', major: 156, latestMajor: 158, minSupportedMajor: 156, versionStanding: 'current', versionTableDate: '2026-11-23', secureContext: true });
    const f = await run(UA.firefox(155));
    expect(f.verdict).toBe('pass');
    expect(f.data).toMatchObject({ latestMajor: 157, minSupportedMajor: 155 });
  });

  it('warns just below the latest three and fails clearly older versions', async () => {
    const a = await run(UA.chrome(155));
    expect([a.verdict, a.code]).toEqual(['warn', 'outdated']);
    expect(a.summary).toMatch(/out of date.*Chrome 156 to 158.*About Google Chrome/);
    const b = await run(UA.chrome(153));
    expect([b.verdict, b.code]).toEqual(['fail', 'too-old']);
    const esr = await run(UA.firefox(153)); // an ESR is behind "the latest three"
    expect([esr.verdict, esr.code]).toEqual(['warn', 'esr-outdated']);
    const esrOld = await run(UA.firefox(140));
    expect(esrOld.verdict).toBe('fail');
  });

  it('says plainly what "latest three" means for Firefox ESR, and when an ESR stopped getting updates', async () => {
    const esr = await run(UA.firefox(153));
    expect(esr.summary).toMatch(/Firefox 153 looks like Firefox ESR \(Extended Support Release\)/);
    expect(esr.summary).toMatch(/updates until about 2027-10-\d\d/); // next ESR expected ~1 year after 2026-07-21, + 12 weeks
    expect(esr.summary).toMatch(/"the latest three versions" of Firefox, which today are Firefox 155 to 157/);
    expect(esr.remedies ?? []).toEqual([]); // one finding: the runner adds the catalogue's remedies for its code
    // ESR 140 ended about 12 weeks after ESR 153 shipped (2026-07-21 + 84 days = 2026-10-13): a plain "too old".
    const old = await run(UA.firefox(140));
    expect([old.verdict, old.code]).toEqual(['fail', 'too-old']);
    expect(old.summary).toMatch(/Firefox ESR 140, which stopped getting updates around 2026-10-13 \(ESR 153 replaced it\)/);
    // Before that date, ESR 140 was still updated: a warning, not a failure.
    const before = await run(UA.firefox(140), { date: new Date('2026-09-01T12:00:00Z') });
    expect([before.verdict, before.code]).toEqual(['warn', 'esr-outdated']);
    // A Firefox on a non-ESR major behind the latest three is simply out of date.
    expect((await run(UA.firefox(154))).code).toBe('outdated');
  });

  it('Firefox in the split model (CCP without media): the local media CCP must not be Firefox', async () => {
    const check = createBrowserCheck({ detectApis: () => ALL_APIS });
    const ctx = ctxFor(UA.firefox(157));
    const split = await check.run({ ...ctx, options: { ...ctx.options, ccpMode: 'media-less' } }, new AbortController().signal);
    expect([split.verdict, split.code]).toEqual(['warn', 'firefox-split-model']);
    expect(split.summary).toMatch(/only while its tab has focus.*Google Chrome/);
    const chrome = createBrowserCheck({ detectApis: () => ALL_APIS });
    const cctx = ctxFor(UA.chrome(158));
    expect((await chrome.run({ ...cctx, options: { ...cctx.options, ccpMode: 'media-less' } }, new AbortController().signal)).verdict).toBe('pass');
    expect((await check.run(ctx, new AbortController().signal)).verdict).toBe('pass'); // full CCP in Firefox
  });

  it("takes webrtc-adapter's version when the user agent hides it, and never waits on a hung adapter", async () => {
    const noVersion = 'Mozilla/5.0 (compatible)'; // a stripped user agent (a privacy tool or a kiosk policy)
    const withAdapter = createBrowserCheck({ detectApis: () => ALL_APIS, loadAdapter: async () => ({ browser: 'firefox', version: 157 }) });
    const a = await withAdapter.run(ctxFor(noVersion), new AbortController().signal);
    expect([a.verdict, a.data.family, a.data.major]).toEqual(['pass', 'firefox', 157]);
    const blink = createBrowserCheck({ detectApis: () => ALL_APIS, loadAdapter: async () => ({ browser: 'chrome', version: 158 }) });
    const b = await blink.run(ctxFor(noVersion), new AbortController().signal);
    expect([b.verdict, b.code, b.data.engineMajor]).toEqual(['warn', 'chromium-based', 158]); // Chrome cannot be told from Chromium this way
    // The user agent wins when it names the browser: the adapter only fills gaps.
    const disagree = createBrowserCheck({ detectApis: () => ALL_APIS, loadAdapter: async () => ({ browser: 'firefox', version: 120 }) });
    expect((await disagree.run(ctxFor(UA.firefox(157)), new AbortController().signal)).data.major).toBe(157);
    const hung = createBrowserCheck({ detectApis: () => ALL_APIS, loadAdapter: () => new Promise(() => {}) });
    const t0 = Date.now();
    const h = await hung.run(ctxFor(UA.firefox(157)), new AbortController().signal);
    expect(h.verdict).toBe('pass');
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('follows the table forward in time without a new release of the package', async () => {
    const later = new Date('2027-05-23T12:00:00Z');
    expect((await run(UA.chrome(158), { date: later })).code).toBe('too-old');
    expect((await run(UA.chrome(170), { date: later })).verdict).toBe('pass');
    const c = await run(UA.chrome(170), { date: later });
    expect(c.data.versionExtrapolatedBy).toBe(13);
    expect(c.summary).toMatch(/estimated for 2027-05-23/);
  });

  it('uses the override from the options', async () => {
    const c = await run(UA.chrome(157), { browserVersions: { chrome: 161 } });
    expect([c.verdict, c.code]).toEqual(['warn', 'outdated']);
    expect(c.data).toMatchObject({ latestMajor: 161, versionSource: 'override' });
    expect(c.summary).toMatch(/your organisation's version list/);
  });

  it('warns for Chromium-based browsers, also this Debian Chromium 156', async () => {
    for (const ua of [UA.edge(158), UA.opera, UA.headless]) {
      const c = await run(ua);
      expect([c.verdict, c.code], ua).toEqual(['warn', 'chromium-based']);
      expect(c.summary).toMatch(/built on Chromium.*not on Amazon's list.*unsupported/);
    }
    const brands = [{ brand: 'Chromium', version: '156' }, { brand: 'Not_A Brand', version: '24' }];
    const c = await run(UA.chrome(156), { brands });
    expect([c.data.family, c.data.name, c.verdict]).toEqual(['chromium', 'Chromium', 'warn']);
    // An old engine under another name fails like an old Chrome.
    const old = await run(UA.samsung);
    expect([old.verdict, old.code]).toEqual(['fail', 'too-old']);
    expect(old.data.findings).toEqual(['chromium-based', 'too-old']);
    expect(old.summary).toMatch(/^Samsung Internet 150's Chromium engine \(150\) is older/);
  });

  it('fails Safari, any iOS browser, legacy Edge and unknown browsers with what to use instead', async () => {
    for (const ua of [UA.safari, UA.chromeIos, UA.legacyEdge, 'curl/8.5.0']) {
      const c = await run(ua);
      expect([c.verdict, c.code], ua).toEqual(['fail', 'unsupported-browser']);
      expect(c.summary).toMatch(/Google Chrome or Mozilla Firefox/);
    }
    expect((await run(UA.chromeIos)).summary).toMatch(/iPhone and iPad/);
  });

  it('fails outside a secure context, explaining HTTPS, without blaming getUserMedia twice', async () => {
    const c = await run(UA.chrome(158), { secure: false, apis: { getUserMedia: false } });
    expect([c.verdict, c.code]).toEqual(['fail', 'insecure-context']);
    expect(c.summary).toMatch(/https:\/\//);
    expect(c.data.findings).toEqual(['insecure-context']);
    expect(c.data.secureContext).toBe(false);
  });

  it('fails without the WebRTC core and warns without the tool APIs', async () => {
    const a = await run(UA.chrome(158), { apis: { RTCPeerConnection: false, getStats: false } });
    expect([a.verdict, a.code]).toEqual(['fail', 'webrtc-missing']);
    expect(a.summary).toMatch(/RTCPeerConnection, getStats/);
    const b = await run(UA.chrome(158), { apis: { AudioContext: false } });
    expect([b.verdict, b.code]).toEqual(['warn', 'api-missing-optional']);
    const c = await run(UA.chrome(158), { apis: { CompressionStream: false } });
    expect(c.verdict).toBe('pass');
    expect(c.data.apis['CompressionStream']).toBe(false);
  });

  it('detects APIs on a global object', () => {
    class PC {
      getStats() {}
      createDataChannel() {}
    }
    const apis = detectWebApis({ RTCPeerConnection: PC, navigator: { mediaDevices: { getUserMedia() {}, enumerateDevices() {} } } });
    expect(apis).toMatchObject({ RTCPeerConnection: true, getStats: true, getUserMedia: true, RTCDataChannel: true, AudioContext: false });
    expect(detectWebApis({})).toMatchObject({ RTCPeerConnection: false, getUserMedia: false, getStats: false });
  });

  it('respects abort', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(createBrowserCheck().run(ctxFor(UA.chrome(158)), ac.signal)).rejects.toThrow();
  });
});

describe('findings -> outcome', () => {
  it('takes the worst verdict, its first code, and orders sentences worst first', () => {
    const o = outcomeFromFindings('browser', [
      { code: 'a', verdict: 'pass', sentence: 'Note.' },
      { code: 'b', verdict: 'warn', sentence: 'Warned.' },
      { code: 'c', verdict: 'fail', sentence: 'Failed.' },
    ], 'All fine.');
    expect(o).toMatchObject({ verdict: 'fail', code: 'c', summary: 'Failed. Warned. Note.' });
    expect(outcomeFromFindings('browser', [{ code: 'a', verdict: 'pass', sentence: 'Note.' }], 'All fine.')).toEqual({ verdict: 'pass', summary: 'All fine. Note.' });
  });
});
