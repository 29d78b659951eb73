import { css } from 'lit';
import { sharedStyles } from '../shared.styles.js';

export const styles = [
  sharedStyles,
  css`
  :host {
    --ccp-preflight-font: var(--ccp-preflight-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_accent: var(--ccp-preflight-accent, #0b63ce);
    --_accent-text: var(--ccp-preflight-accent-text, #ffffff);
    --_border: var(--ccp-preflight-border-color, #c8ccd2);
    --_surface: var(--ccp-preflight-surface, #ffffff);
    --_text: var(--ccp-preflight-text, #16191f);
    --_muted: var(--ccp-preflight-muted, #545b64);
    --_radius: var(--ccp-preflight-radius, 8px);
    display: block;
    font-family: var(--ccp-preflight-font);
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
    outline: 3px solid var(--ccp-preflight-focus-ring, #ff9900);
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
    background: var(--ccp-preflight-track, #e9ebed);
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
    border-left: 4px solid var(--ccp-preflight-fail, #d13212);
    background: var(--ccp-preflight-fail-bg, #fdf3f1);
  }
  .message.ok {
    border-left-color: var(--ccp-preflight-pass, #1d8102);
    background: var(--ccp-preflight-pass-bg, #f2f8f0);
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
