/**
 * Turns a snapshot of the wrapped CCP into the `ccp` check's outcome: verdict, finding code, message and
 * remedies (from the one catalogue, src/report/remedies.ts). Pure (no Streams), used by the controller's
 * `waitReady`, tested in Node. The finding codes live with the check (src/checks/ccp.ts).
 */
import type { CheckOutcome } from '../checks/types.js';
import type { AgentSubject, CcpData, CcpMode, Remedy, Verdict } from '../report/schema.js';
import type { CcpCode } from '../checks/ccp.js';
import { REMEDIES, remediesFor, remediesForSoftphoneErrors, softphoneErrorAdvice } from '../report/remedies.js';
import { maskNumber } from './failover.js';


/** Softphone errors younger than this make the check warn (60 min). */
export const RECENT_ERRORS_MS = 60 * 60 * 1000;

export type CcpState = CcpData['state'] | 'loading';

/** What the controller knows at one instant (no credentials in here). */
export interface CcpSnapshot {
  mode: CcpMode;
  state: CcpState;
  ccpUrl?: string;
  streamsVersion?: string;
  agent?: AgentSubject;
  agentState?: { name: string; type: string };
  softphoneErrors: CcpData['softphoneErrors'];
  websocket: 'connected' | 'lost' | 'unknown';
  iceServersFromCcp?: number;
  transportError?: string;
  /** Whether the host page runs the softphone itself (initSoftphoneManager). */
  pageSoftphone?: boolean;
  /** Time waited, for the messages. */
  waitedMs?: number;
  loadError?: string;
}

export function isMissedCall(state: { name: string; type: string } | undefined): boolean {
  return !!state && (state.name === 'MissedCallAgent' || /missed/i.test(state.name)) && state.type === 'error';
}

export function mediaLocationOf(s: Pick<CcpSnapshot, 'mode' | 'agent'>): NonNullable<CcpData['mediaLocation']> {
  if (s.agent && s.agent.softphoneEnabled === false) return 'external-phone';
  if (s.mode === 'media-less') return 'local-desktop';
  if (s.mode === 'full') return 'this-browser';
  return 'unknown';
}

export function ccpDataOf(s: CcpSnapshot): CcpData {
  const data: CcpData = {
    mode: s.mode,
    state: s.state === 'loading' ? 'timeout' : s.state,
    softphoneErrors: s.softphoneErrors.map((e) => ({ ...e })),
    websocket: s.websocket,
    mediaLocation: mediaLocationOf(s),
  };
  if (s.ccpUrl) data.ccpUrl = safeCcpUrl(s.ccpUrl);
  if (s.streamsVersion) data.streamsVersion = s.streamsVersion;
  if (s.agent) data.agent = { ...s.agent };
  if (s.agentState) data.agentState = { ...s.agentState };
  if (s.agentState) data.missedCall = isMissedCall(s.agentState);
  if (s.iceServersFromCcp !== undefined) data.iceServersFromCcp = s.iceServersFromCcp;
  return data;
}

/** The CCP URL without query or fragment (a query could carry tokens). */
export function safeCcpUrl(url: string): string {
  try {
    const u = new URL(url);
    return u.origin + u.pathname;
  } catch {
    return '(invalid URL)';
  }
}

// Under a second means the CCP had already told its state before the run asked: no "within 0.0 s".
const secs = (ms: number | undefined) => (ms === undefined || ms < 1000 ? '' : ` within ${(ms / 1000).toFixed(1)} s`);

const MODE_NOTE: Record<CcpMode, string> = {
  full: 'Media runs in this browser (framed CCP softphone), so the network and media checks here test the real call path.',
  'media-less':
    'Media-less CCP: this page only signals; call audio runs on the local desktop\'s CCP (the VDI pattern of the Amazon Connect guide "Use Amazon Connect in a VDI environment"). The network and media checks here test this machine, not the machine that carries the audio; run them on the local desktop too.',
  none: '',
};

