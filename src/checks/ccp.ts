import type { Check } from './types.js';

// PLACEHOLDER: replaced by the real check (owner: see the work split). Reports skip until then.
export const ccpCheck: Check<'ccp'> = {
  id: 'ccp',
  title: 'Contact Control Panel',
  timeoutMs: () => 5000,
  codes: {},
  emptyData: () => ({ mode: 'none', state: 'not-configured', softphoneErrors: [] }),
  run: async () => ({ verdict: 'skip', code: 'not-implemented', summary: 'This check is not implemented yet.', data: ({ mode: 'none', state: 'not-configured', softphoneErrors: [] }) }),
};
