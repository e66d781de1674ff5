import { z } from 'zod/mini';

export const LEAD_STAGES = [
  'new',
  'qualified',
  'unqualified',
  'closed_won',
  'closed_lost',
] as const;

export type LeadStage = (typeof LEAD_STAGES)[number];

export const leadStageSchema = /* @__PURE__ */ z.enum(LEAD_STAGES);

/**
 * The one table of allowed stage changes. `closed_won` is final because a customer and
 * commissions hang off it; `unqualified` and `closed_lost` may be reopened to `qualified`
 * because sales teams revisit leads, but never straight back to `new`, which means "untouched".
 *
 * Each list is in lifecycle order: first the natural next step (qualify a new lead, win a
 * qualified one, reopen a closed one), then the other ways forward, then the way out. Screens
 * offer the stages in this order and make the first one the primary action (`nextStage`).
 */
export const STAGE_TRANSITIONS: Readonly<Record<LeadStage, readonly LeadStage[]>> = {
  new: ['qualified', 'closed_won', 'closed_lost', 'unqualified'],
  qualified: ['closed_won', 'closed_lost', 'unqualified'],
  unqualified: ['qualified'],
  closed_won: [],
  closed_lost: ['qualified'],
};

/** Stages whose arrival is emailed to the partner who submitted the lead. */
export const NOTIFY_PARTNER_STAGES = ['qualified', 'closed_won', 'closed_lost'] as const;

/** Stages in which the submitting partner may still correct the lead's fields. */
export const PARTNER_EDITABLE_STAGES = ['new', 'qualified'] as const;

export function isLeadStage(value: unknown): value is LeadStage {
  return typeof value === 'string' && (LEAD_STAGES as readonly string[]).includes(value);
}

// Runtime guards as well as types: stages arrive from the database and from HTTP bodies.
export function allowedTransitions(from: LeadStage): readonly LeadStage[] {
  return isLeadStage(from) ? STAGE_TRANSITIONS[from] : [];
}

/** The natural next stage of a lead in `from` (null when `from` is final). */
export function nextStage(from: LeadStage): LeadStage | null {
  return allowedTransitions(from)[0] ?? null;
}

export function canTransition(from: LeadStage, to: LeadStage): boolean {
  return isLeadStage(to) && allowedTransitions(from).includes(to);
}

export function shouldNotifyPartner(stage: LeadStage): boolean {
  return (NOTIFY_PARTNER_STAGES as readonly string[]).includes(stage);
}

export function isPartnerEditableStage(stage: LeadStage): boolean {
  return (PARTNER_EDITABLE_STAGES as readonly string[]).includes(stage);
}
