import { z } from 'zod/mini';
import type { Locale } from '../i18n/locale.js';
import { LEAD_STAGES, type LeadStage } from './stages.js';

export const DEFAULT_STAGE_LABELS: Readonly<Record<LeadStage, string>> = {
  new: 'New',
  qualified: 'Qualified',
  unqualified: 'Unqualified',
  closed_won: 'Closed Won',
  closed_lost: 'Closed Lost',
};

/** Each language's names for the stages, until a program renames them. */
export const DEFAULT_STAGE_LABELS_BY_LOCALE: Readonly<
  Record<Locale, Readonly<Record<LeadStage, string>>>
> = {
  en: DEFAULT_STAGE_LABELS,
  de: {
    new: 'Neu',
    qualified: 'Qualifiziert',
    unqualified: 'Nicht qualifiziert',
    closed_won: 'Gewonnen',
    closed_lost: 'Verloren',
  },
  fr: {
    new: 'Nouveau',
    qualified: 'Qualifié',
    unqualified: 'Non qualifié',
    closed_won: 'Gagné',
    closed_lost: 'Perdu',
  },
  es: {
    new: 'Nuevo',
    qualified: 'Calificado',
    unqualified: 'No calificado',
    closed_won: 'Ganado',
    closed_lost: 'Perdido',
  },
  'pt-BR': {
    new: 'Novo',
    qualified: 'Qualificado',
    unqualified: 'Não qualificado',
    closed_won: 'Ganho',
    closed_lost: 'Perdido',
  },
  it: {
    new: 'Nuovo',
    qualified: 'Qualificato',
    unqualified: 'Non qualificato',
    closed_won: 'Vinto',
    closed_lost: 'Perso',
  },
  nl: {
    new: 'Nieuw',
    qualified: 'Gekwalificeerd',
    unqualified: 'Niet gekwalificeerd',
    closed_won: 'Gewonnen',
    closed_lost: 'Verloren',
  },
};

export const STAGE_LABEL_MAX_LENGTH = 40;

/** A program's renamed stages; a stage left out keeps its default label. */
export type StageLabels = Partial<Record<LeadStage, string>>;

// Schemas are built in pure-annotated arrows so an unused one (and zod) drops out of bundles.
const stageLabelSchema = /* @__PURE__ */ (() =>
  z.string().check(z.minLength(1), z.maxLength(STAGE_LABEL_MAX_LENGTH)))();

// Strict so a misspelt stage key is refused instead of being silently ignored.
export const stageLabelsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    new: z.optional(stageLabelSchema),
    qualified: z.optional(stageLabelSchema),
    unqualified: z.optional(stageLabelSchema),
    closed_won: z.optional(stageLabelSchema),
    closed_lost: z.optional(stageLabelSchema),
  }))();

export function defaultStageLabels(locale: Locale = 'en'): Readonly<Record<LeadStage, string>> {
  return DEFAULT_STAGE_LABELS_BY_LOCALE[locale] ?? DEFAULT_STAGE_LABELS;
}

/**
 * The program's label for a stage, or the default. A program's label wins over the locale's
 * default because it is the name the company uses with its partners in every language.
 */
export function stageLabel(stage: LeadStage, labels?: StageLabels | null, locale?: Locale): string {
  const custom = labels?.[stage]?.trim();
  return custom ? custom : defaultStageLabels(locale)[stage];
}

export function resolveStageLabels(
  labels?: StageLabels | null,
  locale?: Locale,
): Record<LeadStage, string> {
  const resolved = {} as Record<LeadStage, string>;
  for (const stage of LEAD_STAGES) resolved[stage] = stageLabel(stage, labels, locale);
  return resolved;
}
