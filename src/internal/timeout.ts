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
