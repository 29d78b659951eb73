/**
 * Posts the widget's reports and call summaries to the fleet collector from the queue, one at a time, in the
 * background: a collector outage never slows or blocks the agent; retries back off; a reload resumes.
 */
import { FleetQueue, backoffMs, type ItemKind, type QueueStorage } from './queue.js';

/** A request that takes longer than this is abandoned and retried later. */
export const REQUEST_TIMEOUT_MS = 15_000;
/** Longest Retry-After honoured (a misconfigured server must not park the queue for a day). */
const MAX_RETRY_AFTER_MS = 600_000;

export type SendOutcome = 'stored' | 'duplicate' | 'rejected' | 'retrying';

export interface SendResult {
  kind: ItemKind;
  id: string;
  outcome: SendOutcome;
  /** HTTP status, when there was an answer. */
  status?: number;
  /** What went wrong, in words (rejected / retrying). */
  message?: string;
  /** Items still waiting. */
  queued: number;
}

export interface SenderOptions {
  url: string;
  token?: string | undefined;
  storage?: QueueStorage | null;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
  onResult?: (r: SendResult) => void;
}

const PATHS: Record<ItemKind, string> = { report: '/v1/reports', call: '/v1/calls' };

export class FleetSender {
  readonly queue: FleetQueue;
  private busy: Promise<void> | null = null;
  private timer: unknown = null;
  private readonly base: string;

  constructor(private readonly opts: SenderOptions) {
    this.base = opts.url.replace(/\/+$/, '');
    this.queue = new FleetQueue(opts.storage ?? null, `ccp-preflight:fleet-queue:${this.base}`, opts.now);
  }

  set token(t: string | undefined) {
    this.opts.token = t;
  }

  /** Queues an item and starts sending; returns at once. */
  enqueue(kind: ItemKind, id: string, body: unknown): void {
    this.queue.add(kind, id, typeof body === 'string' ? body : JSON.stringify(body));
    void this.flush();
  }

  /** Sends every due item, one at a time; resolves when nothing due is left or the collector is unreachable. */
  flush(): Promise<void> {
    if (!this.busy) {
      this.busy = this.drain().finally(() => {
        this.busy = null;
        this.schedule();
      });
    }
    return this.busy;
  }

  close(): void {
    if (this.timer !== null) (this.opts.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>);
    this.timer = null;
  }

  private schedule(): void {
    this.close();
    const at = this.queue.nextAt();
    if (at === null) return;
    const now = (this.opts.now ?? Date.now)();
    this.timer = (this.opts.setTimer ?? setTimeout)(() => {
      this.timer = null;
      void this.flush();
    }, Math.max(0, at - now));
  }

  private async drain(): Promise<void> {
    for (let item = this.queue.nextDue(); item; item = this.queue.nextDue()) {
      const r = await this.post(item.kind, item.body);
      const done = (outcome: SendOutcome, message?: string) => {
        this.queue.remove(item!.id);
        this.opts.onResult?.({ kind: item!.kind, id: item!.id, outcome, ...(r.status ? { status: r.status } : {}), ...(message ? { message } : {}), queued: this.queue.size });
      };
      if (r.status === 201) done('stored');
      else if (r.status === 200) done('duplicate');
      else if (r.status && r.status >= 400 && r.status < 500 && r.status !== 408 && r.status !== 429) {
        done('rejected', `The fleet collector refused the ${item.kind} (${r.status}): ${r.error ?? 'no reason given'}`);
      } else {
        const wait = r.retryAfterMs ?? backoffMs(item.attempts, this.opts.random);
        this.queue.retryLater(item.id, wait);
        this.opts.onResult?.({
          kind: item.kind, id: item.id, outcome: 'retrying', ...(r.status ? { status: r.status } : {}), queued: this.queue.size,
          message: `The fleet collector could not be reached (${r.error ?? `status ${r.status}`}); the ${item.kind} is kept and sent again in ${Math.round(wait / 1000)} s.`,
        });
        return; // the collector is down or busy: the rest waits too
      }
    }
  }

  private async post(kind: ItemKind, body: string): Promise<{ status?: number; error?: string; retryAfterMs?: number }> {
    const f = this.opts.fetch ?? globalThis.fetch.bind(globalThis);
    try {
      const res = await f(this.base + PATHS[kind], {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.opts.token ? { authorization: `Bearer ${this.opts.token}` } : {}) },
        body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        credentials: 'omit',
      });
      let error: string | undefined;
      if (!res.ok) {
        try {
          error = ((await res.json()) as { error?: string }).error;
        } catch {
          error = res.statusText;
        }
      }
      const ra = Number(res.headers.get('retry-after'));
      return { status: res.status, ...(error ? { error } : {}), ...(ra > 0 ? { retryAfterMs: Math.min(MAX_RETRY_AFTER_MS, ra * 1000) } : {}) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }
}
