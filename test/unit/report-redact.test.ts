import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redactReport, redactText, maskE164, countryCallingCode, parseReport, type Report } from './report-helpers.js';

const load = (name: string): Report => JSON.parse(readFileSync(`test/unit/fixtures/reports/${name}`, 'utf8')) as Report;

/** A report with every kind of secret planted where a careless check or host could put it. */
function dirty(): Report {
  const r = load('degraded-udp-blocked.json') as Report & Record<string, unknown>;
  const ice = r.checks.find((c) => c.id === 'ice-udp')!.data as unknown as Record<string, any>;
  ice.servers[0].url = 'turn:alice:s3cr3tPass@203.0.113.50:3478?transport=udp';
  ice.servers[0].username = '1700000000:agent-alice';
  ice.servers[0].credential = 'Zm9vYmFyYmF6cXV4';
  ice.servers[0].relayAddress = '198.51.100.23';
  (r.checks.find((c) => c.id === 'media')!.data as unknown as Record<string, any>).relayAddress = '2001:db8:85a3::8a2e:370:7334';
  r.checks[0]!.summary = 'Seen from 203.0.113.7 and [2a00:1450:4009:81f::200e]:443, local 192.168.1.20, vpn 10.8.0.4, loopback 127.0.0.1 and ::1.';
  r.hostExtras = { iceServers: [{ urls: 'turns:user:pw@turn.example.com:443', password: 'hunter2', Token: 'abc' }], callbackUrl: 'https://x.example.com/cb?token=abcdef&ok=1', email: 'alice@example.com' };
  r.subject.agent = { ...r.subject.agent, name: 'Alice Example', username: 'alice.example', extension: '+1 (415) 555-0172' };
  return r;
}

const PUBLIC_IPS = ['203.0.113.50', '198.51.100.23', '203.0.113.7', '2001:db8:85a3::8a2e:370:7334', '2a00:1450:4009:81f::200e', '52.94.232.17'];
const SECRETS = ['s3cr3tPass', 'alice:', '1700000000:agent-alice', 'Zm9vYmFyYmF6cXV4', 'hunter2', 'abcdef', 'Alice Example', 'alice.example', 'alice@', 'user:pw', '"abc"'];
const PHONE_DIGITS = ['7700900123', '7700 900123', '4155550172', '555-0172', '900123'];

describe('redactReport', () => {
  it('leaves no public IP, credential, identity or phone digits anywhere', () => {
    const out = JSON.stringify(redactReport(dirty()));
    for (const ip of PUBLIC_IPS) expect(out).not.toContain(ip);
    for (const s of SECRETS) expect(out).not.toContain(s);
    for (const d of PHONE_DIGITS) expect(out).not.toContain(d);
    expect(out).not.toMatch(/"(username|credential|password|token)"/i);
  });

  it('no address left in the redacted JSON is public (a scan of every IPv4 and IPv6 token)', () => {
    const out = JSON.stringify(redactReport(dirty())).replace(/Chrome\/[\d.]+|Safari\/[\d.]+|AppleWebKit\/[\d.]+/g, '');
    const v4 = out.match(/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/g) ?? [];
    expect(v4.length).toBeGreaterThan(0); // the private ones are kept on purpose
    for (const ip of v4) expect(ip, ip).toMatch(/^(10\.|127\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.|0\.)/);
    const v6 = (out.match(/\b[0-9a-fx]{1,4}(?::[0-9a-fx]{0,4}){2,7}/gi) ?? []).filter((t) => !/^\d{2}:\d{2}:\d{2}$/.test(t)); // not times
    expect(v6.length).toBeGreaterThan(0);
    for (const ip of v6) expect(ip, ip).toMatch(/^(f[cd]|fe[89ab])|:x:x/i);
  });

  it('keeps what a supervisor needs: private and loopback addresses, masked networks, country codes', () => {
    const r = redactReport(dirty());
    expect(r.checks[0]!.summary).toBe('Seen from 203.0.x.x and [2a00:1450:x:x:x:x:x:x]:443, local 192.168.1.20, vpn 10.8.0.4, loopback 127.0.0.1 and ::1.');
    const ice = r.checks.find((c) => c.id === 'ice-udp')!.data as unknown as Record<string, any>;
    expect(ice.servers[0].url).toBe('turn:203.0.x.x:3478?transport=udp');
    expect(ice.servers[0].relayAddress).toBe('198.51.x.x');
    expect(r.subject.agent?.extension).toBe('+1********72');
    expect(r.failover?.[0]?.after.extension).toBe('+44********23');
    expect(r.failover?.[0]?.reason).toBe('UDP 3478 blocked; agent chose to take calls on +44********23.');
    expect(r.subject.agent?.routingProfile).toBe('Basic Routing Profile');
    expect(r.environment.userAgent).toContain('Chrome/131.0.0.0'); // a version, not an IP
    expect((r as Record<string, any>).hostExtras.callbackUrl).toBe('https://x.example.com/cb?token=[redacted]&ok=1');
    expect((r as Record<string, any>).hostExtras.email).toBe('***@example.com');
    const devices = r.checks.find((c) => c.id === 'devices')!.data as unknown as Record<string, any>;
    expect(devices.inputs[1].label).toBe("[name]'s AirPods Pro (Bluetooth)");
  });

  it('lists what it redacted, by path', () => {
    const r = redactReport(dirty());
    expect(r.redacted).toEqual(expect.arrayContaining([
      'subject.agent.name', 'subject.agent.username', 'subject.agent.extension',
      'checks[5].data.servers[0].url', 'checks[5].data.servers[0].username', 'checks[5].data.servers[0].credential',
      'checks[8].data.relayAddress', 'failover[0].after.extension', 'hostExtras.iceServers[0].password',
    ]));
  });

  it('is pure (input unchanged) and idempotent', () => {
    const input = dirty();
    const before = JSON.stringify(input);
    const once = redactReport(input);
    expect(JSON.stringify(input)).toBe(before);
    const twice = redactReport(once);
    expect({ ...twice, redacted: [] }).toEqual({ ...once, redacted: [] });
  });

  it('the redacted report still parses', async () => {
    expect((await parseReport(JSON.stringify(redactReport(dirty())))).ok).toBe(true);
  });
});

describe('phone and IP masking', () => {
  it('keeps the country calling code and the last 2 digits', () => {
    expect(maskE164('+447700900123')).toBe('+44********23');
    expect(maskE164('+14155550172')).toBe('+1********72');
    expect(maskE164('+353861234567')).toBe('+353*******67');
    expect(maskE164('+79161234567')).toBe('+7********67');
    expect(countryCallingCode('4930123')).toBe('49');
    expect(countryCallingCode('97150123')).toBe('971');
  });

  it('does not take versions, times or MACs for addresses', () => {
    expect(redactText('Chrome/131.0.0.0 at 18:06:05, build 1.2.3')).toBe('Chrome/131.0.0.0 at 18:06:05, build 1.2.3');
    expect(redactText('mac 00:1a:2b:3c:4d:5e')).toBe('mac 00:1a:2b:3c:4d:5e');
    expect(redactText('relay 100.64.1.2 cgnat; 8.8.8.8 dns; ::ffff:8.8.4.4')).toBe('relay 100.64.1.2 cgnat; 8.8.x.x dns; ::ffff:8.8.x.x');
  });
});
