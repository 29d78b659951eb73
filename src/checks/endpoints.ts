/**
 * `endpoints`: can this browser reach what the CCP needs over HTTPS (TCP 443), how fast, which Amazon Connect
 * Region is closest, and when something is blocked, which allowlist rule is missing?
 *
 * What is probed (defaults, see endpoints-targets.ts; `options.endpoints` replaces them): what Option 1 of the
 * Amazon Connect networking guide allows (both instance address forms, the CloudFront content, the Region's
 * signaling host and a WebSocket handshake there), and every Amazon Connect Region's API endpoint for the
 * Region latency table (`options.regions`; `false` turns it off; see regions.ts).
 *
 * How: `fetch` with `mode: 'no-cors'` (the answer is opaque, but it still arrives, so the request's round
 * trip can be timed), one warm-up request (DNS + TCP + TLS set-up, reported apart) and then several samples
 * on the warm connection; the median is the figure. Each request has its own AbortController and timeout,
 * and the check keeps inside its own time budget, so it always ends (endpoints-probe.ts).
 *
 * What a browser can tell apart (endpoints-classify.ts): answered vs no answer before the timeout vs a failed
 * request; a failed request hides its cause, but a DNS hint (WebRTC host lookup) can say `dns`, and a
 * `securitypolicyviolation` event says the page's own Content-Security-Policy refused it (endpoints-csp.ts).
 * A proxy that answers with its own block page looks reachable. Latencies are HTTPS request round trips.
 */
import type { Check, CheckContext, CheckOutcome } from './types.js';
import type { EndpointSample, EndpointsData, Remedy, RegionLatency, Verdict } from '../report/schema.js';
import { worstVerdict } from '../report/schema.js';
import { remediesFor } from '../report/remedies.js';
import { regionProbesOf, signalingHost } from './regions.js';
import { DNS_HINT_WINDOW_MS, PROBE_TIMEOUT_MS, WEBSOCKET_TIMEOUT_MS, dnsLookupFailed, isIpLiteral, isMixedContent, mapLimit, timedRequest, websocketProbe, withCacheBuster, type Attempt } from './endpoints-probe.js';
import { classifyAttempts, muchSlower, rankRegions } from './endpoints-classify.js';
import { kindOf, missingRuleSentence, targetsOf } from './endpoints-targets.js';
import { cspSentence, watchCsp } from './endpoints-csp.js';

export * from './endpoints-probe.js';
export * from './endpoints-classify.js';
export { targetsOf, missingRules, missingRuleSentence, instanceForm, kindOf, CLOUDFRONT_CONTENT, type Target, type TargetKind } from './endpoints-targets.js';
export { watchCsp, cspSentence, cspSourceFor, type CspRefusal } from './endpoints-csp.js';

/** Default check timeout without the Region table. */
export const ENDPOINTS_TIMEOUT_MS = 12_000;
/** Extra time for the Region table (10 Regions, {@link REGION_CONCURRENCY} at a time). */
export const REGIONS_EXTRA_TIMEOUT_MS = 12_000;
/** The check stops starting new requests at this share of its timeout, so it reports instead of timing out. */
export const BUDGET_SHARE = 0.9;
/** Samples after the warm-up, per endpoint (the median of these is reported). */
export const ENDPOINT_SAMPLES = 5;
/** Samples after the warm-up, per Region (fewer: there are ten Regions). */
export const REGION_SAMPLES = 3;
/** Region probes in flight at once: keeps the agent's link and the browser's socket pool light. */
export const REGION_CONCURRENCY = 4;
/** Time for `securitypolicyviolation` events (queued as tasks) to arrive after a refused request. */
export const CSP_SETTLE_MS = 50;

