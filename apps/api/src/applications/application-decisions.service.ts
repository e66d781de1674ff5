import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, actorOf, type Principal } from '../common/auth/principal';
import { PrincipalCache } from '../common/auth/principal-cache';
import { pageLimit } from '../common/pagination/cursor';
import { conflict, notFound, ProblemException } from '../common/problem/problem';
import { TenantScope } from '../common/tenancy/tenant-scope';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { DomainEventsService } from '../events/domain-events.service';
import { emailLocaleFor, emailText } from '../notifications/i18n/email-text';
import { MailOutboxService } from '../notifications/mail-outbox.service';
import { adminAppUrl } from '../notifications/notifications.listener';
import { renderEmail } from '../notifications/templates/email-layout';
import type { Partner } from '../partners/partner.entity';
import { toPartnerDto } from '../partners/partners.dto';
import { PartnersRepository } from '../partners/partners.repository';
import { PartnersService } from '../partners/partners.service';
import { PartnershipsService } from '../partners/partnerships.service';
import { logoUrl } from '../programs/portal-links';
import type { Program } from '../programs/program.entity';
import { ProgramsRepository } from '../programs/programs.repository';
import { applicationDeclinedEmail } from './application-emails';
import {
  type ApplicationDto,
  type BulkApplicationResult,
  type ListApplicationsQuery,
  toApplicationDto,
} from './applications.dto';
import { ApplicationsRepository } from './applications.repository';
import type { PartnerApplication } from './partner-application.entity';

/** The team's email switch for new applications (absent = on). */
export const PARTNER_APPLIED_PREFERENCE = 'partner_applied';

const SYSTEM: Actor = { type: 'system', id: null, name: 'automatic' };

/**
 * What happens to a confirmed application: waiting for the company, or enrolled (by the
 * company's approval or the program's automatic one), or declined; events and emails included.
 */
