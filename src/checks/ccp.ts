/**
 * `ccp` check: is the agent's CCP up, how does the agent take calls, and what has the softphone reported?
 *
 * Reads the wrapped CCP (ctx.ccp, implemented in src/ccp/): `waitReady` resolves with the outcome when the
 * CCP is initialized with agent data, or failed (login needed, auth failure, access denied, iframe retries
 * exhausted), or at the check's deadline (timeout). No CCP configured -> skip with the reason.
 * The heavy Streams bundle is never imported here; this file only imports the pure outcome module.
 */
import type { Check } from './types.js';
import { CCP_CODES } from '../ccp/outcome.js';

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
