// The terminal text of a report (src/report/text.ts): answer first, problems worst first with one action,
// "For IT" with the measurements from the display metadata, wrapping with a hanging indent, colour on request.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReportText, shouldUseColor, type Report } from './report-helpers.js';
import { wrap } from '../../src/report/text.js';

const load = (name: string): Report => JSON.parse(readFileSync(`test/unit/fixtures/reports/${name}`, 'utf8')) as Report;
const lines = (text: string): string[] => text.split('\n');
const ESC = String.fromCharCode(27);

describe('renderReportText', () => {
  const degraded = renderReportText(load('degraded-udp-blocked.json'), { width: 80 });
  const full = renderReportText(load('full-pass.json'), { width: 80 });

  it('starts with one plain sentence saying whether calls will work', () => {
    expect(lines(full)[0]).toBe('✓ Calls will work in this browser.');
    expect(lines(degraded)[0]).toBe('✕ Calls will not work reliably in this browser right now.');
  });

  it('lists problems worst first, each followed by one action, before "For IT"', () => {
    const todo = degraded.indexOf('What to do now');
    const forIt = degraded.indexOf('For IT');
    expect(todo).toBeGreaterThan(0);
    expect(forIt).toBeGreaterThan(todo);
    const problems = lines(degraded.slice(todo, forIt)).filter((l) => /^ {2}[✕!] /.test(l));
    expect(problems[0]).toMatch(/^ {2}✕ /); // the failed network check before the warnings
    expect(problems.slice(1).every((l) => l.startsWith('  ! '))).toBe(true);
    const block = lines(degraded.slice(todo, forIt));
    for (const p of problems) expect(block[block.indexOf(p) + 1]).toMatch(/^ {4}→ \S/);
    expect(full).not.toContain('What to do now');
  });

  it('gives IT the measurements with units, the fixes with public sources, and the total time', () => {
    expect(degraded).toMatch(/Round trip to the relay: 180 ms \(95 % interval 162–198 ms\)/);
    expect(degraded).toMatch(/Upload: 612 kbit\/s/);
    expect(degraded).toMatch(/Source: Amazon Connect Administrator Guide/);
    expect(degraded).toMatch(/the checks took [\d.]+ s\.\n$/);
  });

  it('uses no internal ids, raw verdict ids or mixed units', () => {
    for (const text of [full, degraded]) {
      expect(text).not.toMatch(/srflx|\bseed\b|kbps|AMAZON_CONNECT_|\b(pass|warn|fail|skip)\b:|finding|undefined|NaN|\[object/);
    }
  });

  it('wraps every line to the width with a hanging indent (a single longer word stays whole)', () => {
    const narrow = renderReportText(load('degraded-udp-blocked.json'), { width: 50 });
    for (const l of lines(narrow)) if (!/\S{40,}/.test(l)) expect(l.length, l).toBeLessThanOrEqual(50);
    expect(wrap('one two three four five six', 14, '  - ', '    ')).toEqual(['  - one two', '    three four', '    five six']);
  });

  it('colours the marks and the answer only when asked, and every mark keeps its word', () => {
    expect(degraded).not.toContain(`${ESC}[`);
    const coloured = renderReportText(load('degraded-udp-blocked.json'), { width: 80, color: true });
    expect(coloured.startsWith(`${ESC}[31m✕${ESC}[0m ${ESC}[1mCalls will not work`)).toBe(true);
    expect(coloured.replace(new RegExp(`${ESC}\\[\\d+m`, 'g'), '')).toBe(degraded);
  });

  it('never throws on odd input', () => {
    for (const odd of [null, 42, 'x', {}, { checks: 'x', calls: [null], failover: [1] }]) expect(() => renderReportText(odd)).not.toThrow();
  });
});

describe('shouldUseColor', () => {
  it('on a terminal, unless NO_COLOR is set (non-empty) or TERM is dumb', () => {
    expect(shouldUseColor({ isTTY: true }, {})).toBe(true);
    expect(shouldUseColor({ isTTY: false }, {})).toBe(false);
    expect(shouldUseColor({}, {})).toBe(false);
    expect(shouldUseColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(shouldUseColor({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(shouldUseColor({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });
});
