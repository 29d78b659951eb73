/**
 * The widget's outbox for the fleet collector: a small bounded queue kept in localStorage (so a reload or a
 * collector outage loses nothing), with exponential backoff. Pure logic over an injected storage and clock.
 */

/** Most items kept: a run's report and a few call summaries per shift; older ones go first when full. */
export const MAX_QUEUE_ITEMS = 20;
/** Most bytes kept (localStorage allows about 5 MB per origin, shared with the host page). */
export const MAX_QUEUE_BYTES = 1_000_000;
/** First retry after 2 s, doubling up to 5 minutes (with jitter, so a site's agents do not retry in step). */
export const BASE_DELAY_MS = 2_000;
export const MAX_DELAY_MS = 300_000;
/** Items older than 3 days are dropped: a report that old no longer tells a supervisor about today's shift. */
export const MAX_AGE_MS = 3 * 24 * 3_600_000;

export type ItemKind = 'report' | 'call';

export interface QueueItem {
  id: string;
  kind: ItemKind;
  /** The JSON body, ready to post. */
  body: string;
  attempts: number;
  /** Epoch ms: not before. */
  nextAt: number;
  queuedAt: number;
}

export interface QueueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Delay before attempt `attempts + 1`: 2 s, 4 s, 8 s ... 5 min, times 0.5-1.0 jitter. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(attempts, 20));
  return Math.round(base * (0.5 + random() * 0.5));
}

function isItem(v: unknown): v is QueueItem {
  const o = v as QueueItem;
  return !!o && typeof o.id === 'string' && (o.kind === 'report' || o.kind === 'call') && typeof o.body === 'string' &&
    typeof o.attempts === 'number' && typeof o.nextAt === 'number' && typeof o.queuedAt === 'number';
}

export class FleetQueue {
  private items: QueueItem[];

  constructor(private readonly storage: QueueStorage | null, private readonly key: string, private readonly now: () => number = Date.now) {
    this.items = this.load();
  }

  private load(): QueueItem[] {
    try {
      const raw = this.storage?.getItem(this.key);
      const list: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(list) ? list.filter(isItem).filter((i) => this.now() - i.queuedAt < MAX_AGE_MS) : [];
    } catch {
      return []; // unreadable (another version, a full disk): start empty rather than break the widget
    }
  }

  private save(): void {
    try {
      if (this.items.length) this.storage?.setItem(this.key, JSON.stringify(this.items));
      else this.storage?.removeItem(this.key);
    } catch {
      // Storage full or blocked (private mode): the queue still works for this page's life.
    }
  }

  get size(): number {
    return this.items.length;
  }

  list(): readonly QueueItem[] {
    return this.items;
  }

  /** Adds an item (replacing one with the same id); drops the oldest when over the bounds. */
  add(kind: ItemKind, id: string, body: string): void {
    const t = this.now();
    this.items = this.items.filter((i) => i.id !== id && t - i.queuedAt < MAX_AGE_MS);
    this.items.push({ id, kind, body, attempts: 0, nextAt: t, queuedAt: t });
    while (this.items.length > MAX_QUEUE_ITEMS || (this.items.length > 1 && this.bytes() > MAX_QUEUE_BYTES)) this.items.shift();
    this.save();
  }

  private bytes(): number {
    return this.items.reduce((s, i) => s + i.body.length, 0);
  }

  remove(id: string): void {
    this.items = this.items.filter((i) => i.id !== id);
    this.save();
  }

  /** The next item due now, oldest first, or undefined. */
  nextDue(): QueueItem | undefined {
    const t = this.now();
    return this.items.find((i) => i.nextAt <= t);
  }

  /** The earliest time an item is due, or null when empty. */
  nextAt(): number | null {
    return this.items.length ? Math.min(...this.items.map((i) => i.nextAt)) : null;
  }

  /** After a failed attempt: later, by backoff or by the server's Retry-After. */
  retryLater(id: string, delayMs: number): void {
    const item = this.items.find((i) => i.id === id);
    if (!item) return;
    item.attempts++;
    item.nextAt = this.now() + delayMs;
    this.save();
  }
}
