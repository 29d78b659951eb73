// The endpoints check against Option 1 of the Amazon Connect networking guide: which rule is missing when a
// probe is blocked, and a Content-Security-Policy refusal told apart from a network block (injected event target).
import { describe, expect, it } from 'vitest';
import { cspSentence, missingRuleSentence, missingRules, targetsOf, watchCsp } from '../../src/checks/endpoints.js';
import { runPreflight, resolveOptions } from '../../src/runner.js';
import type { Deps } from '../../src/checks/types.js';
import type { EndpointsData } from '../../src/report/schema.js';

function deps(fetchImpl: (url: string) => Promise<Response>, extra: Partial<Deps> = {}): Partial<Deps> {
  return {
    fetch: ((url: string) => fetchImpl(url)) as typeof fetch,
    now: () => performance.now(),
    date: () => new Date(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    navigator: { userAgent: 'test' },
    ...extra,
  };
}
const ok = async () => new Response(null, { status: 204 });
const refused = async () => {
  throw new TypeError('Failed to fetch');
};

describe('missingRules: the rule each option needs', () => {
  it('names the instance form, the content wildcard, the signaling host and the ranges', () => {
    expect(missingRules('instance', 'acme.my.connect.aws', 'us-east-1', 'acme')).toEqual({
      option1: 'acme.my.connect.aws/ccp-v2, acme.my.connect.aws/api and *.static.connect.aws on TCP 443',
      option2: 'every CLOUDFRONT range of ip-ranges.json on TCP 443',
    });
    expect(missingRules('instance-other-form', 'acme.awsapps.com', 'us-east-1', 'acme').option1).toBe('acme.awsapps.com/connect/ccp-v2, acme.awsapps.com/connect/api and *.cloudfront.net on TCP 443');
    expect(missingRules('content', 'dd401jc05x2yk.cloudfront.net').option1).toBe('*.cloudfront.net on TCP 443');
    expect(missingRules('signaling', 'rtc.connect-telecom.us-east-1.amazonaws.com', 'us-east-1')).toEqual({
      option1: 'rtc*.connect-telecom.us-east-1.amazonaws.com on TCP 443',
      option2: 'the EC2 ranges of us-east-1 on TCP 443',
    });
    expect(missingRuleSentence('media', 'x', 'us-east-1')).toBe('The rule that lets it through: the AMAZON_CONNECT ranges of us-east-1 (and GLOBAL) on TCP 443 and UDP 3478 (only IP ranges express it).');
  });
  it('an awsapps.com CCP URL probes the my.connect.aws form as the other one', () => {
    const t = targetsOf({ options: resolveOptions({ ccpUrl: 'https://acme.awsapps.com/connect/ccp-v2', region: 'us-east-1' }) });
    expect(t.targets.map((x) => `${x.kind} ${x.url}`)).toEqual([
      'instance https://acme.awsapps.com/favicon.ico',
      'instance-other-form https://acme.my.connect.aws/favicon.ico',
      'content https://dd401jc05x2yk.cloudfront.net/favicon.ico',
      'signaling https://rtc.connect-telecom.us-east-1.amazonaws.com/',
    ]);
  });
});

describe('endpoints check: a blocked probe names the missing rule of each option', () => {
  const ccpUrl = 'https://acme.my.connect.aws/ccp-v2';
  it('the other instance form blocked: warn, with its Option 1 rule', async () => {
    const d = deps((url) => (url.startsWith('https://acme.awsapps.com/') ? refused() : ok()));
    const r = (await runPreflight({ checks: ['endpoints'], regions: false, ccpUrl, region: 'us-east-1', deps: d })).checks[0]!;
    expect(r.verdict, r.summary).toBe('warn');
    expect(r.code).toBe('instance-other-form-unreachable');
    expect(r.summary).toContain('Option 1 (domain allowlist) acme.awsapps.com/connect/ccp-v2, acme.awsapps.com/connect/api and *.cloudfront.net on TCP 443; or Option 2 (IP ranges) every CLOUDFRONT range');
  });
  it('CloudFront content blocked: fail, *.cloudfront.net or the CLOUDFRONT ranges', async () => {
    const d = deps((url) => (url.includes('.cloudfront.net/') ? refused() : ok()));
    const r = (await runPreflight({ checks: ['endpoints'], regions: false, ccpUrl, region: 'us-east-1', deps: d })).checks[0]!;
    expect(r.verdict).toBe('fail');
    expect(r.code).toBe('content-unreachable');
    expect(r.summary).toContain('Option 1 (domain allowlist) *.cloudfront.net on TCP 443');
    expect(r.remedies!.length).toBeGreaterThan(0);
  });
  it('signaling blocked: fail, rtc*.connect-telecom or the EC2 ranges of the Region', async () => {
    const d = deps((url) => (url.includes('connect-telecom') ? refused() : ok()));
    const r = (await runPreflight({ checks: ['endpoints'], regions: false, ccpUrl, region: 'us-east-1', deps: d })).checks[0]!;
    expect(r.code).toBe('signaling-unreachable');
    expect(r.summary).toContain('Option 1 (domain allowlist) rtc*.connect-telecom.us-east-1.amazonaws.com on TCP 443; or Option 2 (IP ranges) the EC2 ranges of us-east-1 on TCP 443');
  });
});

describe('endpoints check: a Content-Security-Policy refusal is not a network block', () => {
  it('with a securitypolicyviolation on the injected target: warn csp-blocked, the directive to add, no firewall advice', async () => {
    const page = new EventTarget();
    const d = deps(
      async (url) => {
        if (!url.startsWith('https://acme.my.connect.aws/')) return ok();
        // As a browser does: the request fails at once, the violation event follows as a task.
        setTimeout(() => page.dispatchEvent(Object.assign(new Event('securitypolicyviolation'), { blockedURI: url, effectiveDirective: 'connect-src' })), 1);
        throw new TypeError('Failed to fetch');
      },
      { securityPolicyEvents: page },
    );
    const r = (await runPreflight({ checks: ['endpoints'], regions: false, ccpUrl: 'https://acme.my.connect.aws/ccp-v2', region: 'us-east-1', deps: d })).checks[0]!;
    expect(r.verdict, r.summary).toBe('warn');
    expect(r.code).toBe('csp-blocked');
    expect(r.summary).toContain(`acme.my.connect.aws was blocked by this page's Content-Security-Policy (connect-src), not by the network: add "connect-src https://acme.my.connect.aws"`);
    expect(r.summary).not.toMatch(/could not be reached/);
    const e = (r.data as EndpointsData).endpoints[0]!;
    expect(e.outcome).toBe('error');
    expect(r.remedies!.map((x) => x.id)).not.toContain('tcp-443-cloudfront');
  });
  it('the same failure without a violation event stays a network block', async () => {
    const d = deps((url) => (url.startsWith('https://acme.my.connect.aws/') ? refused() : ok()), { securityPolicyEvents: new EventTarget() });
    const r = (await runPreflight({ checks: ['endpoints'], regions: false, ccpUrl: 'https://acme.my.connect.aws/ccp-v2', region: 'us-east-1', deps: d })).checks[0]!;
    expect(r.code).toBe('instance-unreachable');
    expect(r.summary).toContain('could not be reached');
  });
  it('watchCsp matches by origin, maps default-src to connect-src, and removes its listener', () => {
    const t = new EventTarget();
    const w = watchCsp(t);
    t.dispatchEvent(Object.assign(new Event('securitypolicyviolation'), { blockedURI: 'wss://rtc.example', violatedDirective: 'default-src' }));
    const hit = w.refusalFor('wss://rtc.example/LilyRTC')!;
    expect(hit).toEqual({ blockedUri: 'wss://rtc.example', directive: 'default-src' });
    expect(cspSentence('wss://rtc.example/LilyRTC', hit)).toContain('add "connect-src wss://rtc.example"');
    w.stop();
    t.dispatchEvent(Object.assign(new Event('securitypolicyviolation'), { blockedURI: 'https://other.example/' }));
    expect(w.refusalFor('https://other.example/x')).toBeUndefined();
  });
});
