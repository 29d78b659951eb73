/**
 * The widget's side of the fleet (loaded lazily, only when `collector-url` is set): posts each run's report
 * and each ended call's summary through a per-collector FleetSender, following the widget's `redact` policy,
 * and tells the host with `ccp-preflight-sent` / `ccp-preflight-error` events.
 */
import { FleetSender, type SendResult } from './sender.js';
import type { CallSummary, Report } from '../report/schema.js';
import { emit } from '../internal/emit.js';

export interface CollectorConfig {
  url: string;
  token?: string | undefined;
  /** The host's redaction policy (the widget's `redact`): identity, public IPs and numbers removed before sending. */
  redact: boolean;
}

const senders = new Map<string, { sender: FleetSender; target: WeakRef<EventTarget> }>();

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // blocked (sandboxed frame, privacy settings)
  }
}

/** The sender for this collector URL (one per page), re-targeting its events at `el`. */
export function senderFor(el: EventTarget, cfg: CollectorConfig): FleetSender {
  let s = senders.get(cfg.url);
  if (!s) {
    const entry: { sender: FleetSender; target: WeakRef<EventTarget> } = {
      target: new WeakRef(el),
      sender: new FleetSender({ url: cfg.url, token: cfg.token, storage: storage(), onResult: (r) => report(entry.target.deref(), r) }),
    };
    s = entry;
    senders.set(cfg.url, s);
    globalThis.addEventListener?.('online', () => void entry.sender.flush());
  }
  s.target = new WeakRef(el);
  s.sender.token = cfg.token;
  return s.sender;
}

function report(el: EventTarget | undefined, r: SendResult): void {
  if (!el) return;
  if (r.outcome === 'stored' || r.outcome === 'duplicate') emit(el, 'ccp-preflight-sent', { kind: r.kind, id: r.id, outcome: r.outcome, queued: r.queued });
  else emit(el, 'ccp-preflight-error', { source: 'collector', message: r.message ?? 'The fleet collector did not accept the report.' });
}

function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** Resumes the queue (after a reload), or queues a report or an ended call's summary. Never throws. */
export async function postToCollector(el: EventTarget, cfg: CollectorConfig, item?: { kind: 'report'; report: Report } | { kind: 'call'; call: CallSummary; report?: Report | undefined }): Promise<void> {
  try {
    const sender = senderFor(el, cfg);
    if (!item) return void sender.flush();
    let body: Report | object;
    let id: string;
    if (item.kind === 'report') {
      let r = item.report;
      if (cfg.redact) r = (await import('../report/redact.js')).redactReport(r);
      body = r;
      id = r.id;
    } else {
      const s = item.report?.subject;
      const agent = !cfg.redact && s?.agent ? { ...(s.agent.username ? { username: s.agent.username } : {}), ...(s.agent.name ? { name: s.agent.name } : {}) } : undefined;
      id = `call-${newId()}`;
      body = {
        id,
        ...(item.report ? { reportId: item.report.id } : {}),
        subject: { ...(s?.instance ? { instance: s.instance } : {}), ...(s?.region ? { region: s.region } : {}), ...(s?.label ? { label: s.label } : {}), ...(agent && Object.keys(agent).length ? { agent } : {}) },
        call: cfg.redact ? { ...item.call, contactId: undefined } : item.call,
      };
    }
    sender.enqueue(item.kind, id, body);
  } catch (e) {
    emit(el, 'ccp-preflight-error', { source: 'collector', message: `The report could not be queued for the fleet collector (${e instanceof Error ? e.message : String(e)}).` });
  }
}
