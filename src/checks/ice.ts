import type { Check } from './types.js';
import type { IceData } from '../report/schema.js';

// PLACEHOLDER: replaced by the real checks (owner: network helper). Reports skip until then.
function placeholder<K extends 'ice-udp' | 'ice-tcp' | 'ice-tls'>(id: K, transport: IceData['transport'], title: string): Check<K> {
  const empty = (): IceData => ({ transport, servers: [], source: 'none' });
  return {
    id,
    title,
    timeoutMs: () => 8000,
    codes: {},
    emptyData: empty,
    run: async () => ({ verdict: 'skip', code: 'not-implemented', summary: 'This check is not implemented yet.', data: empty() }),
  } as Check<K>;
}
export const iceUdpCheck = placeholder('ice-udp', 'udp', 'STUN/TURN over UDP 3478');
export const iceTcpCheck = placeholder('ice-tcp', 'tcp', 'TURN over TCP');
export const iceTlsCheck = placeholder('ice-tls', 'tls', 'TURN over TLS');
