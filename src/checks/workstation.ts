import type { Check } from './types.js';

// PLACEHOLDER: replaced by the real check (owner: see the work split). Reports skip until then.
export const workstationCheck: Check<'workstation'> = {
  id: 'workstation',
  title: 'Workstation',
  timeoutMs: () => 5000,
  codes: {},
  emptyData: () => ({ logicalCores: null, deviceMemoryGb: null, cpuGhzEstimate: null }),
  run: async () => ({ verdict: 'skip', code: 'not-implemented', summary: 'This check is not implemented yet.', data: ({ logicalCores: null, deviceMemoryGb: null, cpuGhzEstimate: null }) }),
};
