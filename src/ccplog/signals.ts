/**
 * Everything but call figures, read entry by entry: softphone errors, ICE and signaling failures, API calls
 * (amazon-connect-streams src/client.js logs "AWSClient: --> Calling operation 'x'" and "<-- Operation 'x'
 * succeeded|failed"), websocket heartbeats and losses, agent state from snapshots, clock skew, versions.
 * The heartbeat lines ("Sending heartbeat", "Heartbeat response received") come from the CCP's own websocket
 * manager, not the Streams bundle; the patterns are those of the amazon-connect-snippets CCP Log Parser
 * (tools/CCPLogParser/src/utils/findExtras.js). Agent states come from the getAgentSnapshot answers that
 * the client logs with their data (`snapshot.state` is kept by the logger's redaction).
 */
import type { Entry } from './entries.js';
import type { ApiCall, HeartbeatGap, MediaFailure, SoftphoneErrorEntry, StateChange } from './types.js';
import { remediesForError } from './remedies.js';
import { cleanVersion } from './versions.js';

/** A CCP request answered after more than 3 s is one an agent notices (a button that hangs). */
export const API_SLOW_MS = 3000;
/** Long-polling operations wait for news on purpose: never "slow". */
export const LONG_POLL_OPERATIONS: ReadonlySet<string> = new Set(['getAgentSnapshot']);
/** No heartbeat answer for 30 s: the websocket that carries agent and contact events was not working. */
export const HEARTBEAT_GAP_MS = 30_000;
/** Skew above 10 s makes the CCP's timers visibly wrong. */
export const SKEW_WARN_MS = 10_000;
/** Skew of 5 minutes or more: AWS rejects signed requests (AWS SDK for JavaScript `isClockSkewed`). */
export const SKEW_FAIL_MS = 300_000;

const iso = (t: number): string | null => (Number.isFinite(t) ? new Date(t).toISOString() : null);

const RE_ERROR = /Softphone error occurred\s*:?\s+([a-z_]+)\s*(.*)$/s;
const RE_CALL_NOT_FOUND = /Softphone call failed due to (\w+)/;
const RE_API_CALL = /AWSClient: --> Calling operation '?(\w+)'?/;
const RE_API_REPLY = /AWSClient: <-- Operation '?(\w+)'? (succeeded|failed|exhausted)(.*)$/s;
const RE_HB_ANSWER = /heartbeat (response|ack)|heartbeat_ack|received heartbeat|heartbeat received/i;
const RE_HB = /heartbeat/i;
const RE_WS_LOST = /websocket[_ ]connection[_ ]lost|web-?socket.*\b(lost|failed|error)|connectionLost/i;
const RE_ICE = /\bice\b.*\b(fail|failed|failure|timeout|timed out|disconnected)\b/i;
const RE_SIGNALING = /signall?ing.*\b(fail|failed|failure|timeout|timed out|error)\b/i;
const RE_STREAMS = /StreamsJS Version:\s*v?(\d+\.\d+(?:\.\d+)?)/;
const RE_USER_AGENT = /^User Agent:\s*(.+)$/;

export interface Signals {
  errors: SoftphoneErrorEntry[];
  mediaFailures: MediaFailure[];
  apiCalls: number;
  apiFailures: ApiCall[];
  apiSlow: ApiCall[];
  heartbeats: number;
  gaps: HeartbeatGap[];
  wsLost: { at: string | null; text: string }[];
  states: StateChange[];
  skews: number[];
  streams: string | null;
  rtcJs: string | null;
  userAgent: string | null;
}

export function newSignals(): Signals {
  return { errors: [], mediaFailures: [], apiCalls: 0, apiFailures: [], apiSlow: [], heartbeats: 0, gaps: [], wsLost: [], states: [], skews: [], streams: null, rtcJs: null, userAgent: null };
}

/** Per-operation queues of call times waiting for an answer. */
type Pending = Map<string, number[]>;

const MAX_KEPT = 500;
const push = <T>(xs: T[], x: T): void => {
  if (xs.length < MAX_KEPT) xs.push(x);
};

function snapshotOf(objects: unknown[]): { state?: { name?: unknown; type?: unknown; startTimestamp?: unknown }; snapshotTimestamp?: unknown } | null {
  for (const o of objects) {
    if (!o || typeof o !== 'object') continue;
    const snap = (o as { snapshot?: unknown }).snapshot;
    if (snap && typeof snap === 'object') return snap as ReturnType<typeof snapshotOf>;
  }
  return null;
}

export class SignalReader {
  readonly s = newSignals();
  private pending: Pending = new Map();
  private lastAnswer = NaN;
  private lastState = '';
  private currentContact: string | null = null;

  setContact(contactId: string | null): void {
    this.currentContact = contactId;
  }

