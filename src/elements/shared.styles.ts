import { css } from 'lit';

/** Buttons and screen-reader-only text, shared by the widget and the report viewer. */
export const sharedStyles = css`
  button {
    font: inherit;
    border-radius: 6px;
    border: 1px solid var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
    padding: 0.4rem 0.9rem;
    cursor: pointer;
    min-height: 2.25rem;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  /* Text for screen readers only. */
  .sr-only,
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
`;
