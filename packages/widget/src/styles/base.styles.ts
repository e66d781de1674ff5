import { css } from 'lit';

/** Controls, buttons, alerts and tables shared by every view (all render in one shadow root). */
export const baseStyles = css`
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  h2,
  h3,
  h4 {
    margin: 0;
    line-height: 1.25;
  }
  h2 {
    font-size: 1.35em;
  }
  h3 {
    font-size: 1.15em;
  }
  p {
    margin: 0;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .muted {
    color: var(--_muted);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  /* Buttons */
  button,
  .button {
    font: inherit;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 2.5em;
    padding: 0.45em 1em;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_input-text);
    cursor: pointer;
    text-decoration: none;
  }
  button[aria-disabled='true'],
  button:disabled {
    cursor: not-allowed;
    opacity: 0.65;
  }
  .primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
  }
  .link {
    border: 0;
    background: none;
    padding: 0.2em 0.1em;
    min-height: 0;
    color: var(--_accent);
    text-decoration: underline;
  }
  .icon-button {
    min-height: 2.25em;
    min-width: 2.25em;
    padding: 0.3em;
  }
  .icon {
    width: 1.15em;
    height: 1.15em;
    flex: none;
  }

  /* Fields */
  .field {
    display: grid;
    gap: 0.3em;
  }
  label,
  legend {
    font-weight: 600;
  }
  .required {
    color: var(--_danger);
    margin-inline-start: 0.2em;
  }
  input:not([type='checkbox']):not([type='radio']):not([type='file']),
  select,
  textarea {
    font: inherit;
    width: 100%;
    min-height: 2.5em;
    padding: 0.45em 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_input-text);
  }
  textarea {
    min-height: 6em;
    resize: vertical;
  }
  input[type='checkbox'] {
    width: 1.15em;
    height: 1.15em;
    margin: 0;
    accent-color: var(--_accent);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
    box-shadow: 0 0 0 1px var(--_danger);
  }
  .help {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.9em;
    font-weight: 600;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
  }
  .choice {
    display: flex;
    gap: 0.5em;
    align-items: center;
    font-weight: 400;
  }
  .choices {
    display: grid;
    gap: 0.35em;
    margin-top: 0.3em;
  }

  /* Messages */
  .alert {
    padding: 0.75em 1em;
    border-radius: var(--_radius);
    border: 1px solid var(--_danger);
    background: var(--_danger-surface);
    color: var(--_danger);
  }
  .notice {
    padding: 0.75em 1em;
    border-radius: var(--_radius);
    border: 1px solid var(--_divider);
    background: var(--_surface);
    color: var(--_input-text);
  }
  .success {
    padding: 1em;
    border-radius: var(--_radius);
    border: 1px solid var(--_success);
    background: var(--_success-surface);
    color: #14532d;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    align-items: center;
  }
`;
