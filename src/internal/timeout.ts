/** Thrown when work outlives its time budget. */
export class TimeoutError extends Error {
  constructor(readonly ms: number, what = 'operation') {
    super(`The ${what} did not finish within ${Math.round(ms)} ms.`);
    this.name = 'TimeoutError';
  }
}

/** Thrown when work is cancelled through an AbortSignal. */
export class AbortError extends Error {
  constructor(message = 'The run was cancelled.') {
    super(message);
    this.name = 'AbortError';
  }
}

/** Rejects with AbortError if `signal` is already aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortError();
}

/**
 * A child AbortController that aborts when `parent` aborts or after `ms`; `dispose()` cancels the timer and
 * detaches from the parent (always call it).
 */
export function linkedAbort(
  parent: AbortSignal | undefined,
  ms: number | undefined,
  timers: { setTimeout: (fn: () => void, ms: number) => unknown; clearTimeout: (h: unknown) => void } = {
    setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
    clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
  },
): { signal: AbortSignal; timedOut: () => boolean; dispose: () => void } {
  const ctl = new AbortController();
  let timedOut = false;
  const onAbort = () => ctl.abort(parent?.reason ?? new AbortError());
  if (parent) {
    if (parent.aborted) onAbort();
    else parent.addEventListener('abort', onAbort, { once: true });
  }
  const handle =
    ms !== undefined && Number.isFinite(ms)
      ? timers.setTimeout(() => {
          timedOut = true;
          ctl.abort(new TimeoutError(ms));
        }, ms)
      : undefined;
  return {
    signal: ctl.signal,
    timedOut: () => timedOut,
    dispose: () => {
      if (handle !== undefined) timers.clearTimeout(handle);
      parent?.removeEventListener('abort', onAbort);
    },
  };
}

/** Resolves/rejects with `promise`, or rejects with the signal's reason as soon as it aborts. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason ?? new AbortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason ?? new AbortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** Waits `ms`, or rejects when `signal` aborts (the timer is cleared). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new AbortError());
    const onAbort = () => {
      clearTimeout(h);
      reject(signal?.reason ?? new AbortError());
    };
    const h = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** What a loop step of {@link tickUntilDone} can do. */
export interface TickControl {
  /** Ends the loop successfully. */
  done(): void;
  /** Ends the loop with an error. */
  fail(e: unknown): void;
  /** True once the loop has ended (done, failed or aborted). */
  readonly finished: boolean;
}

/**
 * Calls `step` at once and then every `intervalMs` (one timer at a time) until the step calls `done()` or
 * `fail()`, or `signal` aborts (AbortError). The timer is cleared and the abort listener removed however the
 * loop ends.
 */
export function tickUntilDone(
  signal: AbortSignal,
  timers: { setTimeout: (fn: () => void, ms: number) => unknown; clearTimeout: (h: unknown) => void },
  intervalMs: number,
  step: (ctl: TickControl) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let timer: unknown;
    let finished = false;
    const finish = (e?: unknown) => {
      if (finished) return;
      finished = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      signal.removeEventListener('abort', onAbort);
      if (e !== undefined) reject(e instanceof Error ? e : new Error(String(e)));
      else resolve();
    };
    const onAbort = () => finish(signal.reason instanceof Error ? signal.reason : new AbortError());
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    const ctl: TickControl = {
      done: () => finish(),
      fail: (e) => finish(e ?? new Error('failed')),
      get finished() {
        return finished;
      },
    };
    const tick = () => {
      timer = undefined;
      if (finished) return;
      try {
        step(ctl);
      } catch (e) {
        finish(e ?? new Error('failed'));
      }
      if (!finished) timer = timers.setTimeout(tick, intervalMs);
    };
    tick();
  });
}
