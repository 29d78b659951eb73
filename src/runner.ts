import type { Check, CheckContext, CheckOutcome, CcpHandle, Deps, IceServerSource, RunOptions } from './checks/types.js';
import { CheckFailure } from './checks/types.js';
import { CHECK_LOADERS } from './checks/loaders.js';
import type { ProgressDetail } from './events.js';
import {
  CHECK_IDS,
  REPORT_SCHEMA,
  worstVerdict,
  type AnyCheckResult,
  type CheckId,
  type CheckResult,
  type Report,
  type SoftphoneFitness,
  type Subject,
  type Verdict,
} from './report/schema.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from './stats/thresholds.js';
import { defaultDeps } from './internal/deps.js';
import { AbortError, linkedAbort, raceAbort, TimeoutError } from './internal/timeout.js';
import { VERSION } from './version.js';
import { CCP_NO_SERVERS, NO_RELAY, judgedVerdict, markCcpServersMissing, noRelayReason, partialReason } from './checks/untested.js';

/** Options of {@link runPreflight}. Everything is optional. */
export interface PreflightOptions {
  /** Which checks to run (any order; they run in the canonical order). Default: all. */
  checks?: CheckId[];
  /** ICE servers for the network checks when no CCP provides the agent's own. */
  iceServers?: RTCIceServer[];
  /** Media test length in seconds (an upper bound). Default 6. */
  durationS?: number;
  thresholds?: Partial<Thresholds>;
  timeouts?: Partial<Record<CheckId, number>>;
  ccpUrl?: string;
  region?: string;
  ccpMode?: RunOptions['ccpMode'];
  endpoints?: RunOptions['endpoints'];
  regions?: RunOptions['regions'];
  ipRanges?: unknown;
  browserVersions?: RunOptions['browserVersions'];
  /** Cancels the run; unfinished checks are reported as `skip`. */
  signal?: AbortSignal;
  /** Browser APIs (inject fakes in tests). */
  deps?: Partial<Deps>;
  /** The wrapped CCP, when there is one. */
  ccp?: CcpHandle;
  /** Extra subject facts from the host page (agent identity only when the host passes it). */
  subject?: Partial<Subject>;
  onProgress?: (p: ProgressDetail) => void;
  onCheck?: (result: CheckResult, index: number, total: number) => void;
  /** Check implementations (tests). Default: the shipped checks. */
  registry?: readonly Check[];
  /**
   * Checks that describe the machine running the checks rather than an agent's computer (the headless CLI's
   * own browser and fake microphone): reported with `describesRunner`, they set neither verdict nor fitness.
   */
  describesRunner?: readonly CheckId[];
}

export const DEFAULT_DURATION_S = 6;
/** Hard bounds on the media duration: long enough for a verdict, short enough for a shift start. */
export const MIN_DURATION_S = 2;
export const MAX_DURATION_S = 60;

/** Applies defaults and validates; throws a RangeError with a clear message on bad options. */
export function resolveOptions(o: PreflightOptions): RunOptions {
  const checks = o.checks ?? [...CHECK_IDS];
  for (const id of checks) {
    if (!CHECK_IDS.includes(id)) {
      throw new RangeError(`Unknown check "${String(id)}". Known checks: ${CHECK_IDS.join(', ')}.`);
    }
  }
  const durationS = o.durationS ?? DEFAULT_DURATION_S;
  if (!Number.isFinite(durationS) || durationS < MIN_DURATION_S || durationS > MAX_DURATION_S) {
    throw new RangeError(`The media test duration must be between ${MIN_DURATION_S} and ${MAX_DURATION_S} seconds (got ${String(o.durationS)}).`);
  }
  return {
    checks: CHECK_IDS.filter((id) => checks.includes(id)),
    iceServers: o.iceServers ?? [],
    durationS,
    thresholds: { ...DEFAULT_THRESHOLDS, ...o.thresholds },
    timeouts: o.timeouts ?? {},
    ccpUrl: o.ccpUrl,
    region: o.region,
    ccpMode: o.ccpMode ?? (o.ccpUrl ? 'full' : 'none'),
    endpoints: o.endpoints,
    regions: o.regions,
    ipRanges: o.ipRanges,
    browserVersions: o.browserVersions,
  };
}

function describeError(e: unknown): { name: string; message: string } {
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}

