import { describe, expect, it } from 'vitest';
import { runPreflight, resolveOptions, softphoneFitness } from '../../src/runner.js';
import type { Check, Deps } from '../../src/checks/types.js';
import type { CheckId, CheckResult, Report } from '../../src/report/schema.js';
import { REPORT_SCHEMA } from '../../src/report/schema.js';
import { VERSION } from '../../src/version.js';
import pkg from '../../package.json' with { type: 'json' };

const deps: Partial<Deps> = {
  navigator: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36', hardwareConcurrency: 4 },
};

function fake(id: CheckId, behaviour: 'pass' | 'warn' | 'fail' | 'hang' | 'throw', log: string[], timeout = 200): Check {
  return {
    id,
    title: `Fake ${id}`,
    timeoutMs: () => timeout,
    codes: {},
    emptyData: () => ({}) as never,
    run: async (_ctx, signal) => {
      log.push(id);
      if (behaviour === 'hang') return new Promise(() => {});
      if (behaviour === 'throw') throw new Error('boom');
      expect(signal.aborted).toBe(false);
      return { verdict: behaviour, summary: `${id} ${behaviour}`, data: {} as never, ...(behaviour !== 'pass' ? { code: 'x' } : {}) };
    },
  } as Check;
}

describe('runner', () => {
  it('runs the selected checks in canonical order regardless of the order asked', async () => {
    const log: string[] = [];
    const registry = [fake('media', 'pass', log), fake('browser', 'pass', log), fake('ice-udp', 'pass', log)];
    const report = await runPreflight({ checks: ['media', 'ice-udp', 'browser'], registry, deps });
    expect(log).toEqual(['browser', 'ice-udp', 'media']);
    expect(report.checks.map((c) => c.id)).toEqual(['browser', 'ice-udp', 'media']);
    expect(report.schema).toBe(REPORT_SCHEMA);
    expect(report.verdict).toBe('pass');
    expect(report.softphone.fit).toBe('yes');
  });

  it('fails a hung check at its timeout and goes on', async () => {
    const log: string[] = [];
    const t0 = Date.now();
    const report = await runPreflight({ checks: ['browser', 'media'], registry: [fake('browser', 'hang', log, 100), fake('media', 'pass', log)], deps });
    expect(Date.now() - t0).toBeLessThan(2000);
    const b = report.checks[0]!;
    expect(b.verdict).toBe('fail');
    expect(b.code).toBe('timeout');
    expect(b.summary).toMatch(/did not finish within 0\.1 s/);
    expect(report.checks[1]!.verdict).toBe('pass');
    expect(report.verdict).toBe('fail');
    expect(report.softphone.fit).toBe('no');
  });

  it('turns an unexpected throw into a fail with the message', async () => {
    const report = await runPreflight({ checks: ['browser'], registry: [fake('browser', 'throw', [])], deps });
    expect(report.checks[0]!.verdict).toBe('fail');
    expect(report.checks[0]!.summary).toContain('boom');
  });

  it('abort skips the rest and marks the report incomplete', async () => {
    const ctl = new AbortController();
    const log: string[] = [];
    const hang = fake('browser', 'hang', log, 10_000);
    const p = runPreflight({ checks: ['browser', 'media'], registry: [hang, fake('media', 'pass', log)], deps, signal: ctl.signal });
    setTimeout(() => ctl.abort(), 50);
    const report = await p;
    expect(report.checks.map((c) => c.verdict)).toEqual(['skip', 'skip']);
    expect(report.incomplete).toBe(true);
    expect(log).toEqual(['browser']);
  });

  it('reports progress monotonically to 1', async () => {
    const fractions: number[] = [];
    await runPreflight({ checks: ['browser', 'media'], registry: [fake('browser', 'pass', []), fake('media', 'warn', [])], deps, onProgress: (p) => fractions.push(p.fraction) });
    expect(fractions.at(-1)).toBe(1);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]!).toBeGreaterThanOrEqual(fractions[i - 1]!);
  });

  it('refuses unknown checks and out-of-range durations with clear messages', () => {
    expect(() => resolveOptions({ checks: ['nope' as CheckId] })).toThrow(/Unknown check "nope"/);
    expect(() => resolveOptions({ durationS: 0.5 })).toThrow(/between 2 and 60 seconds/);
  });

  it('softphone fitness: one ICE transport failing is not unfit; all failing is', () => {
    const r = (id: CheckId, verdict: CheckResult['verdict']): CheckResult => ({ id, title: id, verdict, summary: '', startedAt: '', durationMs: 0, data: {} });
    expect(softphoneFitness([r('ice-udp', 'pass'), r('ice-tcp', 'fail'), r('media', 'pass')]).fit).toBe('yes');
    expect(softphoneFitness([r('ice-udp', 'fail'), r('ice-tcp', 'fail'), r('media', 'skip')]).fit).toBe('no');
    expect(softphoneFitness([r('browser', 'pass')]).fit).toBe('unknown');
  });

  it('version constant matches package.json', () => {
    expect(VERSION).toBe(pkg.version);
  });
});

describe('runner and the CCP handle', () => {
  it('asks the CCP handle once, at the end, to add its part of the report', async () => {
    const asked: number[] = [];
    const ccp = {
      waitReady: async () => ({ verdict: 'pass' as const, summary: 'ok', data: { mode: 'full', state: 'initialized', softphoneErrors: [] } as never }),
      getIceServers: async () => [],
      addToReport: (r: Report) => {
        asked.push(r.checks.length);
        return { ...r, calls: [{ contactId: 'c-1' } as never], failover: [] };
      },
    };
    const report = await runPreflight({ checks: ['browser', 'ccp'], registry: [fake('browser', 'pass', []), fake('ccp', 'pass', [])], deps, ccp, ccpMode: 'full' });
    expect(asked).toEqual([2]);
    expect(report.calls.map((c) => c.contactId)).toEqual(['c-1']);
    const without = await runPreflight({ checks: ['browser'], registry: [fake('browser', 'pass', [])], deps });
    expect(without.calls).toEqual([]);
  });
});

describe('runner remedies', () => {
  it('attaches catalogue remedies to a warn/fail, with the Region filled in', async () => {
    const check: Check = {
      id: 'ice-udp',
      title: 'Fake UDP',
      timeoutMs: () => 1000,
      codes: {},
      emptyData: () => ({}) as never,
      run: async () => ({ verdict: 'fail', code: 'no-relay', summary: 'no relay', data: {} as never }),
    } as Check;
    const report = await runPreflight({ checks: ['ice-udp'], registry: [check], deps, region: 'eu-west-2' });
    const remedies = report.checks[0]!.remedies ?? [];
    expect(remedies.length).toBeGreaterThan(0);
    expect(remedies.every((r) => r.source.length > 0)).toBe(true);
    expect(remedies.map((r) => r.text).join(' ')).toMatch(/3478/);
    expect(remedies.map((r) => r.text).join(' ')).not.toMatch(/<region>/);
  });
});
