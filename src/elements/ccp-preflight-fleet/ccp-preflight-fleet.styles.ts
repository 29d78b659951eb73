import { css } from 'lit';
import { sharedStyles } from '../shared.styles.js';
import { themeStyles } from '../theme.styles.js';

export const fleetStyles = [
  themeStyles,
  sharedStyles,
  css`
    :host {
      display: block;
      font: inherit;
      color: inherit;
      /* The narrow layout below follows the element's own width (a side panel as well as a phone). */
      container-type: inline-size;
      overflow-wrap: break-word;
    }
    .live { margin: -.4rem 0 1rem; color: var(--_muted); }
    .counts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 8rem), 1fr)); gap: .6rem; margin: 0 0 1rem; padding: 0; list-style: none; }
    .counts li { min-width: 0; background: var(--_surface); border: 1px solid var(--_border); border-radius: 8px; padding: .5rem .6rem; }
    /* A long word (fr "avertissements") may break rather than widen a phone's two columns. */
    .counts li button { max-width: 100%; text-align: left; padding: .25rem .5rem; font-size: .9rem; overflow-wrap: anywhere; hyphens: auto; }
    .counts strong { display: block; font-size: 1.5rem; }
    .problems { background: var(--_surface); border: 1px solid var(--_border); border-radius: 8px; padding: .5rem 1rem; margin-bottom: 1rem; }
    .problems ul { margin: .25rem 0; padding-left: 1.1rem; }
    .problems h2 { font-size: 1.1rem; margin: .5rem 0; }
    .problems li { margin: .35rem 0; }
    .problems li > button { display: block; }
    .problems .facts { color: var(--_muted); }
    .problems button { border: none; background: none; padding: 0; min-height: 0; text-align: left; text-decoration: underline; color: var(--_accent); }
    .filters { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin-bottom: .75rem; }
    .filters label { display: flex; flex-direction: column; font-size: .85rem; max-width: 100%; }
    .filters .cause-filter { flex-basis: 100%; margin: 0; font-size: .9rem; }
    input, select { max-width: 100%; box-sizing: border-box; font: inherit; padding: .3rem .4rem; border: 1px solid var(--_border); border-radius: 6px; }
    table { width: 100%; border-collapse: collapse; background: var(--_surface); }
    th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--_border); vertical-align: top; }
    tbody tr { cursor: pointer; }
    tbody tr:hover, tbody tr:focus-within { background: color-mix(in srgb, var(--_accent) 8%, transparent); }
    /* Short words stay whole (Japanese would otherwise break between any two characters in a narrow column). */
    th, .verdict, .fit { word-break: keep-all; }
    .verdict, .fit { white-space: nowrap; }
    .verdict { font-weight: 600; }
    .verdict.fail { color: var(--_fail); }
    .verdict.warn { color: var(--_warn); }
    .verdict.pass { color: var(--_pass); }
    .num { font-variant-numeric: tabular-nums; white-space: nowrap; }
    .when { font-variant-numeric: tabular-nums; }
    .pager { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .75rem 0; }
    .error { color: var(--_fail); border: 1px solid var(--_fail); border-radius: 6px; padding: .5rem .75rem; margin: 0 0 1rem; }
    .error p { margin: 0 0 .25rem; }
    .detail-head { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: baseline; justify-content: space-between; }
    .detail-head h3 { margin: .25rem 0; }
    .trends figcaption small { display: block; color: var(--_muted); font-size: .8rem; max-width: 14rem; }
    button.link { border: none; background: none; padding: 0; min-height: 0; text-align: left; text-decoration: underline; color: var(--_accent); font-weight: 600; }
    /* Narrow: each agent is a card, each figure beside its column's name. */
    @container (max-width: 44rem) {
      table, tbody, tr, td { display: block; }
      thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0, 0, 0, 0); }
      tbody tr { border-bottom: 1px solid var(--_border); padding: .4rem .25rem; }
      td { border: none; padding: .1rem .25rem; }
      td[data-label]::before { content: attr(data-label) ": "; color: var(--_muted); font-weight: 400; }
      .num { white-space: normal; }
    }
    .detail { margin-top: 1rem; border: 1px solid var(--_border); border-radius: 8px; padding: .75rem 1rem; background: var(--_surface); }
    .trends { display: flex; flex-wrap: wrap; gap: 1.25rem; }
    .trends figure { margin: 0; }
    .trends svg { display: block; }
    .trends polyline { fill: none; stroke: var(--_accent); stroke-width: 1.5; }
    .live { font-size: .85rem; }
    .simulated { font-size: .75rem; border: 1px solid var(--_warn); color: var(--_warn); border-radius: 4px; padding: 0 .3rem; margin-left: .3rem; }
  `,
];