/** Runs one check with its timeout; never throws, never outlives the timeout. */
export async function runCheck(check: Check, ctx: CheckContext, parent: AbortSignal, deps: Deps): Promise<CheckResult> {
  const opts = ctx.options;
  const timeoutMs = opts.timeouts[check.id] ?? check.timeoutMs(opts);
  const startedAt = deps.date().toISOString();
  const t0 = deps.now();
  const link = linkedAbort(parent, timeoutMs, deps);
  let outcome: CheckOutcome;
  try {
    outcome = await raceAbort(check.run(ctx, link.signal), link.signal);
  } catch (e) {
    const data = check.emptyData(opts);
    if (link.timedOut() || e instanceof TimeoutError) {
      outcome = {
        verdict: 'fail',
        code: 'timeout',
        summary: `${check.title} did not finish within ${(timeoutMs / 1000).toFixed(1)} s.`,
        data,
        error: { name: 'timeout', message: `No answer within ${(timeoutMs / 1000).toFixed(1)} s; something on the way (a browser API, the network, or a server) hung.` },
      };
    } else if (parent.aborted || e instanceof AbortError) {
      outcome = { verdict: 'skip', code: 'aborted', summary: 'Not finished: the run was cancelled.', data };
    } else if (e instanceof CheckFailure) {
      outcome = { verdict: e.verdict, code: e.code, summary: e.message, data, error: { name: e.code, message: e.message } };
    } else {
      const err = describeError(e);
      outcome = { verdict: 'fail', code: 'error', summary: `${check.title} failed unexpectedly: ${err.message}`, data, error: err };
    }
  } finally {
    link.dispose();
  }
  const result: CheckResult = {
    id: check.id,
    title: check.title,
    verdict: outcome.verdict,
    summary: outcome.summary,
    ...(outcome.code ? { code: outcome.code } : {}),
    startedAt,
    durationMs: Math.round(deps.now() - t0),
    data: outcome.data,
    ...(outcome.error ? { error: outcome.error } : {}),
  };
  if (outcome.remedies?.length || result.verdict === 'warn' || result.verdict === 'fail') {
    // The catalogue loads only when something needs a remedy; the run's Region and instance fill its texts.
    const { remediesFor, personalize } = await import('./report/remedies.js');
    const instance = opts.ccpUrl ? safeOrigin(opts.ccpUrl) : undefined;
    const rctx = { ...(opts.region ? { region: opts.region } : {}), ...(instance ? { instance } : {}) };
    const r = outcome.remedies?.length ? outcome.remedies.map((x) => personalize(x, rctx)) : remediesFor(check.id, outcome.code, rctx);
    if (r.length) result.remedies = r;
  }
  return result;
}

/**
 * Checks whose failure makes the softphone unfit on its own (the CCP cannot signal without the endpoints, and
 * cannot carry audio without a working browser, microphone, media path and bandwidth).
 */
const SOFTPHONE_CRITICAL: readonly CheckId[] = ['browser', 'workstation', 'devices', 'ccp', 'endpoints', 'media', 'bandwidth'];
const ICE_IDS: readonly CheckId[] = ['ice-udp', 'ice-tcp', 'ice-tls'];

/** Is the softphone fit? `no` on a critical fail or when no ICE transport works; `unknown` without a media test. */
export function softphoneFitness(all: readonly CheckResult[]): SoftphoneFitness {
  const results = all.filter((r) => !r.describesRunner);
  const byId = new Map(results.map((r) => [r.id, r]));
  const blockers = results
    .filter((r) => r.verdict === 'fail' || r.verdict === 'warn')
    .map((r) => ({ id: r.id, verdict: r.verdict, summary: r.summary }));
  const ice = ICE_IDS.map((id) => byId.get(id)).filter((r): r is CheckResult => !!r && r.verdict !== 'skip');
  const iceAllFailed = ice.length > 0 && ice.every((r) => r.verdict === 'fail');
  const criticalFail = SOFTPHONE_CRITICAL.some((id) => byId.get(id)?.verdict === 'fail');
  let fit: SoftphoneFitness['fit'];
  if (criticalFail || iceAllFailed) fit = 'no';
  else {
    const media = byId.get('media');
    fit = media && media.verdict !== 'skip' && media.code !== CCP_NO_SERVERS ? 'yes' : 'unknown';
  }
  return { fit, blockers };
}

function summaryLine(verdict: Verdict, fit: SoftphoneFitness, all: readonly CheckResult[], incomplete: boolean, partial?: string): string {
  if (incomplete) return 'The run was cancelled before it finished; the results below are partial.';
  const results = all.filter((r) => !r.describesRunner);
  const failed = results.filter((r) => r.verdict === 'fail').map((r) => r.title);
  const warned = results.filter((r) => r.verdict === 'warn').map((r) => r.title);
  const head =
    fit.fit === 'yes' ? 'Softphone ready' : fit.fit === 'no' ? 'Softphone not fit' : 'Softphone fitness not measured';
  const attention = warned.length ? `; ${warned.join(', ')} need${warned.length === 1 ? 's' : ''} attention` : '';
  // A fail that leaves the softphone fit is a fallback path (e.g. TURN over TCP) that does not work.
  if (verdict === 'fail' && fit.fit === 'yes') return `${head}, but ${failed.join(', ')} failed${attention}.`;
  if (verdict === 'fail') return `${head}: ${failed.join(', ')} failed${attention}.`;
  if (verdict === 'warn') return `${head}, with warnings: ${warned.join(', ')}.`;
  if (verdict === 'pass') return partial ? `${head}: the checks that ran passed, but ${partial}.` : `${head}: every check passed.`;
  return `${head}: no check could run.`;
}

