/**
 * Option 1 of the Amazon Connect networking guide: the domain allowlist for one instance and Region.
 *
 * Sources (each rule carries its citation):
 * - Admin guide, "Set up your network to use the Amazon Connect Contact Control Panel (CCP)", Option 1:
 *   `rtc*.connect-telecom.{region}.amazonaws.com` TCP 443 outbound (CCP v1 signaling), the instance's
 *   `{alias}.my.connect.aws/ccp-v2` and `/api` with `*.static.connect.aws`, the older form
 *   `{alias}.awsapps.com/connect/ccp-v2` and `/connect/api` with `*.cloudfront.net`,
 *   `*.execute-api.{region}.amazonaws.com`, `participant.connect.{region}.amazonaws.com`,
 *   `*.transport.connect.{region}.amazonaws.com` (TCP 443), `TurnNlb-*.elb.{region}.amazonaws.com` (UDP 3478);
 *   its note lists the Regions whose telecom endpoint has another form, and its "NLB endpoints" table the
 *   TURN load balancers per Region (read from the page's public source, awsdocs/amazon-connect-admin-guide
 *   doc_source/ccp-networking.md, and the live page's opening rows).
 * - AWS Knowledge Center, "resolve-amazon-connect-ccp-errors": CCP v2 signaling is
 *   `*.transport.connect.{region}.amazonaws.com` on TCP 443.
 * - Admin guide, "Upgrade your CCP ...", Verify network settings: `*.telemetry.connect.{region}.amazonaws.com`
 *   lets Amazon Connect support receive more metrics (optional).
 */
import { SRC_CCP_ERRORS, SRC_DNS, SRC_OPTION1, SRC_UPGRADE_CCP } from './sources.js';
import { allowlistTexts as t, type AllowlistDomainId } from '../i18n/allowlist-texts.js';
import { inSourceLocale } from '../i18n/runtime.js';

export type DomainRuleId = AllowlistDomainId;

export interface DomainRule {
  id: DomainRuleId;
  /** Host, host pattern (`*`) or host + path, as a proxy allowlist takes it. */
  destination: string;
  protocol: 'TCP' | 'UDP';
  port: string;
  direction: 'outbound';
  /** What the rule is for, in English (the table says it in the reader's language from `id`). */
  purpose: string;
  /** Which instance address form needs it, when only one does. */
  form?: 'my.connect.aws' | 'awsapps.com';
  /** Not required for calls (e.g. support telemetry). */
  optional?: boolean;
  source: string;
}

/** Regions whose CCP v1 telecom endpoint is not `rtc*.connect-telecom.{region}.amazonaws.com` (the guide's note). */
export const TELECOM_EXCEPTIONS: Readonly<Record<string, string>> = {
  'eu-west-2': 'rtc.cell-1.prod.eu-west-2.prod.connect.aws.a2z.com',
  'ap-southeast-1': 'rtc.cell-1.prod.ap-southeast-1.prod.connect.aws.a2z.com',
};

/** The guide's "NLB endpoints" table: TURN load balancers (UDP 3478) per Region, narrower than the wildcard. */
export const TURN_NLB_ENDPOINTS: Readonly<Record<string, readonly string[]>> = {
  'us-west-2': ['TurnNlb-8d79b4466d82ad0e.elb.us-west-2.amazonaws.com', 'TurnNlb-dbc4ebb71307fda2.elb.us-west-2.amazonaws.com'],
  'us-east-1': ['TurnNlb-d76454ac48d20c1e.elb.us-east-1.amazonaws.com'],
  'eu-central-1': ['TurnNlb-ea5316ebe2759cbc.elb.eu-central-1.amazonaws.com'],
  'ap-southeast-2': ['TurnNlb-93f2de0c97c4316b.elb.ap-southeast-2.amazonaws.com'],
  'ap-northeast-1': ['TurnNlb-3c6ddabcbeb821d8.elb.ap-northeast-1.amazonaws.com'],
  'eu-west-2': ['TurnNlb-1dc64a459ead57ea.elb.eu-west-2.amazonaws.com'],
  'ap-southeast-1': ['TurnNlb-261982506d86d300.elb.ap-southeast-1.amazonaws.com'],
};

