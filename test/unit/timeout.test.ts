import { describe, expect, it } from 'vitest';
import { tickUntilDone, linkedAbort, TimeoutError } from '../../src/internal/timeout.js';

/** A fake timer table so the loop's timers can be counted. */
function fakeTimers() {
  const live = new Map<number, () => void>();
  let next = 1;
  return {
    live,
    setTimeout: (fn: () => void) => { const h = next++; live.set(h, fn); return h; },
    clearTimeout: (h: unknown) => { live.delete(h as number); },
    fire() { const [h, fn] = [...live.entries()][0]!; live.delete(h); fn(); },
  };
}

describe('tickUntilDone', () => {
  it('steps at once, then on each timer, until done; no timer left', async () => {
    const t = fakeTimers();
    let steps = 0;
    const p = tickUntilDone(new AbortController().signal, t, 10, (ctl) => { if (++steps === 3) ctl.done(); });
    expect(steps).toBe(1);
    t.fire(); t.fire();
    await p;
    expect(steps).toBe(3);
    expect(t.live.size).toBe(0);
  });

  it('rejects on fail and on a throwing step, clearing the timer', async () => {
    const t = fakeTimers();
    await expect(tickUntilDone(new AbortController().signal, t, 10, (ctl) => ctl.fail(new Error('nope')))).rejects.toThrow('nope');
    await expect(tickUntilDone(new AbortController().signal, t, 10, () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(t.live.size).toBe(0);
  });

  it('abort ends the loop with the signal reason and clears the timer', async () => {
    const t = fakeTimers();
    const ctl = new AbortController();
    const p = tickUntilDone(ctl.signal, t, 10, () => {});
    expect(t.live.size).toBe(1);
    ctl.abort(new TimeoutError(10));
    await expect(p).rejects.toBeInstanceOf(TimeoutError);
    expect(t.live.size).toBe(0);
  });
});

describe('linkedAbort', () => {
  it('times out with TimeoutError and detaches from the parent on dispose', async () => {
    const parent = new AbortController();
    const l = linkedAbort(parent.signal, 5);
    await new Promise((r) => setTimeout(r, 20));
    expect(l.timedOut()).toBe(true);
    expect(l.signal.reason).toBeInstanceOf(TimeoutError);
    l.dispose();
    const l2 = linkedAbort(parent.signal, 1000);
    parent.abort();
    expect(l2.signal.aborted).toBe(true);
    l2.dispose();
  });
});