/** Builds the check outcome from a snapshot. */
export function ccpOutcome(s: CcpSnapshot, nowMs: number = Date.now()): CheckOutcome<'ccp'> {
  const data = ccpDataOf(s);
  const fail = (code: CcpCode, summary: string): CheckOutcome<'ccp'> => ({
    verdict: 'fail',
    code,
    summary,
    remedies: remediesFor('ccp', code),
    data,
    error: { name: code, message: summary },
  });
  switch (s.state) {
    case 'not-configured':
      return { verdict: 'skip', code: 'not-configured', summary: 'No CCP configured (ccp-url / ccp-mode none): CCP checks skipped.', data };
    case 'login-needed':
      return fail(
        'login-needed',
        `The CCP did not answer this page${secs(s.waitedMs)}: the agent is not logged in to the CCP, or the CCP URL is unreachable or not approved for this origin.`,
      );
    case 'auth-failed':
      return fail('auth-failed', 'The CCP reported an authentication failure: the login expired or was refused.');
    case 'access-denied':
      return fail('access-denied', 'The CCP denied access to this user.');
    case 'iframe-retries-exhausted':
      return fail('iframe-retries-exhausted', 'Streams reloaded the CCP frame 10 times and never got an answer.');
    case 'error':
      return fail('load-error', `The CCP could not be started: ${s.loadError ?? 'unknown error'}.`);
    case 'loading':
    case 'timeout':
      return fail('timeout', `The CCP gave no answer${secs(s.waitedMs)}: no acknowledgement, no login prompt, no error.`);
    case 'initialized':
      break;
  }
  if (!s.agent) {
    return {
      verdict: 'warn',
      code: 'no-agent',
      summary: `The CCP is connected but sent no agent data${secs(s.waitedMs)}; the agent's phone setting is unknown.`,
      remedies: remediesFor('ccp', 'no-agent'),
      data,
    };
  }
  const parts: string[] = [];
  const remedies: Remedy[] = [];
  let verdict: Verdict = 'pass';
  let code: CcpCode | undefined;
  const flag = (v: Verdict, c: CcpCode) => {
    if (verdict === 'pass' || (verdict === 'warn' && v === 'fail')) {
      verdict = v;
      code = c;
    }
  };
  // No identity or full number in the summary (free text escapes key-based redaction): data.agent has them.
  const who = 'The agent';
  if (s.agent.softphoneEnabled === false) {
    parts.push(
      `CCP connected. ${who} takes calls on an external phone (deskphone ${maskNumber(s.agent.extension) ?? 'number not set'}), not the softphone: the softphone media checks are not needed for calls.`,
    );
    remedies.push(REMEDIES.deskphone);
  } else {
    parts.push(`CCP connected. ${who} uses the softphone. ${MODE_NOTE[s.mode]}`.trim());
  }
  // Errors of the last hour set the verdict; older ones (an 8-hour shift) stay listed in the data only.
  const recent = s.softphoneErrors.filter((e) => !(nowMs - Date.parse(e.at) > RECENT_ERRORS_MS));
  if (recent.length) {
    const types = [...new Set(recent.map((e) => e.errorType))];
    parts.push(`The softphone reported ${recent.length} error(s) in the last hour: ${types.join(', ')}.`);
    remedies.push(...remediesForSoftphoneErrors(types));
    flag('warn', 'softphone-errors');
  } else if (s.softphoneErrors.length) {
    parts.push(`${s.softphoneErrors.length} older softphone error(s) (more than an hour ago) are listed in the details.`);
  }
  if (isMissedCall(s.agentState)) {
    parts.push('The agent missed a call and is in the Missed Call state: no calls are routed until the status is set back to Available.');
    remedies.push(REMEDIES.missedCall);
    flag('warn', 'missed-call');
  }
  if (s.websocket === 'lost') {
    parts.push('The CCP\'s WebSocket connection is lost: the CCP gets no live updates.');
    remedies.push(REMEDIES.proxyWebSocket);
    flag('warn', 'websocket-lost');
  }
  if (s.transportError && s.agent.softphoneEnabled !== false && s.mode !== 'media-less') {
    parts.push(`The CCP did not hand out its TURN servers (${s.transportError}); the network checks use the configured servers instead.`);
    flag('warn', 'transport-failed');
  } else if (s.iceServersFromCcp) {
    parts.push(`The network checks use the agent's own ${s.iceServersFromCcp} TURN server entr${s.iceServersFromCcp === 1 ? 'y' : 'ies'} from the CCP.`);
  }
  const dedup = [...new Map(remedies.map((r) => [r.id, r])).values()];
  return {
    verdict,
    ...(code ? { code } : {}),
    summary: parts.join(' '),
    ...(dedup.length && verdict !== 'pass' ? { remedies: dedup } : dedup.length ? { remedies: dedup } : {}),
    data,
  };
}

/** The SoftphoneErrorSeen entry for an error (message kept short; never an URL with a query). */
export function softphoneErrorSeen(errorType: string, errorMessage: string | undefined, at: Date): CcpData['softphoneErrors'][number] {
  const msg = errorMessage ? String(errorMessage).slice(0, 300) : undefined;
  return { errorType, ...(msg ? { errorMessage: msg } : {}), at: at.toISOString(), remedyId: softphoneErrorAdvice(errorType).remedies[0]!.id };
}

/**
 * For the ice-* / media / bandwidth checks: what the `ccp` result means for them, or undefined when nothing
 * changes. An agent on an external phone does not need softphone media; a media-less CCP means the audio runs
 * on another machine. Usage in a check: `const note = mediaCheckNote(ctx.results); if (note) summary += ' ' + note.text;`
 */
export function mediaCheckNote(
  results: ReadonlyMap<string, { id: string; data: unknown }>,
): { reason: 'external-phone' | 'media-elsewhere'; text: string } | undefined {
  const r = results.get('ccp');
  const d = r?.data as Partial<CcpData> | undefined;
  if (!d || d.state !== 'initialized') return undefined;
  if (d.mediaLocation === 'external-phone') {
    return {
      reason: 'external-phone',
      text: `The agent takes calls on an external phone${d.agent?.extension ? ` (${maskNumber(d.agent.extension)})` : ''}: this softphone test is not needed for calls and only shows whether a switch back to the softphone would work.`,
    };
  }
  if (d.mediaLocation === 'local-desktop') {
    return {
      reason: 'media-elsewhere',
      text: 'Media-less CCP: call audio runs on the local desktop, not on this machine; this result describes this machine only.',
    };
  }
  return undefined;
}
