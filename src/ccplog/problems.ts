/** The problems a CCP log shows, worst first, each with what to do (remedies from the catalogue). */
import type { Remedy } from '../report/schema.js';
import { DIRECTION_LABEL } from './calls.js';
import { remediesForQuality, REMEDIES_API, REMEDIES_ICE, REMEDIES_MISSED, REMEDIES_SIGNALING, REMEDIES_WEBSOCKET, REMEDY_CLOCK } from './remedies.js';
import { SKEW_FAIL_MS, SKEW_WARN_MS } from './signals.js';
import type { CcpLog, CcpLogCall, Problem } from './types.js';

const uniq = (rs: readonly Remedy[]): Remedy[] => {
  const seen = new Set<string>();
  return rs.filter((r) => !seen.has(r.id) && !!seen.add(r.id));
};

/** A finding list as a sentence: its first letter upper case (the findings' texts start lower case). */
const sentence = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);

const fmtS = (ms: number): string => (ms >= 120_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`);

function callProblems(c: CcpLogCall): Problem[] {
  const out: Problem[] = [];
  const who = c.contactId ? `Call ${c.contactId}` : 'A call';
  for (const d of [c.agentHears, c.callerHears]) {
    if (!d || (d.verdict !== 'fail' && d.verdict !== 'warn')) continue;
    const bad = d.findings.filter((f) => f.verdict === d.verdict || f.verdict === 'fail');
    const findings = bad.map((f) => ({ metric: f.metric, verdict: f.verdict, code: f.code, value: f.value, limit: f.limit }));
    out.push({
      severity: d.verdict,
      code: 'call-quality',
      title: `${who}: poor audio in ${DIRECTION_LABEL[d.stream]}`,
      detail: sentence(`${bad.map((f) => f.text).join('; ')} (${d.seconds} s measured).`),
      params: { contactId: c.contactId, stream: d.stream, seconds: d.seconds, findings },
      at: c.startedAt,
      contactId: c.contactId,
      remedies: uniq(bad.flatMap((f) => remediesForQuality(f.code))),
    });
  }
  if (c.failures.length) {
    out.push({
      severity: 'fail',
      code: 'call-setup',
      title: `${who}: the softphone could not set up the call audio`,
      detail: `The softphone's end-of-call report says ${c.failures.join('; ')}.`,
      params: { contactId: c.contactId, failures: [...c.failureCodes] },
      at: c.startedAt,
      contactId: c.contactId,
      remedies: uniq([...REMEDIES_ICE, ...REMEDIES_SIGNALING]),
    });
  }
  return out;
}

