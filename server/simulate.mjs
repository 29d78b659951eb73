// Simulated agents' reports for the demo, the benchmark and the tests: varied, realistic, clearly labelled.
// Built from the two recorded reports in test/unit/fixtures/reports (a passing run and a run with UDP blocked).
// Every simulated report says so: label "SIMULATED ...", username "sim-...", summary prefixed "[Simulated]".
import { readFileSync } from 'node:fs';

const FIXTURES = new URL('../test/unit/fixtures/reports/', import.meta.url);
const load = (name) => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
const PASS = load('full-pass.json');
const UDP_BLOCKED = load('degraded-udp-blocked.json');

export const SIM_SITES = ['Leeds', 'London', 'Manchester', 'Cardiff', 'Glasgow', 'Belfast'];
export const SIM_REGIONS = ['eu-west-2', 'eu-west-2', 'eu-west-2', 'us-east-1'];

/** A small deterministic PRNG (mulberry32), so a seed gives the same fleet every time. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const uuid = (r) => 'sim-' + Array.from({ length: 4 }, () => Math.floor(r() * 0xffffffff).toString(16).padStart(8, '0')).join('-');

/**
 * One simulated report.
 * @param {{ agent: number, seed?: number, site?: string, createdAt?: Date, udpBlocked?: boolean }} o
 */
export function simulatedReport(o) {
  const r = rng((o.seed ?? 1) * 100_003 + o.agent);
  const site = o.site ?? SIM_SITES[o.agent % SIM_SITES.length];
  // Leeds has UDP 3478 blocked at its firewall; elsewhere about one agent in twelve has trouble.
  const blocked = o.udpBlocked ?? (site === 'Leeds' ? r() < 0.8 : r() < 0.08);
  const report = structuredClone(blocked ? UDP_BLOCKED : PASS);
  report.id = uuid(r);
  report.createdAt = (o.createdAt ?? new Date()).toISOString();
  const user = `sim-agent-${String(o.agent).padStart(5, '0')}`;
  report.subject = {
    ...report.subject,
    region: SIM_REGIONS[o.agent % SIM_REGIONS.length],
    label: `SIMULATED ${site}`,
    agent: { ...(report.subject.agent ?? {}), name: `Simulated agent ${o.agent}`, username: user },
  };
  report.summary = `[Simulated] ${report.summary}`;
  const media = report.checks.find((c) => c.id === 'media');
  if (media?.data) {
    const rtt = Math.round((blocked ? 150 : 40) + r() * (blocked ? 120 : 80));
    const jitter = Math.round((blocked ? 20 : 3) + r() * 15);
    const loss = Math.round((blocked ? 1.5 + r() * 3 : r() * 0.8) * 10) / 10;
    media.data.rttMs = rtt;
    media.data.jitterMs = jitter;
    media.data.lossPct = loss;
    media.data.mos = Math.round((blocked ? 3.3 + r() * 0.5 : 4.1 + r() * 0.3) * 100) / 100;
  }
  return report;
}
