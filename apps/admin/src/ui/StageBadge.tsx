import type { LeadStage } from '@leadbridge/core';

/** A lead's stage in the program's own words, coloured by its canonical key. */
export function StageBadge({ stage, label }: { stage: LeadStage; label: string }) {
  return (
    <span className={`badge badge-dot stage-${stage}`} data-stage={stage}>
      {label}
    </span>
  );
}

const STATUS_KIND: Record<string, string> = {
  pending: 'badge-warning',
  approved: 'badge-info',
  paid: 'badge-success',
  declined: 'badge-danger',
  queued: 'badge-info',
  processing: 'badge-accent',
  completed: 'badge-success',
  failed: 'badge-danger',
  succeeded: 'badge-success',
  signed_up: 'badge-info',
  active: 'badge-success',
  invited: 'badge-info',
  archived: '',
  ended: '',
  accepted: 'badge-success',
  revoked: 'badge-danger',
  expired: '',
};

/** Any other status (commission, import, customer…) as a coloured pill. */
export function StatusBadge({ status, label }: { status: string; label?: string }) {
  const text = label ?? status.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
  return <span className={`badge badge-dot ${STATUS_KIND[status] ?? ''}`}>{text}</span>;
}
