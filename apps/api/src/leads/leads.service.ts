import { createHash } from 'node:crypto';
import {
  companyDomain,
  type DuplicateReason,
  isPartnerEditableStage,
  type LeadFieldValue,
  type LeadPatch,
  leadIdentity,
  normalizeEmail,
  validateLead,
} from '@leadbridge/core';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { actorOf, type Principal, principalKey } from '../common/auth/principal';
import { PrincipalCache } from '../common/auth/principal-cache';
import type { Page } from '../common/pagination/cursor';
import {
  notFound,
  ProblemException,
  unauthenticated,
  validationProblem,
} from '../common/problem/problem';
import { rateLimitProblem } from '../common/rate-limit/rate-limit.service';
import { assertOwnTarget } from '../common/tenancy/own-target';
import { TenantScope } from '../common/tenancy/tenant-scope';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { EventProgramContext } from '../events/domain-events';
import { DomainEventsService } from '../events/domain-events.service';
import type { LeadDto, LeadEventDto } from './lead.dto';
import type { LeadSource } from './lead.entity';
import { type InsertedLeadRow, insertLead, type LeadInsert } from './lead-insert.repository';
import {
  duplicateLead,
  isUniqueViolation,
  leadNotEditable,
  leadValidationProblem,
  submissionDisabled,
  versionConflict,
} from './lead-problems';
import { type LeadProgramRules, LeadTargetsRepository } from './lead-targets.repository';
import {
  type CreateLeadBody,
  type LeadTarget,
  type ListLeadEventsQuery,
  type ListLeadsQuery,
  parseStageFilter,
  type UpdateLeadBody,
} from './leads.dto';
import { type LeadRow, LeadsRepository, leadRecordFromRow, viewToDto } from './leads.repository';

/**
 * Generous for a person with a form, tight enough to stop a runaway script. Counted by the
 * insert statement itself (see lead-insert.repository.ts): submissions that reach the database count,
 * ones refused earlier (invalid fields, submission switched off) cost no database work.
 */
export const PARTNER_SUBMISSIONS_PER_MINUTE = 120;
/** A company's own integration may push more, still bounded per credential. */
export const COMPANY_SUBMISSIONS_PER_MINUTE = 1200;

const EMAIL_KEY = 'leads_program_email_key';
const TARGET_KEYS = ['programId', 'partnerId', 'partnerKey'] as const;

type Changes = Record<string, { from: unknown; to: unknown }>;

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Where the lead goes and who it belongs to, resolved from the principal (and body). */
interface ResolvedTarget {
  program: LeadProgramRules;
  partnerId: string;
  partnerName: string;
  /** The rules came from the in-memory cache (the insert re-checks them). */
  cached: boolean;
}

/** The stored program no longer has the rules a lead was validated under. */
class StaleProgramRules extends Error {}

