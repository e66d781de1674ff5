import type { LeadStage } from '@leadbridge/core';
import type { BulkLeadStageResult, Lead } from '@leadbridge/sdk';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { lb } from '../../api/client';
import { errorMessage, isStatus } from '../../api/errors';
import { stageLabelsOf, useProgramMap } from '../../api/programs';
import { invalidateArea } from '../../api/queries';
import { leadName } from '../../lib/format';
import { useToast } from '../../ui/Toast';
import {
  cancelLeadQueries,
  markLeadListsStale,
  patchLeads,
  restoreLeads,
  snapshotLeads,
  storeLeads,
} from './lead-cache';

export interface StageChange {
  lead: Lead;
  stage: LeadStage;
  reason?: string;
  /** Sent by the detail page: a stale version answers 409, which the caller shows itself. */
  version?: number;
}

/** Related views that change when leads move (customers appear, charts move). */
function markRelatedStale(client: ReturnType<typeof useQueryClient>, leadIds: readonly string[]) {
  invalidateArea(client, 'customers', 'commissions', 'analytics');
  markLeadListsStale(client, leadIds);
}

/**
 * Moves one lead, showing the new stage at once and putting the old one back if the API
 * refuses (with the reason in a toast).
 */
export function useStageChange() {
  const client = useQueryClient();
  const programs = useProgramMap();
  const toast = useToast();
  return useMutation({
    mutationFn: ({ lead, stage, reason, version }: StageChange) =>
      lb.leads.changeStage(lead.id, {
        stage,
        ...(reason ? { reason } : {}),
        ...(version ? { version } : {}),
      }),
    onMutate: async ({ lead, stage }) => {
      await cancelLeadQueries(client);
      const snapshot = snapshotLeads(client, [lead.id]);
      const stageLabel = stageLabelsOf(programs.get(lead.programId))[stage];
      patchLeads(client, [lead.id], (cached) => ({ ...cached, stage, stageLabel }));
      return snapshot;
    },
    onError: (error, change, snapshot) => {
      if (snapshot) restoreLeads(client, snapshot);
      if (change.version && isStatus(error, 409)) return;
      toast.show(`${leadName(change.lead)} was not moved: ${errorMessage(error)}`, {
        kind: 'error',
      });
    },
    onSuccess: (lead) => {
      storeLeads(client, [lead]);
      markRelatedStale(client, [lead.id]);
    },
  });
}

export interface BulkOutcome {
  stage: LeadStage;
  results: (BulkLeadStageResult & { lead?: Lead; name: string })[];
}

const BULK_CHUNK = 500;

/**
 * Moves many leads (in chunks the API accepts), optimistically, then shows what happened to
 * each: moved leads keep their new stage, refused ones go back.
 */
export function useBulkStageChange() {
  const client = useQueryClient();
  const programs = useProgramMap();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const mutation = useMutation({
    mutationFn: async ({
      leads,
      stage,
      reason,
    }: {
      leads: Lead[];
      stage: LeadStage;
      reason?: string;
    }) => {
      const results: BulkLeadStageResult[] = [];
      setProgress({ done: 0, total: leads.length });
      for (let start = 0; start < leads.length; start += BULK_CHUNK) {
        const ids = leads.slice(start, start + BULK_CHUNK).map((lead) => lead.id);
        results.push(
          ...(await lb.leads.bulkChangeStage({ ids, stage, ...(reason ? { reason } : {}) })),
        );
        setProgress({ done: Math.min(leads.length, start + BULK_CHUNK), total: leads.length });
      }
      return results;
    },
    onMutate: async ({ leads, stage }) => {
      await cancelLeadQueries(client);
      const snapshot = snapshotLeads(
        client,
        leads.map((lead) => lead.id),
      );
      patchLeads(
        client,
        leads.map((lead) => lead.id),
        (lead) => ({
          ...lead,
          stage,
          stageLabel: stageLabelsOf(programs.get(lead.programId))[stage],
        }),
      );
      return snapshot;
    },
    onError: (_error, _vars, snapshot) => {
      if (snapshot) restoreLeads(client, snapshot);
    },
    onSuccess: (results, { leads }) => {
      const originals = new Map(leads.map((lead) => [lead.id, lead]));
      const moved = results.flatMap((r) => (r.ok && r.lead ? [r.lead] : []));
      const refused = results.flatMap((r) => {
        const original = originals.get(r.id);
        return !r.ok && original ? [original] : [];
      });
      storeLeads(client, [...moved, ...refused]);
      if (moved.length > 0)
        markRelatedStale(
          client,
          moved.map((lead) => lead.id),
        );
    },
    onSettled: () => setProgress(null),
  });
  const outcome: BulkOutcome | null =
    mutation.data && mutation.variables
      ? {
          stage: mutation.variables.stage,
          results: mutation.data.map((result) => {
            const original = mutation.variables?.leads.find((lead) => lead.id === result.id);
            return { ...result, name: original ? leadName(original) : result.id };
          }),
        }
      : null;
  return { ...mutation, progress, outcome };
}
