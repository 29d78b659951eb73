/**
 * Firewall allowlist rules for one Amazon Connect Region from ip-ranges.json.
 *
 * Sources (../shared/seeds):
 * - seed 003, Network Ports and Protocols: Amazon Connect UDP 3478 in/out (media) and TCP 443 in/out,
 *   Amazon EC2 TCP 443 in/out (CCP signaling), CloudFront TCP 443 in/out (web content; endpoints follow the
 *   agent's location).
 * - seed 000, Stateless firewalls (Table 1): AMAZON_CONNECT, 49152-65535 (UDP), INBOUND.
 * - seed 000, Port and protocol considerations: only the instance Region's endpoints; CloudFront allow lists
 *   are global (every `CLOUDFRONT` range).
 * - seed 000, Allow IP address ranges: every range is listed twice (its service and `AMAZON`): deduplicate.
 */
import { compareCidr, type Cidr } from './ip.js';
import { regionsIn, type IpRangeEntry, type IpRanges } from './ranges.js';

export type RuleService = 'AMAZON_CONNECT' | 'EC2' | 'CLOUDFRONT';

export interface RuleKind {
  id: 'connect-media-udp' | 'connect-tcp' | 'connect-ephemeral-udp' | 'ec2-signaling-tcp' | 'cloudfront-tcp';
  service: RuleService;
  protocol: 'UDP' | 'TCP';
  /** A port or a range, e.g. `3478`, `49152-65535`. */
  port: string;
  /** As the seeds put it: `in/out` (both directions on that port) or `inbound`. */
  direction: 'in/out' | 'inbound';
  purpose: string;
  /** Only needed behind a stateless firewall. */
  statelessOnly: boolean;
  source: string;
}

/** The rules, in output order. */
export const RULE_KINDS: readonly RuleKind[] = [
  {
    id: 'connect-media-udp',
    service: 'AMAZON_CONNECT',
    protocol: 'UDP',
    port: '3478',
    direction: 'in/out',
    purpose: 'softphone call audio (media)',
    statelessOnly: false,
    source: 'seed 003, Network Ports and Protocols',
  },
  {
    id: 'connect-tcp',
    service: 'AMAZON_CONNECT',
    protocol: 'TCP',
    port: '443',
    direction: 'in/out',
    purpose: 'Amazon Connect',
    statelessOnly: false,
    source: 'seed 003, Network Ports and Protocols',
  },
  {
    id: 'connect-ephemeral-udp',
    service: 'AMAZON_CONNECT',
    protocol: 'UDP',
    port: '49152-65535',
    direction: 'inbound',
    purpose: 'stateless firewalls only: the browser ephemeral port range',
    statelessOnly: true,
    source: 'seed 000, Stateless firewalls',
  },
  {
    id: 'ec2-signaling-tcp',
    service: 'EC2',
    protocol: 'TCP',
    port: '443',
    direction: 'in/out',
    purpose: 'CCP signaling endpoint',
    statelessOnly: false,
    source: 'seed 003, Network Ports and Protocols',
  },
  {
    id: 'cloudfront-tcp',
    service: 'CLOUDFRONT',
    protocol: 'TCP',
    port: '443',
    direction: 'in/out',
    purpose: 'instance web content (global, follows the agent location)',
    statelessOnly: false,
    source: 'seed 000, Port and protocol considerations',
  },
];

export interface AllowRule {
  kind: RuleKind['id'];
  service: RuleService;
  /** Canonical CIDR text. */
  prefix: string;
  ipVersion: 4 | 6;
  /** The prefix's Region in ip-ranges.json (`GLOBAL` for global ranges). */
  region: string;
  protocol: RuleKind['protocol'];
  port: string;
  direction: RuleKind['direction'];
  purpose: string;
  statelessOnly: boolean;
  source: string;
}

/** Host-name alternatives from seed 003 (for proxies / FQDN-based firewalls instead of the ranges). */
export function hostAlternatives(region: string, instanceAlias?: string): { host: string; port: number; replaces: RuleService; note: string; source: string }[] {
  return [
    {
      host: `rtc.connect-telecom.${region}.amazonaws.com`,
      port: 443,
      replaces: 'EC2',
      note: 'Allows all Amazon EC2 signaling endpoints instead of the EC2 ranges. Some proxies break its WebSocket: test before production.',
      source: 'seed 003, Network Ports and Protocols',
    },
    {
      host: `${instanceAlias ?? 'myInstanceName'}.awsapps.com`,
      port: 443,
      replaces: 'CLOUDFRONT',
      note: 'Allows the CloudFront endpoints of the instance instead of all CLOUDFRONT ranges. Some proxies break its WebSocket: test before production.',
      source: 'seed 003, Network Ports and Protocols',
    },
  ];
}

