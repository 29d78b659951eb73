/** Small waiting helpers of the `devices` check, on the injected clock (nothing keeps running after abort). */
import type { Deps } from './types.js';

export function sleepVia(deps: Deps, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      deps.clearTimeout(h);
      reject(signal.reason);
    };
    const h = deps.setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Resolves with the promise's value, or `onTimeout()`'s after `ms`; rejects with the signal's reason on abort.
 * The timer is always cleared (nothing keeps running after an abort).
 */
export function withTimeout<T>(deps: Deps, p: Promise<T>, ms: number, onTimeout: () => T, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const done = () => {
      deps.clearTimeout(h);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      done();
      reject(signal!.reason);
    };
    const h = deps.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(onTimeout());
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        done();
        resolve(v);
      },
      (e: unknown) => {
        done();
        reject(e);
      },
    );
  });
}

export function stopAll(stream: MediaStream | null | undefined): void {
  if (!stream) return;
  for (const t of stream.getTracks()) {
    try {
      t.stop();
    } catch {
      /* already stopped */
    }
  }
}

