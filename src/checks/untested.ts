/**
 * Honest verdicts: a check that could not test what it exists to test does not pass, and a run that tested only
 * part of what the softphone needs says so. Pure helpers the runner applies to each result and to the run.
 *
 * - The CCP is wrapped (full mode, audio in this browser) but did not hand out its media servers
 *   (createTransport failed or got no answer within TRANSPORT_TIMEOUT_MS, src/ccp/transport.ts) and no other
 *   servers were given: the ICE checks and the test call did not run. They are `warn` with code
 *   `ccp-no-servers`, not "skip: no servers configured". Warn, not fail: nothing was measured, so this run cannot
 *   say the network blocks calls (a fail would send IT after a firewall rule that may be fine), yet it must not
 *   pass either, because the softphone's own path was not tested. The softphone's fitness stays `unknown`.
 * - Checks that describe the machine that ran the checks (the headless CLI's own browser, CPU and fake
 *   microphone) are marked `describesRunner` and set neither the verdict nor the fitness.
 * - `partial`: only some checks were chosen, or the test call did not run: never a plain pass.
 */
import { CHECK_IDS, type CheckId, type CheckResult, type Verdict } from '../report/schema.js';

/** Finding code of an ICE or media check that could not run because the CCP did not hand out its servers. */
export const CCP_NO_SERVERS = 'ccp-no-servers';

/** Checks whose only input is the ICE servers (they skip `no-servers` without them). */
const NEEDS_SERVERS: readonly CheckId[] = ['ice-udp', 'ice-tcp', 'ice-tls', 'media', 'bandwidth'];
const ICE_IDS: readonly CheckId[] = ['ice-udp', 'ice-tcp', 'ice-tls'];

/** Skip code of the test call and the throughput test when no TURN server gave a relay on any transport. */
export const NO_RELAY = 'no-relay-anywhere';

/** Checks the headless CLI runs on its own machine (its Chromium, its CPU, its fake microphone). */
export const RUNNER_MACHINE_CHECKS: readonly CheckId[] = ['browser', 'workstation', 'devices'];

/**
 * Rewrites an ICE/media result that skipped for want of servers when the CCP should have provided them.
 * `ccpFailure` is why the CCP gave none (undefined when it was not asked, or answered). Returns true when changed.
 */
export function markCcpServersMissing(r: CheckResult, ccpFailure: string | undefined): boolean {
  if (ccpFailure === undefined || !NEEDS_SERVERS.includes(r.id) || r.verdict !== 'skip' || r.code !== 'no-servers') return false;
  const what = r.id === 'media' ? 'No test call was made' : r.id === 'bandwidth' ? 'Throughput was not measured' : 'This path was not tested';
  r.verdict = 'warn';
  r.code = CCP_NO_SERVERS;
  // The servers were to come from the CCP: say so ("Relay servers from: your Amazon Connect instance"), not "none configured".
  const data = r.data as { source?: string };
  if (ICE_IDS.includes(r.id) && data.source === 'none') data.source = 'ccp';
  r.summary = `${what}: the Contact Control Panel did not hand out its media servers (${ccpFailure.replace(/\.$/, '')}), so the softphone's path to them was not tested.`;
  return true;
}

/** The run's verdict: the worst verdict of the checks that judge the agent's computer and network. */
export function judgedVerdict(results: readonly CheckResult[], worst: (v: Verdict[]) => Verdict): Verdict {
  return worst(results.filter((r) => !r.describesRunner).map((r) => r.verdict));
}

/** Why the run covers only part of what the softphone needs, or undefined when it covers all of it. */
export function partialReason(chosen: readonly CheckId[], results: readonly CheckResult[]): string | undefined {
  const judged = CHECK_IDS.length - RUNNER_MACHINE_CHECKS.filter((id) => results.some((r) => r.id === id && r.describesRunner)).length;
  const ran = results.filter((r) => !r.describesRunner).length;
  if (chosen.length < CHECK_IDS.length) return `only ${ran} of ${judged} checks were chosen`;
  const media = results.find((r) => r.id === 'media');
  if (!media || media.verdict === 'skip' || media.code === CCP_NO_SERVERS) return 'the test call did not run';
  return undefined;
}

/**
 * Why the test call and the throughput test cannot connect, when every ICE check that ran failed and none of
 * their TURN probes got a relay (both tests relay through the same TURN URLs); undefined otherwise (also when
 * an ICE check only timed out as a whole, so its probes are unknown).
 */
export function noRelayReason(results: ReadonlyMap<CheckId, CheckResult>): string | undefined {
  const ice = ICE_IDS.map((id) => results.get(id)).filter((r): r is CheckResult => !!r && r.verdict !== 'skip');
  if (!ice.length || ice.some((r) => r.verdict !== 'fail')) return undefined;
  const probes = ice.flatMap((r) => (r.data as { servers?: { kind?: string; relay?: boolean }[] }).servers ?? []).filter((p) => p.kind !== 'stun');
  if (!probes.length || probes.some((p) => p.relay)) return undefined;
  return `Not run: no TURN server gave a relay on any transport (${ice.map((r) => r.title).join(', ')} failed), so this relayed test could not connect either; the failed checks above say why.`;
}
