/**
 * The CCP log's words in every language (src/i18n/ccplog-texts.ts): each problem code, call summary, notice,
 * jitter reason and progress step is made again from its code and figures, with no raw placeholder left; an
 * unknown code, or a result without figures (an older parser), shows the English words of the data.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { parseCcpLog } from '../../src/ccplog/index.js';
import type { CcpLog, TextParams } from '../../src/ccplog/types.js';
import { setLocale } from '../../src/report/index.js'; // the CLI's entry: it needs the CCP log's and the command line's texts
import { LOCALES, TARGET_LOCALES } from '../../src/i18n/locale.js';
import {
  callSummary,
  ccpLogText,
  jitterReason,
  logAnswer,
  messageText,
  phaseText,
  PROBLEM_CODES,
  problemDetail,
  problemDetailFromCode,
  problemTitle,
  problemTitleFromCode,
  remedyLine,
  timelineEvents,
} from '../../src/i18n/ccplog-texts.js';
// @ts-expect-error plain JS fixture generator
import { troubledEntries } from './fixtures/ccplog/troubled.mjs';

const T0 = Date.parse('2026-03-04T09:00:00.000Z');

/** A log with every kind of trouble: poor calls, a softphone error, a failed call setup, gaps, skew, API trouble. */
function troubledLog(): CcpLog {
  return parseCcpLog(JSON.stringify(troubledEntries({ t0: T0, ids: ['c-1', 'c-2', 'c-3'], iceWarning: true }), undefined, 4));
}

