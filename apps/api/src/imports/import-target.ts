import type { DedupePolicy, LeadFormSchema } from '@leadbridge/core';
import type { EntityManager } from 'typeorm';
import { notFound, ProblemException, validationProblem } from '../common/problem/problem';
import { assertOwnTarget } from '../common/tenancy/own-target';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import type { ImportsRepository } from './imports.repository';

type Queryable = Pick<EntityManager, 'query'>;

/** The program and partner an import's leads are for, checked for this principal. */
export interface ImportTarget {
  companyId: string;
  programId: string;
  programName: string;
  partnerId: string;
  formSchema: LeadFormSchema;
  dedupePolicy: DedupePolicy;
}

export interface TargetInput {
  programId?: string | undefined;
  partnerId?: string | undefined;
  partnerKey?: string | undefined;
}

/** Whether the request already names everything resolveImportTarget needs. */
export function targetKnown(scope: TenantScope, input: TargetInput): boolean {
  return scope.isPartner || Boolean(input.programId && (input.partnerId || input.partnerKey));
}

/**
 * Partners import into their own program; company principals name the program and the partner
 * (by id or by the program's partner key). Another tenant's ids answer 404 like missing ones.
 */
export async function resolveImportTarget(
  imports: ImportsRepository,
  db: Queryable,
  scope: TenantScope,
  input: TargetInput,
): Promise<ImportTarget> {
  if (scope.partnerId && scope.programId) {
    assertOwnTarget(
      { programId: scope.programId, partnerId: scope.partnerId },
      input,
      'imports into',
    );
  }
  const programId = scope.isPartner ? scope.programId : input.programId;
  if (!programId) {
    throw validationProblem([
      { field: 'programId', code: 'required', message: 'programId is required' },
    ]);
  }
  if (!scope.isPartner && !input.partnerId === !input.partnerKey) {
    throw validationProblem([
      {
        field: 'partnerId',
        code: 'required',
        message: 'Send exactly one of partnerId or partnerKey: the partner these leads are for',
      },
    ]);
  }
  const program = await imports.importProgram(scope, programId, db);
  if (!program) throw notFound('Program');
  if (program.archived) {
    throw new ProblemException(409, 'program_archived', 'This program is archived.');
  }
  const partnerId = scope.partnerId ?? null;
  const partner = await imports.enrolledPartner(
    scope.companyId,
    programId,
    partnerId
      ? { id: partnerId }
      : input.partnerId
        ? { id: input.partnerId }
        : { key: input.partnerKey },
    db,
  );
  if (!partner) {
    throw new ProblemException(404, 'not_found', 'Partner was not found in this program.');
  }
  if (!program.lead_import_enabled) {
    throw new ProblemException(
      403,
      'lead_import_disabled',
      'Importing leads is switched off for this program.',
    );
  }
  return {
    companyId: scope.companyId,
    programId,
    programName: program.name,
    partnerId: partner,
    formSchema: program.form_schema,
    dedupePolicy: program.dedupe_policy,
  };
}

/** Refuses a new import while the partner already has the configured number running. */
export async function assertImportSlotFree(
  imports: ImportsRepository,
  db: Queryable,
  target: Pick<ImportTarget, 'companyId' | 'partnerId'>,
  maxRunning: number,
): Promise<void> {
  const running = await imports.runningImports(target, maxRunning, db);
  if (running.length >= maxRunning) {
    throw new ProblemException(
      409,
      'import_already_running',
      maxRunning === 1
        ? 'An import for this partner is still running. Wait for it to finish, then upload the next file.'
        : `This partner already has ${maxRunning} imports running. Wait for one to finish.`,
      { runningImportIds: running },
    );
  }
}
