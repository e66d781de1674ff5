import { DEFAULT_STAGE_LABELS, type LeadStage } from '@leadbridge/core';
import type { Program } from '@leadbridge/sdk';
import { useQuery } from '@tanstack/react-query';
import { queries } from './queries';

/** The company's programs: every page that filters or labels by program shares this list. */
export function usePrograms() {
  return useQuery(queries.programs());
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
  return useQuery(queries.partnerOptions());
}