function newId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c?.randomUUID) return c.randomUUID();
  return `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Runs the checks in order, each within its timeout, and returns the Report. Never rejects for a failing
 * check; rejects only on invalid options (RangeError with a clear message).
 */
export async function runPreflight(options: PreflightOptions = {}): Promise<Report> {
  const opts = resolveOptions(options);
  const deps = defaultDeps(options.deps);
  const parent = options.signal ?? new AbortController().signal;
  const registry = options.registry ?? (await loadChecks(opts.checks));
  const plan = opts.checks
    .map((id) => registry.find((c) => c.id === id))
    .filter((c): c is Check => c !== undefined);
  const results: CheckResult[] = [];
  const resultMap = new Map<CheckId, CheckResult>();
  const total = plan.length;

  /** Why the CCP handed out no media servers, when it was asked and gave none (see checks/untested.ts). */
  let ccpIceFailure: string | undefined;
  let iceMemo: Promise<IceServerSource> | undefined;
  const iceServers = (signal: AbortSignal): Promise<IceServerSource> => {
    iceMemo ??= (async (): Promise<IceServerSource> => {
      if (options.ccp && opts.ccpMode !== 'none') {
        try {
          const servers = await options.ccp.getIceServers(signal);
          if (servers.length) return { source: 'ccp', servers };
          ccpIceFailure = 'it answered with none';
        } catch (e) {
          // Fall back to the configured servers; the ccp check reports why. A cancelled run is not the CCP's fault.
          if (!signal.aborted) ccpIceFailure = e instanceof Error ? e.message : String(e);
        }
      }
      if (opts.iceServers.length) return { source: 'config', servers: opts.iceServers };
      return { source: 'none', servers: [] };
    })();
    const memo = iceMemo;
    // A failed look-up is not memoized, so a later check can try again.
    memo.catch(() => {
      if (iceMemo === memo) iceMemo = undefined;
    });
    return memo;
  };

  // Progress never goes backwards, whatever a check reports inside its own share.
  let lastFraction = 0;
  const report = (index: number, fraction: number, phrase: string, checkId?: CheckId) => {
    lastFraction = Math.max(lastFraction, Math.min(1, Math.max(0, fraction)));
    options.onProgress?.({ fraction: lastFraction, index, total, phrase, ...(checkId ? { checkId } : {}) });
  };

  const contextFor = (i: number, check: Check): CheckContext => ({
    options: opts,
    deps,
    results: resultMap,
    iceServers,
    ...(options.ccp ? { ccp: options.ccp } : {}),
    progress: (f, phrase) => report(i, (i + Math.min(1, Math.max(0, f))) / total, phrase ?? `${check.title}…`, check.id),
  });
  // The ICE checks run side by side (each probes its own transport and reads no other's result), started when
  // the first is reached: a blocked network costs one probe timeout (4 s), not three. Reported in order.
  const early = new Map<CheckId, Promise<CheckResult>>();

  let incomplete = false;
  for (let i = 0; i < plan.length; i++) {
    const check = plan[i]!;
    if (parent.aborted) {
      incomplete = true;
      const r: CheckResult = {
        id: check.id,
        title: check.title,
        verdict: 'skip',
        code: 'aborted',
        summary: 'Not run: the run was cancelled.',
        startedAt: deps.date().toISOString(),
        durationMs: 0,
        data: check.emptyData(opts),
      };
      results.push(r);
      resultMap.set(check.id, r);
      continue;
    }
    report(i, i / total, `${check.title}…`, check.id);
    if (ICE_IDS.includes(check.id) && !early.has(check.id)) {
      for (let j = i; j < plan.length; j++) {
        const c = plan[j]!;
        if (ICE_IDS.includes(c.id)) early.set(c.id, runCheck(c, contextFor(j, c), parent, deps));
      }
    }
    // Fast when things are wrong: no relay on any transport means the test call and the throughput test cannot
    // connect either; say so now instead of waiting out their connect timeouts (8 s and 5 s).
    const noRelay = check.id === 'media' || check.id === 'bandwidth' ? noRelayReason(resultMap) : undefined;
    const r = noRelay
      ? { id: check.id, title: check.title, verdict: 'skip' as const, code: NO_RELAY, summary: noRelay, startedAt: deps.date().toISOString(), durationMs: 0, data: check.emptyData(opts) } as CheckResult
      : await (early.get(check.id) ?? runCheck(check, contextFor(i, check), parent, deps));
    if (options.describesRunner?.includes(check.id)) {
      r.describesRunner = true;
      delete r.remedies; // advice for the machine that ran the checks is advice for no agent
    }
    if (mediaInThisBrowser(resultMap) && markCcpServersMissing(r, ccpIceFailure)) {
      const { remediesFor } = await import('./report/remedies.js');
      r.remedies = remediesFor(r.id, r.code);
    }
    await explainMediaScope(r, resultMap);
    if (r.code === 'aborted') incomplete = true;
    results.push(r);
    resultMap.set(check.id, r);
    options.onCheck?.(r, i, total);
  }
  report(total, 1, incomplete ? 'Cancelled.' : 'Done.');

  const verdict = judgedVerdict(results, worstVerdict);
  const softphone = softphoneFitness(results);
  const partial = incomplete ? undefined : partialReason(opts.checks, results);
  // The user-agent parser is the browser check's (a lazy chunk a full run has loaded by now): not up front.
  const { parseUserAgent } = await import('./internal/ua.js');
  const ua = parseUserAgent(deps.navigator.userAgent, deps.navigator.userAgentData?.brands);
  const subject: Subject = {
    ccpMode: opts.ccpMode,
    ...(opts.ccpUrl ? { instance: safeOrigin(opts.ccpUrl) } : {}),
    ...(opts.region ? { region: opts.region } : {}),
    ...options.subject,
  };
  const ccpAgent = resultMap.get('ccp');
  if (ccpAgent && ccpAgent.id === 'ccp') {
    const agent = (ccpAgent.data as { agent?: Subject['agent'] }).agent;
    if (agent && !subject.agent) subject.agent = agent;
  }
  const result: Report = {
    schema: REPORT_SCHEMA,
    id: newId(),
    createdAt: deps.date().toISOString(),
    tool: { name: 'ccp-preflight', version: VERSION },
    subject,
    environment: {
      userAgent: deps.navigator.userAgent,
      browser: ua,
      platform: deps.navigator.userAgentData?.platform ?? deps.navigator.platform ?? 'unknown',
      ...(deps.navigator.language ? { language: deps.navigator.language } : {}),
      logicalCores: deps.navigator.hardwareConcurrency ?? null,
      deviceMemoryGb: deps.navigator.deviceMemory ?? null,
    },
    verdict,
    summary: summaryLine(verdict, softphone, results, incomplete, partial),
    softphone,
    checks: results as AnyCheckResult[],
    calls: [],
    ...(incomplete ? { incomplete: true } : {}),
    ...(partial ? { partial: true } : {}),
  };
  // The CCP adds its own part (live calls, failovers) once, here.
  return options.ccp?.addToReport ? options.ccp.addToReport(result) : result;
}

const MEDIA_PATH_IDS: readonly CheckId[] = ['ice-udp', 'ice-tcp', 'ice-tls', 'media', 'bandwidth'];

/** True unless the ccp check says the audio runs elsewhere (an external phone, or a media-less CCP). */
function mediaInThisBrowser(results: ReadonlyMap<CheckId, CheckResult>): boolean {
  const where = (results.get('ccp')?.data as { mediaLocation?: string } | undefined)?.mediaLocation;
  return where !== 'external-phone' && where !== 'local-desktop';
}

/**
 * When the CCP says audio does not run through this browser (an agent on an external phone, or a media-less
 * CCP), the network and media results say what they do and do not tell.
 */
async function explainMediaScope(r: CheckResult, results: ReadonlyMap<CheckId, CheckResult>): Promise<void> {
  if (!MEDIA_PATH_IDS.includes(r.id)) return;
  const where = (results.get('ccp')?.data as { mediaLocation?: string } | undefined)?.mediaLocation;
  if (where !== 'external-phone' && where !== 'local-desktop') return;
  const { mediaCheckNote } = await import('./ccp/outcome.js');
  const note = mediaCheckNote(results);
  if (note) r.summary = `${r.summary} ${note.text}`;
}

/** Loads the shipped checks a run needs (each is its own chunk). */
async function loadChecks(ids: readonly CheckId[]): Promise<Check[]> {
  try {
    return await Promise.all(ids.map((id) => CHECK_LOADERS[id]()));
  } catch (e) {
    throw new Error(`The checks could not be loaded (${e instanceof Error ? e.message : String(e)}). Reload the page; if it persists, the ccp-preflight files are not reachable from this page.`, { cause: e });
  }
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
