// The arithmetic of `ccp-preflight run --repeat N` (cli/repeat-stats.mjs) and its argument parsing.
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM module without types
import { callFromReport, formatRepeat, quantile, summarizeCalls, wilsonPct } from '../../cli/repeat-stats.mjs';
// @ts-expect-error plain ESM module without types
import { parseRepeatArgs } from '../../cli/repeat.mjs';

type Call = { ok: boolean; reason?: string; rttMs?: number; jitterMs?: number; lossPct?: number; mos?: number };
const media = (verdict: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ checks: [{ id: 'media', verdict, summary: `media ${verdict}`, data, ...extra }] });

describe('callFromReport: which calls failed to connect or measure', () => {
  it('a measured call is ok even when its quality fails (that is a figure, not an error)', () => {
    expect(callFromReport(media('fail', { rttMs: 700, jitterMs: 3, lossPct: 9, mos: 2.1 }))).toEqual({ ok: true, rttMs: 700, jitterMs: 3, lossPct: 9, mos: 2.1 });
  });
  it('not connected, skipped, no figures, no media check, or the run\'s own error: failed, with the reason', () => {
    expect(callFromReport(media('fail', {}, { code: 'call-failed', summary: 'did not connect' }))).toEqual({ ok: false, reason: 'did not connect' });
    expect(callFromReport(media('skip', {}))).toEqual({ ok: false, reason: 'media skip' });
    expect(callFromReport(media('warn', { rttMs: null }))).toEqual({ ok: false, reason: 'media warn' });
    expect(callFromReport({ checks: [] })).toEqual({ ok: false, reason: 'the report has no media check' });
    expect(callFromReport(null, 'the test call did not finish within 26 s')).toEqual({ ok: false, reason: 'the test call did not finish within 26 s' });
  });
});

describe('summarizeCalls', () => {
  const good = (rttMs: number): Call => ({ ok: true, rttMs, jitterMs: rttMs / 10, lossPct: 0, mos: 4.3 });
  it('1 failed in 5: 20 %, a Wilson interval around it, fail against the guide\'s 2 %', () => {
    const s = summarizeCalls([good(10), good(20), good(30), good(40), { ok: false, reason: 'x' }]);
    expect(s.calls).toBe(5);
    expect(s.failed).toBe(1);
    expect(s.errorRatePct).toBe(20);
    expect(s.errorRateCiPct[0]).toBeCloseTo(3.62, 1); // Wilson 95 % for 1/5: 3.6 %-62.4 %
    expect(s.errorRateCiPct[1]).toBeCloseTo(62.45, 1);
    expect(s.failures).toEqual([{ call: 5, reason: 'x' }]);
    expect(s.verdict).toBe('fail');
    // Spread over the measured calls only: type-7 quantiles of 10, 20, 30, 40.
    expect(s.spread.rttMs).toEqual({ n: 4, median: 25, p10: 13, p90: 37, min: 10, max: 40 });
  });
  it('2 % is allowed, more is not; 200 calls or fewer cannot pass (the guide asks for more than 200)', () => {
    const calls = (n: number, bad: number): Call[] => Array.from({ length: n }, (_, i) => (i < bad ? { ok: false, reason: 'x' } : good(20)));
    expect(summarizeCalls(calls(250, 5)).verdict).toBe('pass'); // 2.0 %
    expect(summarizeCalls(calls(250, 6)).verdict).toBe('fail'); // 2.4 %
    expect(summarizeCalls(calls(200, 0)).verdict).toBe('warn');
    expect(summarizeCalls(calls(201, 0)).verdict).toBe('pass');
  });
  it('no measured call: spreads are null and the text says n/a', () => {
    const s = summarizeCalls([{ ok: false, reason: 'blocked' }]);
    expect(s.spread.rttMs).toBeNull();
    const text = formatRepeat(s) as string;
    expect(text).toMatch(/^FAIL {2}1 of 1 test calls failed to connect or measure: error rate 100\.0 %/);
    expect(text).toContain('RTT (ms)          n/a');
    expect(text).toContain('call 1: blocked');
    expect(text).toContain('https://docs.aws.amazon.com/connect/latest/adminguide/ccp-networking.html');
  });
  it('quantile and Wilson edges', () => {
    expect(quantile([5], 0.9)).toBe(5);
    expect(quantile([1, 2], 0.5)).toBe(1.5);
    expect(wilsonPct(0, 0)).toEqual([0, 100]);
    const [lo, hi] = wilsonPct(0, 250) as [number, number];
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(1.51, 1); // no failure in 250 calls still allows up to ~1.5 %
  });
});

describe('parseRepeatArgs', () => {
  it('takes --repeat and --pause out, leaves the run options', () => {
    expect(parseRepeatArgs(['--repeat', '250', '--local-turn', '--pause=0.5'])).toEqual({ repeat: 250, pauseS: 0.5, rest: ['--local-turn'] });
    expect(parseRepeatArgs(['--repeat=3'])).toEqual({ repeat: 3, pauseS: 2, rest: [] });
  });
  it('rejects bad values with what to pass', () => {
    expect(() => parseRepeatArgs(['--repeat', '0'])).toThrow(/--repeat must be a whole number of calls from 1 to 1000 \(got "0"\)/);
    expect(() => parseRepeatArgs(['--repeat', '2.5'])).toThrow(/whole number/);
    expect(() => parseRepeatArgs(['--repeat', '5', '--pause', '-1'])).toThrow(/--pause must be a number of seconds from 0 to 60/);
    expect(() => parseRepeatArgs(['--repeat'])).toThrow(/--repeat needs a value/);
  });
});
