// The arithmetic of `ccp-preflight run --repeat N` (cli/repeat-stats.mjs) and its argument parsing.
import { afterAll, describe, expect, it } from 'vitest';
import { repeatTexts as t } from '../../src/i18n/repeat-texts.js';
import { setLocale } from '../../src/report/index.js'; // the CLI's entry: it needs the CCP log's and the command line's texts
// @ts-expect-error plain ESM module without types
import { callFromReport, formatRepeat, quantile, summarizeCalls, wilsonPct } from '../../cli/repeat-stats.mjs';
// @ts-expect-error plain ESM module without types
import { parseRepeatArgs } from '../../cli/repeat.mjs';

type Call = { ok: boolean; reason?: string; rttMs?: number; jitterMs?: number; lossPct?: number; mos?: number };
const media = (verdict: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ checks: [{ id: 'media', verdict, summary: `media ${verdict}`, data, ...extra }] });

describe('callFromReport: which calls failed to connect or measure', () => {
  it('a measured call is ok even when its quality fails (that is a figure, not an error)', () => {
    expect(callFromReport(media('fail', { rttMs: 700, jitterMs: 3, lossPct: 9, mos: 2.1 }), undefined, t)).toEqual({ ok: true, rttMs: 700, jitterMs: 3, lossPct: 9, mos: 2.1 });
  });
  it('not connected, skipped, no figures, no media check, or the run\'s own error: failed, with the reason', () => {
    expect(callFromReport(media('fail', {}, { code: 'call-failed', summary: 'did not connect' }), undefined, t)).toEqual({ ok: false, reason: 'did not connect' });
    expect(callFromReport(media('skip', {}), undefined, t)).toEqual({ ok: false, reason: 'media skip' });
    expect(callFromReport(media('warn', { rttMs: null }), undefined, t)).toEqual({ ok: false, reason: 'media warn' });
    expect(callFromReport({ checks: [] }, undefined, t)).toEqual({ ok: false, reason: 'the report has no media check' });
    expect(callFromReport(null, t.timeout(26), t)).toEqual({ ok: false, reason: 'the test call did not finish within 26 s' });
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
    const text = formatRepeat(s, t) as string;
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

describe('the summary in the --lang language', () => {
  afterAll(() => setLocale('en'));
  const good = (rttMs: number): Call => ({ ok: true, rttMs, jitterMs: 2.5, lossPct: 0.25, mos: 4.31 });
  // 1 of 5 failed (fail), 0 of 5 (warn: too few calls), 0 of 250 (pass).
  const failing = () => summarizeCalls([good(1200), good(20), good(30), good(40), { ok: false, reason: t.timeout(26) }]);
  const few = () => summarizeCalls([good(10), good(20), good(30), good(40), good(50)]);
  const many = () => summarizeCalls(Array.from({ length: 250 }, () => good(20)));
  // The English summary's words: none left in a translated one (RTT, MOS, p10, p90 and the citation title stay).
  const ENGLISH = /\b(of|test calls|failed|error rate|interval|above|allows|Within|guide|figure|median|min|max|calls|loss|call \d|Source|the test call|n\/a|FAIL|WARNING|PASS)\b/;
  const withoutCitation = (text: string): string => text.replace(/Amazon Connect Administrator Guide, "[^"]+"/, '').replace(/https:\/\/\S+/, '');

  it('English by default: the verdict, the guide\'s bar and the table as before', () => {
    const text = formatRepeat(failing(), t) as string;
    expect(text).toMatch(/^FAIL {2}1 of 5 test calls failed to connect or measure: error rate 20\.0 % \(95 % interval 3\.6-62\.4 %\)\. That is above the 2 %/);
    expect(text).toContain('call 5: the test call did not finish within 26 s');
    expect(formatRepeat(few(), t)).toMatch(/^WARNING {2}0 of 5 test calls .* run --repeat 250\./);
    expect(formatRepeat(many(), t)).toMatch(/^PASS {2}0 of 250 test calls .* Within the 2 % the Amazon Connect networking guide allows over more than 200 calls\./);
  });

  for (const [lang, expected] of [
    ['es', { head: /^ERROR {2}1 de 5 llamadas de prueba no se conectaron o no midieron nada: tasa de error del 20,0 % \(intervalo del 95 %: 3,6-62,4 %\)\. Supera el 2 %/, rtt: 'RTT (ms)', median: 'mediana', call: 'llamada 5: la llamada de prueba no terminó en 26 s', jitterRow: /jitter \(ms\) +2,5 +2,5/ }],
    ['ja', { head: /^不合格 {2}テスト通話 5 件のうち 1 件が接続または測定に失敗しました：エラー率 20\.0 %（95 % 信頼区間 3\.6～62\.4 %）。/, rtt: 'RTT (ms)', median: '中央値', call: '通話 5：テスト通話が 26 秒以内に終わりませんでした', jitterRow: /ジッター（ms） +2\.5 +2\.5/ }],
  ] as const) {
    it(`in ${lang}: every sentence, heading and reason translated, figures in the language's format, the columns aligned`, async () => {
      await setLocale(lang);
      const call5 = failing().failures[0]!.reason;
      const text = formatRepeat(summarizeCalls([good(1200), good(20), good(30), good(40), { ok: false, reason: t.timeout(26) }]), t) as string;
      expect(call5).toBe(t.timeout(26));
      expect(text).toMatch(expected.head);
      expect(text).toContain(expected.median);
      expect(text).toContain(expected.call);
      expect(text).toMatch(expected.jitterRow);
      expect(text).toContain('https://docs.aws.amazon.com/connect/latest/adminguide/ccp-networking.html');
      for (const s of [text, formatRepeat(few(), t) as string, formatRepeat(many(), t) as string]) {
        expect(withoutCitation(s)).not.toMatch(ENGLISH);
        expect(s).not.toMatch(/\{\d\}|\$\{|undefined|NaN/);
      }
      // The table's columns line up in terminal columns (a Japanese character takes two).
      const rows = text.split('\n').filter((l) => /^ {2}\S/.test(l) && !/[:：]/.test(l));
      expect(rows.length).toBe(5); // heading and four figures
      const ends = rows.map((l) => t.columns(l.slice(0, l.lastIndexOf('   '))));
      expect(new Set(ends).size, rows.join('\n')).toBe(1);
      // A failed call's reason from the report: the media check's finding in the language, not its English summary.
      const failed = callFromReport({ checks: [{ id: 'media', verdict: 'fail', code: 'call-failed', summary: 'The test call did not connect.', data: {} }] }, undefined, t);
      expect(failed.ok).toBe(false);
      expect(failed.reason).not.toBe('The test call did not connect.');
      expect(failed.reason).not.toMatch(/^the |^The /);
      expect(callFromReport({ checks: [] }, undefined, t).reason).toBe(t.noMediaCheck);
      expect(t.noMediaCheck).not.toMatch(ENGLISH);
      expect(t.progressMeasured(3, 250, t.number(41.6, 0), t.number(0.25, 1))).not.toMatch(ENGLISH);
    });
  }
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
