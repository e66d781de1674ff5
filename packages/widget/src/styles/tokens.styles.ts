import { css } from 'lit';

/**
 * The public theming surface: `--lead-form-*` custom properties, each mapped once to a private
 * `--_*` variable with its default. The font and text colour default to the host page's own
 * (inherit); the other defaults keep text at ≥ 4.5:1 on a light page.
 */
export const tokenStyles = css`
  :host {
    --_accent: var(--lead-form-accent, #4338ca);
    --_accent-text: var(--lead-form-accent-text, #ffffff);
    --_radius: var(--lead-form-radius, 8px);
    --_font: var(--lead-form-font, inherit);
    --_font-size: var(--lead-form-font-size, 1rem);
    --_text: var(--lead-form-text, inherit);
    --_muted: var(--lead-form-muted, #4b5563);
    --_background: var(--lead-form-background, transparent);
    --_surface: var(--lead-form-surface, #ffffff);
    --_input-text: var(--lead-form-input-text, #111827);
    --_border: var(--lead-form-border, #8a94a6);
    --_divider: var(--lead-form-divider, #e2e5ec);
    --_danger: var(--lead-form-danger, #b91c1c);
    --_danger-surface: var(--lead-form-danger-surface, #fef2f2);
    --_success: var(--lead-form-success, #15803d);
    --_success-surface: var(--lead-form-success-surface, #f0fdf4);
    --_highlight: var(--lead-form-highlight, color-mix(in srgb, var(--_accent) 9%, #fff));
    --_space: var(--lead-form-space, 1rem);
    --_focus: var(--lead-form-focus-ring, var(--_accent));
    --_max-width: var(--lead-form-max-width, 100%);

    display: block;
    box-sizing: border-box;
    max-width: var(--_max-width);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_text);
    background: var(--_background);
  }
  :host([hidden]) {
    display: none;
  }
`;
