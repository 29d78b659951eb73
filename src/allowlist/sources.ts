/**
 * The public pages the allowlist's rules and notes cite (../shared/CITATIONS.md). Texts a person reads name
 * these by title and link.
 */
export const NETWORKING_PAGE_URL = 'https://docs.aws.amazon.com/connect/latest/adminguide/ccp-networking.html';
export const NETWORKING_PAGE = 'Amazon Connect Administrator Guide, "Set up your network to use the Amazon Connect Contact Control Panel (CCP)"';

/** `NETWORKING_PAGE, section (URL)`. */
export function networking(section: string): string {
  return `${NETWORKING_PAGE}, ${section} (${NETWORKING_PAGE_URL})`;
}

export const SRC_OPTION1 = networking('Option 1 (recommended): domain allowlist');
export const SRC_OPTION2 = networking('Option 2: allow IP address ranges');
export const SRC_ABOUT_RANGES = networking('About Amazon Connect IP address ranges');
export const SRC_STATELESS = networking('Stateless firewalls');
export const SRC_DNS = networking('Allow DNS resolution for softphones');
export const SRC_PORTS = networking('Port and protocol considerations');

/** AWS Knowledge Center: the CCP v2 signaling domain (`*.transport.connect.{region}.amazonaws.com`). */
export const SRC_CCP_ERRORS =
  'AWS Knowledge Center, "How do I troubleshoot softphone errors from the Amazon Connect CCP?" (https://repost.aws/knowledge-center/resolve-amazon-connect-ccp-errors)';

/** Admin guide: "Verify network settings" names `*.telemetry.connect.{region}.amazonaws.com`. */
export const SRC_UPGRADE_CCP =
  'Amazon Connect Administrator Guide, "Upgrade your Contact Control Panel (CCP) when using the Amazon Connect Streams API", Verify network settings (https://docs.aws.amazon.com/connect/latest/adminguide/upgrade-ccp-streams-api.html)';

export const IP_RANGES_URL = 'https://ip-ranges.amazonaws.com/ip-ranges.json';