export interface BuildOptions {
  /** Include the stateless-firewall ephemeral rule (seed 000, Stateless firewalls). Default true. */
  stateless?: boolean;
}

/** Is this entry in scope for the Region's allowlist? */
function inScope(e: IpRangeEntry, service: RuleService, region: string): boolean {
  if (e.service !== service) return false;
  if (service === 'CLOUDFRONT') return true; // global: every CLOUDFRONT range (seed 000)
  if (service === 'AMAZON_CONNECT') return e.region === region || e.region === 'GLOBAL';
  return e.region === region; // EC2: only the instance Region (seed 003)
}

/** The prefixes of one service for the Region: deduplicated, IPv4 before IPv6, numeric address order. */
export function prefixesFor(ranges: IpRanges, service: RuleService, region: string): { cidr: Cidr; region: string }[] {
  const seen = new Map<string, { cidr: Cidr; region: string }>();
  for (const e of ranges.entries) {
    if (!inScope(e, service, region)) continue;
    if (!seen.has(e.cidr.text)) seen.set(e.cidr.text, { cidr: e.cidr, region: e.region });
  }
  return [...seen.values()].sort((a, b) => compareCidr(a.cidr, b.cidr));
}

export class UnknownRegionError extends Error {
  constructor(
    readonly region: string,
    readonly known: string[],
    message: string,
  ) {
    super(message);
    this.name = 'UnknownRegionError';
  }
}

/** Regions with a Region-specific AMAZON_CONNECT range in the file (sorted). */
export function connectRegionsIn(ranges: IpRanges): string[] {
  return [...new Set(ranges.entries.filter((e) => e.service === 'AMAZON_CONNECT' && e.region !== 'GLOBAL').map((e) => e.region))].sort();
}

/**
 * Warnings about the Region's entries (not errors): no Region-specific AMAZON_CONNECT range means only the
 * GLOBAL Amazon Connect ranges apply (seed 000, Allow IP address ranges: the GLOBAL /19 is Amazon Connect's
 * alone, worldwide; the AWS admin guide's "Set up your network" says to use GLOBAL when a Region has no entry).
 */
export function regionWarnings(ranges: IpRanges, region: string): string[] {
  const connect = connectRegionsIn(ranges);
  if (connect.includes(region)) return [];
  return [
    `No Region-specific AMAZON_CONNECT range is listed for ${region}, so only the GLOBAL AMAZON_CONNECT ranges apply. Check that ${region} is the Region of your Amazon Connect instance (Regions with their own AMAZON_CONNECT ranges in this file: ${connect.join(', ') || 'none'}).`,
  ];
}

/**
 * The allowlist rules for `region`. Throws UnknownRegionError (listing the Regions the file has) when the
 * Region is not in the file at all.
 */
export function buildRules(ranges: IpRanges, region: string, options: BuildOptions = {}): AllowRule[] {
  const present = regionsIn(ranges);
  if (!present.includes(region)) {
    throw new UnknownRegionError(region, present, `The Region "${region}" is not in this ip-ranges.json. Regions present: ${present.join(', ') || '(none)'}.`);
  }
  const stateless = options.stateless ?? true;
  const rules: AllowRule[] = [];
  for (const kind of RULE_KINDS) {
    if (kind.statelessOnly && !stateless) continue;
    for (const p of prefixesFor(ranges, kind.service, region)) {
      rules.push({
        kind: kind.id,
        service: kind.service,
        prefix: p.cidr.text,
        ipVersion: p.cidr.family,
        region: p.region,
        protocol: kind.protocol,
        port: kind.port,
        direction: kind.direction,
        purpose: kind.purpose,
        statelessOnly: kind.statelessOnly,
        source: kind.source,
      });
    }
  }
  return rules;
}

/** Key identifying a rule across files. */
export function ruleKey(r: Pick<AllowRule, 'kind' | 'prefix'>): string {
  return `${r.kind} ${r.prefix}`;
}
