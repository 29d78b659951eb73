/**
 * `browser`: can this browser run the Amazon Connect softphone, and is it one Amazon supports?
 *
 * - WebRTC parts: RTCPeerConnection, getUserMedia, getStats (required: the softphone is a WebRTC call);
 *   RTCDataChannel and AudioContext (this tool's own call test and level meter); CompressionStream (info only:
 *   the compact share code).
 * - Secure context: getUserMedia exists only on HTTPS (or localhost) pages.
 * - Family and major version against seed 003, Agent Workstation Requirements: "The latest three versions of
 *   Google Chrome or Mozilla Firefox" (SUPPORTED_BROWSER_VERSIONS). The latest versions come from the table
 *   in browser-versions.ts, extrapolated to today, or from `options.browserVersions`.
 * - Firefox ESR: an ESR major (browser-versions.ts FIREFOX_ESR_MAJORS) behind "the latest three" is said as
 *   what it is, a supported long-term channel outside Amazon's wording (warn), not as an out-of-date browser;
 *   an ESR past its end of updates fails like any old version.
 * - Firefox and the split model (`ccpMode: 'media-less'`): Amazon Connect Administrator Guide, "Use Amazon
 *   Connect in a VDI environment": Firefox lets the CCP reach the microphone only while its tab has focus, so the
 *   local CCP that carries the media cannot be Firefox.
 * - webrtc-adapter (internal/adapter.ts) is loaded here, lazily: its shims apply before any check makes a peer
 *   connection, and its browserDetails fill in the version when the user agent does not give one.
 */
import type { BrowserData, CheckId, Remedy, Verdict } from '../report/schema.js';
import { worstVerdict } from '../report/schema.js';
import { remediesFor } from '../report/remedies.js';
import { describeBrowser, type BrowserDescription } from '../internal/ua.js';
import { throwIfAborted } from '../internal/timeout.js';
import { esrStanding, judgeVersion, SHIPPED_BROWSER_VERSIONS, type VersionedFamily, type VersionVerdict } from './browser-versions.js';
import { ADAPTER_LOAD_WAIT_MS, loadWebrtcAdapter, type AdapterDetails } from '../internal/adapter.js';
import type { Check, CheckOutcome } from './types.js';

// ---------------------------------------------------------------------------------------------------------
// Findings -> outcome (shared by the three workstation-side checks)
// ---------------------------------------------------------------------------------------------------------

/** One thing a check found: a code from its `codes` map, a verdict and one plain sentence. */
export interface Finding {
  code: string;
  verdict: Verdict;
  sentence: string;
}

/**
 * Folds findings into verdict, code (the first of the worst), summary (the sentences, worst first) and,
 * when more than one finding needs action, the remedies of every such code from the catalogue (the runner
 * only looks up the single `code`).
 */
export function outcomeFromFindings(
  checkId: CheckId,
  findings: readonly Finding[],
  okSentence: string,
): { verdict: Verdict; code?: string; summary: string; remedies?: Remedy[] } {
  const verdict = findings.length ? worstVerdict(findings.map((f) => f.verdict)) : 'pass';
  const rank: Record<Verdict, number> = { fail: 0, warn: 1, skip: 2, pass: 3 };
  const ordered = [...findings].sort((a, b) => rank[a.verdict] - rank[b.verdict]);
  const head = ordered.find((f) => f.verdict === verdict && f.verdict !== 'pass');
  const sentences = ordered.map((f) => f.sentence).filter(Boolean);
  const summary = (verdict === 'pass' ? [okSentence, ...sentences] : sentences).join(' ').trim();
  const actionable = ordered.filter((f) => f.verdict === 'warn' || f.verdict === 'fail');
  let remedies: Remedy[] | undefined;
  if (actionable.length > 1) {
    const seen = new Set<string>();
    remedies = [];
    for (const f of actionable) {
      for (const r of remediesFor(checkId, f.code)) {
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        remedies.push(r);
      }
    }
    if (!remedies.length) remedies = undefined;
  }
  return { verdict, ...(head ? { code: head.code } : {}), summary, ...(remedies ? { remedies } : {}) };
}

// ---------------------------------------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------------------------------------

