import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
// @ts-expect-error plain ESM module without types
import { parseRunArgs, RUN_USAGE, exitCodeFor, formatForTerminal } from '../../cli/run.mjs';
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

  it('--browser chromium|firefox: the same run in either browser; a wrong name or a mismatched path says what to give', () => {
    expect(parseRunArgs([]).browser).toBe('chromium');
    expect(parseRunArgs(['--browser', 'firefox'])).toMatchObject({ browser: 'firefox', firefox: '/usr/bin/firefox-esr' });
    expect(parseRunArgs(['--browser', 'Firefox', '--firefox', '/opt/ff/firefox']).firefox).toBe('/opt/ff/firefox');
    expect(() => parseRunArgs(['--browser', 'safari'])).toThrow('--browser must be one of chromium, firefox (got "safari").');
    expect(() => parseRunArgs(['--firefox', '/opt/ff/firefox'])).toThrow('--firefox needs --browser firefox.');
    expect(() => parseRunArgs(['--browser', 'firefox', '--chromium', '/usr/bin/chromium'])).toThrow(/--chromium is for --browser chromium/);
    expect(RUN_USAGE).toMatch(/--browser NAME\s+chromium \| firefox/);
  });

  it('reads an ip-ranges.json for the relay location', () => {
    const o = parseRunArgs(['--ip-ranges', 'test/unit/fixtures/ip-ranges/ip-ranges.json']);
    // The file's own content reaches the run, not just something list-shaped.
    expect([o.run.ipRanges.syncToken, o.run.ipRanges.prefixes.length, o.run.ipRanges.prefixes[0]]).toEqual([
      '1763700000', 18, { ip_prefix: '52.94.0.0/22', region: 'us-east-1', service: 'AMAZON', network_border_group: 'us-east-1' },
    ]);
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

  it('prints the report through the package\'s text renderer: answer first, wrapped, colour only on a TTY without NO_COLOR', async () => {
    const report = JSON.parse(readFileSync('test/unit/fixtures/reports/degraded-udp-blocked.json', 'utf8')) as unknown;
    const plain = await formatForTerminal(report, { isTTY: false, columns: 60 }, {});
    expect(plain.split('\n')[0]).toBe('✕ Calls will not work reliably in this browser right now.');
    const ESC = String.fromCharCode(27);
    expect(plain).not.toContain(`${ESC}[`);
    // Every line fits 60 columns, except one holding a single word longer than that (a URL).
    for (const line of plain.split('\n')) if (!/\S{45,}/.test(line)) expect(line.length, line).toBeLessThanOrEqual(60);
    expect(await formatForTerminal(report, { isTTY: true, columns: 100 }, {})).toContain(`${ESC}[31m✕${ESC}[0m`);
    expect(await formatForTerminal(report, { isTTY: true, columns: 100 }, { NO_COLOR: '1' })).not.toContain(`${ESC}[`);
  });
});
