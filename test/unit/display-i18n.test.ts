// Composite values of the display metadata (src/report/definition/display.ts show(): "yes, 42 ms", "120 to 122",
// "on a phone (…)", "data channel … candidate pair … RTCP …", outcome words, IP-range notes, headset kinds, MOS
// bands) in the reader's language, in the rows (HTML view) and in the terminal text (report/text.ts).
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRows } from '../../src/report/definition/rows.js';
import { TARGET_LOCALES } from '../../src/i18n/locale.js';
import { setLocale } from '../../src/i18n/runtime.js';
import { renderReportText, type Report } from './report-helpers.js';

/** Data that takes every composite branch (not the writer's free text: that stays as written). */
const DATA: Record<string, Record<string, unknown>> = {
  browser: { family: 'other', major: 120, minSupportedMajor: 120, latestMajor: 122, apis: { RTCPeerConnection: true, getUserMedia: true }, versionStanding: 'current' },
  devices: { selectedInput: { label: 'Jabra Evolve2 40', kind: 'analog' }, outputs: 2, outputsKnown: false, inputs: [{ label: 'Jabra Evolve2 40', kind: 'builtin', isDefault: true }] },
  endpoints: {
    endpoints: [
      { url: 'https://example-corp.my.connect.aws', role: 'instance', outcome: 'timeout', medianMs: null },
      { url: 'https://rtc.connect-telecom.us-east-1.amazonaws.com', role: 'signaling', outcome: 'dns' },
    ],
    regions: [{ region: 'us-east-1', medianMs: 40, outcome: 'blocked' }],
    websocket: { outcome: 'ok' },
  },
  'ice-udp': {
    source: 'ccp',
    servers: [
      { url: 'turn:relay-a.example:3478', srflx: true, srflxMs: 42, relay: true, relayMs: 80, relayAddress: '52.94.232.17', relayInAmazonConnect: true, errors: [] },
      { url: 'turn:relay-b.example:3478', srflx: false, relay: false, relayAddress: '203.0.113.9', relayInAmazonConnect: false, errors: [] },
    ],
  },
  media: { rttMs: 180, mos: 3.5, mosBand: 'fair', relayAddress: '52.94.232.17', relayInAmazonConnect: false, rttSources: { dataChannelMs: 40, candidatePairMs: 41, remoteInboundMs: 43 }, stoppedEarly: true },
  ccp: { agent: { softphoneEnabled: false, extension: '+447700900123' }, mediaLocation: 'external-phone', missedCall: true },
};
const ccpInBrowser = { agent: { softphoneEnabled: true } };
const mediaPoorNoMos = { mos: null, mosBand: 'poor', rttMs: null };

const values = (id: string, data: unknown): string[] => {
  const r = checkRows(id, data);
  return [...r.figures.map(([, v]) => v), ...r.tables.flatMap((t) => t.rows.flat())];
};
const all = (): string[] => [...Object.entries(DATA).flatMap(([id, d]) => values(id, d)), ...values('ccp', ccpInBrowser), ...values('media', mediaPoorNoMos)];
/**
 * The English words and phrases a composite value is built of (names such as UDP, RTCP, MOS stay; "no", "analog"
 * and "softphone" are also Spanish, German and Portuguese words, checked word for word below instead).
 */
const ENGLISH = /\b(yes|none|not measured|to|not listed by this browser|in the browser|on a phone|data channel|candidate pair|another browser|in the Amazon Connect IP ranges|not in the|unknown|fair|poor|good|reachable|blocked|no answer|name not found|built-in)\b/;

describe('composite display values', () => {
  afterAll(() => setLocale('en'));

  it('in English: as before, from the same data', async () => {
    await setLocale('en');
    const v = all();
    for (const s of ['another browser 120', '120 to 122', 'none', 'Jabra Evolve2 40 (analog (jack))', 'not listed by this browser', 'no answer', 'name not found (DNS)', 'blocked', 'reachable', 'yes, 42 ms', 'yes, 80 ms', 'no', '52.94.232.17 (in the Amazon Connect IP ranges)', '203.0.113.9 (not in the Amazon Connect IP ranges)', '3.5 (fair)', 'data channel 40 ms, candidate pair 41 ms, RTCP 43 ms', 'on a phone (+447700900123)', 'in the browser (softphone)', 'not measured']) {
      expect(v, s).toContain(s);
    }
  });

  for (const lang of TARGET_LOCALES) {
    it(`in ${lang}: no English word left, no raw placeholder, the figures kept`, async () => {
      await setLocale(lang);
      const v = all();
      const english = v.filter((s) => ENGLISH.test(s.replace(/https?:\S+|turn:\S+/g, '')));
      expect(english, `English in ${lang}`).toEqual([]);
      for (const s of v) expect(s).not.toMatch(/\{\d\}|\$\{|\[object |undefined|NaN/);
      const text = v.join('\n');
      for (const kept of ['+447700900123', '52.94.232.17', '203.0.113.9', 'RTCP', '42', '122', 'Jabra Evolve2 40']) expect(text, `${lang} keeps ${kept}`).toContain(kept);
    });
  }

  it('in Spanish and Japanese, word for word', async () => {
    await setLocale('es');
    let v = all();
    for (const s of ['sí, 42 ms', 'de 120 a 122', 'otro navegador 120', 'en un teléfono (+447700900123)', 'canal de datos 40 ms, par de candidatos 41 ms, RTCP 43 ms', '52.94.232.17 (dentro de los rangos de IP de Amazon Connect)', '3,5 (aceptable)']) expect(v, s).toContain(s);
    await setLocale('ja');
    v = all();
    for (const s of ['はい、42 ms', '120～122', 'その他のブラウザー 120', '電話（+447700900123）', 'データチャネル 40 ms、候補ペア 41 ms、RTCP 43 ms', '3.5 (普通)', 'いいえ', 'ブラウザー（ソフトフォン）']) expect(v, s).toContain(s);
    expect(v).not.toContain('no');
  });

  it('the terminal text (the CLI) shows the same composite values in the language', async () => {
    const report = JSON.parse(readFileSync('test/unit/fixtures/reports/degraded-udp-blocked.json', 'utf8')) as Report;
    await setLocale('es');
    const es = renderReportText(report, { width: 100 });
    expect(es).toContain('en un teléfono (+447700900123)');
    expect(es).not.toMatch(/\bon a phone\b|\byes, \d|\bnot measured\b/);
    await setLocale('ja');
    const ja = renderReportText(report, { width: 100 });
    expect(ja).toContain('電話（+447700900123）');
    expect(ja).not.toMatch(/\bon a phone\b|\byes, \d|\bnot measured\b/);
  });
});