/** Finding codes of the `browser` check. */
export const BROWSER_CODES = {
  'insecure-context':
    'The page is not a secure context (not HTTPS/localhost), so the browser withholds the microphone (getUserMedia) (fail)',
  'webrtc-missing': 'RTCPeerConnection, getUserMedia or getStats is missing: the softphone cannot make a WebRTC call (fail)',
  'api-missing-optional': 'RTCDataChannel or AudioContext is missing: the softphone may work but this tool cannot test calls or levels (warn)',
  'unsupported-browser':
    'Not Chrome, Firefox or a Chromium-based browser (e.g. Safari, any browser on iOS, legacy Edge): not supported by Amazon Connect (fail)',
  'chromium-based': 'A Chromium-based browser other than Chrome (Edge, Opera, Brave, plain Chromium...): works, but not on Amazon\'s list (warn)',
  outdated: 'Chrome or Firefox older than the latest three versions, within a small tolerance of the estimate (warn)',
  'too-old': 'Chrome, Firefox or a Chromium engine clearly older than the latest three versions (fail)',
  'version-unknown': 'The browser version could not be read from the user agent (warn)',
  'esr-outdated': 'Firefox ESR (Extended Support Release), still getting updates, but older than the latest three Firefox versions Amazon names (warn)',
  'firefox-split-model': 'Firefox with a CCP without media (the split model for virtual desktops): the local CCP carrying the media must not be Firefox (warn)',
} as const satisfies Record<string, string>;

export type BrowserCode = keyof typeof BROWSER_CODES;

/** Which web APIs exist, by name. */
export type WebApis = Record<string, boolean>;

/** APIs without which the softphone cannot make a call. */
export const REQUIRED_APIS = ['RTCPeerConnection', 'getUserMedia', 'getStats'] as const;
/** APIs this tool's own tests need (call test, level meter). */
export const TOOL_APIS = ['RTCDataChannel', 'AudioContext'] as const;
/** Reported only. */
export const INFO_APIS = ['CompressionStream', 'enumerateDevices', 'permissions'] as const;

/** Detects the web APIs on a global object (the page's `globalThis` by default). */
export function detectWebApis(g: object = globalThis): WebApis {
  const w = g as Record<string, unknown> & { navigator?: { mediaDevices?: Record<string, unknown>; permissions?: unknown } };
  const fn = (v: unknown) => typeof v === 'function';
  const pc = w['RTCPeerConnection'] as { prototype?: Record<string, unknown> } | undefined;
  return {
    RTCPeerConnection: fn(pc),
    getUserMedia: fn(w.navigator?.mediaDevices?.['getUserMedia']),
    getStats: fn(pc?.prototype?.['getStats']),
    RTCDataChannel: fn(w['RTCDataChannel']) || fn(pc?.prototype?.['createDataChannel']),
    AudioContext: fn(w['AudioContext']) || fn(w['webkitAudioContext']),
    CompressionStream: fn(w['CompressionStream']),
    enumerateDevices: fn(w.navigator?.mediaDevices?.['enumerateDevices']),
    permissions: !!w.navigator?.permissions,
  };
}

const emptyBrowserData = (): BrowserData => ({
  family: 'other',
  major: null,
  userAgent: '',
  secureContext: false,
  apis: {},
  minSupportedMajor: null,
  latestMajor: null,
});

const FAMILY_NAME: Record<VersionedFamily, string> = { chrome: 'Chrome', firefox: 'Firefox' };
const UPDATE_HOW: Record<VersionedFamily, string> = {
  chrome: 'Update it (menu ⋮ > Help > About Google Chrome) and restart the browser',
  firefox: 'Update it (menu ☰ > Help > About Firefox) and restart the browser',
};

export interface BrowserCheckOptions {
  /** Web API detection (tests inject a fixed answer; default: the page's globals). */
  detectApis?: () => WebApis;
  /** Loads webrtc-adapter and returns its browserDetails (tests inject one; default: internal/adapter.ts). */
  loadAdapter?: () => Promise<AdapterDetails | null>;
}

/** The adapter's details, or null when it did not load within ADAPTER_LOAD_WAIT_MS (never fails the check). */
function adapterWithin(load: () => Promise<AdapterDetails | null>): Promise<AdapterDetails | null> {
  return new Promise((resolve) => {
    const h = setTimeout(() => resolve(null), ADAPTER_LOAD_WAIT_MS);
    const done = (d: AdapterDetails | null) => {
      clearTimeout(h);
      resolve(d);
    };
    load().then(done, () => done(null));
  });
}

/**
 * webrtc-adapter reads the browser its own way (from the engine's APIs and version tokens); where the user
 * agent says nothing usable (a stripped or spoofed string), its family and version stand in.
 */
