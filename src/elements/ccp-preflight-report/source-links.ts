/** A remedy's public sources as people see them (the report view and the CCP log view): each title a link. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { publicSources } from './sources.js';

/** Stands for the section's name in its translated frame, which is then cut around it (the name gets its own span). */
const MARK = '\u0001';

/** ', section "…"' in the active language, the section's English name marked as English. */
function sectionOf(name: string): TemplateResult {
  const [before = '', after = ''] = msg(str`, section "${MARK}"`).split(MARK);
  return html`${before}<span lang="en">${name}</span>${after}`;
}

/**
 * "Source: <title>, section "…"; <title>" with links. Titles and section names stay English (the pages they name
 * are English) and are marked `lang="en"`, so a screen reader reads them in English inside another language.
 */
export function sourceLinks(text: string): TemplateResult | typeof nothing {
  const list = publicSources(text);
  if (!list.length) return nothing;
  return html`<span class="source"
    >${msg('Source:')}
    ${list.map(
      (s, i) =>
        html`${i ? '; ' : ''}${s.href ? html`<a href=${s.href} lang="en" target="_blank" rel="noopener noreferrer">${s.title}</a>` : html`<span lang="en">${s.title}</span>`}${s.section ? sectionOf(s.section) : ''}`,
    )}</span
  >`;
}
