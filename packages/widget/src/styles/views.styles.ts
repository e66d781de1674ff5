import { css } from 'lit';

/** Layout helpers and tables of the views loaded on demand (not needed by the first load). */
export const viewsStyles = css`
  .stack {
    display: grid;
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
