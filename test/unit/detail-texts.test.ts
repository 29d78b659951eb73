// The measurements' explanations under "For IT" (endpoint and WebSocket results, relay error codes, how the
// bandwidth was measured, the Region recommendation) read in the reader's language: made from the sentences the
// checks really write, shown as written in English and said again in every other language.
import { afterAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../src/i18n/runtime.js';
import { TARGET_LOCALES } from '../../src/i18n/locale.js';
import { bandwidthMethod, endpointDetail, iceErrorMeaning, regionRecommendation, websocketDetail } from '../../src/i18n/detail-texts.js';
import { classifyAttempts, type Attempt } from '../../src/checks/endpoints.js';
import { explainIceError } from '../../src/checks/ice.js';
import { measuredHow } from '../../src/checks/bandwidth.js';
import { checkRows } from '../../src/report/definition/rows.js';
import { runPreflight } from '../../src/runner.js';
import type { Deps } from '../../src/checks/types.js';

const failed = (ms: number): Attempt => ({ ok: false, ms, kind: 'failed', message: 'Failed to fetch' });
const ok = (ms: number): Attempt => ({ ok: true, ms });

/** The sentences the endpoints check writes, by outcome. */
const WRITTEN = {
  timeout: classifyAttempts([{ ok: false, ms: 3000, kind: 'timeout', message: 'no answer' }], 300),
  dns: classifyAttempts([failed(12)], 300, true),
  blocked: classifyAttempts([failed(8)], 300, null),
  blockedIp: classifyAttempts([failed(8)], 300, null, true),
  slow: classifyAttempts([ok(900), ok(400), failed(20), ok(420)], 300),
  outOfTime: classifyAttempts([], 300),
};
const ICE_CODES_SEEN = [300, 400, 401, 403, 437, 438, 441, 442, 486, 500, 508, 701];

/** Endpoints data with a Region recommendation, as the check writes it (fake fetch: each Region's delay). */
async function endpointsData(region: string | undefined, delays: Record<string, number>) {
  const deps: Partial<Deps> = {
    fetch: ((url: string, init: RequestInit) => new Promise<Response>((resolve, reject) => {
      const h = setTimeout(() => resolve(new Response(null, { status: 204 })), delays[/\/\/(r\d)\./.exec(url)?.[1] ?? ''] ?? 1);
      init.signal?.addEventListener('abort', () => { clearTimeout(h); reject(new DOMException('aborted', 'AbortError')); });
    })) as unknown as typeof fetch,
    now: () => performance.now(),
    date: () => new Date(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    navigator: { userAgent: 'test' },
  };
  const report = await runPreflight({ checks: ['endpoints'], ...(region ? { region } : {}), endpoints: [{ url: 'https://sig.example/', role: 'signaling' }], regions: Object.keys(delays).map((r) => ({ region: r, url: `https://${r}.example/` })), deps });
  return report.checks[0]!.data as Record<string, unknown>;
}

/** Every text of the endpoints check's rows (figures and table cells). */
const rowTexts = (data: unknown): string[] => {
  const rows = checkRows('endpoints', data);
  return [...rows.figures.map(([, v]) => v), ...rows.tables.flatMap((t) => t.rows.flat())];
};
/** English words of three letters or more that no target language uses (a left-over English sentence). */
const ENGLISH = /\b(the|was|were|answers|answered|request|failed|could|packets|probably|through|both|directions|closest|measured)\b/;

describe('explanations under "For IT" in the reader\'s language', () => {
  afterAll(() => setLocale('en'));

  it('English: every explanation is shown as the check wrote it', async () => {
    await setLocale('en');
    for (const [outcome, c] of Object.entries(WRITTEN)) expect(endpointDetail(c.outcome, c.detail, c.failedAfterOk), outcome).toBe(c.detail);
    for (const code of ICE_CODES_SEEN) expect(iceErrorMeaning(code, explainIceError(code, 'turn:x:3478'))).toBe(explainIceError(code, 'turn:x:3478'));
    expect(bandwidthMethod(measuredHow('turn:x:3478'))).toBe(measuredHow('turn:x:3478'));
    expect(websocketDetail('timeout', 'No answer to the WebSocket handshake within 3000 ms.')).toBe('No answer to the WebSocket handshake within 3000 ms.');
  });

  it.each(TARGET_LOCALES)('%s: what the checks write is said again, with its figures, and no English is left', async (locale) => {
    await setLocale(locale);
    for (const [outcome, c] of Object.entries(WRITTEN)) {
      const t = endpointDetail(c.outcome, c.detail, c.failedAfterOk);
      expect(t, outcome).not.toBe(c.detail);
      expect(t, `${locale} ${outcome}: ${t}`).not.toMatch(ENGLISH);
    }
    expect(endpointDetail('slow', WRITTEN.slow.detail, 1)).toMatch(/1/);
    for (const code of ICE_CODES_SEEN) {
      const t = iceErrorMeaning(code, explainIceError(code, 'turn:x:3478'));
      expect(t, `${locale} ${code}: ${t}`).not.toMatch(ENGLISH);
    }
    const how = bandwidthMethod(measuredHow('turn:relay.example:3478?transport=udp'));
    expect(how).toContain('turn:relay.example:3478?transport=udp');
    expect(how).toMatch(/800/);
    expect(how.replace('turn:relay.example:3478?transport=udp', '')).not.toMatch(ENGLISH);
    const ws = websocketDetail('ok', 'The WebSocket handshake completed in 42 ms.');
    expect(ws).toMatch(/42/);
    expect(ws).not.toMatch(ENGLISH);
  });

  it.each(TARGET_LOCALES)('%s: the Region recommendation and the endpoint rows of real check data carry no English sentence', async (locale) => {
    const far = await endpointsData('r1', { r1: 90, r2: 5, r3: 20 });
    const near = await endpointsData('r2', { r1: 90, r2: 5, r3: 20 });
    const none = await endpointsData(undefined, { r1: 30, r2: 5 });
    await setLocale(locale);
    for (const data of [far, near, none]) {
      const rec = regionRecommendation(String(data['recommendation']), data['regions'] as { region: string; medianMs: number }[], data['bestRegion'], data['instanceRegion']);
      expect(rec, `${locale}: ${rec}`).not.toMatch(ENGLISH);
      expect(rec).toContain(String(data['bestRegion']));
      for (const text of rowTexts(data)) expect(text, `${locale}: ${text}`).not.toMatch(ENGLISH);
    }
  });

  it('a sentence this version does not write is shown as written', async () => {
    await setLocale('es');
    expect(endpointDetail('error', 'Some other reason.', 0)).toBe('Some other reason.');
    expect(bandwidthMethod('a method from a newer version')).toBe('a method from a newer version');
    expect(iceErrorMeaning(999, 'turn:x: code 999')).toBe('turn:x: code 999');
    expect(regionRecommendation('A newer recommendation.', [], undefined, undefined)).toBe('A newer recommendation.');
  });
});
