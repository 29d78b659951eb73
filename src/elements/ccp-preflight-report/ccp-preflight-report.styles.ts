import { css } from 'lit';
import { sharedStyles } from '../shared.styles.js';
import { themeStyles } from '../theme.styles.js';

export const styles = [
  themeStyles,
  sharedStyles,
  css`
  :host {
    display: block;
    container-type: inline-size;
    font-family: var(--_font);
    color: var(--_text);
    background: var(--_surface);
    line-height: 1.4;
    /* A word longer than the line (a relay URL in a finding) breaks rather than leaving the card; others stay whole. */
    overflow-wrap: break-word;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  h2 {
    font-size: 1.15rem;
    margin: 0;
  }
  h3 {
    font-size: 1.05rem;
    margin: 1.25rem 0 0.5rem;
  }
  h4 {
    font-size: 1rem;
    margin: 0;
    display: flex;
    gap: 0.5rem;
    align-items: center;
    flex-wrap: wrap;
  }
  h5 {
    font-size: 0.9rem;
    margin: 0.5rem 0 0.25rem;
  }
  p {
    margin: 0.35rem 0;
  }
  .muted,
  .meta {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  /* One focus style for everything focusable, including the answer and compare headings focused by script. */
  :focus-visible,
  [tabindex='-1']:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  [tabindex='-1']:focus:not(:focus-visible) {
    outline-style: dashed;
  }
  a {
    color: var(--_accent);
  }
  .answer {
    font-size: 1.2rem;
    line-height: 1.3;
  }
  .whose {
    font-size: 0.9rem;
  }
  .problems {
    list-style: none;
    margin: 0.6rem 0 0.2rem;
    padding: 0;
    color: var(--_text);
  }
  .problems li {
    margin: 0.4rem 0;
    padding: 0.4rem 0.5rem;
    background: var(--_surface);
    border-radius: 6px;
  }
  .problems .badge {
    margin-right: 0.35rem;
  }
  .partial {
    color: var(--_text);
  }
  ::slotted([slot='actions']) {
    display: block;
    margin: 0.75rem 0;
  }
  details.paste-again {
    margin-bottom: 0.75rem;
  }
  details.paste-again[open] > summary {
    margin-bottom: 0.5rem;
  }
  details.for-it {
    margin-top: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem;
  }
  details.for-it > summary {
    font-size: 1rem;
    font-weight: 600;
  }
  details.for-it h4 {
    margin: 1rem 0 0.35rem;
  }
  ul.checks,
  ul.plain {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  ol.fixes {
    padding-left: 1.4rem;
    margin: 0.25rem 0;
  }
  ol.fixes li {
    margin: 0.4rem 0;
  }
  .who {
    font-weight: 600;
  }
  .check-head {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    flex-wrap: wrap;
  }
  .paste {
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
    margin-bottom: 1rem;
  }
  .paste.dragging {
    border-color: var(--_accent);
    background: var(--_pass-bg);
  }
  .paste label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  textarea {
    width: 100%;
    min-height: 6rem;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.8rem;
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 0.5rem;
    color: var(--_text);
    background: var(--_surface);
  }
  .row {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    flex-wrap: wrap;
    margin-top: 0.5rem;
  }
  .errors {
    border: 1px solid var(--_fail);
    background: var(--_fail-bg);
    color: var(--_fail);
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem;
    margin: 0.5rem 0 1rem;
    /* Long paths, schema names and pasted starts wrap at 320 px. */
    overflow-wrap: anywhere;
  }
  .errors p {
    margin: 0.25rem 0 0;
  }
  .errors ul {
    margin: 0.25rem 0 0;
    padding-left: 1.25rem;
  }
  .errors code {
    font-size: 0.85em;
  }
  .banner {
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    border: 1px solid currentColor;
  }
  .pass {
    --_c: var(--_pass);
    --_bg: var(--_pass-bg);
  }
  .warn {
    --_c: var(--_warn);
    --_bg: var(--_warn-bg);
  }
  .fail {
    --_c: var(--_fail);
    --_bg: var(--_fail-bg);
  }
  .skip {
    --_c: var(--_skip);
    --_bg: var(--_skip-bg);
  }
  .banner,
  .badge {
    color: var(--_c);
    background: var(--_bg);
  }
  .badge {
    display: inline-flex;
    gap: 0.3rem;
    align-items: center;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0 0.55rem;
    font-size: 0.85rem;
    font-weight: 600;
  }
  .icon {
    font-weight: 700;
  }
  .check {
    border: 1px solid var(--_border);
    border-left: 6px solid var(--_c);
    border-radius: var(--_radius);
    padding: 0.6rem 0.8rem;
    margin: 0.6rem 0;
  }
  .remedies ol {
    margin: 0.25rem 0;
    padding-left: 1.4rem;
  }
  .source {
    display: block;
    color: var(--_muted);
    font-size: 0.8rem;
  }
  dl.figures {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(13rem, 100%), 1fr));
    gap: 0.25rem 1rem;
    margin: 0.5rem 0;
  }
  .figure dt {
    color: var(--_muted);
    font-size: 0.8rem;
  }
  .figure dd {
    margin: 0;
    overflow-wrap: break-word;
  }
  /* A wide table scrolls inside itself rather than the page; narrow columns stack rows (below). */
  table {
    display: block;
    overflow-x: auto;
    border-collapse: collapse;
    margin: 0.5rem 0;
    font-size: 0.875rem;
    max-width: 100%;
  }
  caption {
    text-align: left;
    font-weight: 600;
    padding: 0.25rem 0;
  }
  th,
  td {
    border-bottom: 1px solid var(--_border);
    padding: 0.25rem 0.5rem;
    text-align: left;
    vertical-align: top;
  }
  thead th {
    color: var(--_muted);
    font-weight: 600;
  }
  tbody th {
    font-weight: 500;
  }
  .charts {
    margin: 0.5rem 0;
  }
  .charts figcaption {
    font-size: 0.85rem;
    color: var(--_muted);
  }
  .chart-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  .chart-title {
    font-size: 0.8rem;
  }
  .chart svg {
    display: block;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: var(--_surface);
    max-width: 100%;
  }
  .chart .line {
    fill: none;
    stroke: var(--_chart);
    stroke-width: 1.5;
    vector-effect: non-scaling-stroke;
  }
  .chart .axis {
    stroke: var(--_muted);
    stroke-width: 1;
  }
  .chart svg {
    height: auto;
  }
  .chart .tick {
    font-size: 9px;
    fill: var(--_muted);
  }
  .chart .threshold {
    stroke: var(--_warn);
    stroke-width: 1;
    stroke-dasharray: 4 3;
  }
  .chart .threshold.fail {
    stroke: var(--_fail);
  }
  .chart .threshold.good {
    stroke: var(--_pass);
  }
  details summary {
    cursor: pointer;
    color: var(--_accent);
    font-size: 0.875rem;
  }
  .delta {
    font-weight: 600;
  }
  .delta.worse {
    color: var(--_fail);
    background: var(--_fail-bg);
    padding: 0 0.3rem;
    border-radius: 4px;
  }
  .delta.better {
    color: var(--_pass);
    background: var(--_pass-bg);
    padding: 0 0.3rem;
    border-radius: 4px;
  }
  .compare {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.25rem 0.8rem 0.6rem;
    margin: 1rem 0;
  }
  .empty {
    color: var(--_muted);
  }
  /* Narrow columns (a side panel, a phone): every table row becomes a small card, each cell named. */
  @container (max-width: 36rem) {
    table,
    caption,
    thead,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    table {
      overflow-x: visible;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0, 0, 0, 0);
    }
    tbody tr {
      border-bottom: 1px solid var(--_border);
      padding: 0.3rem 0;
    }
    th,
    td {
      border: 0;
      padding: 0.1rem 0;
      overflow-wrap: break-word;
    }
    td[data-label]::before {
      content: attr(data-label) ': ';
      color: var(--_muted);
    }
    td[data-label='']::before {
      content: none;
    }
    .chart-row {
      flex-direction: column;
    }
  }
`,
];
