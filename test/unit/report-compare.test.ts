import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { compareReports, setLocale, type Report } from './report-helpers.js';

const load = (name: string): Report => JSON.parse(readFileSync(`test/unit/fixtures/reports/${name}`, 'utf8')) as Report;
/** A copy of `r` whose bandwidth check measured `kbps` upstream (for figures in the thousands). */
const withUpKbps = (r: Report, kbps: number): Report => {
  const copy = structuredClone(r);
  const bw = copy.checks.find((c) => c.id === 'bandwidth')!;
  (bw.data as { upKbps: number }).upKbps = kbps;
  return copy;
};

describe('compareReports', () => {
  const base = load('full-pass.json');
  const cur = load('degraded-udp-blocked.json');
  const cmp = compareReports(base, cur);
  const m = Object.fromEntries(cmp.metrics.map((x) => [x.key, x]));

  it('gives metric deltas with direction and words', () => {
    expect(m.rttMs).toMatchObject({ baseline: 42, current: 180, delta: 138, direction: 'worse', phrase: 'worse by 138 ms' });
    expect(m.jitterMs).toMatchObject({ delta: 24, direction: 'worse', phrase: 'worse by 24 ms' });
    expect(m.lossPct?.phrase).toBe('worse by 2.3 %');
    expect(m.mos).toMatchObject({ direction: 'worse', phrase: 'worse by 0.77', higherIsBetter: true });
    expect(m.cpuGhz?.phrase).toBe('worse by 1.4 GHz');
    expect(m.upKbps?.phrase).toBe('worse by 186 kbit/s');
    const wide = compareReports(withUpKbps(base, 48200), withUpKbps(cur, 2400)).metrics.find((x) => x.key === 'upKbps');
    expect(wide?.phrase).toBe('worse by 45,800 kbit/s');
    expect(m.instanceLatencyMs?.phrase).toBe('worse by 33 ms');
  });

  it('the other way round, the same changes are better', () => {
    const back = compareReports(cur, base);
    const r = back.metrics.find((x) => x.key === 'rttMs')!;
    expect(r).toMatchObject({ delta: -138, direction: 'better', phrase: 'better by 138 ms' });
    expect(back.overall).toMatchObject({ direction: 'better', phrase: 'better: Fail → Pass' });
  });

  it('gives verdict changes per check', () => {
    const c = Object.fromEntries(cmp.checks.map((x) => [x.id, x]));
    expect(c['ice-udp']).toMatchObject({ baseline: 'pass', current: 'fail', direction: 'worse', phrase: 'worse: Pass → Fail' });
    expect(c['bandwidth']).toMatchObject({ direction: 'same', phrase: 'unchanged (Pass)' });
    expect(c['ice-tls']).toMatchObject({ direction: 'same' });
    expect(cmp.overall).toMatchObject({ baseline: 'pass', current: 'fail', direction: 'worse' });
    expect(cmp.softphone).toEqual({ baseline: 'yes', current: 'no' });
  });

  it('small changes within the noise tolerance are about the same; missing sides are said', () => {
    const a = JSON.parse(JSON.stringify(base)) as Report;
    (a.checks.find((x) => x.id === 'media')!.data as { rttMs: number | null }).rttMs = 45;
    (a.checks.find((x) => x.id === 'workstation')!.data as { cpuGhzEstimate: number | null }).cpuGhzEstimate = null;
    const k = compareReports(base, a).metrics;
    expect(k.find((x) => x.key === 'rttMs')).toMatchObject({ direction: 'same', phrase: 'about the same' });
    expect(k.find((x) => x.key === 'cpuGhz')).toMatchObject({ direction: 'unknown', phrase: 'not measured in the current report' });
  });
});

