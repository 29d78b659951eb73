import { css } from 'lit';
import { styles as reportStyles } from '../ccp-preflight-report/ccp-preflight-report.styles.js';

/** The report renderer's look (tokens, badges, problem list, check cards), plus what a log adds. */
export const styles = [
  ...reportStyles,
  css`
    /* The log's own words (an error's JSON, a contact id) break anywhere rather than widen the page. */
    .problems li,
    .check h4,
    .check p,
    table.timeline td {
      overflow-wrap: anywhere;
    }
    details > summary > h3 {
      display: inline;
    }
    .directions {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
      gap: 0.75rem;
    }
    .direction {
      border-top: 1px solid var(--_border);
      padding-top: 0.4rem;
    }
    .chart-row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .chart-title {
      font-size: 0.8rem;
    }
    svg .line {
      fill: none;
      stroke: var(--_chart);
      stroke-width: 1.5;
    }
    svg .threshold {
      stroke-width: 1;
      stroke-dasharray: 4 3;
    }
    svg .threshold.warn {
      stroke: var(--_warn);
    }
    svg .threshold.fail {
      stroke: var(--_fail);
    }
    progress {
      width: 100%;
    }
    table.timeline {
      border-collapse: collapse;
      width: 100%;
      font-size: 0.875rem;
    }
    table.timeline th,
    table.timeline td {
      text-align: left;
      padding: 0.2rem 0.4rem;
      border-bottom: 1px solid var(--_border);
      vertical-align: top;
    }
    /* The lane is an SVG (positions as attributes, not inline styles: a strict CSP blocks style attributes). */
    .lane {
      display: block;
      width: 100%;
      box-sizing: border-box;
      height: 1.6rem;
      border: 1px solid var(--_border);
      border-radius: 4px;
      margin: 0.4rem 0;
      background: var(--_skip-bg);
    }
    .lane .mark {
      fill: var(--_bg);
      stroke: var(--_c);
      stroke-width: 1px;
      vector-effect: non-scaling-stroke;
    }
  `,
];