export function buildProblems(log: CcpLog): Problem[] {
  const out: Problem[] = [];
  for (const c of log.calls) out.push(...callProblems(c));
  // Softphone errors, one problem per type (with the count and the first time).
  const byType = new Map<string, CcpLog['softphoneErrors']>();
  for (const e of log.softphoneErrors) byType.set(e.type, [...(byType.get(e.type) ?? []), e]);
  for (const [type, list] of byType) {
    const first = list[0]!;
    out.push({
      severity: 'fail',
      code: 'softphone-error',
      title: `Softphone error "${type}"${list.length > 1 ? ` (${list.length} times)` : ''}`,
      detail: first.message ? `The softphone said: ${first.message}` : 'The softphone reported this error.',
      params: { type, count: list.length, message: first.message },
      at: first.at,
      contactId: first.contactId,
      remedies: first.remedies,
    });
  }
  const ice = log.mediaFailures.filter((f) => f.kind === 'ice' && !log.softphoneErrors.some((e) => e.at === f.at));
  const sig = log.mediaFailures.filter((f) => f.kind !== 'ice' && !log.softphoneErrors.some((e) => e.at === f.at));
  const first = (f: CcpLog['mediaFailures'][number]) => ({ code: f.code, params: f.params, text: f.text });
  if (ice.length) out.push({ severity: 'fail', code: 'ice-failure', title: `ICE failures (${ice.length})`, detail: ice[0]!.text, params: { count: ice.length, first: first(ice[0]!) }, at: ice[0]!.at, contactId: ice[0]!.contactId, remedies: [...REMEDIES_ICE] });
  if (sig.length) out.push({ severity: 'fail', code: 'signaling-failure', title: `Signaling or call failures (${sig.length})`, detail: sig[0]!.text, params: { count: sig.length, first: first(sig[0]!) }, at: sig[0]!.at, contactId: sig[0]!.contactId, remedies: [...REMEDIES_SIGNALING] });
  if (log.websocket.gaps.length || log.websocket.lost.length) {
    const longest = log.websocket.gaps.reduce((m, g) => Math.max(m, g.gapMs), 0);
    out.push({
      severity: log.websocket.lost.length ? 'fail' : 'warn',
      code: 'websocket',
      title: log.websocket.lost.length ? `The CCP lost its websocket (${log.websocket.lost.length} times)` : `Websocket heartbeats stopped (${log.websocket.gaps.length} gaps)`,
      detail: longest ? `The longest gap without a heartbeat answer was ${fmtS(longest)}; during a gap the CCP gets no agent or contact updates.` : (log.websocket.lost[0]?.text ?? ''),
      params: { lost: log.websocket.lost.length, gaps: log.websocket.gaps.length, longestMs: longest, lostText: log.websocket.lost[0]?.text ?? '' },
      at: log.websocket.gaps[0]?.from ?? log.websocket.lost[0]?.at ?? null,
      contactId: null,
      remedies: [...REMEDIES_WEBSOCKET],
    });
  }
  if (log.api.failures.length) {
    const ops = [...new Set(log.api.failures.map((f) => f.operation))];
    out.push({ severity: 'warn', code: 'api-failure', title: `CCP requests failed (${log.api.failures.length})`, detail: `Failed: ${ops.slice(0, 6).join(', ')}. ${log.api.failures[0]!.error ?? ''}`.trim(), params: { count: log.api.failures.length, operations: ops.slice(0, 6), error: log.api.failures[0]!.error ?? '' }, at: log.api.failures[0]!.at, contactId: null, remedies: [...REMEDIES_API] });
  }
  if (log.api.slow.length) {
    const worst = log.api.slow.reduce((m, x) => ((x.latencyMs ?? 0) > (m.latencyMs ?? 0) ? x : m));
    out.push({ severity: 'warn', code: 'api-slow', title: `Slow CCP requests (${log.api.slow.length})`, detail: `The slowest, ${worst.operation}, took ${fmtS(worst.latencyMs ?? 0)}.`, params: { count: log.api.slow.length, operation: worst.operation, latencyMs: worst.latencyMs ?? 0 }, at: worst.at, contactId: null, remedies: [...REMEDIES_API] });
  }
  if (log.missedCalls) {
    out.push({ severity: 'warn', code: 'missed-call', title: `Missed calls (${log.missedCalls})`, detail: 'The agent did not answer a call in time and was set to Missed; no calls arrive until the status is set back to Available.', params: { count: log.missedCalls }, at: log.states.find((s) => /missed/i.test(s.name))?.at ?? null, contactId: null, remedies: [...REMEDIES_MISSED] });
  }
  if (log.skew.maxAbsMs !== null && log.skew.maxAbsMs > SKEW_WARN_MS) {
    out.push({
      severity: log.skew.maxAbsMs >= SKEW_FAIL_MS ? 'fail' : 'warn',
      code: 'clock-skew',
      title: `The workstation clock is off by ${fmtS(log.skew.maxAbsMs)}`,
      detail: "Amazon Connect's clock and the workstation's differ; timers in the CCP are wrong and, from 5 minutes, signed requests are refused.",
      params: { skewMs: log.skew.maxAbsMs },
      at: null,
      contactId: null,
      remedies: [REMEDY_CLOCK],
    });
  }
  const rank = { fail: 0, warn: 1 } as const;
  return out.sort((a, b) => rank[a.severity] - rank[b.severity]);
}
