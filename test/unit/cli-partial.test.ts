// The CLI's words and exit codes for runs that cover only part of the softphone (a --checks subset, no test
// call) and for checks that describe the CLI's own machine (headless browser, fake microphone).
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM module without types
import { CLI_MACHINE_CHECKS, EXIT, RUN_USAGE, exitCodeFor } from '../../cli/run.mjs';
import { runPreflight } from '../../src/runner.js';
import { renderReportText } from '../../src/report/text.js';
import type { Check, Deps } from '../../src/checks/types.js';
import type { CheckId } from '../../src/report/schema.js';

const deps: Partial<Deps> = {
  navigator: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36', hardwareConcurrency: 4 },
};
function fake(id: CheckId, verdict: 'pass' | 'fail'): Check {
  return { id, title: `Fake ${id}`, timeoutMs: () => 500, codes: {}, emptyData: () => ({}) as never, run: async () => ({ verdict, summary: `${id} ${verdict}`, data: {} as never, ...(verdict === 'fail' ? { code: 'x' } : {}) }) } as Check;
}

describe('ccp-preflight run: partial runs and the CLI machine', () => {
  it('a pass that covers only part of the softphone exits 4, never 0; warn and fail keep their codes', () => {
    expect(EXIT.partial).toBe(4);
    expect([exitCodeFor('pass', true), exitCodeFor('pass', false), exitCodeFor('warn', true), exitCodeFor('fail', true), exitCodeFor('skip', true)]).toEqual([4, 0, 1, 2, 1]);
    expect(RUN_USAGE).toMatch(/4 partial: the checks that ran passed, but they cover only part/);
    expect(RUN_USAGE).toMatch(/describe the machine that runs this command/);
  });

  it('--checks ice-udp,media that pass: the words say only those ran, not "every check passed" or "Calls will work"', async () => {
    const report = await runPreflight({ checks: ['ice-udp', 'media'], registry: [fake('ice-udp', 'pass'), fake('media', 'pass')], deps });
    const text = renderReportText(report, { width: 100, color: false });
    expect(text).not.toMatch(/every check passed/i);
    expect(text).not.toMatch(/^✓ Calls will work in this browser\.$/m);
    expect(text).toMatch(/as far as the checks that ran can tell/);
    expect(text).toMatch(/Only 2 of \d+ checks were chosen/);
    expect(exitCodeFor(report.verdict, report.partial === true)).toBe(EXIT.partial);
  });

  it('a full run whose own browser and fake microphone fail: shown as not judged, the verdict is the network\'s', async () => {
    const ids = ['browser', 'workstation', 'devices', 'media'] as const;
    const registry = [fake('browser', 'fail'), fake('workstation', 'fail'), fake('devices', 'fail'), fake('media', 'pass')];
    const report = await runPreflight({ checks: [...ids], registry, deps, describesRunner: CLI_MACHINE_CHECKS });
    expect(report.verdict).toBe('pass');
    const text = renderReportText(report, { width: 400, color: false });
    expect(text.split('\n')[0]).not.toMatch(/will not work/);
    expect(text).toMatch(/Not judged \(they describe the machine that ran this check, not an agent's computer\): Browser, Workstation, and Microphone and headset\./);
    expect(text).not.toMatch(/This browser cannot make softphone calls|Your microphone does not work/);
    // Advice for the CLI's own machine is not advice for anyone: no processor or headset remedies.
    expect(report.checks.filter((c) => c.remedies?.length).map((c) => c.id)).toEqual([]);
  });
});
