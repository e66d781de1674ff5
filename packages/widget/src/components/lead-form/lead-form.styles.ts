import { css } from 'lit';
import { baseStyles } from '../../styles/base.styles.js';
import { tokenStyles } from '../../styles/tokens.styles.js';
import { submitViewStyles } from '../submit-view/submit-view.styles.js';

const shellStyles = css`
  .base {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
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
    padding: 0.1em 0.7em;
    border-radius: 999px;
    background: var(--_highlight);
    color: var(--_accent);
    font-size: 0.85em;
    font-weight: 600;
  }
  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    padding-bottom: 0.5em;
    border-bottom: 1px solid var(--_divider);
  }
  [role='tab'] {
    border: 0;
    background: none;
    color: inherit;
    padding: 0.4em 0.85em;
  }
  [role='tab']:hover {
    background: var(--_highlight);
  }
  [role='tab'][aria-selected='true'] {
    background: color-mix(in srgb, var(--_accent) 14%, #fff);
    color: var(--_accent);
    font-weight: 600;
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

/** The element's shadow root: tokens, shared controls, the shell, and the Submit view (first load). */
export const leadFormStyles = [tokenStyles, baseStyles, shellStyles, submitViewStyles];
