/**
 * Parses a CCP log in a Web Worker (browsers), with progress; falls back to parsing in the page where
 * workers are missing or refuse to start (e.g. a strict CSP). Never rejects.
 */
import type { CcpLog, ProgressStep } from './types.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';

export interface ParseInWorkerOptions {
  onProgress?: (fraction: number, phase: string, step: ProgressStep) => void;
  signal?: AbortSignal;
}

let seq = 0;

function startWorker(): Worker | null {
  try {
    if (typeof Worker === 'undefined') return null;
    return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

async function inPage(input: string | Blob, opts: ParseInWorkerOptions): Promise<CcpLog> {
  const { parseCcpLog } = await import('./parse.js');
  let text: unknown = input;
  if (typeof input !== 'string') {
    try {
      text = await input.text();
    } catch {
      text = undefined;
    }
  }
  return parseCcpLog(text, opts.onProgress ? { onProgress: opts.onProgress } : {});
}

/** Parses text or a File/Blob holding a CCP log. */
export function parseCcpLogInWorker(input: string | Blob, opts: ParseInWorkerOptions = {}): Promise<CcpLog> {
  const worker = startWorker();
  if (!worker) return inPage(input, opts);
  const id = ++seq;
  return new Promise<CcpLog>((resolve) => {
    let settled = false;
    const finish = (p: Promise<CcpLog> | CcpLog): void => {
      if (settled) return;
      settled = true;
      worker.terminate();
      opts.signal?.removeEventListener('abort', onAbort);
      resolve(p);
    };
    const onAbort = (): void => finish(import('./parse.js').then((m) => m.emptyLog('cancelled')));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (ev: MessageEvent<WorkerResponse>) => {
      const m = ev.data;
      if (!m || m.id !== id) return;
      if (m.type === 'progress') opts.onProgress?.(m.fraction, m.phase, m.step);
      else finish(m.log);
    });
    // A worker that cannot load its script: parse in the page instead.
    worker.addEventListener('error', (ev) => {
      ev.preventDefault();
      finish(inPage(input, opts));
    });
    const req: WorkerRequest = typeof input === 'string' ? { id, text: input } : { id, file: input };
    worker.postMessage(req);
  });
}
