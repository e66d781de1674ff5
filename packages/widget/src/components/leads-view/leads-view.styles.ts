import { css } from 'lit';

export const leadsViewStyles = css`
  lead-form-leads,
  lead-form-customers,
  lead-form-commissions {
    display: grid;
    gap: var(--_space);
  }
  .filters {
    display: grid;
    grid-template-columns: minmax(12rem, 2fr) minmax(10rem, 1fr);
    gap: calc(var(--_space) / 2) var(--_space);
    align-items: end;
  }
  .details {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
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
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .total {
    padding: 0.6em 1em;
    border: 1px solid var(--_divider);
    border-radius: var(--_radius);
    min-width: 9em;
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
  @media (max-width: 36rem) {
    .filters {
      grid-template-columns: 1fr;
    }
  }
`;
