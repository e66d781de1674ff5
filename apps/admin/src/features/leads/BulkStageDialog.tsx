import type { LeadStage } from '@leadbridge/core';
import type { Lead } from '@leadbridge/sdk';
import { useState } from 'react';
import { errorMessage } from '../../api/errors';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Alert, ProgressBar } from '../../ui/States';
import type { useBulkStageChange } from './use-stage-change';

interface Props {
  target: { stage: LeadStage; label: string } | null;
  leads: Lead[];
  bulk: ReturnType<typeof useBulkStageChange>;
  onClose: () => void;
  onDone: () => void;
}

/** Confirms a bulk move, shows its progress, then what happened to every lead. */
export function BulkStageDialog({ target, leads, bulk, onClose, onDone }: Props) {
  const [reason, setReason] = useState('');
  const outcome = bulk.outcome;
  const finished = outcome !== null && !bulk.isPending;
  const moved = outcome?.results.filter((r) => r.ok).length ?? 0;
  const refused = outcome?.results.filter((r) => !r.ok) ?? [];
  const close = () => {
    if (bulk.isPending) return;
    if (finished) onDone();
    setReason('');
    bulk.reset();
    onClose();
  };
  if (!target) return null;
  return (
    <Dialog
      open
      wide={finished}
      title={
        finished
          ? 'Bulk change finished'
          : `Move ${leads.length} ${leads.length === 1 ? 'lead' : 'leads'} to ${target.label}`
      }
      onClose={close}
      footer={
        finished ? (
          <Button variant="primary" onClick={close}>
            Done
          </Button>
        ) : (
          <>
            <Button onClick={close} disabled={bulk.isPending}>
              Cancel
            </Button>
            <Button
              variant="primary"
              loading={bulk.isPending}
              onClick={() =>
                bulk.mutate({
                  leads,
                  stage: target.stage,
                  ...(reason.trim() ? { reason: reason.trim() } : {}),
                })
              }
            >
              Move to {target.label}
            </Button>
          </>
        )
      }
    >
      {!finished && (
        <div className="stack">
          {bulk.isError && <Alert kind="error">{errorMessage(bulk.error)}</Alert>}
          <Field label="Reason (optional)" hint="Saved in each lead's history.">
            {(c) => (
              <textarea
                {...c}
                className="textarea"
                value={reason}
                maxLength={1000}
                onChange={(e) => setReason(e.target.value)}
                disabled={bulk.isPending}
              />
            )}
          </Field>
          {bulk.progress && (
            <div className="stack-sm" aria-live="polite">
              <ProgressBar
                value={bulk.progress.done / bulk.progress.total}
                label="Bulk change progress"
              />
              <span className="subtle">
                {bulk.progress.done} of {bulk.progress.total} processed…
              </span>
            </div>
          )}
        </div>
      )}
      {finished && outcome && (
        <div className="stack" data-testid="bulk-results">
          <div className="row" role="status">
            <span className="badge badge-success">{moved} moved</span>
            {refused.length > 0 && (
              <span className="badge badge-danger">{refused.length} not moved</span>
            )}
          </div>
          <div className="table-wrap" style={{ maxHeight: 360, overflowY: 'auto' }}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Lead</th>
                  <th scope="col">Result</th>
                </tr>
              </thead>
              <tbody>
                {/* Refused leads first: they are the ones that need a look. */}
                {[...outcome.results]
                  .sort((a, b) => Number(a.ok) - Number(b.ok))
                  .map((result) => (
                    <tr key={result.id} data-result={result.ok ? 'ok' : 'failed'}>
                      <td>{result.name}</td>
                      <td>
                        {result.ok ? (
                          <span className="badge badge-success">
                            Moved to {result.lead?.stageLabel ?? target.label}
                          </span>
                        ) : (
                          <span className="field-error">
                            {result.detail ?? result.code ?? 'Not moved'}
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </Dialog>
  );
}