@Injectable()
export class ApplicationDecisions {
  constructor(
    private readonly db: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly partners: PartnersService,
    private readonly partnerRows: PartnersRepository,
    private readonly partnerships: PartnershipsService,
    private readonly events: DomainEventsService,
    private readonly mail: MailOutboxService,
    private readonly principals: PrincipalCache,
    private readonly programs: ProgramsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(
    scope: TenantScope,
    query: ListApplicationsQuery,
  ): Promise<{ data: ApplicationDto[]; nextCursor: string | null }> {
    const page = await this.applications.list(scope, {
      limit: pageLimit(query.limit),
      cursor: query.cursor,
      status: query.status,
      programId: query.programId,
    });
    return { data: page.data.map(toApplicationDto), nextCursor: page.nextCursor };
  }

  async get(scope: TenantScope, id: string): Promise<ApplicationDto> {
    const application = await this.applications.find(scope, id);
    if (!application) throw notFound('Application');
    return toApplicationDto(application);
  }

  /** The applicant proved the address; the company decides (and is told, unless it opted out). */
  async confirmPending(
    manager: EntityManager,
    program: Program & { companyName: string },
    application: PartnerApplication,
  ): Promise<void> {
    if (!(await this.applications.markPending(manager, application))) return;
    const scope = TenantScope.company(program.companyId);
    const confirmed = await this.reload(manager, scope, application.id);
    await this.emit(manager, scope, 'partner.applied', SYSTEM, { application: confirmed });
    await this.teamEmail(manager, program, confirmed);
  }

  /** Automatic approval: the applicant becomes a partner as they confirm. */
  async enrolConfirmed(
    manager: EntityManager,
    program: Program,
    application: PartnerApplication,
  ): Promise<Partner> {
    const scope = TenantScope.company(program.companyId);
    await this.applications.markPending(manager, application);
    const applied = await this.reload(manager, scope, application.id);
    await this.emit(manager, scope, 'partner.applied', SYSTEM, { application: applied });
    return this.enrol(manager, scope, program, applied, SYSTEM, false);
  }

  async approve(principal: Principal, scope: TenantScope, id: string): Promise<ApplicationDto> {
    const approved = await this.db.transaction(async (manager) => {
      const application = await this.pending(manager, scope, id);
      const program = await this.partnerships.enrollableProgram(
        scope,
        application.programId,
        manager,
      );
      await this.enrol(manager, scope, program, application, actorOf(principal), true);
      return this.reload(manager, scope, id);
    });
    if (approved.partnerId) this.principals.forgetPartner(scope.companyId, approved.partnerId);
    return approved;
  }

  async decline(
    principal: Principal,
    scope: TenantScope,
    id: string,
    reason: string | null | undefined,
  ): Promise<ApplicationDto> {
    return this.db.transaction(async (manager) => {
      const application = await this.pending(manager, scope, id);
      // An archived program can still turn its applicants down.
      const program = await this.programs.find(scope, application.programId, manager);
      if (!program) throw notFound('Program');
      const text = reason?.trim() || null;
      await this.applications.markDeclined(manager, application, text, decider(principal));
      const brand = await this.brand(manager, program);
      await this.mail.enqueue(
        manager,
        applicationDeclinedEmail({
          companyId: scope.companyId,
          to: application.email,
          applicantName: application.name,
          programName: program.name,
          brand,
          reason: text,
          text: emailText(emailLocaleFor(null, application.locale)),
          dedupeKey: `application-declined:${application.id}`,
        }),
      );
      return this.reload(manager, scope, id);
    });
  }

  /** Each application on its own: one that fails never undoes the others. */
  async bulk(
    principal: Principal,
    scope: TenantScope,
    ids: string[],
    decision: 'approve' | 'decline',
    reason: string | null | undefined,
  ): Promise<BulkApplicationResult[]> {
    const results: BulkApplicationResult[] = [];
    for (const id of new Set(ids)) {
      try {
        const application =
          decision === 'approve'
            ? await this.approve(principal, scope, id)
            : await this.decline(principal, scope, id, reason);
        results.push({ id, ok: true, application });
      } catch (error) {
        if (!(error instanceof ProblemException)) throw error;
        results.push({ id, ok: false, code: error.code, detail: error.detail });
      }
    }
    return results;
  }

  private async enrol(
    manager: EntityManager,
    scope: TenantScope,
    program: Program,
    application: ApplicationDto | PartnerApplication,
    actor: Actor,
    emailApproval: boolean,
  ): Promise<Partner> {
    const partner = await this.partners.findOrCreate(manager, scope, {
      name: application.name,
      email: application.email,
    });
    const existing = await this.partnerRows.partnership(scope, program.id, partner.id, manager);
    // Enrolled some other way meanwhile (an invitation): the approval stands, nothing to add.
    if (existing?.status !== 'active') {
      await this.partnerships.enroll(manager, scope, program, partner);
    }
    if (emailApproval) {
      await this.partnerships.invite(manager, scope, partner, [program], {
        approved: true,
        locale: application.locale,
      });
    }
    const decidedBy = actor.type === 'system' ? 'automatic' : (actor.name ?? actor.type);
    const row = await this.applications.find(scope, application.id, manager);
    if (!row) throw notFound('Application');
    await this.applications.markApproved(manager, row, partner.id, decidedBy);
    const approved = await this.reload(manager, scope, application.id);
    await this.emit(manager, scope, 'partner.approved', actor, {
      application: approved,
      partner: toPartnerDto(partner),
    });
    return partner;
  }

  private async pending(
    manager: EntityManager,
    scope: TenantScope,
    id: string,
  ): Promise<PartnerApplication> {
    const application = await this.applications.find(scope, id, manager, true);
    if (!application) throw notFound('Application');
    if (application.status !== 'pending') {
      throw conflict('application_decided', `This application was already ${application.status}.`, {
        status: application.status,
      });
    }
    return application;
  }

  private async reload(
    manager: EntityManager,
    scope: TenantScope,
    id: string,
  ): Promise<ApplicationDto> {
    const application = await this.applications.find(scope, id, manager);
    if (!application) throw notFound('Application');
    return toApplicationDto(application);
  }

  private async emit(
    manager: EntityManager,
    scope: TenantScope,
    type: 'partner.applied' | 'partner.approved',
    actor: Actor,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.events.emit(manager, {
      type,
      companyId: scope.companyId,
      id: randomUUID(),
      occurredAt: new Date(),
      actor,
      data,
    });
  }

  private async brand(manager: EntityManager, program: Program) {
    return {
      name: await this.applications.companyName(manager, program.companyId),
      logoUrl: logoUrl(this.config.publicUrl, program),
      accent: program.brandColor,
    };
  }

  /** Owners and admins hear of a new application, unless the team switched it off. */
  private async teamEmail(
    manager: EntityManager,
    program: Program & { companyName: string },
    application: ApplicationDto,
  ): Promise<void> {
    const preferences = await this.applications.teamPreferences(program.companyId, manager);
    if (preferences[PARTNER_APPLIED_PREFERENCE] === false) return;
    const url = `${adminAppUrl(this.config)}/applications?status=pending`;
    for (const user of await this.applications.teamRecipients(manager, program.companyId)) {
      const content = renderEmail({
        subject: `New application to ${program.name}: ${application.name}`,
        greeting: `Hi ${user.name},`,
        blocks: [
          {
            kind: 'paragraph',
            text: `${application.name} (${application.email}${application.company ? `, ${application.company}` : ''}) applied to join ${program.name} and confirmed their email.`,
          },
          { kind: 'action', label: 'Review applications', url },
        ],
        footer: `You get this email as an owner or admin of ${program.companyName} on Leadbridge. Switch it off under Settings → Notifications.`,
      });
      await this.mail.enqueue(manager, {
        companyId: program.companyId,
        dedupeKey: `partner-applied:${application.id}:${user.id}`,
        kind: 'partner_applied',
        to: user.email,
        ...content,
      });
    }
  }
}

function decider(principal: Principal): string {
  const actor = actorOf(principal);
  return actor.name ?? actor.type;
}
