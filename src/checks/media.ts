import type { Check } from './types.js';

// PLACEHOLDER: replaced by the real check (owner: network helper). Reports skip until then.
export const mediaCheck: Check<'media'> = {
  id: 'media',
  title: 'Test call',
  timeoutMs: (o) => o.durationS * 1000 + 15000,
  codes: {},
  emptyData: () => ({ transport: 'udp', serverUrl: '', durationMs: 0, rttMs: null, jitterMs: null, lossPct: null, packetsSent: 0, packetsReceived: 0, packetsLost: 0, mos: null, mosBand: null, sendKbps: null, recvKbps: null, samples: [], source: 'none' }),
  run: async (_ctx, _s) => ({ verdict: 'skip', code: 'not-implemented', summary: 'This check is not implemented yet.', data: mediaCheck.emptyData(_ctx.options) }),
};
