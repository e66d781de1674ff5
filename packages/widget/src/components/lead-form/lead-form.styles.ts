import { css } from 'lit';

export const leadFormStyles = css`
  .base {
    display: grid;
    gap: var(--_space);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    align-items: baseline;
    justify-content: space-between;
  }
  .account {
    display: flex;
    gap: calc(var(--_space) / 2);
    align-items: center;
    color: var(--_muted);
    font-size: 0.95em;
  }
  .preview-badge {
    color: var(--_accent);
    font-weight: 600;
  }
  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    border-bottom: 1px solid var(--_divider);
  }
  [role='tab'] {
    border: 0;
    border-bottom: 3px solid transparent;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: none;
    color: inherit;
    min-height: 2.75em;
    padding: 0.4em 0.9em;
    margin-bottom: -1px;
  }
  [role='tab'][aria-selected='true'] {
    border-bottom-color: var(--_accent);
    font-weight: 600;
  }
  [role='tab']:hover {
    background: var(--_highlight);
    color: var(--_input-text);
  }
  .count-badge {
    display: inline-block;
    min-width: 1.5em;
    padding: 0 0.4em;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-text);
    font-size: 0.8em;
    font-weight: 600;
    text-align: center;
  }
  [role='tabpanel']:focus-visible {
    outline-offset: 4px;
  }
`;
