import { css } from 'lit';
import { sharedStyles } from '../shared.styles.js';
import { themeStyles } from '../theme.styles.js';

export const styles = [
  themeStyles,
  sharedStyles,
  css`
  :host {
    display: block;
    font-family: var(--_font);
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 1rem;
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none;
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem;
    flex-wrap: wrap;
  }
  h2 {
    font-size: 1.1rem;
    margin: 0;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
    align-items: center;
  }
  /* One focus style for the widget, its report and its panels. */
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .report-actions {
    margin: 0.5rem 0 0;
  }
  ccp-preflight-call-quality,
  ccp-preflight-failover {
    display: block;
    margin: 0.75rem 0;
  }
  .progress {
    margin: 0.75rem 0;
  }
  .progress-track {
    height: 0.5rem;
    border-radius: 999px;
    background: var(--_track);
    overflow: hidden;
  }
  .progress-bar {
    height: 100%;
    background: var(--_accent);
    transition: width 0.2s ease;
  }
  .phrase {
    color: var(--_muted);
    font-size: 0.9rem;
    margin-top: 0.25rem;
  }
  .intro {
    color: var(--_muted);
    margin: 0.5rem 0 0;
  }
  .message {
    margin: 0.75rem 0;
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--_fail);
    background: var(--_fail-bg);
    /* a detail for IT may hold a URL or JSON without spaces: it wraps inside the box at 320 px */
    overflow-wrap: anywhere;
  }
  .message.ok {
    border-left-color: var(--_pass);
    background: var(--_pass-bg);
  }
  .ccp {
    margin-top: 1rem;
  }
  .ccp[hidden] {
    display: none;
  }
  .ccp-frame {
    /* The CCP box follows its column (a host may cap it with --ccp-preflight-ccp-width). */
    width: min(100%, var(--ccp-preflight-ccp-width, 100%));
    height: var(--ccp-preflight-ccp-height, 465px);
    border: 1px solid var(--_border);
    border-radius: 4px;
    overflow: hidden;
  }
  .ccp-frame iframe {
    width: 100%;
    height: 100%;
    border: 0;
  }
  textarea.fallback {
    width: 100%;
    min-height: 6rem;
    font-family: ui-monospace, monospace;
    font-size: 0.8rem;
  }
`,
];
