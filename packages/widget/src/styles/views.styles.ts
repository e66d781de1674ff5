import { css } from 'lit';

/** Layout helpers and tables of the views loaded on demand (not needed by the first load). */
export const viewsStyles = css`
  /* Each view lays out by its own width (the widget may sit in a narrow column of a wide
     page), and nothing inside it can widen the page: wide parts scroll in their own box. */
  lead-form-import,
  lead-form-leads,
  lead-form-customers,
  lead-form-commissions,
  lead-form-program,
  lead-form-messages {
    container: lead-form-view / inline-size;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
  }
  .stack {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    align-items: center;
  }
  .spread {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    align-items: center;
    justify-content: space-between;
  }
  /* Tables */
  .table-wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.5em 0.6em;
    border-bottom: 1px solid var(--_divider);
    vertical-align: middle;
  }
  th {
    font-size: 0.9em;
    color: var(--_muted);
    font-weight: 600;
  }
  td .link {
    justify-content: flex-start;
    text-align: start;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .badge {
    display: inline-block;
    padding: 0.1em 0.55em;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.85em;
    white-space: nowrap;
  }
  .empty {
    padding: calc(var(--_space) * 1.5);
    text-align: center;
    color: var(--_muted);
  }

  /* Narrow: each row of a list is a card, its first cell the title, its status top right, the
     other cells labelled below. The header row stays for screen readers, out of sight. */
  @container lead-form-view (max-width: 34rem) {
    .cards,
    .cards tbody,
    .cards tr,
    .cards td {
      display: block;
    }
    .cards thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    .cards tr {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 0.35em var(--_space);
      padding: 0.75em 0.9em;
      margin-bottom: 0.6em;
      border: 1px solid var(--_divider);
      border-radius: var(--_radius);
    }
    .cards td {
      grid-column: 1 / -1;
      padding: 0;
      border: 0;
      text-align: start;
      overflow-wrap: anywhere;
    }
    .cards td:empty {
      display: none;
    }
    .cards td[data-label]::before {
      content: attr(data-label);
      display: block;
      color: var(--_muted);
      font-size: 0.85em;
    }
    .cards .card-title {
      grid-column: 1;
      font-weight: 600;
    }
    .cards .card-title .muted {
      font-weight: 400;
    }
    .cards .card-status {
      grid-column: 2;
      grid-row: 1;
    }
  }
`;

/** Status colours (text and border ≥ 4.5:1 on white). */
export const statusStyles = css`
  .status-new {
    color: #374151;
  }
  .status-qualified,
  .status-approved,
  .status-processing,
  .status-queued {
    color: #1d4ed8;
  }
  .status-unqualified,
  .status-declined {
    color: #4b5563;
  }
  .status-closed_won,
  .status-paid,
  .status-completed {
    color: #15803d;
  }
  .status-closed_lost,
  .status-failed {
    color: #b91c1c;
  }
  .status-pending,
  .status-signed_up {
    color: #92400e;
  }
`;
