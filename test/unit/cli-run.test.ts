import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
// @ts-expect-error plain ESM module without types
import { parseRunArgs, RUN_USAGE, exitCodeFor, formatHuman } from '../../cli/run.mjs';
import { CHECK_IDS } from '../../src/report/schema.js';

const cli = (...args: string[]) => spawnSync(process.execPath, ['cli/ccp-preflight.mjs', ...args], { encoding: 'utf8' });

describe('ccp-preflight run: arguments', () => {
  it('takes its check ids from the package (every schema id accepted, listed in the help, an unknown one refused)', () => {
    expect(parseRunArgs(['--checks', CHECK_IDS.join(',')]).run.checks).toEqual([...CHECK_IDS]);
    expect(RUN_USAGE).toContain(CHECK_IDS.join(','));
    expect(() => parseRunArgs(['--checks', 'ice-quic'])).toThrow(`Known checks: ${CHECK_IDS.join(', ')}.`);
  });

  it('parses a full set of options', () => {
    const o = parseRunArgs(['--ice-servers', '[{"urls":"turn:127.0.0.1:3478","username":"u","credential":"p"}]', '--checks', 'media,ice-udp', '--duration', '4', '--json', '--ccp-url', 'https://acme.my.connect.aws/ccp-v2', '--region', 'eu-west-2']);
    expect(o.json).toBe(true);
    expect(o.run).toEqual({
      iceServers: [{ urls: 'turn:127.0.0.1:3478', username: 'u', credential: 'p' }],
      checks: ['media', 'ice-udp'],
      durationS: 4,
      ccpUrl: 'https://acme.my.connect.aws/ccp-v2',
      ccpMode: 'full',
      region: 'eu-west-2',
    });
  });

  it.each([
    [['--ice-servers', '{nope'], /--ice-servers is not valid JSON/],
    [['--ice-servers', '[{"url":"turn:x"}]'], /needs "urls"/],
    [['--ice-servers', '[{"urls":"http://x"}]'], /not a stun:, turn: or turns: URL/],
    [['--ice-servers', '[{"urls":"turn:x:3478"}]'], /needs "username" and "credential"/],
    [['--checks', 'media,warp'], /unknown check "warp"/],
    [['--checks', ','], /--checks is empty/],
    [['--duration', '1'], /from 2 to 60/],
    [['--duration', 'ten'], /from 2 to 60/],
    [['--ccp-url', 'not a url'], /is not a URL/],
    [['--ccp-url', 'http://acme.example.com/ccp-v2'], /must be an https:\/\//],
    [['--ccp-mode', 'full'], /needs --ccp-url/],
    [['--ccp-url', 'https://a.my.connect.aws/ccp-v2', '--ccp-mode', 'half'], /"full" or "media-less"/],
    [['--region', 'mars'], /not a Region name/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['--ip-ranges', 'no/such/file.json'], /--ip-ranges: cannot read/],
    [['--ip-ranges', 'README.md'], /is not JSON/],
    [['--ip-ranges', 'package.json'], /has no "prefixes" list/],
  ])('refuses %j with a clear message', (args, msg) => {
    expect(() => parseRunArgs(args)).toThrow(msg);
  });

  it('reads an ip-ranges.json for the relay location', () => {
    const o = parseRunArgs(['--ip-ranges', 'test/unit/fixtures/ip-ranges/ip-ranges.json']);
    expect(Array.isArray(o.run.ipRanges.prefixes)).toBe(true);
  });

  it('maps verdicts to exit codes', () => {
    expect([exitCodeFor('pass'), exitCodeFor('warn'), exitCodeFor('fail'), exitCodeFor('skip')]).toEqual([0, 1, 2, 1]);
  });

  it('exits 3 with a message, not a stack trace, on bad arguments', () => {
    const r = cli('run', '--duration', 'x');
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/--duration must be a number of seconds/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const u = cli('frobnicate');
    expect(u.status).toBe(3);
    expect(u.stderr).toMatch(/unknown command "frobnicate"/);
  });

  it('prints help with exit 0', () => {
    const r = cli('run', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/--ice-servers JSON/);
  });

  it('formats a human summary with media figures and remedies', () => {
    const text = formatHuman({
      tool: { version: '0.1.0' }, verdict: 'warn', summary: 'Softphone ready, with warnings: Test call.', softphone: { fit: 'yes' },
      checks: [{ id: 'media', title: 'Test call', verdict: 'warn', summary: 'Loss 2 %', data: { rttMs: 80.4, jitterMs: 3.21, lossPct: 2, mos: 4.01, transport: 'udp', serverUrl: 'turn:h:3478' }, remedies: [{ text: 'Open UDP 3478', source: 'seed 003' }] }],
      calls: [],
    });
    expect(text).toContain('WARN  Test call');
    expect(text).toContain('RTT 80 ms  jitter 3.2 ms  loss 2.0 %  MOS 4.01');
    expect(text).toContain('-> Open UDP 3478 [seed 003]');
  });
});
