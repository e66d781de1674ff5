import { css } from 'lit';

export const leadsViewStyles = css`
  /* A lead's page lays out as if it stood in the view itself. */
  lead-form-lead-detail {
    display: contents;
  }
  .filters {
    display: grid;
    grid-template-columns: minmax(12rem, 2fr) minmax(10rem, 1fr);
    gap: calc(var(--_space) / 2) var(--_space);
    align-items: end;
  }
  .details {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) minmax(0, 1fr);
    gap: 0.4em var(--_space);
    margin: 0;
  }
  .details dt {
    color: var(--_muted);
  }
  .details dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .history {
    margin: 0;
    padding-inline-start: 1.2em;
    display: grid;
    gap: 0.4em;
  }
  .history time {
    color: var(--_muted);
    font-size: 0.9em;
    margin-inline-end: 0.5em;
  }
  .totals {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(9.5em, 100%), 1fr));
    gap: calc(var(--_space) / 2);
    margin: 0;
  }
  .total {
    padding: 0.6em 1em;
    border: 1px solid var(--_divider);
    border-radius: var(--_radius);
  }
  .total dt {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .total dd {
    margin: 0;
    font-size: 1.2em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .changes {
    margin: 0.4em 0 0;
    padding-inline-start: 1.2em;
  }
  @container lead-form-view (max-width: 36rem) {
    .filters,
    .details {
      grid-template-columns: minmax(0, 1fr);
    }
    .details dd + dt {
      margin-top: 0.4em;
    }
  }
`;
