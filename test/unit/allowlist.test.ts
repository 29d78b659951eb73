import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  generateAllowlist,
  NETWORKING_PAGE_URL,
  parseCreateDate,
  parseIpRanges,
  type AllowlistIo,
} from '../../src/allowlist/index.js';
import { CURRENT, PREVIOUS, current, dir, previous, run } from './allowlist-rig.js';

const golden = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe('generateAllowlist', () => {
  it('selects the Region AMAZON_CONNECT (+GLOBAL), Region EC2 and global CLOUDFRONT prefixes, deduplicated, numerically sorted', () => {
    const a = generateAllowlist(current, 'us-east-1');
    const by = (kind: string) => a.rules.filter((r) => r.kind === kind).map((r) => r.prefix);
    expect(by('connect-media-udp')).toEqual(['15.193.0.0/19', '18.233.213.128/25', '2600:1f18:4000::/36']);
    expect(by('connect-tcp')).toEqual(['15.193.0.0/19', '18.233.213.128/25', '2600:1f18:4000::/36']);
    expect(by('connect-ephemeral-udp')).toEqual(['15.193.0.0/19', '18.233.213.128/25', '2600:1f18:4000::/36']);
    // 3.x before 100.x: numeric, not text order. No eu-central-1 EC2, no S3, no AMAZON-only 52.94.0.0/22.
    expect(by('ec2-signaling-tcp')).toEqual(['3.5.16.0/21', '100.24.0.0/13', '2600:1f18::/33']);
    expect(by('cloudfront-tcp')).toEqual(['13.32.0.0/15', '54.239.128.0/18', '2600:9000:1000::/36', '2600:9000:2000::/36']);
    const media = a.rules.find((r) => r.kind === 'connect-media-udp')!;
    expect([media.protocol, media.port, media.direction]).toEqual(['UDP', '3478', 'outbound']);
    expect(media.source).toBe(`Amazon Connect Administrator Guide, "Set up your network to use the Amazon Connect Contact Control Panel (CCP)", Option 2: allow IP address ranges (${NETWORKING_PAGE_URL})`);
    const eph = a.rules.find((r) => r.kind === 'connect-ephemeral-udp')!;
    expect([eph.protocol, eph.port, eph.direction, eph.statelessOnly]).toEqual(['UDP', '49152-65535', 'inbound', true]);
    expect(eph.source).toContain('Stateless firewalls (https://docs.aws.amazon.com/connect/latest/adminguide/ccp-networking.html)');
    // Every text a person reads cites a public page, never the project's seed files.
    expect(JSON.stringify(a)).not.toMatch(/seed/i);
    expect(a.rules).toHaveLength(16);
    expect(new Set(a.rules.map((r) => `${r.kind} ${r.prefix}`)).size).toBe(16);
  });

  it('leaves out the ephemeral rule with stateless: false', () => {
    const a = generateAllowlist(current, 'eu-central-1', { stateless: false });
    expect(a.rules.some((r) => r.statelessOnly)).toBe(false);
    expect(a.rules.filter((r) => r.service === 'AMAZON_CONNECT').map((r) => r.prefix)).toEqual(['15.193.0.0/19', '35.158.127.0/25', '15.193.0.0/19', '35.158.127.0/25']);
  });

  it('diffs with a previous file and gives both deadlines (createDate + 30 days)', () => {
    const a = generateAllowlist(current, 'us-east-1', { previous });
    expect(a.diff!.added.map((r) => `${r.kind} ${r.prefix}`)).toEqual([
      'connect-media-udp 18.233.213.128/25',
      'connect-tcp 18.233.213.128/25',
      'connect-ephemeral-udp 18.233.213.128/25',
      'cloudfront-tcp 2600:9000:1000::/36',
    ]);
    expect(a.diff!.removed.map((r) => `${r.kind} ${r.prefix}`)).toEqual(['ec2-signaling-tcp 3.80.0.0/12']);
    // previous 2026-10-15-08-00-00 + 30 d; current 2026-11-20-10-30-00 + 30 d
    expect(a.diff!.safeDeadline).toBe('2026-11-14T08:00:00.000Z');
    expect(a.diff!.latestDeadline).toBe('2026-12-20T10:30:00.000Z');
  });

  it('parses createDate as UTC and rejects malformed dates', () => {
    expect(parseCreateDate('2024-02-29-23-59-59')?.toISOString()).toBe('2024-02-29T23:59:59.000Z');
    expect(parseCreateDate('2023-02-29-00-00-00')).toBeNull();
    expect(parseCreateDate('2023-11-14T22:13:10Z')).toBeNull();
  });

  it('names the JSON path of a shape error', () => {
    const bad = { syncToken: '1', createDate: '2026-01-01-00-00-00', prefixes: [{ ip_prefix: '10.0.0/8', region: 'x', service: 'EC2' }], ipv6_prefixes: [] };
    const r = parseIpRanges(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('prefixes[0].ip_prefix: "10.0.0/8" is not an IPv4 CIDR');
  });
});

describe('allowlistMain: exact output', () => {
  it('table', async () => {
    const r = await run(['--region', 'us-east-1', '--instance', 'acme', '--ip-ranges', CURRENT]);
    expect(r).toEqual({ code: 0, out: golden('expected-us-east-1.table.txt'), err: '' });
  });
  it('csv without the stateless rule (the leading "allowlist" word is accepted)', async () => {
    const r = await run(['allowlist', '--region=eu-central-1', '--ccp-url', 'https://acme.my.connect.aws/ccp-v2', '--ip-ranges', CURRENT, '--format', 'csv', '--no-stateless']);
    expect(r).toEqual({ code: 0, out: golden('expected-eu-central-1.csv'), err: '' });
  });
  it('table with --previous: added, removed, deadlines', async () => {
    const r = await run(['--region', 'us-east-1', '--instance', 'acme', '--ip-ranges', CURRENT, '--previous', PREVIOUS]);
    expect(r).toEqual({ code: 0, out: golden('expected-us-east-1-diff.table.txt'), err: '' });
    expect(r.out).toContain('# OVERDUE: the safe date 2026-11-14 passed 17 days ago');
    expect(r.out).toContain('by 2026-11-14T08:00:00Z');
    expect(r.out).toContain('no later than 2026-12-20T10:30:00Z');
  });
  it('json round-trips the rules and the diff', async () => {
    const r = await run(['--region', 'us-east-1', '--ip-ranges', CURRENT, '--previous', PREVIOUS, '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { region: string; source: { createDate: string }; rules: { prefix: string }[]; diff: { safeDeadline: string; added: unknown[] }; domains: { destination: string }[]; deadline: { state: string; safeDays: number } };
    expect(j.region).toBe('us-east-1');
    expect(j.source.createDate).toBe('2026-11-20-10-30-00');
    expect(j.rules).toEqual(JSON.parse(JSON.stringify(generateAllowlist(current, 'us-east-1').rules)));
    expect(j.diff.safeDeadline).toBe('2026-11-14T08:00:00.000Z');
    expect(j.diff.added).toHaveLength(4);
    expect(j.domains.map((d) => d.destination)).toContain('rtc*.connect-telecom.us-east-1.amazonaws.com');
    expect(j.deadline).toMatchObject({ state: 'safe-passed', safeDays: -17, latestDays: 18 });
  });
  it('a Region without its own AMAZON_CONNECT range gets the GLOBAL ones and a warning (table, json; csv on stderr)', async () => {
    const t = await run(['--region', 'us-west-2', '--instance', 'acme', '--ip-ranges', CURRENT]);
    expect(t.code).toBe(0);
    expect(t.out).toContain('# WARNING: No Region-specific AMAZON_CONNECT range is listed for us-west-2, so only the GLOBAL AMAZON_CONNECT ranges apply. Check that us-west-2 is the Region of your Amazon Connect instance (Regions with their own AMAZON_CONNECT ranges in this file: eu-central-1, us-east-1).');
    const a = generateAllowlist(current, 'us-west-2');
    expect(a.rules.filter((r) => r.service === 'AMAZON_CONNECT').map((r) => `${r.kind} ${r.prefix}`)).toEqual([
      'connect-media-udp 15.193.0.0/19',
      'connect-tcp 15.193.0.0/19',
      'connect-ephemeral-udp 15.193.0.0/19',
    ]);
    expect(a.rules.filter((r) => r.service === 'EC2')).toEqual([]);
    const c = await run(['--region', 'us-west-2', '--instance', 'acme', '--ip-ranges', CURRENT, '--format', 'csv']);
    expect(c.code).toBe(0);
    expect(c.err).toMatch(/^ccp-preflight allowlist: warning: No Region-specific AMAZON_CONNECT range/);
    const j = JSON.parse((await run(['--region', 'us-east-1', '--instance', 'acme', '--ip-ranges', CURRENT, '--format', 'json'])).out) as { warnings: string[] };
    expect(j.warnings).toEqual([]);
    // Without an instance the domain rules keep the guide's placeholder, and say so.
    const p = JSON.parse((await run(['--region', 'us-east-1', '--ip-ranges', CURRENT, '--format', 'json'])).out) as { warnings: string[]; instance: { alias: string; placeholder: boolean } };
    expect(p.instance).toEqual({ alias: 'myInstanceName', placeholder: true });
    expect(p.warnings).toEqual(['No instance given: the domain rules say "myInstanceName". Pass --instance ALIAS (or --ccp-url) to name your instance.']);
  });
  it('--help prints usage, exit 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('--ip-ranges FILE|URL');
  });
});

describe('allowlistMain: bad input exits 3 with a clear message', () => {
  const tmp = fileURLToPath(new URL('./fixtures/ip-ranges/', import.meta.url));
  const cases: [string, string[], RegExp][] = [
    ['missing --region', ['--ip-ranges', CURRENT], /--region is required/],
    ['missing --ip-ranges', ['--region', 'us-east-1'], /--ip-ranges is required \(unless --option domains\)/],
    ['unknown option', ['--region', 'us-east-1', '--option', 'proxy', '--ip-ranges', CURRENT], /Unknown --option "proxy"\. Use one of: domains, ip-ranges, both/],
    ['bad alias', ['--region', 'us-east-1', '--instance', 'a_b', '--option', 'domains'], /"a_b" is not an instance alias/],
    ['CCP URL of another site', ['--region', 'us-east-1', '--ccp-url', 'https://example.com/ccp-v2', '--option', 'domains'], /not an Amazon Connect instance address/],
    ['both --instance and --ccp-url', ['--region', 'us-east-1', '--instance', 'a', '--ccp-url', 'https://a.my.connect.aws/ccp-v2', '--option', 'domains'], /not both/],
    ['--check without --previous', ['--region', 'us-east-1', '--ip-ranges', CURRENT, '--check'], /--check needs --previous/],
    ['malformed Region', ['--region', 'US East', '--ip-ranges', CURRENT], /does not look like an AWS Region/],
    ['unknown format', ['--region', 'us-east-1', '--ip-ranges', CURRENT, '--format', 'xml'], /Unknown --format "xml"/],
    ['unknown argument', ['--region', 'us-east-1', '--ip-ranges', CURRENT, '--frobnicate'], /Unknown argument "--frobnicate"/],
    ['flag without value', ['--region', '--ip-ranges', CURRENT], /--region needs a value/],
    ['unreadable file', ['--region', 'us-east-1', '--ip-ranges', `${tmp}nope.json`], /cannot read the file \(no such file\)/],
    ['directory', ['--region', 'us-east-1', '--ip-ranges', tmp], /cannot read the file \(it is a directory\)/],
    ['not JSON', ['--region', 'us-east-1', '--ip-ranges', `${tmp}expected-eu-central-1.csv`], /not JSON/],
    ['unknown Region lists the Regions present', ['--region', 'ap-south-9', '--ip-ranges', CURRENT], /"ap-south-9" is not in this ip-ranges.json. Regions present: eu-central-1, us-east-1, us-west-2\./],
    ['previous newer than current', ['--region', 'us-east-1', '--ip-ranges', PREVIOUS, '--previous', CURRENT], /--previous file \(createDate 2026-11-20-10-30-00\) is newer/],
    ['bad previous', ['--region', 'us-east-1', '--ip-ranges', CURRENT, '--previous', `${tmp}nope.json`], /--previous .*nope\.json: cannot read/],
  ];
  for (const [name, argv, re] of cases) {
    it(name, async () => {
      const r = await run(argv);
      expect(r.code).toBe(3);
      expect(r.out).toBe('');
      expect(r.err).toMatch(re);
      expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    });
  }
  it('wrong shape (valid JSON, not ip-ranges)', async () => {
    const r = await run(['--region', 'us-east-1', '--ip-ranges', 'x.json'], { readFile: async () => '{"prefixes": 3}' });
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/--ip-ranges x\.json: Not a valid ip-ranges\.json: syncToken: missing.*createDate.*prefixes: missing or not an array/);
  });
  it('a JSON array', async () => {
    const r = await run(['--region', 'us-east-1', '--ip-ranges', 'x.json'], { readFile: async () => '[]' });
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/not an ip-ranges\.json object/);
  });
});

