/**
 * Option 1 (domains) and Option 2 (IP ranges) of the Amazon Connect networking guide, deadlines against an
 * injected "today", and `--check` exit codes. Expected values are written out here from the guide
 * ("Set up your network to use the Amazon Connect Contact Control Panel (CCP)"), not taken from the output.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { allowlistMain, buildDomainRules, deadlineStatus, generateAllowlist, type AllowlistDiff, type AllowlistIo } from '../../src/allowlist/index.js';

const dir = fileURLToPath(new URL('./fixtures/ip-ranges/', import.meta.url));
const files: Record<string, string> = {
  'cur.json': readFileSync(`${dir}ip-ranges.json`, 'utf8'),
  'prev.json': readFileSync(`${dir}ip-ranges-previous.json`, 'utf8'),
};
const current: unknown = JSON.parse(files['cur.json']!);
const previous: unknown = JSON.parse(files['prev.json']!);

async function run(argv: string[], today: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: AllowlistIo = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    readFile: async (p) => {
      const f = files[p];
      if (f === undefined) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      return f;
    },
    now: () => new Date(today),
  };
  return { code: await allowlistMain(argv, io), out, err };
}

/** Option 1 for alias "acme" in us-east-1: [destination, protocol, port, direction]. */
const ACME_US_EAST_1: [string, string, string, string][] = [
  ['acme.my.connect.aws/ccp-v2', 'TCP', '443', 'outbound'],
  ['acme.my.connect.aws/api', 'TCP', '443', 'outbound'],
  ['*.static.connect.aws', 'TCP', '443', 'outbound'],
  ['acme.awsapps.com/connect/ccp-v2', 'TCP', '443', 'outbound'],
  ['acme.awsapps.com/connect/api', 'TCP', '443', 'outbound'],
  ['*.cloudfront.net', 'TCP', '443', 'outbound'],
  ['rtc*.connect-telecom.us-east-1.amazonaws.com', 'TCP', '443', 'outbound'],
  ['*.transport.connect.us-east-1.amazonaws.com', 'TCP', '443', 'outbound'],
  ['participant.connect.us-east-1.amazonaws.com', 'TCP', '443', 'outbound'],
  ['*.execute-api.us-east-1.amazonaws.com', 'TCP', '443', 'outbound'],
  ['TurnNlb-*.elb.us-east-1.amazonaws.com', 'UDP', '3478', 'outbound'],
  ['*.telemetry.connect.us-east-1.amazonaws.com', 'TCP', '443', 'outbound'],
];

