/**
 * The words of the fleet pages around the element (the collector's page and the demo page), in the active
 * language, and the page following the language the fleet view chose: `<html lang>`, the title and the texts
 * marked with `data-text` are set again whenever the language changes. DOM only; no inline script or style, so
 * the collector's strict CSP holds.
 */
import { msg, str } from '@lit/localize';
import { LOCALE_STATUS_EVENT, getLocale } from '../../i18n/runtime.js';

/** The texts of the collector's fleet page and of the demo page, by `data-text` name. */
export function pageTexts(): Record<string, string> {
  return {
    title: msg("Agents' softphone readiness: ccp-preflight"),
    heading: msg("Agents' softphone readiness"),
    'demo-title': msg("Agents' softphone readiness (demo): ccp-preflight"),
    'demo-heading': msg("Agents' softphone readiness (demo)"),
    'demo-intro': msg('Reports from the demo agent desktop arrive here live, through the local fleet collector. To see what a fleet looks like, add simulated agents: they are labelled SIMULATED and marked "simulated" in the list.'),
    'demo-desktop': msg('Open the demo agent desktop'),
    'demo-add-50': msg('Add 50 simulated agents'),
    'demo-add-500': msg('Add 500 simulated agents'),
  };
}

/** The demo's status line while simulated agents are added. */
export const demoAdding = (): string => msg('Adding simulated agents…');
export const demoAdded = (n: number): string => msg(str`Simulated reports added: ${n.toLocaleString(getLocale())}.`);
export const demoFailed = (why: string): string => msg(str`Could not add simulated agents (${why}). Check that the demo's fleet collector is running (see the demo's console) and try again.`);

/**
 * Puts the page in the active language now and after each change of language: `<html lang>`, the title (from
 * the `title` text named on `<html data-title>`, default `title`) and every element with `data-text="name"`.
 */
export function followLanguage(doc: Document = document): void {
  const apply = (): void => {
    const texts = pageTexts();
    doc.documentElement.lang = getLocale();
    const title = texts[doc.documentElement.dataset.title ?? 'title'];
    if (title) doc.title = title;
    for (const el of doc.querySelectorAll<HTMLElement>('[data-text]')) {
      const t = texts[el.dataset.text ?? ''];
      if (t !== undefined) el.textContent = t;
    }
  };
  apply();
  globalThis.addEventListener?.(LOCALE_STATUS_EVENT, (e) => {
    if ((e as CustomEvent<{ status: string }>).detail?.status === 'ready') apply();
  });
}
