import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { agentAnswer, MAX_PROBLEMS } from '../../src/elements/ccp-preflight-report/answer.js';
import { publicSources } from '../../src/elements/ccp-preflight-report/sources.js';
import type { Report } from '../../src/report/schema.js';

const load = (name: string): Report => JSON.parse(readFileSync(`test/unit/fixtures/reports/${name}`, 'utf8')) as Report;
const clone = (r: Report): Report => JSON.parse(JSON.stringify(r)) as Report;

describe('agentAnswer: the answer first', () => {
  it('a failing report: one sentence, network failures before workstation warnings, one action each', () => {
    const a = agentAnswer(load('degraded-udp-blocked.json'));
    expect(a.sentence).toBe('Calls will not work reliably in this browser right now.');
    expect(a.tone).toBe('fail');
    expect(a.problems.map((p) => p.checkId)).toEqual(['ice-udp', 'media', 'workstation']);
    expect(a.problems[0]!.action).toMatch(/Send this report to IT/);
    expect(a.partial).toBe('');
  });

  it('a passing report: calls will work, no problems', () => {
    const a = agentAnswer(load('full-pass.json'));
    expect(a).toMatchObject({ sentence: 'Calls will work in this browser.', tone: 'pass', problems: [], more: 0 });
  });

  it('at most three problems; the rest are counted; the same problem is said once', () => {
    const r = clone(load('full-pass.json'));
    for (const c of r.checks) {
      c.verdict = 'fail';
      delete c.code;
    }
    r.verdict = 'fail';
    const a = agentAnswer(r);
    expect(a.problems).toHaveLength(MAX_PROBLEMS);
    // ice-udp, ice-tcp and media share the action but not the headline; nothing is repeated word for word.
    const lines = a.problems.map((p) => `${p.headline} ${p.action}`);
    expect(new Set(lines).size).toBe(lines.length);
    expect(a.more).toBeGreaterThan(0);
    expect(a.problems.every((p) => ['ccp', 'endpoints', 'ice-udp', 'ice-tcp', 'ice-tls', 'media', 'bandwidth'].includes(p.checkId))).toBe(true);
  });

  it('a cancelled run says so and does not claim calls will work', () => {
    const r = clone(load('full-pass.json'));
    r.incomplete = true;
    for (const c of r.checks.slice(5)) {
      c.verdict = 'skip';
      c.summary = 'Cancelled before it ran.';
    }
    const a = agentAnswer(r);
    expect(a.partial).toMatch(/cancelled before it finished/);
    expect(a.sentence).not.toMatch(/^Calls will work/);
  });

  it('a run of chosen checks says only some ran', () => {
    const r = clone(load('full-pass.json'));
    r.checks = r.checks.filter((c) => c.id === 'ice-udp' || c.id === 'media');
    const a = agentAnswer(r);
    expect(a.partial).toBe('Only 2 of 10 checks were chosen, so this answer covers only those.');
    expect(a.sentence).toMatch(/as far as the checks that ran can tell/);
  });

  it('checks that describe the machine running the CLI are listed, not judged', () => {
    const r = clone(load('full-pass.json'));
    const browser = r.checks.find((c) => c.id === 'browser')!;
    browser.verdict = 'fail';
    (browser as unknown as Record<string, unknown>).informational = true;
    const a = agentAnswer(r);
    expect(a.problems).toEqual([]);
    expect(a.described).toEqual([browser.title]);
  });

  it('odd input never throws', () => {
    expect(agentAnswer(null).tone).toBe('skip');
    expect(agentAnswer({ checks: [null, 7, { verdict: 'maybe' }] }).problems).toEqual([]);
  });
});

describe('publicSources: people see the public document, never the internal copy', () => {
  it('maps seed sections to the public page by title, section and link', () => {
    const [s] = publicSources('seed 003, Network Ports and Protocols');
    expect(s).toEqual({
      title: 'Amazon Connect Administrator Guide: Set up your network to use the Amazon Connect Contact Control Panel (CCP)',
      section: 'Network Ports and Protocols',
      href: 'https://docs.aws.amazon.com/connect/latest/adminguide/ccp-networking.html',
    });
    expect(publicSources('seed 003, Agent Workstation Requirements')[0]!.href).toMatch(/ccp-agent-hardware\.html$/);
    expect(publicSources('seed 000, Stateless firewalls')[0]!.title).toMatch(/AWS Direct Connect for Amazon Connect/);
  });

  it('keeps other sources, links a URL, splits on ";" and drops duplicates', () => {
    expect(publicSources('ITU-T G.107')[0]!.href).toBe('https://www.itu.int/rec/T-REC-G.107');
    const two = publicSources('seed 003, Network Ports and Protocols; seed 003, Network Ports and Protocols; Streams docs https://github.com/amazon-connect/amazon-connect-streams');
    expect(two).toHaveLength(2);
    expect(two[1]).toEqual({ title: 'Streams docs', href: 'https://github.com/amazon-connect/amazon-connect-streams' });
    expect(JSON.stringify(publicSources('seed 003, Rerouting Audio'))).not.toMatch(/seed/i);
  });

  it('takes the section of a catalogue source apart from its title (the frame around it is translated)', () => {
    expect(publicSources('Amazon Connect Administrator Guide: Agent headset and workstation requirements for using the CCP, section "Agent Workstation Requirements": https://docs.aws.amazon.com/connect/latest/adminguide/ccp-agent-hardware.html')).toEqual([
      {
        title: 'Amazon Connect Administrator Guide: Agent headset and workstation requirements for using the CCP',
        section: 'Agent Workstation Requirements',
        href: 'https://docs.aws.amazon.com/connect/latest/adminguide/ccp-agent-hardware.html',
      },
    ]);
  });
});