  read(e: Entry): void {
    const text = e.text;
    const s = this.s;
    const at = iso(e.t);
    if (text.includes('Softphone error occurred')) {
      const m = RE_ERROR.exec(text);
      const type = m?.[1] ?? 'other';
      push(s.errors, { type, message: (m?.[2] ?? '').trim().slice(0, 300), at, contactId: this.currentContact, remedies: remediesForError(type) });
      if (type === 'ice_collection_timeout') push(s.mediaFailures, { kind: 'ice', code: 'ice-timeout', params: {}, text: 'ICE candidates were not gathered in time', at, contactId: this.currentContact });
      else if (type.startsWith('signalling_')) push(s.mediaFailures, { kind: 'signaling', code: 'signaling', params: { type }, text: `signaling failed (${type})`, at, contactId: this.currentContact });
      return;
    }
    if (text.includes('Softphone call failed')) {
      const m = RE_CALL_NOT_FOUND.exec(text);
      push(s.mediaFailures, { kind: 'media', code: 'call-failed', params: { reason: m?.[1] ?? null }, text: `the softphone call failed (${m?.[1] ?? 'unknown reason'})`, at, contactId: this.currentContact });
      return;
    }
    if (text.includes('AWSClient:')) {
      this.api(e, at);
      return;
    }
    if (RE_HB.test(text)) {
      if (RE_HB_ANSWER.test(text)) {
        s.heartbeats++;
        if (Number.isFinite(this.lastAnswer) && Number.isFinite(e.t) && e.t - this.lastAnswer > HEARTBEAT_GAP_MS) {
          push(s.gaps, { from: iso(this.lastAnswer)!, to: at!, gapMs: e.t - this.lastAnswer });
        }
        if (Number.isFinite(e.t)) this.lastAnswer = e.t;
      }
      return;
    }
    if ((e.level === 'ERROR' || e.level === 'WARN') && RE_WS_LOST.test(text)) {
      push(s.wsLost, { at, text: text.trim().slice(0, 200) });
      return;
    }
    if (e.level === 'ERROR' || e.level === 'WARN' || e.component === 'softphone') {
      if (RE_ICE.test(text)) push(s.mediaFailures, { kind: 'ice', code: 'log-line', params: {}, text: text.trim().slice(0, 200), at, contactId: this.currentContact });
      else if (RE_SIGNALING.test(text)) push(s.mediaFailures, { kind: 'signaling', code: 'log-line', params: {}, text: text.trim().slice(0, 200), at, contactId: this.currentContact });
    }
    if (!s.streams && text.includes('StreamsJS Version')) s.streams = cleanVersion(RE_STREAMS.exec(text)?.[1]);
    if (!s.userAgent && text.startsWith('User Agent:')) s.userAgent = RE_USER_AGENT.exec(text)?.[1]?.slice(0, 300) ?? null;
  }

  private api(e: Entry, at: string | null): void {
    const s = this.s;
    const call = RE_API_CALL.exec(e.text);
    if (call) {
      s.apiCalls++;
      const op = call[1]!;
      const q = this.pending.get(op) ?? [];
      if (q.length < 100) q.push(e.t);
      this.pending.set(op, q);
      return;
    }
    const reply = RE_API_REPLY.exec(e.text);
    if (!reply) return;
    const op = reply[1]!;
    const started = this.pending.get(op)?.shift();
    const latencyMs = started !== undefined && Number.isFinite(started) && Number.isFinite(e.t) ? e.t - started : null;
    if (reply[2] !== 'succeeded') {
      const detail = (reply[3] ?? '').replace(/^[\s:.]+/, '').slice(0, 300);
      push(s.apiFailures, { operation: op, at, latencyMs, error: detail || reply[2] });
    } else {
      if (latencyMs !== null && latencyMs > API_SLOW_MS && !LONG_POLL_OPERATIONS.has(op)) push(s.apiSlow, { operation: op, at, latencyMs });
      const snap = snapshotOf(e.objects);
      if (snap) this.snapshot(snap, e.t);
    }
  }

  private snapshot(snap: NonNullable<ReturnType<typeof snapshotOf>>, t: number): void {
    const st = snap.state;
    if (st && typeof st.name === 'string') {
      const key = `${st.name}|${String(st.type)}`;
      if (key !== this.lastState) {
        this.lastState = key;
        const since = typeof st.startTimestamp === 'string' || typeof st.startTimestamp === 'number' ? new Date(st.startTimestamp).getTime() : t;
        const at = iso(Number.isFinite(since) ? since : t);
        if (at) push(this.s.states, { at, name: st.name.slice(0, 80), type: typeof st.type === 'string' ? st.type : '' });
      }
    }
    const ts = typeof snap.snapshotTimestamp === 'string' || typeof snap.snapshotTimestamp === 'number' ? new Date(snap.snapshotTimestamp).getTime() : NaN;
    if (Number.isFinite(ts) && Number.isFinite(t) && this.s.skews.length < 10_000) this.s.skews.push(ts - t);
  }

  /** Facts from an end-of-call report: versions and the softphone's own skew figure. */
  report(o: Record<string, unknown>): void {
    const sv = cleanVersion(o.streamJsVersion);
    if (sv) this.s.streams = sv;
    const rv = cleanVersion(o.rtcJsVersion);
    if (rv) this.s.rtcJs = rv;
    if (typeof o.skewTimeMillis === 'number' && Number.isFinite(o.skewTimeMillis) && this.s.skews.length < 10_000) this.s.skews.push(o.skewTimeMillis);
  }
}
