/** The advice printed with every allowlist, in words an admin acts on, each citing its public page. */
import { PLACEHOLDER_ALIAS, TURN_NLB_ENDPOINTS } from './domains.js';
import { NEW_RANGE_GRACE_DAYS } from './diff.js';
import { IP_RANGES_URL, NETWORKING_PAGE, NETWORKING_PAGE_URL } from './sources.js';

export type AllowlistOption = 'domains' | 'ip-ranges' | 'both';
export const OPTIONS: readonly AllowlistOption[] = ['domains', 'ip-ranges', 'both'];

/** The guide: test Option 1 with more than 200 calls; an error rate above 2 % points at the proxy's name resolution. */
export const OPTION1_TEST_CALLS = 200;
export const OPTION1_MAX_ERROR_PCT = 2;

const page = 'the networking guide';

export function allowlistNotes(region: string, option: AllowlistOption, alias: string = PLACEHOLDER_ALIAS): string[] {
  const domains = option !== 'ip-ranges';
  const ranges = option !== 'domains';
  const nlb = TURN_NLB_ENDPOINTS[region]?.[0] ?? `TurnNlb-<id>.elb.${region}.amazonaws.com`;
  const out: string[] = [];
  if (domains) {
    out.push(
      `Prove Option 1 before production: run more than ${OPTION1_TEST_CALLS} test calls through the proxy (ccp-preflight run --repeat ${OPTION1_TEST_CALLS + 50}) and watch for softphone errors, dropped calls, conference and transfer. An error rate above ${OPTION1_MAX_ERROR_PCT} % means the proxy probably fails to resolve or pass these names: fix its name resolution, or use Option 2 (IP ranges) (${page}, Option 1).`,
      `Name resolution for softphones: from an agent's network run "nslookup ${nlb}". If it does not resolve, allow TurnNlb-*.elb.${region}.amazonaws.com on UDP 3478 (or the Region's TurnNlb names the guide lists); otherwise agents see "Failed to establish softphone connection ... Browser unable to establish media channel with turn:TurnNlb-...:3478?transport=udp" when they answer. With the AMAZON_CONNECT ranges allowed and no DNS restriction, the TurnNlb name is not needed (${page}, Allow DNS resolution for softphones).`,
      `Some proxies break WebSockets: the signaling hosts (rtc*.connect-telecom / *.transport.connect) and https://${alias}.awsapps.com keep one open for the whole shift; let them pass without TLS inspection and test before production (${page}, Option 1).`,
      `If agents send attachments, also allow your attachments bucket, {bucket}.s3.${region}.amazonaws.com on TCP 443 (${page}, Option 1).`,
    );
  }
  out.push(
    `Call audio needs the AMAZON_CONNECT ranges (the Region's and GLOBAL) on UDP 3478 with either option. New ranges appear in ip-ranges.json at least ${NEW_RANGE_GRACE_DAYS} days before Amazon Connect uses them: re-run this with --previous against a fresh ${IP_RANGES_URL} at least every ${NEW_RANGE_GRACE_DAYS} days, or schedule it with --check (${page}, About Amazon Connect IP address ranges).`,
    `UDP 49152-65535 inbound from AMAZON_CONNECT is needed only behind a stateless firewall (${page}, Stateless firewalls).`,
  );
  if (ranges) out.push(`CloudFront serves the CCP's web content from the edge nearest the agent, so Option 2 needs every CLOUDFRONT range, not only the Region's (${page}, Option 2).`);
  out.push(
    `A proxy or firewall between the CCP and Amazon Connect needs an SSL certificate cache timeout of at least a whole agent shift, breaks included (${page}, Port and protocol considerations).`,
    `The networking guide: ${NETWORKING_PAGE}, ${NETWORKING_PAGE_URL}.`,
  );
  return out;
}
