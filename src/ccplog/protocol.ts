/** Messages between the page and the CCP log worker (structured-clone safe). */
import type { CcpLog, ProgressStep } from './types.js';

export interface WorkerRequest {
  id: number;
  text?: string;
  file?: Blob;
}

export type WorkerResponse = { id: number; type: 'progress'; fraction: number; phase: string; step: ProgressStep } | { id: number; type: 'done'; log: CcpLog };
