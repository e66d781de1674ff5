import {
  allowedTransitions,
  type DuplicateReason,
  type FieldError,
  type LeadStage,
  type StageLabels,
  stageLabel,
} from '@leadbridge/core';
import { ProblemException, validationProblem } from '../common/problem/problem';
import type { LeadDto } from './lead.dto';

/** Core's field errors as the API's 422: `errors[]` keeps core's codes and params 1:1. */
export function leadValidationProblem(errors: FieldError[]): ProblemException {
  return validationProblem(errors);
}

export function submissionDisabled(reason: 'disabled' | 'archived'): ProblemException {
  return new ProblemException(
    403,
    'lead_submission_disabled',
    reason === 'archived'
      ? 'This program is archived and no longer accepts leads.'
      : 'This program does not accept lead submissions at the moment.',
  );
}

/**
 * Says when the lead was first registered, never by whom: another partner's lead is not this
 * caller's business, and the date is what settles an ownership question with the company.
 */
export function duplicateLead(firstRegisteredAt: Date, reason: DuplicateReason): ProblemException {
  const what =
    reason === 'email' ? 'A lead with this email address' : "A lead from this email's company";
  return new ProblemException(
    409,
    'duplicate_lead',
    `${what} was already registered in this program on ${firstRegisteredAt.toISOString()}. The first registration owns the lead.`,
    { firstRegisteredAt: firstRegisteredAt.toISOString(), reason },
  );
}

export function versionConflict(current: LeadDto): ProblemException {
  return new ProblemException(
    409,
    'version_conflict',
    `This lead was changed since you loaded it; it is now at version ${current.version}. Review the current lead (in \`current\`) and retry.`,
    { current },
  );
}

export function leadNotEditable(stage: LeadStage, labels: StageLabels | null): ProblemException {
  return new ProblemException(
    403,
    'lead_not_editable',
    `A lead in stage "${stageLabel(stage, labels)}" can no longer be edited by its partner. Message the company to correct it.`,
    { stage },
  );
}

export function invalidStageTransition(
  from: LeadStage,
  to: LeadStage,
  labels: StageLabels | null,
): ProblemException {
  const allowed = allowedTransitions(from);
  const detail =
    from === to
      ? `The lead is already in stage "${stageLabel(from, labels)}".`
      : allowed.length === 0
        ? `A lead in stage "${stageLabel(from, labels)}" is final and cannot move.`
        : `A lead cannot move from "${stageLabel(from, labels)}" to "${stageLabel(to, labels)}". Allowed: ${allowed.map((s) => `"${stageLabel(s, labels)}"`).join(', ')}.`;
  return new ProblemException(422, 'invalid_stage_transition', detail, {
    from,
    to,
    allowedStages: [...allowed],
  });
}

/** PostgreSQL unique violation on `constraint` (TypeORM wraps the driver error). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof Error)) return false;
  const own = error as { code?: string; constraint?: string };
  const driver = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  const code = own.code ?? driver?.code;
  const name = own.constraint ?? driver?.constraint;
  return code === '23505' && name === constraint;
}
