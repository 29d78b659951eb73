// Honest verdicts (src/checks/untested.ts applied by the runner): a run that could not test the softphone's
// media path, that ran only some checks, or that judged the CLI's own machine does not pass as if complete.
import { describe, expect, it } from 'vitest';
import { runPreflight } from '../../src/runner.js';
import { iceTcpCheck, iceTlsCheck, iceUdpCheck } from '../../src/checks/ice.js';
import { mediaCheck } from '../../src/checks/media.js';
import { bandwidthCheck } from '../../src/checks/bandwidth.js';
import { CCP_NO_SERVERS, NO_RELAY, partialReason } from '../../src/checks/untested.js';
import type { CcpHandle, Check, Deps } from '../../src/checks/types.js';
import { CHECK_IDS, type CheckId, type CheckResult } from '../../src/report/schema.js';
import { parseReport } from '../../src/report/parse.js';
import { agentAnswer } from '../../src/elements/ccp-preflight-report/answer.js';

const deps: Partial<Deps> = {
  navigator: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36', hardwareConcurrency: 4 },
};

function fake(id: CheckId, verdict: 'pass' | 'fail', data: Record<string, unknown> = {}): Check {
  return { id, title: `Fake ${id}`, timeoutMs: () => 500, codes: {}, emptyData: () => ({}) as never, run: async () => ({ verdict, summary: `${id} ${verdict}`, data: data as never, ...(verdict === 'fail' ? { code: 'x' } : {}) }) } as Check;
}

/** A CCP that is up but whose createTransport got no answer within its bound (src/ccp/transport.ts). */
const silentTransport: CcpHandle = {
  waitReady: async () => ({ verdict: 'pass', summary: 'up', data: {} as never }),
  getIceServers: async () => {
    throw new Error('no answer to createTransport within 8 s');
  },
};

const NETWORK = [iceUdpCheck, iceTcpCheck, iceTlsCheck, mediaCheck, bandwidthCheck] as unknown as Check[];

