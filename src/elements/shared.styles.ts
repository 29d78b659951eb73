import { css } from 'lit';

/** Buttons shared by the widget and the report viewer (accent colours from `--ccp-preflight-*`). */
export const buttonStyles = css`
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
`;
