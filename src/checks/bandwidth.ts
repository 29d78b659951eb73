import type { Check } from './types.js';

// PLACEHOLDER: replaced by the real check (owner: see the work split). Reports skip until then.
export const bandwidthCheck: Check<'bandwidth'> = {
  id: 'bandwidth',
  title: 'Bandwidth',
  timeoutMs: () => 5000,
  codes: {},
  emptyData: () => ({ upKbps: null, downKbps: null, requiredKbps: 100, bytes: 0, durationMs: 0, method: 'none' }),
  run: async () => ({ verdict: 'skip', code: 'not-implemented', summary: 'This check is not implemented yet.', data: ({ upKbps: null, downKbps: null, requiredKbps: 100, bytes: 0, durationMs: 0, method: 'none' }) }),
};