describe('honest verdicts', () => {
  it('a CCP that never answers createTransport: the ICE checks and the test call say so, and the run does not pass', async () => {
    const registry = [fake('ccp', 'pass', { mode: 'full', state: 'initialized', softphoneErrors: [], mediaLocation: 'this-browser' }), ...NETWORK];
    const report = await runPreflight({ checks: ['ccp', 'ice-udp', 'ice-tcp', 'ice-tls', 'media', 'bandwidth'], registry, deps, ccp: silentTransport, ccpMode: 'full' });
    for (const r of report.checks.slice(1)) {
      expect(r.verdict, r.id).toBe('warn');
      expect(r.code, r.id).toBe(CCP_NO_SERVERS);
      expect(r.summary).toMatch(/did not hand out its media servers \(no answer to createTransport within 8 s\), so the softphone's path to them was not tested/);
      expect(r.summary).not.toMatch(/no servers configured|nothing to test/i);
      expect(r.remedies?.length, r.id).toBeGreaterThan(0);
      if (r.id.startsWith('ice-')) expect((r.data as { source: string }).source, r.id).toBe('ccp'); // not "none configured"
    }
    expect(report.verdict).toBe('warn');
    expect(report.softphone.fit).toBe('unknown');
    expect(report.partial).toBe(true);
    expect(report.summary).not.toMatch(/every check passed/);
    const answer = agentAnswer(report);
    expect(answer.tone).not.toBe('pass');
    // One problem for the five untested checks, and never "slow".
    expect(answer.problems.map((p) => p.headline)).toEqual(['Call audio was not tested: the Contact Control Panel did not hand out its media servers.']);
    expect(answer.sentence).toMatch(/^Not known whether calls will work/);
    // The new fields survive the report's own reader.
    const parsed = await parseReport(JSON.stringify(report));
    expect(parsed.ok && parsed.report.partial).toBe(true);
    expect(parsed.ok && parsed.report.checks[1]!.code).toBe(CCP_NO_SERVERS);
  });

  it('configured servers still skip the old way when no CCP is wrapped (nothing was promised)', async () => {
    const report = await runPreflight({ checks: ['ice-udp', 'media'], registry: NETWORK, deps });
    expect(report.checks.map((c) => c.code)).toEqual(['no-servers', 'no-servers']);
    expect(report.partial).toBe(true);
  });

  it('an agent on an external phone: the media path is not the softphone\'s, so no rewrite', async () => {
    const registry = [fake('ccp', 'pass', { mediaLocation: 'external-phone' }), ...NETWORK];
    const report = await runPreflight({ checks: ['ccp', 'ice-udp'], registry, deps, ccp: silentTransport, ccpMode: 'full' });
    expect(report.checks[1]!.code).toBe('no-servers');
  });

  it('a chosen subset that passes is partial: the summary says so, never "every check passed"', async () => {
    const registry = [fake('ice-udp', 'pass'), fake('media', 'pass')];
    const report = await runPreflight({ checks: ['ice-udp', 'media'], registry, deps });
    expect(report.verdict).toBe('pass');
    expect(report.partial).toBe(true);
    expect(report.summary).toBe(`Softphone ready: the checks that ran passed, but only 2 of ${CHECK_IDS.length} checks were chosen.`);
    expect(agentAnswer(report).partial).toMatch(/Only 2 of/);
  });

  it('every check, test call made: not partial', () => {
    const results = CHECK_IDS.map((id) => ({ id, verdict: 'pass' }) as CheckResult);
    expect(partialReason(CHECK_IDS, results)).toBeUndefined();
    expect(partialReason(CHECK_IDS, results.map((r) => (r.id === 'media' ? { ...r, verdict: 'skip' as const } : r)))).toBe('the test call did not run');
  });

  it('checks that describe the CLI machine set neither the verdict nor the fitness', async () => {
    const registry = [fake('browser', 'fail'), fake('devices', 'fail'), fake('media', 'pass')];
    const report = await runPreflight({ checks: ['browser', 'devices', 'media'], registry, deps, describesRunner: ['browser', 'devices', 'workstation'] });
    expect(report.checks.filter((c) => c.describesRunner).map((c) => c.id)).toEqual(['browser', 'devices']);
    expect(report.verdict).toBe('pass');
    expect(report.softphone.fit).toBe('yes');
    expect(report.summary).not.toMatch(/Fake browser/);
    // Named by their titles in the reader's language (known check ids), not by the writer's words.
    expect(agentAnswer(report).described).toEqual(['Browser', 'Microphone and headset']);
    // A full run by the CLI is complete: the three machine checks are not "missing" from the answer.
    const full = await runPreflight({ registry: CHECK_IDS.map((id) => fake(id, 'pass')), deps, describesRunner: ['browser', 'devices', 'workstation'] });
    expect(full.partial).toBeUndefined();
    expect(agentAnswer(full).partial).toBe('');
    expect(agentAnswer(full).sentence).toBe('Calls will work in this browser.');
    // Without the option the same results fail: the flag, not the data, makes the difference.
    const judged = await runPreflight({ checks: ['browser', 'devices', 'media'], registry, deps });
    expect(judged.verdict).toBe('fail');
  });

  it('no relay on any transport: the test call and the throughput test are not run (no connect timeouts to wait out)', async () => {
    const dead = (id: CheckId, relay: boolean): Check => ({ ...fake(id, relay ? 'pass' : 'fail'), run: async () => ({ verdict: relay ? 'pass' : 'fail', code: relay ? undefined : 'turn-unreachable', summary: id, data: { servers: [{ kind: 'stun', relay: false }, { kind: 'turn', relay }] } as never }) }) as Check;
    let ran = 0;
    const hang = (id: CheckId): Check => ({ ...fake(id, 'pass'), timeoutMs: () => 8000, run: () => { ran++; return new Promise(() => {}); } }) as Check;
    const t0 = Date.now();
    const report = await runPreflight({ checks: ['ice-udp', 'ice-tcp', 'media', 'bandwidth'], registry: [dead('ice-udp', false), dead('ice-tcp', false), hang('media'), hang('bandwidth')], deps });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(ran).toBe(0);
    expect(report.checks.slice(2).map((c) => [c.verdict, c.code])).toEqual([['skip', NO_RELAY], ['skip', NO_RELAY]]);
    expect(report.checks[2]!.summary).toMatch(/no TURN server gave a relay on any transport \(Fake ice-udp, Fake ice-tcp failed\)/);
    expect(report.verdict).toBe('fail');
    expect(report.softphone.fit).toBe('no');
    // One transport with a relay: the test call runs.
    const some = await runPreflight({ checks: ['ice-udp', 'ice-tcp', 'media'], registry: [dead('ice-udp', false), dead('ice-tcp', true), fake('media', 'pass')], deps });
    expect(some.checks[2]!.verdict).toBe('pass');
  });

  it('the three ICE checks run side by side (a blocked network costs one probe timeout, not three), reported in order', async () => {
    const slow = (id: CheckId): Check => ({ ...fake(id, 'pass'), run: async () => { await new Promise((r) => setTimeout(r, 300)); return { verdict: 'fail', code: 'turn-unreachable', summary: id, data: { servers: [] } as never }; } }) as Check;
    const order: string[] = [];
    const t0 = Date.now();
    const report = await runPreflight({ checks: ['ice-udp', 'ice-tcp', 'ice-tls'], registry: [slow('ice-udp'), slow('ice-tcp'), slow('ice-tls')], deps, onCheck: (r) => order.push(r.id) });
    expect(Date.now() - t0).toBeLessThan(800);
    expect(order).toEqual(['ice-udp', 'ice-tcp', 'ice-tls']);
    expect(report.checks.map((c) => c.verdict)).toEqual(['fail', 'fail', 'fail']);
  });
});
