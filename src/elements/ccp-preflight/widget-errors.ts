/**
 * What kind of failure the widget's error banner shows, for saying it in the agent's language (DOM-free, no texts:
 * those are in widget-error-texts.ts, loaded when an error is shown in another language than English).
 *
 * The kind comes from the error's own `kind` where a throw site set one (a bad attribute: options.ts; a lazily
 * loaded part missing: src/internal/lazy.ts; no report yet: share.ts), else from the error's class (a failed
 * dynamic import is a TypeError whose message each engine words its own way; a RangeError from the CCP part is a
 * bad ccp-url or ccp-mode), and where it came from (the `source` of the `ccp-preflight-error` event). A failed phone
 * switch (a FailoverError, or the switch's guard when there is no CCP: both carry a failover code) is said by
 * src/i18n/failover-texts.ts instead. This module imports nothing, so the widget's up-front chunks stay as they are.
 */
/**
 * - `config`: the host page set the widget up wrongly (an attribute such as ice-servers, checks, ccp-url);
 * - `ccp`: the Contact Control Panel (Streams, its iframe, its container) could not be started or reached;
 * - `download`: a part of the widget loaded on demand could not be downloaded;
 * - `no-report`: copy or download asked for before there is a report;
 * - `copy`: the report could not be prepared for copying or download;
 * - `unexpected`: anything else that stopped a run.
 */
export type WidgetErrorKind = 'config' | 'ccp' | 'download' | 'no-report' | 'copy' | 'unexpected';

export const WIDGET_ERROR_KINDS: readonly WidgetErrorKind[] = ['config', 'ccp', 'download', 'no-report', 'copy', 'unexpected'];

/** A failed dynamic import, as Chromium, Firefox and Safari word it. */
const IMPORT_FAILED = /dynamically imported module|importing a module script failed|error loading dynamically imported/i;

/** The kind of a failure the widget shows, from where it came from (`source`) and the error. */
export function widgetErrorKind(source: string, e: unknown): WidgetErrorKind {
  const own = (e as { kind?: unknown } | null | undefined)?.kind;
  if (typeof own === 'string' && (WIDGET_ERROR_KINDS as readonly string[]).includes(own)) return own as WidgetErrorKind;
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof TypeError && IMPORT_FAILED.test(message)) return 'download';
  switch (source) {
    case 'ccp':
      return e instanceof RangeError ? 'config' : 'ccp';
    case 'failover':
      return 'ccp';
    case 'copy':
      return 'copy';
    case 'locale':
      return 'download';
    default:
      return 'unexpected';
  }
}
