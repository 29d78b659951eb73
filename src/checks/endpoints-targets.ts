/**
 * What the endpoints check probes by default, and which allowlist rule lets each probe through.
 *
 * Defaults follow Option 1 of the Amazon Connect networking guide ("Set up your network to use the Amazon
 * Connect Contact Control Panel (CCP)", https://docs.aws.amazon.com/connect/latest/adminguide/ccp-networking.html),
 * the same rules `ccp-preflight allowlist` prints (src/allowlist/domains.ts):
 * - both address forms of the instance, `https://{alias}.my.connect.aws` and `https://{alias}.awsapps.com`
 *   (the one the ccp-url uses is the CCP's; the other is the form agents may still bookmark);
 * - the CCP's CloudFront web content: a CloudFront domain the guide lists for the Region (its table "CloudFront
 *   domains used for static assets", read from the page's public source, awsdocs/amazon-connect-admin-guide
 *   doc_source/ccp-networking.md); `*.static.connect.aws` has no fixed host to probe;
 * - the Region's signaling host (regions.ts) and a WebSocket handshake there.
 * `*.transport.connect.{region}.amazonaws.com` (ccp-v2 signaling) is a wildcard with no fixed host: configure
 * it in `endpoints` to probe it.
 */
import type { EndpointSample } from '../report/schema.js';
import type { CheckContext } from './types.js';
import { signalingHost, signalingUrl, signalingWebSocketUrl } from './regions.js';

/** The guide's CloudFront domains for static assets, first one per Region. */
export const CLOUDFRONT_CONTENT: Readonly<Record<string, string>> = {
  'us-west-2': 'd38fzyjx9jg8fj.cloudfront.net',
  'us-east-1': 'dd401jc05x2yk.cloudfront.net',
  'eu-central-1': 'd1n9s7btyr4f0n.cloudfront.net',
  'ap-southeast-2': 'd2190hliw27bb8.cloudfront.net',
  'ap-northeast-1': 'd3h58onr8hrozw.cloudfront.net',
  'ap-south-1': 'd30zes7xe5707g.cloudfront.net',
  'eu-west-2': 'dl32tyuy2mmv6.cloudfront.net',
  'ap-southeast-1': 'd2g7up6vqvaq2o.cloudfront.net',
};

type Role = EndpointSample['role'];

/** What a probe stands for, to name the rule that lets it through. */
export type TargetKind = 'instance' | 'instance-other-form' | 'content' | 'signaling' | 'media' | 'custom';

export interface Target {
  url: string;
  role: Role;
  /** Finer than the role (defaults only; a configured list is classified by host name, see kindOf). */
  kind?: TargetKind;
  /** A default host built from the older pattern for a Region AWS does not list (see regions.ts). */
  assumed?: boolean;
}

const INSTANCE_FORMS = /^([a-z0-9][a-z0-9-]*)\.(my\.connect\.aws|awsapps\.com)$/i;

/** The alias and address form of an instance URL's host, when it is one of the two Amazon Connect forms. */
export function instanceForm(host: string): { alias: string; form: 'my.connect.aws' | 'awsapps.com' } | undefined {
  const m = INSTANCE_FORMS.exec(host);
  return m ? { alias: m[1]!.toLowerCase(), form: m[2]!.toLowerCase() as 'my.connect.aws' | 'awsapps.com' } : undefined;
}

function isHttp(u: URL): boolean {
  return u.protocol === 'https:' || u.protocol === 'http:';
}

/** The kind of a probe: its default kind, or from its host name, or from its role. */
export function kindOf(t: Target): TargetKind {
  if (t.kind) return t.kind;
  let h = '';
  try {
    h = new URL(t.url).hostname.toLowerCase();
  } catch {
    /* classified by role */
  }
  if (/\.cloudfront\.net$|\.static\.connect\.aws$/.test(h)) return 'content';
  if (instanceForm(h)) return 'instance';
  if (/^rtc.*\.connect-telecom\.|\.transport\.connect\.|^rtc\.cell-/.test(h)) return 'signaling';
  return t.role === 'region' ? 'custom' : t.role;
}

/**
 * The rule each option needs for a blocked probe, in words an admin acts on. `alias` and `region` fill the
 * names when known.
 */
