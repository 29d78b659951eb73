import { css } from 'lit';
import { themeStyles } from '../theme.styles.js';

/** Shared styles of the CCP sub-elements; custom properties fall back to the widget's defaults. */
export const styles = [
  themeStyles,
  css`
  /* The widget's one focus style (not the browser's thin ring). */
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  :host {
    display: block;
    font-family: var(--_font);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  .box {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem;
    margin: 0.5rem 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .row.consent {
    flex-wrap: nowrap;
    align-items: flex-start;
  }
  .row.consent input {
    margin-top: 0.2rem;
    flex: none;
  }
  .label {
    font-weight: 600;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .verdict {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    font-weight: 600;
  }
  .dot {
    width: 0.7rem;
    height: 0.7rem;
    border-radius: 50%;
    display: inline-block;
    background: var(--_muted);
  }
  .pass .dot { background: var(--_pass); }
  .warn .dot { background: var(--_warn); }
  .fail .dot { background: var(--_fail); }
  .pass { color: var(--_pass); }
  .warn { color: var(--_warn); }
  .fail { color: var(--_fail); }
  input[type='tel'] {
    font: inherit;
    padding: 0.3rem 0.4rem;
    border: 1px solid var(--_border);
    border-radius: 4px;
    /* As wide as a long international number, never wider than the panel (a 320 px side column). */
    box-sizing: border-box;
    width: 100%;
    max-width: 16rem;
    min-width: 0;
  }
  button {
    font: inherit;
    padding: 0.35rem 0.8rem;
    border-radius: 4px;
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  button[disabled] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .error {
    color: var(--_fail);
  }
  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.1rem 0.75rem;
    margin: 0.25rem 0 0;
    font-size: 0.9em;
  }
  dt { color: var(--_muted); }
  dd { margin: 0; }
`,
];
