import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { relayInAmazonConnect } from '../../src/allowlist/match.js';
import { parseAddress, parseCidr, formatIPv6 } from '../../src/allowlist/ip.js';

const ranges: unknown = JSON.parse(readFileSync(new URL('./fixtures/ip-ranges/ip-ranges.json', import.meta.url), 'utf8'));

describe('relayInAmazonConnect', () => {
  it('matches IPv4 inside a Region AMAZON_CONNECT prefix and inside the GLOBAL /19', () => {
    expect(relayInAmazonConnect('18.233.213.130', ranges)).toBe(true);
    expect(relayInAmazonConnect('18.233.213.130', ranges, 'us-east-1')).toBe(true);
    expect(relayInAmazonConnect('15.193.31.255', ranges, 'eu-central-1')).toBe(true);
    expect(relayInAmazonConnect('15.193.32.0', ranges)).toBe(false);
  });
  it('restricts to the Region when one is given', () => {
    expect(relayInAmazonConnect('35.158.127.10', ranges)).toBe(true);
    expect(relayInAmazonConnect('35.158.127.10', ranges, 'us-east-1')).toBe(false);
  });
  it('ignores other services: an EC2 address is not Amazon Connect', () => {
    expect(relayInAmazonConnect('3.5.16.1', ranges, 'us-east-1')).toBe(false);
  });
  it('matches IPv6 and IPv4-mapped IPv6', () => {
    expect(relayInAmazonConnect('2600:1f18:4fff::1', ranges, 'us-east-1')).toBe(true);
    expect(relayInAmazonConnect('2600:1f18:5000::1', ranges, 'us-east-1')).toBe(false);
    expect(relayInAmazonConnect('::ffff:18.233.213.200', ranges)).toBe(true);
    expect(relayInAmazonConnect('[2600:1f18:4000::5]', ranges)).toBe(true);
  });
  it('is null when it cannot tell', () => {
    expect(relayInAmazonConnect('abc.local', ranges)).toBeNull();
    expect(relayInAmazonConnect('18.233.213.130', { nope: 1 })).toBeNull();
    expect(relayInAmazonConnect('18.233.213.130', null)).toBeNull();
    expect(relayInAmazonConnect('', ranges)).toBeNull();
  });
});

describe('ip arithmetic', () => {
  it('parses and formats', () => {
    expect(parseAddress('256.1.1.1')).toBeNull();
    expect(parseAddress('1.2.3')).toBeNull();
    expect(parseAddress('1::2::3')).toBeNull();
    expect(parseCidr('10.1.2.3/8')?.text).toBe('10.0.0.0/8');
    expect(parseCidr('10.0.0.0/33')).toBeNull();
    expect(parseCidr('2600:1F18:0000::/33')?.text).toBe('2600:1f18::/33');
    expect(formatIPv6(0n)).toBe('::');
    expect(formatIPv6(1n)).toBe('::1');
    expect(parseCidr('2001:db8:0:1:0:0:0:0/64')?.text).toBe('2001:db8:0:1::/64');
  });
});
