/**
 * The public documents the remedy catalogue (./remedy-list.ts) cites, by title and link (CITATIONS.md), and the
 * sections it cites. Names say which AWS document the project's seed copies came from (003: the Administrator
 * Guide's CCP pages; 000: the Direct Connect whitepaper); people only ever read the public title and link.
 */
/** A public document: title and link (CITATIONS.md). */
export interface Doc {
  title: string;
  href: string;
}
export const GUIDE = 'Amazon Connect Administrator Guide';
export const NETWORK: Doc = { title: `${GUIDE}: Set up your network to use the Amazon Connect Contact Control Panel (CCP)`, href: 'https://docs.aws.amazon.com/connect/latest/adminguide/ccp-networking.html' };
export const HARDWARE: Doc = { title: `${GUIDE}: Agent headset and workstation requirements for using the CCP`, href: 'https://docs.aws.amazon.com/connect/latest/adminguide/ccp-agent-hardware.html' };
export const VDI_DOC: Doc = { title: `${GUIDE}: Use Amazon Connect in a VDI environment`, href: 'https://docs.aws.amazon.com/connect/latest/adminguide/using-ccp-vdi.html' };
export const DX: Doc = { title: 'AWS whitepaper: AWS Direct Connect for Amazon Connect', href: 'https://docs.aws.amazon.com/whitepapers/latest/aws-direct-connect-for-amazon-connect/set-up-your-network.html' };
export const STREAMS: Doc = { title: 'Amazon Connect Streams API documentation', href: 'https://github.com/amazon-connect/amazon-connect-streams/blob/master/Documentation.md' };
export const STREAMS_ALLOWLIST: Doc = { title: 'Amazon Connect Streams README: Allowlisting', href: 'https://github.com/amazon-connect/amazon-connect-streams#allowlisting' };
export const MEDIA_CAPTURE: Doc = { title: 'W3C Media Capture and Streams', href: 'https://www.w3.org/TR/mediacapture-streams/' };
export const SIGV4: Doc = { title: 'AWS Identity and Access Management User Guide: AWS Signature Version 4 for API requests', href: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-signing.html' };
export const TURN_RFC: Doc = { title: 'RFC 8656: Traversal Using Relays around NAT (TURN)', href: 'https://www.rfc-editor.org/rfc/rfc8656' };

/** `Title, section "Section": link`; several citations are joined with "; " (the viewer splits them). */
export const cite = (doc: Doc, section?: string): string => `${doc.title}${section ? `, section "${section}"` : ''}: ${doc.href}`;
export const both = (...c: string[]): string => c.join('; ');

export const S003_PORTS = cite(NETWORK, 'Network Ports and Protocols');
export const S003_PORT_CONS = cite(NETWORK, 'Port and Protocol Considerations');
export const S003_REQS = cite(HARDWARE, 'Agent Workstation Requirements');
export const S003_MONITOR = cite(HARDWARE, 'Monitoring Workstations');
export const S003_REGION = cite(NETWORK, 'Region Selection Considerations');
export const S003_REMOTE = cite(NETWORK, 'Agents Using Amazon Connect Remotely');
export const S003_DX = cite(NETWORK, 'Using AWS Direct Connect');
export const S003_VDI = cite(VDI_DOC);
export const S003_CONN = cite(NETWORK, 'CCP Connectivity');
export const S003_REROUTE = cite(NETWORK, 'Rerouting Audio');
export const S000_RANGES = cite(DX, 'Allow IP address ranges');
export const S000_STATELESS = cite(DX, 'Stateless firewalls');
export const S000_PORT_CONS = cite(DX, 'Port and protocol considerations');
export const S000_REGION = cite(DX, 'Amazon Connect Region selection considerations');

