/**
 * Option 2 of the networking guide: firewall rules for one Amazon Connect Region from ip-ranges.json.
 *
 * Sources (each rule carries its public citation, see sources.ts):
 * - Admin guide "Set up your network to use the Amazon Connect Contact Control Panel (CCP)", Option 2:
 *   AMAZON_CONNECT (GLOBAL and the Region) UDP 3478, EC2 of the Region TCP 443, every CLOUDFRONT range TCP 443,
 *   all OUTBOUND connections (send/receive). Its earlier revision (seed 003, Network Ports and Protocols) also
 *   listed Amazon Connect TCP 443, kept here.
 * - Same page, Stateless firewalls: AMAZON_CONNECT UDP 49152-65535 INBOUND (seed 000, Table 1).
 * - Same page, Port and protocol considerations: only the instance Region's endpoints; CloudFront is global.
 * - Same page, About Amazon Connect IP address ranges: every range is listed twice (its service and `AMAZON`).
 */
import { compareCidr, type Cidr } from './ip.js';
import { regionsIn, type IpRangeEntry, type IpRanges } from './ranges.js';
import { SRC_OPTION2, SRC_PORTS, SRC_STATELESS, networking } from './sources.js';
import { allowlistTexts as t, type AllowlistNotice } from '../i18n/allowlist-texts.js';
import { inSourceLocale } from '../i18n/runtime.js';

export type RuleService = 'AMAZON_CONNECT' | 'EC2' | 'CLOUDFRONT';

export interface RuleKind {
  id: 'connect-media-udp' | 'connect-tcp' | 'connect-ephemeral-udp' | 'ec2-signaling-tcp' | 'cloudfront-tcp';
  service: RuleService;
  protocol: 'UDP' | 'TCP';
  /** A port or a range, e.g. `3478`, `49152-65535`. */
  port: string;
  /** As the guide puts it: `outbound` (connections from the agent's browser; traffic both ways) or `inbound` (stateless firewalls). */
  direction: 'outbound' | 'inbound';
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
    direction: 'outbound',
    statelessOnly: false,
    source: SRC_OPTION2,
  },
  {
    id: 'connect-tcp',
    service: 'AMAZON_CONNECT',
    protocol: 'TCP',
    port: '443',
    direction: 'outbound',
    statelessOnly: false,
    source: networking('port table of its earlier revision'),
  },
  {
    id: 'connect-ephemeral-udp',
    service: 'AMAZON_CONNECT',
    protocol: 'UDP',
    port: '49152-65535',
    direction: 'inbound',
    statelessOnly: true,
    source: SRC_STATELESS,
  },
  {
    id: 'ec2-signaling-tcp',
    service: 'EC2',
    protocol: 'TCP',
    port: '443',
    direction: 'outbound',
    statelessOnly: false,
    source: SRC_OPTION2,
  },
  {
    id: 'cloudfront-tcp',
    service: 'CLOUDFRONT',
    protocol: 'TCP',
    port: '443',
    direction: 'outbound',
    statelessOnly: false,
    source: `${SRC_OPTION2}; ${SRC_PORTS}`,
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
  /** What the rule is for, in English (the table says it in the reader's language from `kind`). */
  purpose: string;
  statelessOnly: boolean;
  source: string;
}

export interface BuildOptions {
  /** Include the stateless-firewall ephemeral rule (the guide's Stateless firewalls). Default true. */
  stateless?: boolean;
  /** Only these rule kinds (Option 1 keeps the media rules only IP ranges express). Default: all. */
  kinds?: readonly RuleKind['id'][];
}

/** The rules both options need: call audio (UDP 3478) and the stateless firewall's inbound range. */
export const MEDIA_KINDS: readonly RuleKind['id'][] = ['connect-media-udp', 'connect-ephemeral-udp'];

/** Is this entry in scope for the Region's allowlist? */
function inScope(e: IpRangeEntry, service: RuleService, region: string): boolean {
  if (e.service !== service) return false;
  if (service === 'CLOUDFRONT') return true; // global: every CLOUDFRONT range (AWS Direct Connect for Amazon Connect whitepaper, Set up your network)
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
  return regionNotices(ranges, region).map((n) => inSourceLocale(() => t.notice(n)));
}

/** regionWarnings by code, for the reader's language. */
export function regionNotices(ranges: IpRanges, region: string): AllowlistNotice[] {
  const connect = connectRegionsIn(ranges);
  if (connect.includes(region)) return [];
  return [{ code: 'no-region-range', region, connectRegions: connect }];
}

/**
 * The allowlist rules for `region`. Throws UnknownRegionError (listing the Regions the file has) when the
 * Region is not in the file at all.
 */
export function buildRules(ranges: IpRanges, region: string, options: BuildOptions = {}): AllowRule[] {
  const present = regionsIn(ranges);
  if (!present.includes(region)) {
    throw new UnknownRegionError(region, present, t.unknownRegion(region, present.join(', ') || t.noneParen));
  }
  const stateless = options.stateless ?? true;
  const rules: AllowRule[] = [];
  for (const kind of RULE_KINDS) {
    if (kind.statelessOnly && !stateless) continue;
    if (options.kinds && !options.kinds.includes(kind.id)) continue;
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
        purpose: inSourceLocale(() => t.rulePurpose(kind.id)),
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
