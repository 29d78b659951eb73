// The widget's fleet sender: queue, backoff, outage, reload, rejection; injected storage, fetch and clock.
import { describe, expect, it } from 'vitest';
import { FleetQueue, backoffMs, BASE_DELAY_MS, MAX_DELAY_MS, MAX_QUEUE_ITEMS, type QueueStorage } from '../../src/fleet/queue.js';
import { FleetSender, type SendResult } from '../../src/fleet/sender.js';

class MemStorage implements QueueStorage {
  m = new Map<string, string>();
  getItem(k: string) { return this.m.get(k) ?? null; }
  setItem(k: string, v: string) { this.m.set(k, v); }
  removeItem(k: string) { this.m.delete(k); }
}

/** A collector stand-in: down until `up` is set; stores bodies by id (idempotent like the real one). */
function fakeCollector() {
  const stored = new Map<string, string>();
  const state = { up: false, calls: 0, status: 201 as number | null };
  const f = (async (_url: string, init: RequestInit) => {
    state.calls++;
    if (!state.up) throw new TypeError('fetch failed');
    const body = String(init.body);
    const id = JSON.parse(body).id as string;
    if (state.status !== 201) return new Response(JSON.stringify({ error: 'bad report' }), { status: state.status ?? 500 });
    const dup = stored.has(id);
    stored.set(id, body);
    return new Response(JSON.stringify({ id }), { status: dup ? 200 : 201 });
  }) as unknown as typeof fetch;
  return { stored, state, fetch: f };
}

function rig(storage: MemStorage, fetchFn: typeof globalThis.fetch, clock: { t: number }) {
  const results: SendResult[] = [];
  const timers: { fn: () => void; at: number }[] = [];
  const sender = new FleetSender({
    url: 'https://collector.example/', token: 't', storage, fetch: fetchFn, now: () => clock.t, random: () => 1,
    setTimer: (fn, ms) => { const t = { fn, at: clock.t + ms }; timers.push(t); return t; },
    clearTimer: (t) => { const i = timers.indexOf(t as never); if (i >= 0) timers.splice(i, 1); },
    onResult: (r) => results.push(r),
  });
  return { sender, results, timers };
}

describe('backoff', () => {
  it('doubles from 2 s to a 5 minute ceiling, with jitter between half and all of it', () => {
    expect(backoffMs(0, () => 1)).toBe(BASE_DELAY_MS);
    expect(backoffMs(1, () => 1)).toBe(2 * BASE_DELAY_MS);
    expect(backoffMs(0, () => 0)).toBe(BASE_DELAY_MS / 2);
    expect(backoffMs(30, () => 1)).toBe(MAX_DELAY_MS);
  });
});

describe('FleetQueue', () => {
  it('is bounded: the oldest item goes first', () => {
    const q = new FleetQueue(new MemStorage(), 'k', () => 0);
    for (let i = 0; i < MAX_QUEUE_ITEMS + 5; i++) q.add('report', `r${i}`, '{}');
    expect(q.size).toBe(MAX_QUEUE_ITEMS);
    expect(q.list()[0]!.id).toBe('r5');
  });
  it('ignores unreadable storage instead of breaking the widget', () => {
    const s = new MemStorage();
    s.setItem('k', '{not json');
    expect(new FleetQueue(s, 'k').size).toBe(0);
    s.setItem('k', JSON.stringify([{ id: 1 }, 'x']));
    expect(new FleetQueue(s, 'k').size).toBe(0);
  });
});

describe('FleetSender', () => {
  it('keeps reports through a collector outage and a reload, then delivers each exactly once', async () => {
    const storage = new MemStorage();
    const c = fakeCollector();
    const clock = { t: 1_000_000 };
    const a = rig(storage, c.fetch, clock);
    a.sender.enqueue('report', 'r1', { id: 'r1' });
    await a.sender.flush();
    a.sender.enqueue('report', 'r2', { id: 'r2' });
    await a.sender.flush();
    expect(c.stored.size).toBe(0);
    expect(a.results.at(-1)!.outcome).toBe('retrying');
    expect(a.results.at(-1)!.message).toMatch(/could not be reached/);
    expect(a.timers).toHaveLength(1); // one timer, at the backoff time
    expect(a.timers[0]!.at).toBe(clock.t + BASE_DELAY_MS);

    // Reload: the page (and the sender) is gone; a new one reads the queue from storage.
    a.sender.close();
    const b = rig(storage, c.fetch, clock);
    expect(b.sender.queue.size).toBe(2);
    c.state.up = true;
    clock.t += MAX_DELAY_MS;
    await b.sender.flush();
    expect([...c.stored.keys()].sort()).toEqual(['r1', 'r2']);
    expect(b.results.filter((r) => r.outcome === 'stored').map((r) => r.id).sort()).toEqual(['r1', 'r2']);
    expect(b.sender.queue.size).toBe(0);
    expect(storage.m.size).toBe(0);
  });

  it('never waits on the network: enqueue returns before the post resolves', () => {
    let resolve!: (r: Response) => void;
    const f = (() => new Promise<Response>((r) => (resolve = r))) as unknown as typeof fetch;
    const s = rig(new MemStorage(), f, { t: 0 });
    const t0 = performance.now();
    s.sender.enqueue('report', 'r1', { id: 'r1' });
    expect(performance.now() - t0).toBeLessThan(50);
    expect(s.sender.queue.size).toBe(1);
    resolve(new Response('{"id":"r1"}', { status: 201 }));
  });

  it('drops a report the collector rejects (4xx) and says why; retries a 429 after Retry-After', async () => {
    const c = fakeCollector();
    c.state.up = true;
    c.state.status = 422;
    const clock = { t: 0 };
    const s = rig(new MemStorage(), c.fetch, clock);
    s.sender.enqueue('report', 'bad', { id: 'bad' });
    await s.sender.flush();
    expect(s.results.at(-1)).toMatchObject({ outcome: 'rejected', status: 422 });
    expect(s.results.at(-1)!.message).toMatch(/bad report/);
    expect(s.sender.queue.size).toBe(0);

    const busy = (async () => new Response('{"error":"slow down"}', { status: 429, headers: { 'retry-after': '30' } })) as unknown as typeof fetch;
    const t = rig(new MemStorage(), busy, clock);
    t.sender.enqueue('report', 'r', { id: 'r' });
    await t.sender.flush();
    expect(t.results.at(-1)!.outcome).toBe('retrying');
    expect(t.sender.queue.list()[0]!.nextAt).toBe(clock.t + 30_000);
  });
});
