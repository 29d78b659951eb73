// The contract between the runner, the real checks and the viewer's parser: a report made by runPreflight
// with every real check (here each one fails in Node, so its data is the check's own emptyData) parses,
// round-trips through a share code, redacts, and compares.
import { describe, expect, it } from 'vitest';
import { runPreflight } from '../../src/runner.js';
import { ALL_CHECKS } from '../../src/checks/index.js';
import type { Check, Deps } from '../../src/checks/types.js';
import { compareReports, encodeShareCode, parseReport, redactReport } from './report-helpers.js';

const deps: Partial<Deps> = {
  navigator: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', hardwareConcurrency: 4 },
};

describe('runner report -> viewer', () => {
  it('a report from runPreflight with all real checks (emptyData) parses and round-trips', async () => {
    const registry = ALL_CHECKS.map(
      (c) =>
        ({
          ...c,
          timeoutMs: () => 1000,
          run: async () => {
            throw new Error('not available in this test');
          },
        }) as Check,
    );
    const report = await runPreflight({ registry, deps, ccpMode: 'none' });
    expect(report.checks).toHaveLength(ALL_CHECKS.length);
    const r = await parseReport(JSON.stringify(report));
    expect(r.ok, JSON.stringify(!r.ok && r.errors)).toBe(true);
    const viaCode = await parseReport(await encodeShareCode(report));
    expect(viaCode.ok, JSON.stringify(!viaCode.ok && viaCode.errors)).toBe(true);
    expect((await parseReport(JSON.stringify(redactReport(report)))).ok).toBe(true);
    expect(compareReports(report, report).checks.every((c) => c.direction === 'same')).toBe(true);
  });
});
