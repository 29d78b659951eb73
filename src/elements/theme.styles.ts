import { css } from 'lit';

/**
 * The one set of theming custom properties, read on :host of every element (the widget, the report, the CCP
 * log, the fleet view, the CCP panels), so a page sets `--ccp-preflight-accent-color` once on any ancestor and
 * every element follows. Names are `--ccp-preflight-<thing>[-<aspect>]`: `-color` a colour, `-bg` a background,
 * `-family`, `-radius`, `-width`, `-height` as in CSS. Elements read them through private `--_*` names here, so
 * a value set on the page is inherited and a default applies only where the page sets none.
 *
 * The names of version 0.1 (`--ccp-preflight-accent`, `-text`, `-muted`, `-surface`, `-border`, `-radius`,
 * `-accent-text`, `-pass`, `-warn`, `-fail`, `-chart-line`, `-focus-ring`, `-track`, `-font`) are still read, as
 * the fallback of the new name. README.md ("Theming") lists every property and part; test/unit/theming.test.ts
 * fails when a name used in src/ is not documented there.
 */
export const themeStyles = css`
  :host {
    --_font: var(--ccp-preflight-font-family, var(--ccp-preflight-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif));
    --_text: var(--ccp-preflight-text-color, var(--ccp-preflight-text, #16191f));
    --_muted: var(--ccp-preflight-muted-color, var(--ccp-preflight-muted, #545b64));
    --_surface: var(--ccp-preflight-surface-color, var(--ccp-preflight-surface, #ffffff));
    --_border: var(--ccp-preflight-border-color, var(--ccp-preflight-border, #c8ccd2));
    --_radius: var(--ccp-preflight-border-radius, var(--ccp-preflight-radius, 8px));
    --_accent: var(--ccp-preflight-accent-color, var(--ccp-preflight-accent, #0b63ce));
    --_accent-text: var(--ccp-preflight-accent-text-color, var(--ccp-preflight-accent-text, #ffffff));
    --_pass: var(--ccp-preflight-pass-color, var(--ccp-preflight-pass, #0d5223));
    --_pass-bg: var(--ccp-preflight-pass-bg, #e6f4ea);
    --_warn: var(--ccp-preflight-warn-color, var(--ccp-preflight-warn, #6b3a00));
    --_warn-bg: var(--ccp-preflight-warn-bg, #fff4e5);
    --_fail: var(--ccp-preflight-fail-color, var(--ccp-preflight-fail, #8c1d18));
    --_fail-bg: var(--ccp-preflight-fail-bg, #fdecea);
    --_skip: var(--ccp-preflight-skip-color, #3d4349);
    --_skip-bg: var(--ccp-preflight-skip-bg, #f1f3f5);
    --_chart: var(--ccp-preflight-chart-color, var(--ccp-preflight-chart-line, #0b63ce));
    --_focus: var(--ccp-preflight-focus-ring-color, var(--ccp-preflight-focus-ring, #ff9900));
    --_track: var(--ccp-preflight-track-color, var(--ccp-preflight-track, #e9ebed));
  }
`;