export const ENDPOINTS_CODES = {
  'not-configured': 'No instance URL, Region or endpoint list is configured (the check was skipped).',
  'no-fetch': 'This browser has no fetch API (the check was skipped).',
  'instance-unreachable': 'The instance URL (CloudFront, TCP 443) did not answer: blocked, refused or timed out.',
  'instance-dns': 'The instance host name did not resolve (DNS).',
  'signaling-unreachable': 'The Region signaling endpoint (EC2, TCP 443) did not answer: blocked, refused or timed out.',
  'signaling-dns': 'The signaling host name did not resolve (DNS).',
  'signaling-host-unlisted': "The default signaling host name for a Region AWS does not list did not resolve: configure the Region's signaling endpoint.",
  'media-unreachable': 'A configured Amazon Connect media endpoint (TCP 443) did not answer.',
  'endpoint-unreachable': 'A configured custom endpoint did not answer.',
  slow: 'An endpoint answers, but its HTTPS round trip is above the RTT warn threshold.',
  flaky: 'Some requests to an endpoint failed while others succeeded.',
  'websocket-blocked': 'HTTPS to the signaling host works, but a WebSocket handshake there got no answer (a proxy that does not handle WebSockets).',
  'region-far': "The instance's Region is much slower from here than the closest Amazon Connect Region.",
  'bad-url': 'A configured endpoint URL is not a valid http(s) or ws(s) URL.',
  'instance-other-form-unreachable': "The instance's other address form (my.connect.aws or awsapps.com) did not answer; agents who use it cannot load the CCP.",
  'content-unreachable': "The CCP's CloudFront web content did not answer: the page or its buttons may not load.",
  'csp-blocked': "This page's Content-Security-Policy (connect-src) refused a probe: that endpoint was not tested.",
} as const;
export type EndpointsCode = keyof typeof ENDPOINTS_CODES;

type Role = EndpointSample['role'];

interface Finding {
  code: EndpointsCode;
  verdict: Verdict;
  sentence: string;
}

function roleLabel(role: Role): string {
  return role === 'instance' ? 'instance URL' : role === 'signaling' ? 'signaling endpoint' : role === 'media' ? 'media endpoint' : 'endpoint';
}

