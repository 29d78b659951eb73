/**
 * Web Worker: parses a CCP log off the main thread so a 50 MB file leaves the page responsive. Receives
 * `{ id, text }` or `{ id, file }` (a File/Blob, read here so the page never holds the text), posts
 * `{ id, type: 'progress', fraction, phase }` and finally `{ id, type: 'done', log }`.
 */
import { parseCcpLog } from './parse.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';

const post = (m: WorkerResponse): void => (self as unknown as { postMessage(m: WorkerResponse): void }).postMessage(m);

self.addEventListener('message', (ev: MessageEvent<WorkerRequest>) => {
  const { id } = ev.data;
  const run = async (): Promise<void> => {
    let text: unknown = ev.data.text;
    if (ev.data.file) {
      post({ id, type: 'progress', fraction: 0.01, phase: 'Opening the file', step: { code: 'opening', params: {} } });
      try {
        text = await ev.data.file.text();
      } catch {
        text = undefined;
      }
    }
    const log = parseCcpLog(text, { onProgress: (fraction, phase, step) => post({ id, type: 'progress', fraction, phase, step }) });
    post({ id, type: 'done', log });
  };
  void run();
});
