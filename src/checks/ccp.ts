/**
 * `ccp` check: is the agent's CCP up, how does the agent take calls, and what has the softphone reported?
 *
 * Reads the wrapped CCP (ctx.ccp, implemented in src/ccp/): `waitReady` resolves with the outcome when the
 * CCP is initialized with agent data, or failed (login needed, auth failure, access denied, iframe retries
 * exhausted), or at the check's deadline (timeout). No CCP configured -> skip with the reason.
 * Nothing from src/ccp is imported here (only the element and the runner know the CCP part): the handle
 * builds the outcome, with these codes.
 */
import type { Check } from './types.js';

/** Finding codes of the `ccp` check, with their meaning. */
export const CCP_CODES = {
  'not-configured': 'No CCP URL was given (ccp-mode none): the CCP checks were skipped.',
  'login-needed': 'The CCP did not acknowledge the page in time: the agent is not logged in (or the CCP page is unreachable).',
  'auth-failed': 'The CCP reported an authentication failure (expired or refused login).',
  'access-denied': 'The CCP reported access denied: the user may not use the CCP here.',
  'iframe-retries-exhausted': 'Streams reloaded the CCP frame 10 times without an answer.',
  timeout: "The CCP gave no sign of life within the check's time.",
  'load-error': 'The Streams library or the CCP frame could not be loaded.',
  'no-agent': 'The CCP answered but sent no agent data in time.',
  'softphone-errors': 'The softphone reported errors.',
  'missed-call': 'The agent is in the Missed Call state and receives no calls until set back to Available.',
  'websocket-lost': "The CCP's WebSocket connection is lost.",
  'transport-failed': "The CCP did not hand out the softphone's TURN servers (createTransport failed).",
} as const;

export type CcpCode = keyof typeof CCP_CODES;

/** Default time for the CCP to answer: Streams' own ccpLoadTimeout is 5 s; a login can take longer. */
export const CCP_CHECK_TIMEOUT_MS = 20_000;
/** Time kept back from the check's timeout so the outcome says what happened instead of a bare timeout. */
const MARGIN_MS = 750;

export const ccpCheck: Check<'ccp'> = {
  id: 'ccp',
  title: 'Contact Control Panel',
  timeoutMs: () => CCP_CHECK_TIMEOUT_MS,
  codes: CCP_CODES,
  emptyData: (o) => ({ mode: o.ccpMode, state: o.ccpMode === 'none' ? 'not-configured' : 'timeout', softphoneErrors: [] }),
  run: async (ctx, signal) => {
    const o = ctx.options;
    if (!ctx.ccp || o.ccpMode === 'none') {
      return {
        verdict: 'skip',
        code: 'not-configured',
        summary: o.ccpMode === 'none' ? 'No CCP in this run (ccp-mode none): CCP checks skipped.' : 'No CCP URL configured (ccp-url): CCP checks skipped.',
        data: { mode: o.ccpMode, state: 'not-configured', softphoneErrors: [], ...(o.ccpUrl ? { ccpUrl: o.ccpUrl.split(/[?#]/)[0] } : {}) },
      };
    }
    const total = o.timeouts.ccp ?? CCP_CHECK_TIMEOUT_MS;
    const wait = Math.max(total > 2 * MARGIN_MS ? total - MARGIN_MS : total * 0.8, 0);
    ctx.progress(0.1, 'Waiting for the CCP…');
    return ctx.ccp.waitReady(signal, wait);
  },
};
