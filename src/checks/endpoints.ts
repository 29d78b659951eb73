import type { Check } from './types.js';

// PLACEHOLDER: replaced by the real check (owner: see the work split). Reports skip until then.
export const endpointsCheck: Check<'endpoints'> = {
  id: 'endpoints',
  title: 'Endpoints (TCP 443)',
  timeoutMs: () => 5000,
  codes: {},
  emptyData: () => ({ endpoints: [] }),
  run: async () => ({ verdict: 'skip', code: 'not-implemented', summary: 'This check is not implemented yet.', data: ({ endpoints: [] }) }),
};
