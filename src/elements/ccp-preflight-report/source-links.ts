/** A remedy's public sources as people see them (the report view and the CCP log view): each title a link. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { publicSources } from './sources.js';

/** "Source: <title>, section "…"; <title>" with links; titles stay English (the pages they name are English). */
export function sourceLinks(text: string): TemplateResult | typeof nothing {
  const list = publicSources(text);
  if (!list.length) return nothing;
  return html`<span class="source"
    >${msg('Source:')}
    ${list.map(
      (s, i) => html`${i ? '; ' : ''}${s.href ? html`<a href=${s.href} target="_blank" rel="noopener noreferrer">${s.title}</a>` : s.title}${s.section ? msg(str`, section "${s.section}"`) : ''}`,
    )}</span
  >`;
}