describe('compareReports in the reader\'s language', () => {
  afterAll(() => setLocale('en'));
  const base = load('full-pass.json');
  const cur = load('degraded-udp-blocked.json');
  const english = compareReports(base, cur);
  const shape = (c: ReturnType<typeof compareReports>) => ({
    metrics: c.metrics.map((m) => [m.key, m.direction, m.delta]),
    checks: c.checks.map((x) => [x.id, x.direction, x.baseline, x.current]),
    overall: c.overall.direction,
    worse: c.worse,
    better: c.better,
  });
  // Words an English phrase or label is made of: none may be left in a translated comparison.
  const ENGLISH = /\b(worse|better|about the same|unchanged|not measured|baseline|current report|new|was|Round trip|Packet loss|test call|live calls|Bandwidth|estimate|Pass|Fail|Warning)\b/;

  it('in Spanish: phrases and labels in Spanish, numbers in Spanish format, directions unchanged', async () => {
    await setLocale('es');
    const cmp = compareReports(base, cur);
    const m = Object.fromEntries(cmp.metrics.map((x) => [x.key, x]));
    expect(m.rttMs).toMatchObject({ direction: 'worse', delta: 138, phrase: 'peor en 138 ms', label: 'Ida y vuelta (llamada de prueba)' });
    expect(m.lossPct?.phrase).toBe('peor en 2,3 %'); // decimal comma
    expect(m.upKbps?.phrase).toBe('peor en 186 kbit/s');
    const wide = compareReports(withUpKbps(base, 48200), withUpKbps(cur, 2400)).metrics.find((x) => x.key === 'upKbps');
    expect(wide?.phrase).toBe('peor en 45.800 kbit/s'); // Spanish thousands
    const c = Object.fromEntries(cmp.checks.map((x) => [x.id, x]));
    expect(c['ice-udp']?.phrase).toBe('peor: Correcto → Error');
    expect(c['bandwidth']?.phrase).toBe('sin cambios (Correcto)');
    expect(compareReports(cur, base).overall.phrase).toBe('mejor: Error → Correcto');
    expect(shape(cmp)).toEqual(shape(english));
    for (const x of [...cmp.metrics.flatMap((k) => [k.label, k.phrase]), ...cmp.checks.map((k) => k.phrase), cmp.overall.phrase]) {
      expect(x, x).not.toMatch(ENGLISH);
      expect(x, x).not.toMatch(/\{\d\}|\$\{|undefined|NaN/);
    }
  });

  it('in Japanese: the same, with the tolerance and missing sides said in Japanese', async () => {
    await setLocale('ja');
    const cmp = compareReports(base, cur);
    expect(cmp.metrics.find((x) => x.key === 'rttMs')?.phrase).toBe('138 ms 悪化');
    expect(compareReports(cur, base).metrics.find((x) => x.key === 'rttMs')).toMatchObject({ direction: 'better', phrase: '138 ms 改善' });
    expect(shape(cmp)).toEqual(shape(english));
    const a = JSON.parse(JSON.stringify(base)) as Report;
    (a.checks.find((x) => x.id === 'media')!.data as { rttMs: number | null }).rttMs = 45;
    (a.checks.find((x) => x.id === 'workstation')!.data as { cpuGhzEstimate: number | null }).cpuGhzEstimate = null;
    const k = compareReports(base, a).metrics;
    expect(k.find((x) => x.key === 'rttMs')).toMatchObject({ direction: 'same', phrase: 'ほぼ同じ' });
    expect(k.find((x) => x.key === 'cpuGhz')).toMatchObject({ direction: 'unknown', phrase: '今回のレポートでは未測定' });
    expect(compareReports(a, base).metrics.find((x) => x.key === 'cpuGhz')?.phrase).toBe('基準レポートでは未測定');
    for (const x of [...cmp.metrics.flatMap((m) => [m.label, m.phrase]), ...cmp.checks.map((c) => c.phrase)]) {
      expect(x, x).not.toMatch(ENGLISH);
      expect(x, x).not.toMatch(/\{\d\}|\$\{|undefined|NaN/);
    }
  });

  it('back in English after a language change: the English phrases again', async () => {
    await setLocale('ja');
    await setLocale('en');
    expect(compareReports(base, cur).metrics.find((x) => x.key === 'rttMs')?.phrase).toBe('worse by 138 ms');
  });
});
