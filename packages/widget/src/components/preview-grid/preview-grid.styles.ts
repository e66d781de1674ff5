import { css } from 'lit';

export const previewGridStyles = css`
  lead-form-preview-grid {
    display: block;
    position: relative;
  }
  .grid-scroll {
    max-height: var(--lead-form-preview-height, 24rem);
    overflow: auto;
    /* The sticky header row and row numbers never hide the cell that has focus. */
    scroll-padding-block-start: 4em;
    scroll-padding-inline-start: 5em;
    border: 1px solid var(--_divider);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_input-text);
  }
  .grid {
    border-collapse: separate;
    border-spacing: 0;
    table-layout: fixed;
    width: max-content;
    min-width: 100%;
  }
  .grid th,
  .grid td {
    height: 36px;
    max-height: 36px;
    padding: 0 0.6em;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    vertical-align: middle;
    border-bottom: 1px solid var(--_divider);
    border-inline-end: 1px solid var(--_divider);
  }
  .grid thead th {
    position: sticky;
    top: 0;
    z-index: 1;
    height: auto;
    padding: 0.4em 0.6em;
    background: #f3f4f6;
    color: #1f2937;
    white-space: normal;
    vertical-align: bottom;
  }
  .grid .w-row {
    width: 5em;
  }
  .grid .w-status {
    width: 10em;
  }
  .grid .w-cell {
    width: 13em;
  }
  .grid .mapped {
    display: block;
    font-weight: 400;
    font-size: 0.85em;
    color: #374151;
  }
  .grid th[scope='row'] {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    font-weight: 400;
    color: #374151;
    text-align: end;
    background: #f9fafb;
  }
  .grid thead th:first-child {
    inset-inline-start: 0;
    z-index: 2;
  }
  .grid td.invalid {
    background: var(--_danger-surface);
    color: var(--_danger);
    box-shadow: inset 0 0 0 2px var(--_danger);
  }
  .grid td.status-bad {
    color: var(--_danger);
    font-weight: 600;
  }
  .grid td.status-ok {
    color: var(--_success);
  }
  .grid td.status-skip {
    color: #4b5563;
  }
  .grid tr.edited th[scope='row']::after {
    content: ' •';
    color: var(--_accent);
  }
  .grid td:focus,
  .grid th:focus {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .grid td.editing {
    padding: 0;
    overflow: visible;
  }
  .grid td.editing input {
    width: 100%;
    height: 100%;
    min-height: 0;
    border-radius: 0;
    border: 2px solid var(--_accent);
    padding: 0 0.5em;
  }
  .grid-tooltip {
    position: absolute;
    z-index: 5;
    max-width: min(22rem, 100%);
    padding: 0.45em 0.7em;
    border-radius: var(--_radius);
    background: #111827;
    color: #ffffff;
    font-size: 0.9em;
    pointer-events: none;
    white-space: normal;
  }
`;
