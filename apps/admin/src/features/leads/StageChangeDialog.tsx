import { canTransition, type LeadStage } from '@leadbridge/core';
import { isLeadbridgeError, type Lead } from '@leadbridge/sdk';
import { useQueryClient } from '@tanstack/react-query';
import { ArrowRight } from 'lucide-react';
import { useState } from 'react';
import { errorMessage } from '../../api/errors';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { StageBadge } from '../../ui/StageBadge';
import { Alert } from '../../ui/States';
import { useToast } from '../../ui/Toast';
import { storeLeads } from './lead-cache';
import { useStageChange } from './use-stage-change';

interface Props {
  lead: Lead;
  target: { stage: LeadStage; label: string } | null;
  onClose: () => void;
}

/** Moves the lead with an optional reason; a stale version shows what changed first. */
export function StageChangeDialog({ lead, target, onClose }: Props) {
  const [reason, setReason] = useState('');
  const change = useStageChange();
  const client = useQueryClient();
  const toast = useToast();
  const conflict =
    isLeadbridgeError(change.error) && change.error.code === 'version_conflict'
      ? ((change.error.problem as { current?: Lead } | undefined)?.current ?? null)
      : null;
  const close = () => {
    setReason('');
    change.reset();
    onClose();
  };
  if (!target) return null;
  const submit = (version: number) =>
    change.mutate(
      { lead, stage: target.stage, version, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      {
        onSuccess: (moved) => {
          toast.show(`Moved to ${moved.stageLabel}`);
          close();
        },
      },
    );
  return (
    <Dialog
      open
      title={`Move to ${target.label}`}
      onClose={close}
      footer={
        conflict ? (
          <>
            <Button
              onClick={() => {
                storeLeads(client, [conflict]);
                close();
              }}
            >
              Reload the lead
            </Button>
            {canTransition(conflict.stage, target.stage) && (
              <Button
                variant="primary"
                loading={change.isPending}
                onClick={() => submit(conflict.version)}
              >
                Move to {target.label} anyway
              </Button>
            )}
          </>
        ) : (
          <>
            <Button onClick={close} disabled={change.isPending}>
              Cancel
            </Button>
            <Button
              variant="primary"
              loading={change.isPending}
              onClick={() => submit(lead.version)}
            >
              Move to {target.label}
            </Button>
          </>
        )
      }
    >
      <div className="stack">
        {conflict ? (
          <Alert kind="warning" role="alert">
            <div className="stack-sm">
              <strong>This lead changed since you opened it.</strong>
              <span>
                It is now <StageBadge stage={conflict.stage} label={conflict.stageLabel} /> (version{' '}
                {conflict.version}, you had version {lead.version}).
                {!canTransition(conflict.stage, target.stage) &&
                  ` It can no longer move to ${target.label}.`}
              </span>
            </div>
          </Alert>
        ) : (
          change.isError && <Alert kind="error">{errorMessage(change.error)}</Alert>
        )}
        <p>
          <StageBadge stage={lead.stage} label={lead.stageLabel} />{' '}
          <ArrowRight size={14} className="inline-icon" aria-hidden="true" />
          <span className="visually-hidden">to</span>{' '}
          <StageBadge stage={target.stage} label={target.label} />
        </p>
        {target.stage === 'closed_won' && (
          <p className="subtle">
            Winning a lead makes it a customer; its partner earns the program's commissions.
          </p>
        )}
        <Field label="Reason (optional)" hint="Kept in the lead's history.">
          {(c) => (
            <textarea
              {...c}
              className="textarea"
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
      </div>
    </Dialog>
  );
}