describe('Option 1: the domain rules for an alias and a Region', () => {
  it('lists the instance domains in both address forms, CloudFront content, signaling, TURN by name', () => {
    const rules = buildDomainRules('us-east-1', 'acme');
    expect(rules.map((r) => [r.destination, r.protocol, r.port, r.direction])).toEqual(ACME_US_EAST_1);
    for (const r of rules) expect(r.source).toMatch(/\(https:\/\/(docs\.aws\.amazon\.com|repost\.aws)\//);
    expect(rules.filter((r) => r.optional).map((r) => r.id)).toEqual(['telemetry']);
  });

  it('uses the guide\'s other telecom form in eu-west-2 and ap-southeast-1', () => {
    expect(buildDomainRules('eu-west-2', 'acme').find((r) => r.id === 'signaling-v1')!.destination).toBe('rtc.cell-1.prod.eu-west-2.prod.connect.aws.a2z.com');
    expect(buildDomainRules('ap-southeast-1', 'acme').find((r) => r.id === 'signaling-v1')!.destination).toBe('rtc.cell-1.prod.ap-southeast-1.prod.connect.aws.a2z.com');
  });

  it('takes the alias from a CCP URL of either form', () => {
    expect(generateAllowlist(undefined, 'us-east-1', { option: 'domains', ccpUrl: 'https://ACME.my.connect.aws/ccp-v2' }).instance).toEqual({ alias: 'acme', placeholder: false });
    expect(generateAllowlist(undefined, 'us-east-1', { option: 'domains', ccpUrl: 'https://acme.awsapps.com/connect/ccp-v2#x' }).domains[0]!.destination).toBe('acme.my.connect.aws/ccp-v2');
  });

  it('--option domains keeps only the media ranges both options need; ip-ranges has no domain rules', () => {
    const d = generateAllowlist(current, 'us-east-1', { option: 'domains', instance: 'acme' });
    expect([...new Set(d.rules.map((r) => r.kind))]).toEqual(['connect-media-udp', 'connect-ephemeral-udp']);
    const ip = generateAllowlist(current, 'us-east-1', { option: 'ip-ranges' });
    expect(ip.domains).toEqual([]);
    expect(ip.rules).toHaveLength(16);
    expect(ip.warnings).toBeUndefined();
  });

  it('table: Option 1 first, then the media ranges, then Option 2', async () => {
    const r = await run(['--region', 'us-east-1', '--instance', 'acme', '--ip-ranges', 'cur.json'], '2026-12-02T00:00:00Z');
    expect(r.code).toBe(0);
    const o1 = r.out.indexOf('# Option 1 (recommended)');
    const media = r.out.indexOf('# Both options: call audio');
    const o2 = r.out.indexOf('# Option 2 (not recommended)');
    expect(o1).toBeGreaterThan(0);
    expect(media).toBeGreaterThan(o1);
    expect(o2).toBeGreaterThan(media);
    const section = r.out.slice(o1, media).split('\n').filter((l) => l.startsWith('outbound'));
    expect(section.map((l) => l.split(/\s{2,}/).slice(0, 4))).toEqual(ACME_US_EAST_1.map(([d, p, port, dir]) => [dir, p, port, d]));
    expect(r.out).toContain('more than 200 test calls');
    expect(r.out).toContain('An error rate above 2 %');
    expect(r.out).toContain('nslookup TurnNlb-d76454ac48d20c1e.elb.us-east-1.amazonaws.com');
    expect(r.out).toContain('https://docs.aws.amazon.com/connect/latest/adminguide/ccp-networking.html');
    expect(r.out).not.toMatch(/seed/i);
  });

  it('csv: one row per domain rule with option "domains", the media ranges as "both"', async () => {
    const r = await run(['--region', 'us-east-1', '--instance', 'acme', '--ip-ranges', 'cur.json', '--format', 'csv'], '2026-12-02T00:00:00Z');
    const rows = r.out.trimEnd().split('\r\n').map((l) => l.split(','));
    expect(rows[0]!.slice(0, 5)).toEqual(['option', 'direction', 'protocol', 'port', 'destination']);
    const domains = rows.filter((c) => c[0] === 'domains');
    expect(domains.map((c) => [c[4], c[2], c[3], c[1]])).toEqual(ACME_US_EAST_1);
    expect(rows.filter((c) => c[0] === 'both').map((c) => `${c[2]} ${c[3]} ${c[4]}`)).toEqual([
      'UDP 3478 15.193.0.0/19',
      'UDP 3478 18.233.213.128/25',
      'UDP 3478 2600:1f18:4000::/36',
      'UDP 49152-65535 15.193.0.0/19',
      'UDP 49152-65535 18.233.213.128/25',
      'UDP 49152-65535 2600:1f18:4000::/36',
    ]);
    expect(rows.filter((c) => c[0] === 'ip-ranges')).toHaveLength(10);
  });

  it('json: domains, rules, option and instance', async () => {
    const r = await run(['--region', 'us-east-1', '--instance', 'acme', '--option', 'domains', '--format', 'json'], '2026-12-02T00:00:00Z');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { option: string; instance: unknown; domains: { destination: string; protocol: string; port: string; direction: string }[]; rules: unknown[]; notes: string[] };
    expect(j.option).toBe('domains');
    expect(j.instance).toEqual({ alias: 'acme', placeholder: false });
    expect(j.domains.map((d) => [d.destination, d.protocol, d.port, d.direction])).toEqual(ACME_US_EAST_1);
    expect(j.rules).toEqual([]); // no ip-ranges.json given: the table says to pass it
    expect(j.notes.some((n) => n.includes('--repeat'))).toBe(true);
  });
});

function diffWithAdded(n: number): AllowlistDiff {
  const a = generateAllowlist(current, 'us-east-1', { previous });
  return { ...a.diff!, added: a.diff!.added.slice(0, n) };
}

describe('deadlines against an injected today', () => {
  // Fixtures: safe date 2026-11-14T08:00Z (previous createDate + 30 d), latest 2026-12-20T10:30Z.
  it('both ahead: days left to the safe date', () => {
    const s = deadlineStatus(diffWithAdded(4), new Date('2026-10-20T08:00:00Z'));
    expect(s).toMatchObject({ state: 'ahead', safeDays: 25, latestDays: 61 });
    expect(s.message).toBe('Allow the 4 added rules by the safe date 2026-11-14 (25 days left); the latest date is 2026-12-20 (61 days left).');
  });
  it('safe date near (under a week): SOON', () => {
    const s = deadlineStatus(diffWithAdded(1), new Date('2026-11-10T08:00:00Z'));
    expect(s).toMatchObject({ state: 'near', safeDays: 4 });
    expect(s.message).toMatch(/^SOON: allow the 1 added rule by the safe date 2026-11-14 \(4 days left\)/);
  });
  it('safe date passed: says by how many days, and the days left to the latest', () => {
    const s = deadlineStatus(diffWithAdded(4), new Date('2026-12-02T03:00:00Z'));
    expect(s).toMatchObject({ state: 'safe-passed', safeDays: -17, latestDays: 18 });
    expect(s.message).toBe('OVERDUE: the safe date 2026-11-14 passed 17 days ago: Amazon Connect may already use these ranges. Allow the 4 added rules now; the latest date is 2026-12-20 (18 days left).');
  });
  it('safe date passed and the latest date near: "only N days left"', () => {
    const s = deadlineStatus(diffWithAdded(4), new Date('2026-12-17T10:30:00Z'));
    expect(s).toMatchObject({ state: 'safe-passed', latestDays: 3 });
    expect(s.message).toMatch(/the latest date is 2026-12-20 \(only 3 days left\)\.$/);
  });
  it('latest date passed', () => {
    const s = deadlineStatus(diffWithAdded(2), new Date('2026-12-21T10:30:00Z'));
    expect(s).toMatchObject({ state: 'latest-passed', latestDays: -1 });
    expect(s.message).toMatch(/^OVERDUE: the latest date 2026-12-20 passed 1 day ago: Amazon Connect uses these ranges now/);
  });
  it('nothing added: nothing due, whatever the day', () => {
    expect(deadlineStatus(diffWithAdded(0), new Date('2027-06-01T00:00:00Z')).state).toBe('none');
  });
});

describe('allowlist --check exit codes (scheduled job)', () => {
  const argv = ['--region', 'us-east-1', '--ip-ranges', 'cur.json', '--previous', 'prev.json', '--check'];
  it('0 while the safe date is more than a week away', async () => {
    const r = await run(argv, '2026-10-20T08:00:00Z');
    expect(r).toEqual({ code: 0, out: 'ccp-preflight allowlist --check (us-east-1): Allow the 4 added rules by the safe date 2026-11-14 (25 days left); the latest date is 2026-12-20 (61 days left).\n', err: '' });
  });
  it('1 when the safe date is near', async () => {
    expect((await run(argv, '2026-11-10T08:00:00Z')).code).toBe(1);
  });
  it('2 when added ranges are not yet allowed and the safe date has passed', async () => {
    const r = await run(argv, '2026-12-02T03:00:00Z');
    expect(r.code).toBe(2);
    expect(r.out).toContain('OVERDUE: the safe date 2026-11-14 passed 17 days ago');
  });
  it('0 when the previous file already has every range (nothing added)', async () => {
    const r = await run(['--region', 'us-east-1', '--ip-ranges', 'cur.json', '--previous', 'cur.json', '--check'], '2027-01-01T00:00:00Z');
    expect(r.code).toBe(0);
    expect(r.out).toContain('nothing to allow');
  });
});
