import type { Check } from './types.js';

// PLACEHOLDER: replaced by the real check (owner: see the work split). Reports skip until then.
export const browserCheck: Check<'browser'> = {
  id: 'browser',
  title: 'Browser',
  timeoutMs: () => 5000,
  codes: {},
  emptyData: () => ({ family: 'other', major: null, userAgent: '', secureContext: false, apis: {}, minSupportedMajor: null, latestMajor: null }),
  run: async () => ({ verdict: 'skip', code: 'not-implemented', summary: 'This check is not implemented yet.', data: ({ family: 'other', major: null, userAgent: '', secureContext: false, apis: {}, minSupportedMajor: null, latestMajor: null }) }),
};