function safeOrigin(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function checkTimeoutMs(o: CheckContext['options']): number {
  return o.timeouts.endpoints ?? ENDPOINTS_TIMEOUT_MS + (o.regions === false ? 0 : REGIONS_EXTRA_TIMEOUT_MS);
}

export const endpointsCheck: Check<'endpoints'> = {
  id: 'endpoints',
  title: 'Endpoints (TCP 443)',
  timeoutMs: (o) => ENDPOINTS_TIMEOUT_MS + (o.regions === false ? 0 : REGIONS_EXTRA_TIMEOUT_MS),
  codes: ENDPOINTS_CODES,
  emptyData: (o) => ({ endpoints: [], ...(o.region ? { instanceRegion: o.region } : {}) }),
  run: async (ctx, signal): Promise<CheckOutcome<'endpoints'>> => {
    const { deps, options } = ctx;
    const data: EndpointsData = { endpoints: [], ...(options.region ? { instanceRegion: options.region } : {}) };
    const { targets, websocketUrl, bad, alias } = targetsOf(ctx);
    if (!targets.length && !websocketUrl && !bad.length) {
      return {
        verdict: 'skip',
        code: 'not-configured',
        summary: 'Not run: no instance URL (ccp-url), Region or endpoint list is configured.',
        data,
      };
    }
    if (typeof deps.fetch !== 'function') {
      return { verdict: 'skip', code: 'no-fetch', summary: 'Not run: this browser has no fetch API.', data };
    }
    const t0 = deps.now();
    const deadline = t0 + checkTimeoutMs(options) * BUDGET_SHARE;
    const left = () => deadline - deps.now();
    const slowMs = options.thresholds.rttWarnMs;
    const findings: Finding[] = [];
    const csp = watchCsp(deps.securityPolicyEvents);
    try {
      for (const b of bad) findings.push({ code: 'bad-url', verdict: 'warn', sentence: `"${b}" is not a valid http(s) or ws(s) URL; it was not probed.` });

      // Sequential requests on one endpoint (so the warm-up's connection is reused), until done or out of time.
      const sampleEndpoint = async (url: string, samples: number, budgetEnd: number): Promise<Attempt[]> => {
        const attempts: Attempt[] = [];
        for (let i = 0; i <= samples; i++) {
          const remaining = budgetEnd - deps.now();
          if (remaining < 50) break;
          const a = await timedRequest(withCacheBuster(url, i), deps, signal, Math.min(PROBE_TIMEOUT_MS, remaining));
          attempts.push(a);
          if (!a.ok && i === 0) break; // no answer at all: do not spend the budget on more of the same
        }
        return attempts;
      };

      // 1. Endpoints (in parallel: one or two hosts by default), then the DNS hint for those that failed.
      const regionProbes = regionProbesOf(options);
      const endpointsEnd = regionProbes.length ? t0 + (deadline - t0) * 0.45 : deadline;
      ctx.progress(0.05, 'Reaching the instance and signaling endpoints…');
      const wsPromise = websocketUrl ? websocketProbe(websocketUrl, deps, signal, Math.min(WEBSOCKET_TIMEOUT_MS, Math.max(1, left()))) : undefined;
      // Awaited below; when an abort ends the run first, its rejection must not surface as unhandled.
      wsPromise?.catch(() => undefined);
      const samples = await Promise.all(
        targets.map(async (t): Promise<EndpointSample> => {
          if (isMixedContent(t.url, (globalThis as { location?: { protocol?: string } }).location?.protocol)) {
            return { url: t.url, role: t.role, outcome: 'error', medianMs: null, samplesMs: [], detail: 'Not probed: this page is HTTPS and the URL is plain http:, which the browser blocks as mixed content. Use an https: URL.' };
          }
          const attempts = await sampleEndpoint(t.url, ENDPOINT_SAMPLES, endpointsEnd);
          const h = new URL(t.url).hostname;
          const ip = isIpLiteral(h);
          let dns: boolean | null = null;
          if (attempts.length && !attempts.some((a) => a.ok) && !attempts[0]!.ok && attempts[0]!.kind === 'failed' && !ip) {
            dns = await dnsLookupFailed(h, deps, signal, Math.min(DNS_HINT_WINDOW_MS, Math.max(1, deadline - deps.now())));
          }
          const c = classifyAttempts(attempts, slowMs, dns, ip);
          return {
            url: t.url,
            role: t.role,
            outcome: c.outcome,
            medianMs: c.medianMs,
            samplesMs: c.samplesMs,
            detail: c.detail,
            ...(attempts.length ? { firstRequestMs: c.firstMs } : {}),
            ...(c.failedAfterOk ? { failedRequests: c.failedAfterOk } : {}),
          };
        }),
      );
      data.endpoints = samples;
      samples.forEach((s, i) => {
        if (targets[i]!.assumed && s.outcome === 'dns') s.detail = `${s.detail} AWS does not list a signaling host for ${options.region}; this name follows the older rtc.connect-telecom pattern and may not exist there.`;
      });
      // A refused request's securitypolicyviolation event is queued as a task: let it arrive.
      if (deps.securityPolicyEvents && samples.some((x) => x.outcome === 'blocked')) await new Promise<void>((r) => deps.setTimeout(r, CSP_SETTLE_MS));
      const cspBlocked = new Set<number>();
      samples.forEach((x, i) => {
        const refusal = x.outcome === 'blocked' ? csp.refusalFor(x.url) : undefined;
        if (!refusal) return;
        cspBlocked.add(i);
        x.outcome = 'error';
        x.detail = cspSentence(x.url, refusal);
        findings.push({ code: 'csp-blocked', verdict: 'warn', sentence: x.detail });
      });
      for (const [i, s] of samples.entries()) {
        if (cspBlocked.has(i)) continue;
        const label = `${roleLabel(s.role)} ${host(s.url)}`;
        const kind = kindOf(targets[i]!);
        const rule = ` ${missingRuleSentence(kind, new URL(s.url).hostname, options.region, alias)}`;
        const unreachable = s.outcome === 'blocked' || s.outcome === 'timeout' || s.outcome === 'error' || s.outcome === 'dns';
        if (unreachable) {
          const how = s.outcome === 'dns' ? 'does not resolve (DNS)' : s.outcome === 'timeout' ? 'did not answer (timeout)' : 'could not be reached (refused, reset or blocked)';
          if (kind === 'instance-other-form') findings.push({ code: 'instance-other-form-unreachable', verdict: 'warn', sentence: `The instance's other address ${host(s.url)} ${how}: agents who open the CCP there cannot load it.${rule}` });
          else if (kind === 'content') findings.push({ code: 'content-unreachable', verdict: 'fail', sentence: `The CCP's web content on CloudFront (${host(s.url)}) ${how}: the CCP page or its buttons may not load.${rule}` });
          else if (s.role === 'instance') findings.push({ code: s.outcome === 'dns' ? 'instance-dns' : 'instance-unreachable', verdict: 'fail', sentence: `The ${label} ${how}: the CCP page cannot load.${s.outcome === 'dns' ? '' : rule}` });
          else if (s.role === 'signaling' && s.outcome === 'dns' && targets[i]!.assumed)
            findings.push({ code: 'signaling-host-unlisted', verdict: 'warn', sentence: `The default signaling host ${host(s.url)} does not resolve; AWS lists no signaling host for ${options.region}, so configure it in the endpoint list to test it.` });
          else if (s.role === 'signaling') findings.push({ code: s.outcome === 'dns' ? 'signaling-dns' : 'signaling-unreachable', verdict: 'fail', sentence: `The ${label} ${how}: the CCP cannot signal calls.${s.outcome === 'dns' ? '' : rule}` });
          else if (s.role === 'media') findings.push({ code: 'media-unreachable', verdict: 'fail', sentence: `The ${label} ${how}.${rule}` });
          else findings.push({ code: 'endpoint-unreachable', verdict: 'warn', sentence: `The ${label} ${how}.${rule}` });
        } else if (s.outcome === 'slow') {
          findings.push({ code: 'slow', verdict: 'warn', sentence: `The ${label} answers slowly: median ${Math.round(s.medianMs!)} ms over HTTPS (above ${slowMs} ms).` });
        }
        if (!unreachable && (s.failedRequests ?? 0) > 0) {
          findings.push({ code: 'flaky', verdict: 'warn', sentence: `Some requests to the ${label} failed while others succeeded.` });
        }
      }

      // 2. Region latency table (bounded concurrency; each Region's requests sequential).
      if (regionProbes.length && left() > 100) {
        ctx.progress(0.45, 'Measuring latency to the Amazon Connect Regions…');
        let done = 0;
        const rows = await mapLimit(regionProbes, REGION_CONCURRENCY, async (p): Promise<RegionLatency> => {
          let outcome: RegionLatency['outcome'] = 'error';
          let medianMs: number | null = null;
          try {
            new URL(p.url);
            const c = classifyAttempts(await sampleEndpoint(p.url, REGION_SAMPLES, deadline), slowMs, null, false);
            outcome = c.outcome;
            medianMs = c.medianMs;
          } catch (e) {
            if (signal.aborted) throw e;
          }
          done++;
          ctx.progress(0.45 + (0.5 * done) / regionProbes.length, `Region latency ${done}/${regionProbes.length}…`);
          return { region: p.region, url: p.url, medianMs, outcome };
        });
        data.regions = rankRegions(rows);
        const best = data.regions.find((r) => r.medianMs !== null);
        if (best) {
          data.bestRegion = best.region;
          const mine = options.region ? data.regions.find((r) => r.region === options.region) : undefined;
          const how = 'Measured as HTTPS round trips (TCP 443) from this browser to each Region\'s Amazon Connect endpoint on a warm connection; not ICMP ping, and not the call audio path (UDP 3478), but it ranks Regions by network distance.';
          if (mine?.medianMs != null && mine.region !== best.region && muchSlower(mine.medianMs, best.medianMs!)) {
            data.recommendation = `${best.region} answers in ${Math.round(best.medianMs!)} ms, the instance Region ${mine.region} in ${Math.round(mine.medianMs)} ms. The Amazon Connect networking guide (Region selection considerations): put the instance in the Region closest to the agents, or, where policy fixes the Region, choose the network path with the fewest hops to it. ${how}`;
            findings.push({ code: 'region-far', verdict: 'warn', sentence: `The instance Region ${mine.region} is much slower from here (${Math.round(mine.medianMs)} ms) than ${best.region} (${Math.round(best.medianMs!)} ms).` });
          } else if (mine?.medianMs != null) {
            data.recommendation = `The instance Region ${mine.region} (${Math.round(mine.medianMs)} ms) is ${mine.region === best.region ? 'the closest' : 'close to the closest'} Amazon Connect Region from here (best: ${best.region}, ${Math.round(best.medianMs!)} ms). ${how}`;
          } else {
            data.recommendation = `Closest Amazon Connect Region from here: ${best.region} (${Math.round(best.medianMs!)} ms). ${how}`;
          }
        } else {
          data.recommendation = 'No Amazon Connect Region answered over HTTPS from this browser: outbound TCP 443 to AWS looks blocked, or a proxy is required.';
        }
      }

      // 3. WebSocket hint.
      if (wsPromise) {
        data.websocket = await wsPromise;
        if (data.websocket.outcome === 'error' && deps.securityPolicyEvents) await new Promise<void>((r) => deps.setTimeout(r, CSP_SETTLE_MS));
        const wsRefusal = data.websocket.outcome === 'error' ? csp.refusalFor(data.websocket.url) : undefined;
        if (wsRefusal) {
          data.websocket.detail = cspSentence(data.websocket.url, wsRefusal);
          findings.push({ code: 'csp-blocked', verdict: 'warn', sentence: data.websocket.detail });
        }
        const wsHost = host(data.websocket.url);
        const httpsOk = samples.some((s) => host(s.url) === wsHost && (s.outcome === 'ok' || s.outcome === 'slow'));
        if (data.websocket.outcome === 'timeout' && httpsOk) {
          findings.push({ code: 'websocket-blocked', verdict: 'warn', sentence: `HTTPS to ${wsHost} works, but a WebSocket handshake there got no answer: a proxy may not handle WebSockets. The Option 1 rule for this host is there; let WebSocket upgrades to ${wsHost} through the proxy (or exempt the host from it).` });
        }
      }
      ctx.progress(1, 'Endpoints done.');

      const verdict = findings.length ? worstVerdict(findings.map((f) => f.verdict)) : 'pass';
      const rank: Record<Verdict, number> = { fail: 0, warn: 1, skip: 2, pass: 3 };
      const ordered = [...findings].sort((a, b) => rank[a.verdict] - rank[b.verdict]);
      const reached = samples.filter((s) => s.outcome === 'ok' || s.outcome === 'slow');
      const okSentence = samples.length
        ? `All ${samples.length} endpoint${samples.length === 1 ? '' : 's'} answer over HTTPS (${reached.map((s) => `${roleLabel(s.role)} ${Math.round(s.medianMs!)} ms`).join(', ')}).`
        : 'No HTTP endpoint to probe.';
      const regionSentence = data.bestRegion ? ` Closest Region: ${data.bestRegion}.` : '';
      const summary = verdict === 'pass' ? `${okSentence}${regionSentence}` : `${ordered.map((f) => f.sentence).join(' ')}${regionSentence}`;
      const out: CheckOutcome<'endpoints'> = { verdict, summary, data };
      const instanceOrigin = options.ccpUrl ? safeOrigin(options.ccpUrl) : undefined;
      const remedyContext = {
        ...(options.region ? { region: options.region, signalingHost: signalingHost(options.region).host } : {}),
        ...(instanceOrigin ? { instance: instanceOrigin } : {}),
      };
      if (ordered.length) {
        out.code = ordered[0]!.code;
        const seen = new Set<string>();
        const remedies: Remedy[] = [];
        for (const f of ordered) {
          for (const r of remediesFor('endpoints', f.code, remedyContext)) {
            if (!seen.has(r.id)) {
              seen.add(r.id);
              remedies.push(r);
            }
          }
        }
        if (remedies.length) out.remedies = remedies;
      }
      return out;
    } finally {
      csp.stop();
    }
  },
};
