/**
 * Amazon Connect Regions and the URLs the `endpoints` check probes in them. Shipped defaults; every list
 * can be overridden through RunOptions (`endpoints`, `regions`), e.g. for a proxy-only network or tests.
 *
 * Sources:
 * - The Region list: AWS General Reference, "Amazon Connect endpoints and quotas"
 *   (https://docs.aws.amazon.com/general/latest/gr/connect_region.html), which lists the service endpoint
 *   `connect.{region}.amazonaws.com` (HTTPS) for each Region. AWS GovCloud (US-West) is left out of the
 *   default table (it needs a GovCloud account, so it is never a "closer Region" for a commercial instance);
 *   pass it in `regions` to include it.
 * - The signaling endpoint `rtc.connect-telecom.{region}.amazonaws.com:443`: seed 003, Network Ports and
 *   Protocols ("allow access for the following URL and port to allow all Amazon EC2 endpoints").
 * - The instance URL (`https://{alias}.my.connect.aws` or `https://{alias}.awsapps.com`, CloudFront): seed 003,
 *   Network Ports and Protocols / Monitoring Workstations ("ideally, use your instance alias address").
 *
 * What a Region probe measures: the round trip of an HTTPS request (TCP 443) from this browser to the
 * Region's Amazon Connect API endpoint on a warm connection. It is not ICMP ping and not the media path
 * (UDP 3478), but it ranks the Regions by network distance from the agent (seed 003, Region Selection
 * Considerations).
 */
import type { RunOptions } from './types.js';

export interface ConnectRegion {
  region: string;
  name: string;
}

/** Amazon Connect Regions (commercial partition), as listed by the AWS General Reference in 2026. */
export const CONNECT_REGIONS: readonly ConnectRegion[] = [
  { region: 'us-east-1', name: 'US East (N. Virginia)' },
  { region: 'us-west-2', name: 'US West (Oregon)' },
  { region: 'af-south-1', name: 'Africa (Cape Town)' },
  { region: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)' },
  { region: 'ap-northeast-2', name: 'Asia Pacific (Seoul)' },
  { region: 'ap-southeast-1', name: 'Asia Pacific (Singapore)' },
  { region: 'ap-southeast-2', name: 'Asia Pacific (Sydney)' },
  { region: 'ca-central-1', name: 'Canada (Central)' },
  { region: 'eu-central-1', name: 'Europe (Frankfurt)' },
  { region: 'eu-west-2', name: 'Europe (London)' },
];

export const CONNECT_REGIONS_SOURCE =
  'AWS General Reference, "Amazon Connect endpoints and quotas" (docs.aws.amazon.com/general/latest/gr/connect_region.html)';

/** The Region's Amazon Connect API endpoint, probed for the Region latency table. */
export function regionProbeUrl(region: string): string {
  return `https://connect.${region}.amazonaws.com/`;
}

/**
 * Signaling (telecom) host names AWS lists per Region: the Amazon Connect Administrator Guide, "Set up your
 * network" (docs.aws.amazon.com/connect/latest/adminguide/ccp-networking.html), telecom endpoints table.
 * Newer Regions use a `rtc.cell-1.prod.{region}.prod.connect.aws.a2z.com` name instead of seed 003's
 * `rtc.connect-telecom.{region}.amazonaws.com`. Regions not listed here get seed 003's pattern, marked as
 * assumed (a DNS failure there is a warning, not a failure: the name may simply not exist in that Region).
 */
export const SIGNALING_HOSTS: Readonly<Record<string, string>> = {
  'us-east-1': 'rtc.connect-telecom.us-east-1.amazonaws.com',
  'us-west-2': 'rtc.connect-telecom.us-west-2.amazonaws.com',
  'eu-central-1': 'rtc.connect-telecom.eu-central-1.amazonaws.com',
  'ap-southeast-2': 'rtc.connect-telecom.ap-southeast-2.amazonaws.com',
  'ap-northeast-1': 'rtc.connect-telecom.ap-northeast-1.amazonaws.com',
  'eu-west-2': 'rtc.cell-1.prod.eu-west-2.prod.connect.aws.a2z.com',
  'ap-southeast-1': 'rtc.cell-1.prod.ap-southeast-1.prod.connect.aws.a2z.com',
};

/** The Region's signaling host, and whether it is listed (false: seed 003's pattern, assumed). */
export function signalingHost(region: string): { host: string; listed: boolean } {
  const listed = SIGNALING_HOSTS[region];
  return listed ? { host: listed, listed: true } : { host: `rtc.connect-telecom.${region}.amazonaws.com`, listed: false };
}

/** The Region's CCP signaling endpoint (seed 003, Network Ports and Protocols). */
export function signalingUrl(region: string): string {
  return `https://${signalingHost(region).host}/`;
}

/**
 * The WebSocket URL tried on the signaling host (seed 003: some proxies break WebSockets there). `/LilyRTC` is
 * the path the softphone's signaling WebSocket uses (it appears in Streams' softphone error messages).
 */
export function signalingWebSocketUrl(region: string): string {
  return `wss://${signalingHost(region).host}/LilyRTC`;
}

/** The default Region probe list. */
export function defaultRegionProbes(): { region: string; url: string }[] {
  return CONNECT_REGIONS.map((r) => ({ region: r.region, url: regionProbeUrl(r.region) }));
}

/** The Region probes of a run: `false` turns the table off, a list replaces the defaults. */
export function regionProbesOf(options: Pick<RunOptions, 'regions'>): { region: string; url: string }[] {
  if (options.regions === false) return [];
  return options.regions ?? defaultRegionProbes();
}

/** A Region name such as `us-east-1` or `us-gov-west-1` (shape only). */
export function isRegionName(s: string): boolean {
  return /^[a-z]{2}(-[a-z]+)+-\d+$/.test(s);
}