describe('cli/allowlist.mjs (the Node wrapper the bin dispatcher imports)', () => {
  const built = existsSync(fileURLToPath(new URL('../../dist/esm/allowlist.js', import.meta.url)));
  it(built ? 'runs the built module with Node file access: same output as the TS source' : 'says to run the build when dist/esm/allowlist.js is missing', async () => {
    const wrapperPath = '../../cli/allowlist.mjs'; // a JS module without types: imported by path
    const wrapper = (await import(/* @vite-ignore */ wrapperPath)) as { allowlistMain: (argv: string[], io: AllowlistIo, env?: Record<string, string>) => Promise<number> };
    let out = '';
    let err = '';
    // No LC_ALL / LC_MESSAGES / LANG: English, whatever this machine's language.
    const code = await wrapper.allowlistMain(['--region', 'us-east-1', '--instance', 'acme', '--ip-ranges', CURRENT], { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } }, {});
    if (built) {
      expect({ code, out, err }).toEqual({ code: 0, out: golden('expected-us-east-1.table.txt'), err: '' });
    } else {
      expect(code).toBe(3);
      expect(err).toMatch(/Run "npm run build" first/);
    }
  });
});

describe('allowlistMain: URL input (local HTTP server)', () => {
  let server: Server;
  let base = '';
  let closedPort = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/ip-ranges.json') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(readFileSync(CURRENT));
      } else if (req.url === '/hang') {
        /* never answers: the CLI's timeout must end it */
      } else {
        res.writeHead(404);
        res.end('not found');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('fetches the file', async () => {
    const r = await run(['--region', 'us-east-1', '--instance', 'acme', '--ip-ranges', `${base}/ip-ranges.json`]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(golden('expected-us-east-1.table.txt'));
  });
  it('HTTP 404', async () => {
    const r = await run(['--region', 'us-east-1', '--ip-ranges', `${base}/missing.json`]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/answered HTTP 404/);
  });
  it('unreachable (refused) URL', async () => {
    const r = await run(['--region', 'us-east-1', '--ip-ranges', `http://127.0.0.1:${closedPort}/ip-ranges.json`]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/could not be reached \(.*ECONNREFUSED.*\)/);
  });
  it('a server that never answers ends at --timeout', async () => {
    const t0 = performance.now();
    const r = await run(['--region', 'us-east-1', '--ip-ranges', `${base}/hang`, '--timeout', '0.3']);
    const ms = performance.now() - t0;
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/no answer within 0\.3 s/);
    expect(ms).toBeLessThan(2000);
  });
});
