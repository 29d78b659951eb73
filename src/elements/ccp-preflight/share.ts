/**
 * The report as text to share (pretty JSON, optionally redacted; or a share code) and the clipboard with its
 * fallback: plain functions, the element only shows the outcome.
 */
import { msg } from '@lit/localize';
import type { Report } from '../../report/schema.js';

export const NO_REPORT = 'There is no report yet: run the check first.';
/** kind 'no-report': the widget's banner says it in the agent's language (widget-errors.ts). */
const noReport = (): Error => Object.assign(new Error(NO_REPORT), { kind: 'no-report' as const });

/** The report as pretty JSON, redacted when asked (share codes are always redacted by the encoder's caller). */
export async function reportJson(report: Report | undefined, redact: boolean): Promise<string> {
  if (!report) throw noReport();
  let r = report;
  if (redact) {
    const { redactReport } = await import('../../report/redact.js');
    r = redactReport(r);
  }
  return JSON.stringify(r, null, 2);
}

/** The text for a copy: JSON or a share code. */
export async function reportText(report: Report | undefined, kind: 'json' | 'code', redact: boolean): Promise<string> {
  if (kind === 'json') return reportJson(report, redact);
  if (!report) throw noReport();
  const { encodeShareCode } = await import('../../report/share.js');
  return encodeShareCode(report);
}

export type CopyOutcome = { ok: true; message: string } | { ok: false; message: string; fallback: string };

/** Writes `text` to the clipboard; when the browser refuses, the caller shows `fallback` for a manual copy. */
export async function copyToClipboard(
  text: string,
  kind: 'json' | 'code',
  clipboard: Pick<Clipboard, 'writeText'> | undefined = globalThis.navigator?.clipboard,
): Promise<CopyOutcome> {
  try {
    if (!clipboard) throw new Error('no clipboard');
    await clipboard.writeText(text);
    return { ok: true, message: kind === 'json' ? msg('Report copied as JSON. Paste it into your ticket or chat.') : msg('Share code copied. Paste it into your ticket or chat.') };
  } catch {
    return { ok: false, fallback: text, message: msg('The browser did not allow copying. Select the text below (Ctrl+A in the box) and copy it (Ctrl+C).') };
  }
}

/** A file name for the downloaded report, from its creation time. */
export function downloadName(report: Report | undefined, now: () => Date = () => new Date()): string {
  return `ccp-preflight-${(report?.createdAt ?? now().toISOString()).replace(/[:.]/g, '-')}.json`;
}

/** Saves `text` as a file through a temporary link (the object URL is revoked once the download started). */
export function downloadFile(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
