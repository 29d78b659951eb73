// Impairment profiles shared by the benchmarks (bench:accuracy, bench:peers). Values are per direction of
// the UDP proxy (browser -> coturn "up" and coturn -> browser "down"): delayMs, jitterMs (uniform ±),
// lossPct, burstLen (Gilbert model mean burst length in packets; 1 = independent loss), rateKbps/queueMs (a
// bottleneck), seed. A test call's loop
// (browser A -> relay -> browser B) crosses the proxy twice, once up and once down, so its expected figures
// come from test/support/udp-proxy.mjs `expectedLoop(profile)`.
/**
 * @typedef {{ id: string, label: string, delayMs?: number, jitterMs?: number, lossPct?: number, burstLen?: number,
 *   rateKbps?: number, queueMs?: number, seed?: number, fifo?: boolean, up?: object, down?: object }} Profile
 */
/** @type {Profile[]} */
export const PROFILES = [
  { id: 'clean', label: 'clean' },
  { id: 'd40', label: '40 ms each way', delayMs: 40 },
  { id: 'd80j15l2', label: '80 ± 15 ms each way, 2 % loss', delayMs: 80, jitterMs: 15, lossPct: 2 },
  { id: 'd150l5', label: '150 ms each way, 5 % loss', delayMs: 150, lossPct: 5 },
  { id: 'burst', label: '30 ms each way, 3 % bursty loss (mean burst 4)', delayMs: 30, lossPct: 3, burstLen: 4 },
];

const KEYS = ['delayMs', 'jitterMs', 'lossPct', 'burstLen', 'rateKbps', 'queueMs', 'seed'];

/**
 * Parses a command-line profile: 'delayMs=60,jitterMs=10,lossPct=3' (also up.delayMs=.., down.lossPct=..,
 * fifo=true, label=.., id=..). Throws an Error with a clear message on a bad key or value.
 * @param {string} text @param {number} [index]
 * @returns {Profile}
 */
export function parseProfile(text, index = 0) {
  /** @type {Record<string, any>} */
  const p = { id: `custom${index + 1}` };
  for (const part of String(text).split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([A-Za-z.]+)=(.*)$/.exec(part);
    if (!m) throw new Error(`Bad profile part "${part}": use key=value pairs separated by commas, e.g. delayMs=60,jitterMs=10,lossPct=3.`);
    const [, key, raw] = m;
    if (key === 'id' || key === 'label') { p[key] = raw; continue; }
    if (key === 'fifo') { p.fifo = raw === 'true' || raw === '1'; continue; }
    const [dir, k] = key.includes('.') ? key.split('.') : [null, key];
    if (!KEYS.includes(k) || (dir !== null && dir !== 'up' && dir !== 'down')) {
      throw new Error(`Unknown profile key "${key}". Known: ${KEYS.join(', ')}, fifo, label, id (optionally prefixed up. or down.).`);
    }
    const v = Number(raw);
    if (!Number.isFinite(v) || v < 0) throw new Error(`Profile value for ${key} must be a number >= 0 (got "${raw}").`);
    if (k === 'lossPct' && v > 100) throw new Error(`lossPct must be at most 100 (got ${v}).`);
    if (dir) (p[dir] ??= {})[k] = v;
    else p[k] = v;
  }
  p.label ??= String(text);
  return /** @type {Profile} */ (p);
}
