/**
 * The widget's error banner in the agent's language: what happened and what to do, by kind (widget-errors.ts),
 * then the error's own English sentence as the detail for IT where it helps (marked `lang="en"` so screen
 * readers read it in English). Its own small chunk, loaded when an error is shown in another language than
 * English: English shows the error's own sentence, as always.
 */
import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { getLocale } from '../../i18n/runtime.js';
import { widgetErrorKind, type WidgetErrorKind } from './widget-errors.js';

/** What happened and what to do, and whether the English detail follows. Exported for tests. */
export function widgetErrorSentence(kind: WidgetErrorKind): { text: string; detail: boolean } {
  switch (kind) {
    case 'config':
      return { text: msg('This desktop set up the check wrongly, so it cannot start. Tell IT and give them this detail:'), detail: true };
    case 'ccp':
      return { text: msg('The Contact Control Panel could not be reached from the check. Reload the page; if it happens again, send IT this detail:'), detail: true };
    case 'download':
      return { text: msg('Part of the check could not be downloaded (the network may have dropped). Reload the page.'), detail: false };
    case 'no-report':
      return { text: msg('There is no report yet: run the check first.'), detail: false };
    case 'copy':
      return { text: msg('The report could not be prepared for copying or saving. Try again; if it happens again, send IT this detail:'), detail: true };
    case 'unexpected':
      return { text: msg('The check stopped because of an unexpected error. Run it again; if it happens again, send IT this detail:'), detail: true };
  }
}

/** The banner's content for a failure: in English the error's own sentence, else the sentence by kind (and the detail). */
export function widgetErrorBanner(source: string, e: unknown): string | TemplateResult {
  const message = e instanceof Error ? e.message : String(e);
  if (getLocale() === 'en') return message;
  const s = widgetErrorSentence(widgetErrorKind(source, e));
  return s.detail ? html`${s.text} <span class="detail" lang="en">${message}</span>` : s.text;
}
