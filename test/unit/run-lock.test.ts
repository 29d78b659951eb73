// The browser tests' run-wide lock (test/support/wtr-run-lock.mjs): timing-sensitive files run alone, and
// two of them asking at once (one per browser) do not wait for each other forever.
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs test helper without types
import { createRunLock } from '../support/wtr-run-lock.mjs';

interface Lock {
  shared(id: string): Promise<{ held: boolean }>;
  exclusive(id: string): Promise<{ held: boolean }>;
  release(id: string): { released: boolean };
  end(id: string): void;
  state(): { shared: string[]; holder: string | null; writers: string[]; readers: string[] };
}
const make = () => createRunLock() as Lock;

describe('run lock', () => {
  it('pages share it; an exclusive request waits for the other pages and blocks new ones until released', async () => {
    const lock = make();
    expect(await lock.shared('chromium-1')).toEqual({ held: true });
    expect(await lock.shared('firefox-1')).toEqual({ held: true });
    const alone = lock.exclusive('firefox-1');
    const next = lock.shared('firefox-2');
    let nextHeld = false;
    void next.then((r) => (nextHeld = r.held));
    await new Promise((r) => setTimeout(r, 20));
    expect(lock.state()).toMatchObject({ holder: null, writers: ['firefox-1'], shared: ['chromium-1'] });
    lock.end('chromium-1');
    expect(await alone).toEqual({ held: true });
    expect(nextHeld).toBe(false);
    expect(lock.release('firefox-1')).toEqual({ released: true });
    expect(await next).toEqual({ held: true });
  });

  it('two pages asking for it alone at once both get it, one after the other', async () => {
    const lock = make();
    await lock.shared('a');
    await lock.shared('b');
    const a = lock.exclusive('a');
    const b = lock.exclusive('b');
    expect(await a).toEqual({ held: true });
    expect(lock.state().holder).toBe('a');
    lock.release('a');
    expect(await b).toEqual({ held: true });
  });

  it('a page that ends (finished or closed) gives up what it held or waited for', async () => {
    const lock = make();
    await lock.exclusive('a');
    const b = lock.exclusive('b');
    lock.end('a');
    expect(await b).toEqual({ held: true });
    lock.end('b');
    expect(lock.state()).toEqual({ shared: [], holder: null, writers: [], readers: [] });
  });
});
