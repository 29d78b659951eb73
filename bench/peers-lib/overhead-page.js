// Page script of bench:overhead (Chromium part): the same simulated shift as in Node.
import { runShift, baseline } from './overhead-core.js';

async function shift(opts) {
  const mem = performance.memory;
  return runShift({
    ...opts,
    hooks: {
      now: () => performance.now(),
      cpu: null,
      heap: mem ? () => performance.memory.usedJSHeapSize : null,
      gc: typeof globalThis.gc === 'function' ? () => { globalThis.gc(); globalThis.gc(); } : undefined,
    },
  });
}

function base(opts) {
  return baseline({ ...opts, hooks: { now: () => performance.now(), cpu: null } });
}

globalThis.__bench = { shift, base, crossOriginIsolated: globalThis.crossOriginIsolated, hasGc: typeof globalThis.gc === 'function', hasMemory: !!performance.memory };
globalThis.__benchReady = true;
