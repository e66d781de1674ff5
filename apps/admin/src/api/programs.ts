import { DEFAULT_STAGE_LABELS, type LeadStage } from '@leadbridge/core';
import type { Partner, Program } from '@leadbridge/sdk';
import { useQuery } from '@tanstack/react-query';
import { lb } from './client';

export const programsKey = ['programs'] as const;

/**
 * The company's programs. A company has a handful, so one page of 200 is all of them; every
 * page that filters or labels by program shares this one cached list.
 */
export function usePrograms() {
  return useQuery({
    queryKey: programsKey,
    queryFn: async ({ signal }) => (await lb.programs.list({ limit: 200 }, { signal })).data,
    staleTime: 60_000,
  });
}

export function useProgramMap(): Map<string, Program> {
  const { data } = usePrograms();
  return new Map((data ?? []).map((program) => [program.id, program]));
}

/** Stage labels of one program, or the defaults when the program is unknown or not chosen. */
export function stageLabelsOf(program: Program | undefined): Record<LeadStage, string> {
  return (
    (program?.resolvedStageLabels as Record<LeadStage, string> | undefined) ?? {
      ...DEFAULT_STAGE_LABELS,
    }
  );
}

/** Partners for filter menus (the first 200 by newest; the list page searches all). */
export function usePartnerOptions() {
  return useQuery({
    queryKey: ['partners', 'options'],
    queryFn: async ({ signal }): Promise<Partner[]> =>
      (await lb.partners.list({ limit: 200 }, { signal })).data,
    staleTime: 60_000,
  });
}