export function withAdapterDetails(d: BrowserDescription, a: AdapterDetails | null): BrowserDescription {
  if (!a || a.version === null) return d;
  if (d.family === 'other' && d.engine === 'unknown') {
    if (a.browser === 'firefox') return { ...d, family: 'firefox', major: a.version, name: 'Mozilla Firefox', engine: 'gecko' };
    if (a.browser === 'chrome') return { ...d, family: 'chromium', major: a.version, name: 'A Chromium-based browser', engine: 'blink', engineMajor: a.version };
  }
  const same = a.browser === d.family || (a.browser === 'chrome' && d.engine === 'blink');
  return d.major === null && same ? { ...d, major: a.version } : d;
}

/** Builds the `browser` check; `browserCheck` is the default instance. */
export function createBrowserCheck(opts: BrowserCheckOptions = {}): Check<'browser'> {
  const detect = opts.detectApis ?? (() => detectWebApis(globalThis));
  const loadAdapter = opts.loadAdapter ?? loadWebrtcAdapter;
  return {
    id: 'browser',
    title: 'Browser',
    timeoutMs: () => 3000,
    codes: BROWSER_CODES,
    emptyData: emptyBrowserData,
    run: async (ctx, signal): Promise<CheckOutcome<'browser'>> => {
      throwIfAborted(signal);
      const { deps, options } = ctx;
      const ua = deps.navigator.userAgent ?? '';
      const adapter = await adapterWithin(loadAdapter);
      throwIfAborted(signal);
      const parsed = describeBrowser(ua, deps.navigator.userAgentData?.brands);
      const d = withAdapterDetails(parsed, adapter);
      const apis = detect();
      const now = deps.date();
      const supported = options.thresholds.supportedBrowserVersions;
      const findings: Finding[] = [];

      // Secure context first: without it getUserMedia is hidden and the API list below would mislead.
      if (!deps.isSecureContext) {
        findings.push({
          code: 'insecure-context',
          verdict: 'fail',
          sentence:
            'This page was not loaded securely (https://), so the browser will not let it use your microphone. Open the agent desktop through its https:// address.',
        });
      }
      const missing = REQUIRED_APIS.filter((a) => !apis[a] && !(a === 'getUserMedia' && !deps.isSecureContext));
      if (missing.length) {
        findings.push({
          code: 'webrtc-missing',
          verdict: 'fail',
          sentence: `This browser lacks what the softphone needs for calls (${missing.join(', ')}). Use an up-to-date Google Chrome or Mozilla Firefox; if you already do, a browser extension or a company policy may be switching WebRTC off.`,
        });
      }
      const missingTool = TOOL_APIS.filter((a) => !apis[a]);
      if (missingTool.length) {
        findings.push({
          code: 'api-missing-optional',
          verdict: 'warn',
          sentence: `This browser lacks ${missingTool.join(' and ')}, so some of these tests cannot run here.`,
        });
      }

      // Family and version.
      let standing: BrowserData['versionStanding'] = 'not-applicable';
      let judged: VersionVerdict | undefined;
      const label = `${d.name}${d.major !== null ? ` ${d.major}` : ''}`;
      const override = options.browserVersions;
      const range = (v: VersionVerdict, family: VersionedFamily) => `${FAMILY_NAME[family]} ${v.minSupported} to ${v.latest}`;
      const asOf = (v: VersionVerdict) => {
        const day = now.toISOString().slice(0, 10);
        const est = v.estimate.extrapolatedBy ? `estimated for ${day} from ` : '';
        return v.estimate.source === 'override' ? ` (${est}your organisation's version list)` : ` (${est || 'by '}release schedules)`;
      };

      if (d.ios || d.engine === 'webkit' || d.engine === 'edgehtml' || d.engine === 'unknown' || d.family === 'safari' || d.family === 'other') {
        const why = d.ios
          ? `${d.name} runs on Safari's engine (every browser on iPhone and iPad does), which Amazon Connect does not support for the softphone.`
          : d.engine === 'edgehtml'
            ? 'The old Microsoft Edge (before 2020) is not supported by Amazon Connect.'
            : `${label} is not supported by Amazon Connect's softphone.`;
        findings.push({
          code: 'unsupported-browser',
          verdict: 'fail',
          sentence: `${why} Open the agent desktop in Google Chrome or Mozilla Firefox on a computer.`,
        });
      } else if (d.family === 'chrome' || d.family === 'firefox') {
        const v = (judged = judgeVersion(d.family, d.major, now, supported, override));
        standing = v.standing;
        if (v.standing === 'current') {
          // reported in the pass sentence
        } else if (v.standing === 'unknown') {
          findings.push({
            code: 'version-unknown',
            verdict: 'warn',
            sentence: `Could not tell which version of ${d.name} this is; Amazon Connect supports the latest three (${range(v, d.family)}${asOf(v)}).`,
          });
        } else if (d.family === 'firefox' && esrStanding(d.major, now).esr) {
          const esr = esrStanding(d.major, now);
          findings.push(
            esr.supported
              ? {
                  code: 'esr-outdated',
                  verdict: 'warn',
                  sentence: `${label} looks like Firefox ESR (Extended Support Release): a version organisations keep for about a year, with security updates but without the newer versions' changes${esr.endsAround ? `; this one gets updates until about ${esr.endsAround}` : ''}. Amazon Connect supports "the latest three versions" of Firefox, which today are ${range(v, 'firefox')}${asOf(v)}, so ESR is outside that statement even while it is updated: the softphone usually works in it, but Amazon may not help with problems there. Keep ESR updated, or ask IT to move agents to the regular Firefox or to Google Chrome.`,
                }
              : {
                  code: 'too-old',
                  verdict: 'fail',
                  sentence: `${label} looks like Firefox ESR ${d.major}, which stopped getting updates around ${esr.endsAround}${esr.nextMajor ? ` (ESR ${esr.nextMajor} replaced it)` : ''}; Amazon Connect supports the latest three versions of Firefox, ${range(v, 'firefox')}${asOf(v)}. Ask IT to update Firefox.`,
                },
          );
        } else {
          findings.push({
            code: v.standing,
            verdict: v.standing === 'too-old' ? 'fail' : 'warn',
            sentence: `${label} is out of date: Amazon Connect supports the latest three versions, ${range(v, d.family)}${asOf(v)}. ${UPDATE_HOW[d.family]}.`,
          });
        }
      } else {
        // Chromium-based: Edge, Opera, Brave, Vivaldi, plain Chromium...
        const engine = d.engineMajor ?? (d.family === 'edge' ? d.major : null);
        const v = (judged = judgeVersion('chrome', engine, now, supported, override));
        standing = v.standing; // of the Chromium engine
        findings.push({
          code: 'chromium-based',
          verdict: 'warn',
          sentence: `${label} is built on Chromium, like Chrome, but is not on Amazon's list (the latest three Google Chrome or Mozilla Firefox): the softphone usually works in it, but it is unsupported. Use Google Chrome or Mozilla Firefox for calls.`,
        });
        if (v.standing === 'outdated' || v.standing === 'too-old') {
          findings.push({
            code: v.standing,
            verdict: v.standing === 'too-old' ? 'fail' : 'warn',
            sentence: `${label}'s Chromium engine (${engine}) is older than the latest three Chrome versions, ${range(v, 'chrome')}${asOf(v)}: update it.`,
          });
        }
      }

      if (d.family === 'firefox' && options.ccpMode === 'media-less') {
        findings.push({
          code: 'firefox-split-model',
          verdict: 'warn',
          sentence:
            "This page runs the CCP without call audio (the split model for virtual desktops), so calls' audio goes through a second CCP on your own computer. That CCP must not run in Firefox: Firefox lets it use the microphone only while its tab has focus, so callers would stop hearing you whenever you work in another window. Open the CCP on your own computer in Google Chrome.",
        });
      }

      const data: BrowserData = {
        family: d.family,
        major: d.major,
        userAgent: ua,
        secureContext: deps.isSecureContext,
        apis,
        minSupportedMajor: judged?.minSupported ?? null,
        latestMajor: judged?.latest ?? null,
        ...(judged ? { versionTableDate: judged.estimate.source === 'override' ? (override?.date ?? now.toISOString().slice(0, 10)) : SHIPPED_BROWSER_VERSIONS.date } : {}),
        name: d.name,
        engine: d.engine,
        engineMajor: d.engineMajor,
        versionStanding: standing,
        ...(judged ? { versionSource: judged.estimate.source, versionExtrapolatedBy: judged.estimate.extrapolatedBy } : {}),
        findings: findings.map((f) => f.code),
      };
      const ok =
        judged && standing === 'current' && (d.family === 'chrome' || d.family === 'firefox')
          ? `${label} is up to date: Amazon Connect supports ${range(judged, d.family)}${asOf(judged)}. It has everything the softphone needs.`
          : `${label} has everything the softphone needs.`;
      return { ...outcomeFromFindings('browser', findings, ok), data };
    },
  };
}

/** The shipped `browser` check. */
export const browserCheck: Check<'browser'> = createBrowserCheck();
