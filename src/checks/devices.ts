import type { Check } from './types.js';

// PLACEHOLDER: replaced by the real check (owner: see the work split). Reports skip until then.
export const devicesCheck: Check<'devices'> = {
  id: 'devices',
  title: 'Microphone and headset',
  timeoutMs: () => 5000,
  codes: {},
  emptyData: () => ({ permission: 'unknown', inputs: [], outputs: 0, captureOk: false }),
  run: async () => ({ verdict: 'skip', code: 'not-implemented', summary: 'This check is not implemented yet.', data: ({ permission: 'unknown', inputs: [], outputs: 0, captureOk: false }) }),
};