const RAW = /\{\d\}|\$\{|\[object |undefined|NaN/;

describe('CCP log texts in every language', () => {
  const log = troubledLog();
  afterAll(() => setLocale('en'));

  it('the troubled log has every problem code this version writes, each with its figures', () => {
    expect(new Set(log.problems.map((p) => p.code))).toEqual(new Set(PROBLEM_CODES));
    for (const p of log.problems) expect(Object.keys(p.params).length, p.code).toBeGreaterThan(0);
    expect(structuredClone(log)).toEqual(log);
  });

  for (const lang of LOCALES) {
    it(`${lang}: every problem, call, notice, step and event reads without a raw placeholder`, async () => {
      await setLocale(lang);
      for (const p of log.problems) {
        const title = problemTitle(p);
        const detail = problemDetail(p);
        expect(title, `${lang} ${p.code}`).not.toMatch(RAW);
        expect(detail, `${lang} ${p.code}`).not.toMatch(RAW);
        expect(title.length).toBeGreaterThan(3);
        if (lang === 'en') {
          expect(title).toBe(p.title); // English: the data's own sentence
          expect(detail).toBe(p.detail);
        } else {
          expect(title, `${lang} ${p.code} translated`).not.toBe(p.title);
          // The log's own words (a softphone message, a log line) stay as logged.
          const ownWords = (p.code === 'softphone-error' && p.params.message) || (p.params.first as { code?: string } | undefined)?.code === 'log-line';
          if (!ownWords) expect(detail, `${lang} ${p.code} detail translated`).not.toBe(p.detail);
        }
        for (const r of p.remedies) {
          const text = remedyLine(r);
          expect(text).not.toMatch(RAW);
          if (lang !== 'en') expect(text, `${lang} remedy ${r.id}`).not.toBe(r.text);
        }
      }
      for (const c of log.calls) {
        const s = callSummary(c);
        expect(s).not.toMatch(RAW);
        if (lang !== 'en') expect(s, `${lang} call ${c.contactId}`).not.toBe(c.summary);
      }
      for (const e of timelineEvents(log)) expect(e.what).not.toMatch(RAW);
      expect(jitterReason(log.versions)).not.toMatch(RAW);
      expect(logAnswer(log)).not.toMatch(RAW);
      for (const code of ['opening', 'reading', 'finding', 'measuring', 'done'] as const) {
        expect(phaseText({ code, params: code === 'reading' ? { pct: 42 } : code === 'finding' ? { done: 1000, total: 52_000 } : {} })).not.toMatch(RAW);
      }
      const text = ccpLogText(log, 'agent-log.txt');
      expect(text).not.toMatch(RAW);
      if (lang !== 'en') {
        expect(text).not.toContain('What the agent hears');
        expect(text).not.toContain('Problems (');
        expect(jitterReason(log.versions)).not.toBe(log.versions.jitterMeaningReason);
      }
    });
  }

  it('every problem code renders from its figures in every language (also codes this log lacks figures for)', async () => {
    const params: Record<string, TextParams> = {
      'call-quality': { contactId: null, stream: 'audio_input', seconds: 61, findings: [{ metric: 'rtt', verdict: 'fail', code: 'high-rtt', value: 712.4, limit: 600 }, { metric: 'mos', verdict: 'warn', code: 'low-mos', value: 3.52, limit: 4 }] },
      'call-setup': { contactId: 'c-9', failures: ['gumTimeoutFailure', 'someNewFlag'] },
      'softphone-error': { type: 'webrtc_error', count: 3, message: '' },
      'ice-failure': { count: 2, first: { code: 'ice-timeout', params: {}, text: 'ICE candidates were not gathered in time' } },
      'signaling-failure': { count: 1, first: { code: 'signaling', params: { type: 'signalling_handshake_failure' }, text: 'signaling failed (signalling_handshake_failure)' } },
      websocket: { lost: 1, gaps: 0, longestMs: 0, lostText: 'WebSocket connection lost' },
      'api-failure': { count: 2, operations: ['putAgentState', 'acceptContact'], error: '' },
      'api-slow': { count: 1, operation: 'acceptContact', latencyMs: 125_000 },
      'missed-call': { count: 2 },
      'clock-skew': { skewMs: 61_000 },
    };
    expect(Object.keys(params).sort()).toEqual([...PROBLEM_CODES].sort());
    const english = new Map<string, string>();
    for (const lang of LOCALES) {
      await setLocale(lang);
      for (const code of PROBLEM_CODES) {
        const t = problemTitleFromCode(code, params[code]!);
        const d = problemDetailFromCode(code, params[code]!);
        expect(t, `${lang} ${code}`).toBeTypeOf('string');
        expect(d, `${lang} ${code}`).toBeTypeOf('string');
        expect(`${t} ${d}`, `${lang} ${code}`).not.toMatch(RAW);
        if (lang === 'en') english.set(code, `${t} ${d}`);
        else if (code !== 'websocket') expect(`${t} ${d}`, `${lang} ${code}`).not.toBe(english.get(code));
      }
    }
    await setLocale('de');
    expect(problemDetailFromCode('call-quality', params['call-quality']!)).toMatch(/712\s*ms.*3,52/); // German decimal comma
    expect(problemTitleFromCode('api-slow', params['api-slow']!)).toContain('1');
    expect(problemDetailFromCode('call-setup', params['call-setup']!)).toContain('someNewFlag'); // an unknown flag: its name
  });

  it('an unknown code, or data without figures (an older parser), shows the English words of the data', async () => {
    await setLocale('ja');
    const future = { code: 'future-problem', title: 'Something new happened', detail: 'Details from a newer parser.', params: { count: 1 } };
    expect(problemTitle(future)).toBe('Something new happened');
    expect(problemDetail(future)).toBe('Details from a newer parser.');
    const old = { code: 'missed-call', title: 'Missed calls (1)', detail: 'Old words.' };
    expect(problemTitle(old)).toBe('Missed calls (1)');
    expect(messageText({ code: 'future-notice', params: {} }, 'A notice from a newer parser.')).toBe('A notice from a newer parser.');
    expect(messageText(undefined, 'An old notice.')).toBe('An old notice.');
    expect(jitterReason({ streams: null, jitterMeaningReason: 'Old reason.' })).toBe('Old reason.');
    expect(callSummary({ summary: 'Old summary.', agentHears: null, callerHears: null, errors: [] })).toBe('Old summary.');
    expect(phaseText(undefined, 'Working')).toBe('Working');
    const unknownRemedy = { id: 'future-remedy', text: 'Do the new thing.' };
    expect(remedyLine(unknownRemedy)).toBe('Do the new thing.');
  });

  it('notices of a refused input are in the language too', async () => {
    for (const lang of TARGET_LOCALES) {
      await setLocale(lang);
      for (const input of ['', 'hello, not a log', 42]) {
        const r = parseCcpLog(input);
        expect(r.ok).toBe(false);
        expect(r.messageCodes).toHaveLength(r.messages.length);
        const t = messageText(r.messageCodes[0], r.messages[0]!);
        expect(t, `${lang} ${String(input)}`).not.toBe(r.messages[0]);
        expect(t).not.toMatch(RAW);
      }
    }
  });
});
