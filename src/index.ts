/**
 * ccp-preflight public API.
 *
 * - `<ccp-preflight>`: the agent's widget (import this module to define it).
 * - `<ccp-preflight-report>`: the report renderer and supervisor viewer.
 * - `runPreflight(options)`: the same checks without UI.
 * - Report types; DOM-free report tooling lives in `ccp-preflight/report`.
 */
export { CcpPreflightElement } from './elements/ccp-preflight/ccp-preflight.js';
export { parseIceServersAttribute, parseChecksAttribute } from './elements/ccp-preflight/options.js';
export type { CcpPreflightReportElement } from './elements/ccp-preflight-report/ccp-preflight-report.js';
export type { CcpPreflightLogElement } from './elements/ccp-preflight-log/ccp-preflight-log.js';
export { runPreflight, resolveOptions, softphoneFitness, DEFAULT_DURATION_S, MIN_DURATION_S, MAX_DURATION_S } from './runner.js';
export type { PreflightOptions } from './runner.js';
export type { Check, CheckContext, CheckOutcome, CcpHandle, Deps, RunOptions, IceServerSource } from './checks/types.js';
export { CHECK_LOADERS } from './checks/loaders.js';
export * from './report/schema.js';
export type * from './events.js';
export { DEFAULT_THRESHOLDS } from './stats/thresholds.js';
export type { Thresholds } from './stats/thresholds.js';
export { VERSION } from './version.js';

/**
 * Loads the CCP adapter (amazon-connect-streams and the controller) on demand, so pages that never wrap a CCP
 * never download Streams. `const { createCcp } = await loadCcp();`
 */
export function loadCcp(): Promise<typeof import('./ccp/index.js')> {
  return import('./ccp/index.js');
}

/**
 * Defines `<ccp-preflight-report>` (the report viewer) now. The widget loads it by itself when a run starts or a
 * report is set; a page that shows the viewer alone calls this (or imports `ccp-preflight/viewer`).
 */
export function loadReportElement(): Promise<typeof import('./elements/ccp-preflight-report/ccp-preflight-report.js')> {
  return import('./elements/ccp-preflight-report/ccp-preflight-report.js');
}

/**
 * Defines `<ccp-preflight-log>` (the CCP log view) on demand: it is not in the chunks the widget loads with the
 * page. `await loadLogElement();` then add the tag; bundler users may import
 * `ccp-preflight/log` instead.
 */
export function loadLogElement(): Promise<typeof import('./elements/ccp-preflight-log/ccp-preflight-log.js')> {
  return import('./elements/ccp-preflight-log/ccp-preflight-log.js');
}
