// Impairment profiles for bench:peers. The accuracy benchmark's own list (bench/lib/profiles.mjs, owned by
// the network engineer) is used when it exists, so both benchmarks impose the same conditions; this list
// is the fallback, in the same format: per direction of the proxy (browser->coturn and back) delayMs,
// jitterMs (uniform ±), lossPct, burstLen (Gilbert model mean burst, packets).
// The truth a tool should report comes from test/support/udp-proxy.mjs `expectedLoop(profile)`: the
// workstation <-> relay round trip (up + down leg), the RFC 3550 jitter of that loop, and its loss.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './util.mjs';

export const FALLBACK_PROFILES = [
  { id: 'clean', label: 'clean' },
  { id: 'd40', label: '40 ms each way', delayMs: 40 },
  { id: 'd80j15l2', label: '80 ms ± 15 ms each way, 2 % loss', delayMs: 80, jitterMs: 15, lossPct: 2 },
  { id: 'd150l5', label: '150 ms each way, 5 % loss', delayMs: 150, lossPct: 5 },
  { id: 'burst', label: '30 ms each way, 3 % bursty loss (mean burst 4)', delayMs: 30, lossPct: 3, burstLen: 4 },
];

/** The shared profiles when bench/lib exports them, else the fallback list. Each has id and label. */
export async function loadProfiles() {
  for (const rel of ['bench/lib/profiles.mjs', 'bench/lib/index.mjs']) {
    const file = join(ROOT, rel);
    if (!existsSync(file)) continue;
    try {
      const mod = await import(pathToFileURL(file).href);
      const list = mod.PROFILES ?? mod.profiles;
      if (Array.isArray(list) && list.length) {
        return { source: rel, profiles: list.map((p, i) => ({ ...p, id: p.id ?? p.name ?? `p${i}`, label: p.label ?? p.name ?? p.id ?? `profile ${i}` })) };
      }
    } catch { /* fall back */ }
  }
  return { source: 'bench/peers-lib/profiles.mjs', profiles: FALLBACK_PROFILES };
}
