import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareReports, type Report } from './report-helpers.js';

const load = (name: string): Report => JSON.parse(readFileSync(`test/unit/fixtures/reports/${name}`, 'utf8')) as Report;

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
    expect(m.upKbps?.phrase).toBe('worse by 45,800 kbit/s');
    expect(m.instanceLatencyMs?.phrase).toBe('worse by 33 ms');
  });

  it('the other way round, the same changes are better', () => {
    const back = compareReports(cur, base);
    const r = back.metrics.find((x) => x.key === 'rttMs')!;
    expect(r).toMatchObject({ delta: -138, direction: 'better', phrase: 'better by 138 ms' });
    expect(back.overall).toMatchObject({ direction: 'better', phrase: 'better: fail → pass' });
  });

  it('gives verdict changes per check', () => {
    const c = Object.fromEntries(cmp.checks.map((x) => [x.id, x]));
    expect(c['ice-udp']).toMatchObject({ baseline: 'pass', current: 'fail', direction: 'worse', phrase: 'worse: pass → fail' });
    expect(c['bandwidth']).toMatchObject({ direction: 'same', phrase: 'unchanged (pass)' });
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