@Injectable()
export class LeadsService {
  constructor(
    private readonly db: DataSource,
    private readonly leads: LeadsRepository,
    private readonly targets: LeadTargetsRepository,
    private readonly events: DomainEventsService,
    private readonly principals: PrincipalCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Registers a lead. With an `Idempotency-Key`, a retry whose first run committed the lead but
   * never answered (its process died in between) gets that lead as if answered the first time,
   * not `duplicate_lead`: its `created` event carries the request's digest.
   */
  async create(
    principal: Principal,
    body: CreateLeadBody,
    idempotencyKey?: string,
  ): Promise<LeadDto> {
    const requestRef = idempotencyKey
      ? createHash('sha256')
          .update(`${principalKey(principal)}\n${idempotencyKey}`)
          .digest('hex')
      : null;
    try {
      return await this.createChecked(principal, body, requestRef);
    } catch (error) {
      if (requestRef && error instanceof ProblemException && error.code === 'duplicate_lead') {
        const earlier = await this.createdByRequest(principal, body, requestRef);
        if (earlier) return earlier;
      }
      throw error;
    }
  }

  /** The lead an earlier run of the same keyed request created, if any. */
  private async createdByRequest(
    principal: Principal,
    body: CreateLeadBody,
    requestRef: string,
  ): Promise<LeadDto | null> {
    const programId = principal.kind === 'partner' ? principal.programId : body.programId;
    if (typeof body.email !== 'string' || !programId) return null;
    const id = await this.leads.findIdByRequest(
      principal.companyId,
      programId,
      normalizeEmail(body.email),
      requestRef,
    );
    if (!id) return null;
    const view = await this.leads.findView(null, TenantScope.company(principal.companyId), id);
    return view ? viewToDto(view) : null;
  }

  private async createChecked(
    principal: Principal,
    body: CreateLeadBody,
    requestRef: string | null,
  ): Promise<LeadDto> {
    const target = await this.resolveTarget(principal, body);
    if (!target.cached) return this.createFor(principal, body, target, requestRef);
    try {
      return await this.createFor(principal, body, target, requestRef);
    } catch (error) {
      // Only a refusal that came from the program's rules can be an artefact of the cache:
      // confirm it with the stored rules before answering with it.
      const rulesRefusal =
        error instanceof StaleProgramRules ||
        (error instanceof ProblemException &&
          (error.status === 403 ||
            error.status === 422 ||
            (error.code === 'duplicate_lead' && error.extensions.reason === 'domain')));
      if (!rulesRefusal) throw error;
      this.targets.forget(principal.companyId, target.program.programId);
      const program = await this.targets.rules(null, principal.companyId, target.program.programId);
      if (!program) throw notFound('Program');
      return this.createFor(principal, body, { ...target, program, cached: false }, requestRef);
    }
  }

  private async createFor(
    principal: Principal,
    body: CreateLeadBody,
    target: ResolvedTarget,
    requestRef: string | null,
  ): Promise<LeadDto> {
    const { program } = target;
    if (program.archived) throw submissionDisabled('archived');
    if (!program.leadSubmissionEnabled) throw submissionDisabled('disabled');
    const input: Record<string, unknown> = { ...body };
    for (const key of TARGET_KEYS) delete input[key];
    const result = validateLead(program.formSchema, input);
    if (!result.ok) throw leadValidationProblem(result.errors);
    const lead = result.value;
    const identity = leadIdentity(lead, program.dedupePolicy);
    const source: LeadSource = principal.kind === 'api_key' ? 'api' : 'form';
    const insert: LeadInsert = {
      companyId: principal.companyId,
      program,
      partnerId: target.partnerId,
      lead: {
        email: lead.email,
        firstName: lead.firstName,
        lastName: lead.lastName,
        company: lead.company,
        fields: lead.fields,
      },
      emailNormalized: identity.email,
      companyDomain: companyDomain(lead.email, lead.company),
      source,
      actor: actorOf(principal),
      rateLimit: {
        key: `leads:create:${principalKey(principal)}`,
        limit:
          principal.kind === 'partner'
            ? PARTNER_SUBMISSIONS_PER_MINUTE
            : COMPANY_SUBMISSIONS_PER_MINUTE,
        windowSeconds: 60,
      },
      requestRef,
    };
    const programContext: EventProgramContext = {
      programId: program.programId,
      offer: program.offer,
      stageLabels: program.stageLabels,
    };
    const cacheVersion = this.principals.partnershipsVersion();
    try {
      // The domain check needs a lock and a read before the insert; reactions (a commission
      // for `new`, webhook deliveries) write in the lead's transaction. Without either, the
      // insert statement is the whole write: it commits alone, one round trip.
      const alone =
        !identity.domain &&
        !(await this.events.hasReactions({
          type: 'lead.created',
          companyId: principal.companyId,
          program: programContext,
        }));
      if (alone) {
        const row = await insertLead(this.db, insert, this.config.databasePreparedStatements);
        return this.created(principal, target, insert, row, null, cacheVersion);
      }
      return await this.db.transaction(async (manager) => {
        if (identity.domain) {
          await this.assertDomainFree(manager, program.programId, identity, null);
        }
        const row = await insertLead(manager, insert, this.config.databasePreparedStatements);
        return this.created(principal, target, insert, row, { manager, programContext }, null);
      });
    } catch (error) {
      if (error instanceof StaleProgramRules && !target.cached) {
        throw new ProblemException(
          409,
          'program_changed',
          "The program's settings changed while this lead was submitted. Submit it again.",
        );
      }
      throw error;
    }
  }

  /** The inserted lead's JSON, after the checks the insert made; emits `lead.created`. */
  private async created(
    principal: Principal,
    target: ResolvedTarget,
    insert: LeadInsert,
    row: InsertedLeadRow,
    emit: { manager: EntityManager; programContext: EventProgramContext } | null,
    /** When the insert committed on its own: the session cache's version before it ran. */
    committedAlone: number | null,
  ): Promise<LeadDto> {
    const { program } = target;
    if (!row.partner_active) {
      if (principal.kind === 'partner') {
        // The session outlived its partnership (seen by another replica first).
        this.principals.forgetPartnership(principal.companyId, target.partnerId, program.programId);
        throw unauthenticated();
      }
      throw notFound('Partner (in this program)');
    }
    const { limit, windowSeconds } = insert.rateLimit;
    const limited = rateLimitProblem(row, limit, windowSeconds, 'lead submissions');
    if (limited) throw limited;
    if (!row.rules_current) throw new StaleProgramRules();
    if (!row.id || !row.event_id) {
      // Lost the race (or a plain duplicate): the unique index decided, we only explain.
      throw duplicateLead(
        await this.firstRegisteredAt(
          emit?.manager ?? this.db.manager,
          program.programId,
          insert.emailNormalized,
        ),
        'email',
      );
    }
    const record = leadRecordFromRow(row as LeadRow);
    const partnerName = row.partner_name ?? target.partnerName;
    if (principal.kind === 'partner' && committedAlone !== null && row.allowed_origins) {
      // The statement just read this session's partnership as it is now (a transaction's
      // reads are only final at its commit, so only a lone statement confirms).
      this.principals.confirmPartnership(
        { ...principal, name: partnerName, allowedOrigins: row.allowed_origins },
        committedAlone,
      );
    }
    const dto = viewToDto({
      lead: record,
      partnerName,
      stageLabels: program.stageLabels,
      programCurrency: program.currency,
      customer: null,
    });
    if (emit) {
      await this.events.emit(emit.manager, {
        type: 'lead.created',
        companyId: record.companyId,
        id: row.event_id,
        occurredAt: record.createdAt,
        actor: insert.actor,
        data: { lead: dto },
        program: emit.programContext,
      });
    }
    return dto;
  }

  async get(scope: TenantScope, id: string): Promise<LeadDto> {
    const view = await this.leads.findView(null, scope, id);
    if (!view) throw notFound('Lead');
    return viewToDto(view);
  }

  list(scope: TenantScope, query: ListLeadsQuery): Promise<Page<LeadDto>> {
    return this.leads.list(scope, {
      stages: parseStageFilter(query.stage),
      partnerId: query.partnerId,
      programId: query.programId,
      q: query.q,
      createdFrom: query.createdFrom,
      createdTo: query.createdTo,
      sort: query.sort ?? '-createdAt',
      limit: query.limit,
      cursor: query.cursor,
    });
  }

  async listEvents(
    scope: TenantScope,
    id: string,
    query: ListLeadEventsQuery,
  ): Promise<Page<LeadEventDto>> {
    const view = await this.leads.findView(null, scope, id);
    if (!view) throw notFound('Lead');
    return this.leads.listEvents(view.lead.id, view.lead.companyId, query);
  }

  async update(
    principal: Principal,
    scope: TenantScope,
    id: string,
    body: UpdateLeadBody,
  ): Promise<LeadDto> {
    const { version, ...input } = body;
    const actor = actorOf(principal);
    // A holder, not a `let`: TypeScript does not see assignments made inside the callback.
    const claimed: { value: { programId: string; email: string } | null } = { value: null };
    try {
      return await this.db.transaction(async (manager) => {
        const view = await this.leads.findView(manager, scope, id, { lock: true });
        if (!view) throw notFound('Lead');
        const current = view.lead;
        if (scope.isPartner && !isPartnerEditableStage(current.stage)) {
          throw leadNotEditable(current.stage, view.stageLabels);
        }
        if (current.version !== version) throw versionConflict(viewToDto(view));
        const program = await this.targets.rules(manager, current.companyId, current.programId);
        if (!program) throw notFound('Lead');
        const result = validateLead(program.formSchema, input, { partial: true });
        if (!result.ok) throw leadValidationProblem(result.errors);
        const next = applyPatch(current, result.value);
        const changes = diff(current, next);
        if (Object.keys(changes).length === 0) return viewToDto(view);

        const emailNormalized = normalizeEmail(next.email);
        if (emailNormalized !== current.emailNormalized) {
          const taken = await this.firstRegisteredAtOrNull(
            manager,
            current.programId,
            emailNormalized,
          );
          if (taken) throw duplicateLead(taken, 'email');
          claimed.value = { programId: current.programId, email: emailNormalized };
        }
        const domain = companyDomain(next.email, next.companyName);
        const identity = leadIdentity(
          { email: next.email, company: next.companyName },
          program.dedupePolicy,
        );
        if (identity.domain && identity.domain !== current.companyDomain) {
          await this.assertDomainFree(manager, current.programId, identity, current.id);
        }
        const updated = await this.leads.update(manager, current.companyId, current.id, {
          email: next.email,
          emailNormalized,
          firstName: next.firstName,
          lastName: next.lastName,
          companyName: next.companyName,
          companyDomain: domain,
          fields: next.fields,
        });
        const eventId = await this.leads.insertEvent(manager, {
          companyId: updated.companyId,
          leadId: updated.id,
          type: 'edited',
          actor,
          data: { changes },
        });
        const dto = viewToDto({ ...view, lead: updated });
        await this.events.emit(manager, {
          type: 'lead.updated',
          companyId: updated.companyId,
          id: eventId,
          occurredAt: updated.updatedAt,
          actor,
          data: { lead: dto, changes },
        });
        return dto;
      });
    } catch (error) {
      // A concurrent submission took the new email between our check and the update.
      if (claimed.value && isUniqueViolation(error, EMAIL_KEY)) {
        const { programId, email } = claimed.value;
        throw duplicateLead(
          await this.firstRegisteredAt(this.db.manager, programId, email),
          'email',
        );
      }
      throw error;
    }
  }

  private async resolveTarget(principal: Principal, body: LeadTarget): Promise<ResolvedTarget> {
    if (principal.kind === 'partner') {
      assertOwnTarget(principal, body, 'submits to');
      const program = await this.targets.cachedRules(principal.companyId, principal.programId);
      if (!program) throw notFound('Program');
      return { program, partnerId: principal.partnerId, partnerName: principal.name, cached: true };
    }
    const missing = [
      body.programId ? null : { field: 'programId', message: 'programId is required' },
      body.partnerId || body.partnerKey
        ? null
        : { field: 'partnerKey', message: 'partnerKey or partnerId is required' },
    ].filter((issue) => issue !== null);
    if (missing.length > 0) {
      throw validationProblem(missing.map((issue) => ({ ...issue, code: 'required' })));
    }
    const { program, partner } = await this.targets.forCompany(
      principal.companyId,
      body.programId as string,
      { id: body.partnerId, key: body.partnerKey },
    );
    if (!program) throw notFound('Program');
    if (!partner) throw notFound('Partner (in this program)');
    return { program, partnerId: partner.id, partnerName: partner.name, cached: false };
  }

  /**
   * Under `email_or_domain`, one lead per company domain. No unique index can say that (the
   * domain column is also filled under the `email` policy), so a transaction-scoped advisory
   * lock on (program, domain) serialises the check-then-insert of concurrent submissions.
   */
  private async assertDomainFree(
    manager: EntityManager,
    programId: string,
    identity: { email: string; domain: string | null },
    exceptLeadId: string | null,
  ): Promise<void> {
    await this.leads.lockDomain(manager, programId, identity.domain);
    const row = await this.leads.firstWithIdentity(manager, programId, identity, exceptLeadId);
    if (row) {
      const reason: DuplicateReason = row.sameEmail ? 'email' : 'domain';
      throw duplicateLead(row.createdAt, reason);
    }
  }
  private async firstRegisteredAtOrNull(
    manager: EntityManager,
    programId: string,
    emailNormalized: string,
  ): Promise<Date | null> {
    return this.leads.registeredAt(manager, programId, emailNormalized);
  }

  private async firstRegisteredAt(
    manager: EntityManager,
    programId: string,
    emailNormalized: string,
  ): Promise<Date> {
    return (await this.firstRegisteredAtOrNull(manager, programId, emailNormalized)) ?? new Date();
  }
}

interface Editable {
  email: string;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  fields: Record<string, LeadFieldValue>;
}

/** core's validated patch applied to the stored lead: null clears, absent keeps. */
function applyPatch(current: Editable, patch: LeadPatch): Editable {
  const fields: Record<string, LeadFieldValue> = { ...current.fields };
  for (const [key, value] of Object.entries(patch.fields ?? {})) {
    if (value === null) delete fields[key];
    else fields[key] = value;
  }
  return {
    email: patch.email ?? current.email,
    firstName: patch.firstName !== undefined ? patch.firstName : current.firstName,
    lastName: patch.lastName !== undefined ? patch.lastName : current.lastName,
    companyName: patch.company !== undefined ? patch.company : current.companyName,
    fields,
  };
}

/** `{ field: { from, to } }` with the API's field names (`company`, `fields.budget`). */
function diff(before: Editable, after: Editable): Changes {
  const changes: Changes = {};
  const builtIns: [string, keyof Omit<Editable, 'fields'>][] = [
    ['email', 'email'],
    ['firstName', 'firstName'],
    ['lastName', 'lastName'],
    ['company', 'companyName'],
  ];
  for (const [name, key] of builtIns) {
    if (!sameValue(before[key], after[key])) {
      changes[name] = { from: before[key], to: after[key] };
    }
  }
  const keys = new Set([...Object.keys(before.fields), ...Object.keys(after.fields)]);
  for (const key of keys) {
    if (!sameValue(before.fields[key], after.fields[key])) {
      changes[`fields.${key}`] = {
        from: before.fields[key] ?? null,
        to: after.fields[key] ?? null,
      };
    }
  }
  return changes;
}