/** The guide's placeholder when no instance is given. */
export const PLACEHOLDER_ALIAS = 'myInstanceName';

/** An instance alias: letters, digits and hyphens, starting with a letter or digit (a DNS label). */
const ALIAS_RE = /^[a-z0-9][a-z0-9-]{0,62}$/i;

export class InstanceInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InstanceInputError';
  }
}

/** Checks an alias; returns it lower-cased. Throws InstanceInputError with what to pass instead. */
export function parseAlias(alias: string): string {
  if (!ALIAS_RE.test(alias)) {
    throw new InstanceInputError(t.notAnAlias(alias));
  }
  return alias.toLowerCase();
}

/** The alias from a CCP URL in either form (`https://ALIAS.my.connect.aws/ccp-v2`, `https://ALIAS.awsapps.com/connect/ccp-v2`). */
export function aliasFromCcpUrl(ccpUrl: string): string {
  let host: string;
  try {
    host = new URL(ccpUrl).hostname.toLowerCase();
  } catch {
    throw new InstanceInputError(t.notAUrl(ccpUrl));
  }
  const m = /^([a-z0-9][a-z0-9-]*)\.(?:my\.connect\.aws|awsapps\.com)$/.exec(host);
  if (!m) {
    throw new InstanceInputError(t.notAnInstanceUrl(ccpUrl));
  }
  return parseAlias(m[1]!);
}

/** The CCP v1 signaling host pattern for a Region (the guide's table and its note). */
export function telecomHost(region: string): string {
  return TELECOM_EXCEPTIONS[region] ?? `rtc*.connect-telecom.${region}.amazonaws.com`;
}

/** Option 1 rules for an instance alias and Region, in output order (instance domains first). */
export function buildDomainRules(region: string, alias: string = PLACEHOLDER_ALIAS): DomainRule[] {
  const tcp = { protocol: 'TCP', port: '443', direction: 'outbound' } as const;
  const rules: Omit<DomainRule, 'purpose'>[] = [
    { id: 'instance-ccp', destination: `${alias}.my.connect.aws/ccp-v2`, ...tcp, form: 'my.connect.aws', source: SRC_OPTION1 },
    { id: 'instance-api', destination: `${alias}.my.connect.aws/api`, ...tcp, form: 'my.connect.aws', source: SRC_OPTION1 },
    { id: 'instance-static', destination: '*.static.connect.aws', ...tcp, form: 'my.connect.aws', source: SRC_OPTION1 },
    { id: 'legacy-ccp', destination: `${alias}.awsapps.com/connect/ccp-v2`, ...tcp, form: 'awsapps.com', source: SRC_OPTION1 },
    { id: 'legacy-api', destination: `${alias}.awsapps.com/connect/api`, ...tcp, form: 'awsapps.com', source: SRC_OPTION1 },
    { id: 'legacy-static', destination: '*.cloudfront.net', ...tcp, form: 'awsapps.com', source: SRC_OPTION1 },
    { id: 'signaling-v1', destination: telecomHost(region), ...tcp, source: SRC_OPTION1 },
    { id: 'signaling-v2', destination: `*.transport.connect.${region}.amazonaws.com`, ...tcp, source: `${SRC_OPTION1}; ${SRC_CCP_ERRORS}` },
    { id: 'participant', destination: `participant.connect.${region}.amazonaws.com`, ...tcp, source: SRC_OPTION1 },
    { id: 'execute-api', destination: `*.execute-api.${region}.amazonaws.com`, ...tcp, source: SRC_OPTION1 },
    { id: 'turn-nlb', destination: `TurnNlb-*.elb.${region}.amazonaws.com`, protocol: 'UDP', port: '3478', direction: 'outbound', source: `${SRC_OPTION1}; ${SRC_DNS}` },
    { id: 'telemetry', destination: `*.telemetry.connect.${region}.amazonaws.com`, ...tcp, optional: true, source: SRC_UPGRADE_CCP },
  ];
  // The purpose follows the destination in JSON, as before.
  return rules.map(({ id, destination, protocol, port, direction, ...rest }) => ({ id, destination, protocol, port, direction, purpose: inSourceLocale(() => t.domainPurpose(id)), ...rest }));
}
