import type { LeadFormSchema } from '@leadbridge/core';
import type { EntityManager } from 'typeorm';
import { notFound, ProblemException, validationProblem } from '../common/problem/problem';
import { assertOwnTarget } from '../common/tenancy/own-target';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import type { DedupePolicy } from '../programs/program.entity';

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
  const programs: {
    name: string;
    form_schema: LeadFormSchema;
    dedupe_policy: DedupePolicy;
    lead_import_enabled: boolean;
    archived: boolean;
  }[] = await db.query(
    `SELECT name, form_schema, dedupe_policy, lead_import_enabled, archived_at IS NOT NULL AS archived
       FROM programs WHERE id = $1 AND company_id = $2`,
    [programId, scope.companyId],
  );
  const program = programs[0];
  if (!program) throw notFound('Program');
  if (program.archived) {
    throw new ProblemException(409, 'program_archived', 'This program is archived.');
  }
  const partnerId = scope.partnerId ?? null;
  const partners: { partner_id: string }[] = await db.query(
    `SELECT ps.partner_id FROM partnerships ps
       JOIN partners p ON p.id = ps.partner_id AND p.company_id = ps.company_id
      WHERE ps.company_id = $1 AND ps.program_id = $2 AND ps.status = 'active'
        AND p.status <> 'archived'
        AND ${partnerId ? 'ps.partner_id = $3' : input.partnerId ? 'ps.partner_id = $3' : 'ps.partner_key = $3'}`,
    [scope.companyId, programId, partnerId ?? input.partnerId ?? input.partnerKey],
  );
  const partner = partners[0];
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
    partnerId: partner.partner_id,
    formSchema: program.form_schema,
    dedupePolicy: program.dedupe_policy,
  };
}

/** Refuses a new import while the partner already has the configured number running. */
export async function assertImportSlotFree(
  db: Queryable,
  target: Pick<ImportTarget, 'companyId' | 'partnerId'>,
  maxRunning: number,
): Promise<void> {
  const running: { id: string }[] = await db.query(
    `SELECT id FROM imports
      WHERE company_id = $1 AND partner_id = $2 AND status IN ('queued', 'processing')
      ORDER BY created_at LIMIT $3`,
    [target.companyId, target.partnerId, maxRunning],
  );
  if (running.length >= maxRunning) {
    throw new ProblemException(
      409,
      'import_already_running',
      maxRunning === 1
        ? 'An import for this partner is still running. Wait for it to finish, then upload the next file.'
        : `This partner already has ${maxRunning} imports running. Wait for one to finish.`,
      { runningImportIds: running.map((row) => row.id) },
    );
  }
}
