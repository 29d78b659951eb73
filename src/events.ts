import type { CallSummary, CheckResult, FailoverRecord, Report, CheckId, CallSample } from './report/schema.js';

/** Progress of a run. */
export interface ProgressDetail {
  /** 0..1 over the whole run. */
  fraction: number;
  /** The check running now (absent when the run is done). */
  checkId?: CheckId;
  index: number;
  total: number;
  /** Human phrase, e.g. "Testing a call through the relay (3 s of 6 s)". */
  phrase: string;
}

/** Live call quality, emitted while the agent is on a softphone call. */
export interface CallQualityDetail {
  contactId?: string;
  sample: CallSample;
  verdict: 'pass' | 'warn' | 'fail';
  /** The call's summary so far; final when `ended` is true. */
  summary: CallSummary;
  ended: boolean;
}

export interface ErrorDetail {
  /** Where it came from: `run`, `parse`, `ccp`, `failover`, `copy`. */
  source: string;
  message: string;
  errors?: { path: string; message: string }[];
  /** `parse` only: whether the report or the baseline (compare) input was refused. */
  target?: 'report' | 'baseline';
}

/** A report or call summary the fleet collector stored (`duplicate`: it had it already). */
export interface SentDetail {
  kind: 'report' | 'call';
  id: string;
  outcome: 'stored' | 'duplicate';
  /** Items still waiting in the widget's queue. */
  queued: number;
}

/** Every event the elements fire, by name (bubbles, composed). */
export interface CcpPreflightEventMap {
  'ccp-preflight-progress': CustomEvent<ProgressDetail>;
  'ccp-preflight-check': CustomEvent<{ result: CheckResult; index: number; total: number }>;
  'ccp-preflight-complete': CustomEvent<{ report: Report }>;
  'ccp-preflight-failover': CustomEvent<{ record: FailoverRecord }>;
  'ccp-preflight-call-quality': CustomEvent<CallQualityDetail>;
  'ccp-preflight-error': CustomEvent<ErrorDetail>;
  'ccp-preflight-sent': CustomEvent<SentDetail>;
  /** <ccp-preflight-report> opened a report or a baseline from pasted, dropped or linked text. */
  'ccp-preflight-load': CustomEvent<{ target: 'report' | 'baseline'; report: Report }>;
}

/*
 * The events bubble and are composed, so desktops listen on the element, on `document` or on `window`: each of
 * the three DOM event maps knows them, and `addEventListener('ccp-preflight-complete', (e) => e.detail.report)`
 * is typed wherever it is called.
 */
declare global {
  interface HTMLElementEventMap extends CcpPreflightEventMap {}
  interface DocumentEventMap extends CcpPreflightEventMap {}
  interface WindowEventMap extends CcpPreflightEventMap {}
}