export function missingRules(kind: TargetKind, host: string, region?: string, alias?: string): { option1?: string; option2: string } {
  const a = alias ?? '<alias>';
  const r = region ?? '<region>';
  switch (kind) {
    case 'instance':
    case 'instance-other-form': {
      const f = instanceForm(host)?.form;
      const option1 =
        f === 'awsapps.com'
          ? `${a}.awsapps.com/connect/ccp-v2, ${a}.awsapps.com/connect/api and *.cloudfront.net on TCP 443`
          : f === 'my.connect.aws'
            ? `${a}.my.connect.aws/ccp-v2, ${a}.my.connect.aws/api and *.static.connect.aws on TCP 443`
            : `${host} on TCP 443`;
      return { option1, option2: 'every CLOUDFRONT range of ip-ranges.json on TCP 443' };
    }
    case 'content':
      return { option1: `${/static\.connect\.aws$/.test(host) ? '*.static.connect.aws' : '*.cloudfront.net'} on TCP 443`, option2: 'every CLOUDFRONT range of ip-ranges.json on TCP 443' };
    case 'signaling':
      return { option1: `${/transport\.connect/.test(host) ? `*.transport.connect.${r}.amazonaws.com` : signalingHost(r).listed ? signalingHost(r).host.replace(/^rtc\./, 'rtc*.') : `rtc*.connect-telecom.${r}.amazonaws.com`} on TCP 443`, option2: `the EC2 ranges of ${r} on TCP 443` };
    case 'media':
      return { option2: `the AMAZON_CONNECT ranges of ${r} (and GLOBAL) on TCP 443 and UDP 3478` };
    default:
      return { option1: `${host} on TCP 443`, option2: 'the IP ranges that host resolves to, on TCP 443' };
  }
}

/** "Missing rule: Option 1 allows ...; Option 2 allows ...". */
export function missingRuleSentence(kind: TargetKind, host: string, region?: string, alias?: string): string {
  const m = missingRules(kind, host, region, alias);
  return m.option1
    ? `The rule that lets it through: Option 1 (domain allowlist) ${m.option1}; or Option 2 (IP ranges) ${m.option2}.`
    : `The rule that lets it through: ${m.option2} (only IP ranges express it).`;
}

/** The endpoint list and WebSocket URL of a run. */
export function targetsOf(ctx: Pick<CheckContext, 'options'>): { targets: Target[]; websocketUrl?: string; bad: string[]; alias?: string } {
  const o = ctx.options;
  const bad: string[] = [];
  if (o.endpoints) {
    const targets: Target[] = [];
    let websocketUrl: string | undefined;
    for (const e of o.endpoints) {
      let u: URL;
      try {
        u = new URL(e.url);
      } catch {
        bad.push(e.url);
        continue;
      }
      if (u.protocol === 'ws:' || u.protocol === 'wss:') websocketUrl ??= u.toString();
      else if (isHttp(u)) targets.push({ url: u.toString(), role: e.role });
      else bad.push(e.url);
    }
    return { targets, ...(websocketUrl ? { websocketUrl } : {}), bad };
  }
  const targets: Target[] = [];
  let alias: string | undefined;
  if (o.ccpUrl) {
    try {
      const u = new URL(o.ccpUrl);
      if (!isHttp(u)) throw new Error('scheme');
      // The origin, not the CCP page: the page may redirect to a sign-in page on another host.
      targets.push({ url: `${u.origin}/favicon.ico`, role: 'instance', kind: 'instance' });
      const form = instanceForm(u.hostname);
      if (form) {
        alias = form.alias;
        const other = form.form === 'my.connect.aws' ? 'awsapps.com' : 'my.connect.aws';
        targets.push({ url: `https://${form.alias}.${other}/favicon.ico`, role: 'instance', kind: 'instance-other-form' });
      }
    } catch {
      bad.push(o.ccpUrl);
    }
  }
  if (o.region) {
    const cf = CLOUDFRONT_CONTENT[o.region];
    if (cf && targets.length) targets.push({ url: `https://${cf}/favicon.ico`, role: 'instance', kind: 'content' });
    targets.push({ url: signalingUrl(o.region), role: 'signaling', kind: 'signaling', ...(signalingHost(o.region).listed ? {} : { assumed: true }) });
  }
  return { targets, ...(o.region ? { websocketUrl: signalingWebSocketUrl(o.region) } : {}), bad, ...(alias ? { alias } : {}) };
}
