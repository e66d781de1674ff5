import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { PrincipalCache } from '../common/auth/principal-cache';
import { pageLimit } from '../common/pagination/cursor';
import { conflict, notFound } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { Company } from '../companies/company.entity';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { emailLocaleFor, emailText } from '../notifications/i18n/email-text';
import { MailOutboxService } from '../notifications/mail-outbox.service';
import { logoUrl, partnerPortalUrl } from '../programs/portal-links';
import type { Program } from '../programs/program.entity';
import { ProgramsRepository } from '../programs/programs.repository';
import type { Partner } from './partner.entity';
import { partnerInviteEmail } from './partner-invite.email';
import { partnerKeyBase, pickPartnerKey, randomPartnerKey } from './partner-key';
import {
  type EnrollPartnerBody,
  type ListProgramPartnersQuery,
  type PartnershipDto,
  type PartnershipRow,
  type ProgramPartnerDto,
  toPartnerDto,
  toPartnershipDto,
} from './partners.dto';
import { PartnersRepository } from './partners.repository';

/** Enrolments of partners in programs: enrol, list a program's partners, end, invite. */
@Injectable()
export class PartnershipsService {
  constructor(
    private readonly db: DataSource,
    private readonly partners: PartnersRepository,
    private readonly programs: ProgramsRepository,
    private readonly mail: MailOutboxService,
    private readonly principals: PrincipalCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The company's live program, for enrolling into; 404 for another company's. */
  async enrollableProgram(
    scope: TenantScope,
    programId: string,
    manager: EntityManager,
  ): Promise<Program> {
    const program = await this.programs.find(scope, programId, manager);
    if (!program) throw notFound('Program');
    if (program.archivedAt) {
      throw conflict('program_archived', `${program.name} is archived; no partner can join it.`);
    }
    return program;
  }

  async enrollInProgram(
    scope: TenantScope,
    programId: string,
    body: EnrollPartnerBody,
  ): Promise<PartnershipDto> {
    return this.db.transaction(async (manager) => {
      const program = await this.enrollableProgram(scope, programId, manager);
      const partner = await this.partners.find(scope, body.partnerId, manager);
      if (!partner) throw notFound('Partner');
      const row = await this.enroll(manager, scope, program, partner, body.partnerKey);
      if (body.invite) await this.invite(manager, scope, partner, [program]);
      return toPartnershipDto(row);
    });
  }

  /**
   * Enrols `partner` in `program` inside the caller's transaction. An ended enrolment is
   * resumed (keeping its key unless a new one is given); an active one is a 409.
   */
  async enroll(
    manager: EntityManager,
    scope: TenantScope,
    program: Program,
    partner: Partner,
    partnerKey?: string,
  ): Promise<PartnershipRow> {
    if (partner.status === 'archived') {
      throw conflict('partner_archived', `${partner.name} is archived and cannot join a program.`);
    }
    const existing = await this.partners.partnership(scope, program.id, partner.id, manager);
    if (existing?.status === 'active') {
      throw conflict(
        'already_enrolled',
        `${partner.name} is already enrolled in ${program.name}.`,
        {
          partnership: toPartnershipDto(existing),
        },
      );
    }
    if (existing) {
      if (partnerKey && partnerKey !== existing.partner_key) {
        await this.assertKeyFree(manager, program, partnerKey);
      }
      await this.partners.reactivatePartnership(
        manager,
        scope.companyId,
        existing.id,
        partnerKey ?? existing.partner_key,
      );
    } else if (partnerKey) {
      if (!(await this.insert(manager, program, partner, partnerKey))) {
        throw this.keyTaken(program, partnerKey);
      }
    } else {
      await this.insertWithGeneratedKey(manager, program, partner);
    }
    const row = await this.partners.partnership(scope, program.id, partner.id, manager);
    if (!row) throw notFound('Partnership');
    return row;
  }

  async listForProgram(
    scope: TenantScope,
    programId: string,
    query: ListProgramPartnersQuery,
  ): Promise<{ data: ProgramPartnerDto[]; nextCursor: string | null }> {
    const program = await this.programs.find(scope, programId);
    if (!program) throw notFound('Program');
    const page = await this.partners.listForProgram(scope, programId, {
      limit: pageLimit(query.limit),
      cursor: query.cursor,
      ended: query.status === 'ended',
    });
    return {
      data: page.data.map((row) => ({
        ...toPartnershipDto(row),
        partner: toPartnerDto(row.partner),
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** Ends the enrolment: the partner's sessions for this program stop working at once. */
  async end(scope: TenantScope, programId: string, partnerId: string): Promise<void> {
    const program = await this.programs.find(scope, programId);
    if (!program) throw notFound('Program');
    const existing = await this.partners.partnership(scope, programId, partnerId);
    if (!existing) throw notFound('Partnership');
    if (existing.status !== 'active') return;
    await this.partners.archivePartnership(scope.companyId, existing.id);
    this.principals.forgetPartnership(scope.companyId, partnerId, programId);
  }

  /** Queues the email telling the partner it is enrolled and where to submit leads. */
  async invite(
    manager: EntityManager,
    scope: TenantScope,
    partner: Partner,
    programs: readonly Program[],
  ): Promise<void> {
    const company = await manager.findOneBy(Company, { id: scope.companyId });
    const companyName = company?.name ?? 'The company';
    const first = programs[0];
    await this.mail.enqueue(
      manager,
      partnerInviteEmail({
        companyId: scope.companyId,
        companyName,
        partnerName: partner.name,
        partnerEmail: partner.email,
        brand: {
          name: companyName,
          logoUrl: first ? logoUrl(this.config.publicUrl, first) : null,
          accent: first?.brandColor ?? null,
        },
        text: emailText(emailLocaleFor(partner.emailLocale, first?.defaultLocale)),
        programs: programs.map((program) => ({
          name: program.name,
          portalUrl: partnerPortalUrl(this.config.publicUrl, program),
          offer: program.offer,
          stageLabels: program.stageLabels,
        })),
        // Each invitation is its own request (retries are covered by Idempotency-Key), so
        // a second invitation to the same program is sent, not swallowed.
        dedupeKey: `partner-invitation:${partner.id}:${randomUUID()}`,
      }),
    );
  }

  /** Inserts the enrolment; false when the key is taken in the program. */
  private async insert(
    manager: EntityManager,
    program: Program,
    partner: Partner,
    partnerKey: string,
  ): Promise<boolean> {
    const inserted = await this.partners.insertPartnership(manager, {
      companyId: program.companyId,
      programId: program.id,
      partnerId: partner.id,
      partnerKey,
    });
    if (inserted) return true;
    if (await this.partners.isEnrolled(manager, program.companyId, program.id, partner.id)) {
      throw conflict('already_enrolled', `${partner.name} is already enrolled in ${program.name}.`);
    }
    return false;
  }

  private async insertWithGeneratedKey(
    manager: EntityManager,
    program: Program,
    partner: Partner,
  ): Promise<void> {
    const base = partnerKeyBase(partner.name, partner.email);
    const taken = await this.partners.keysLike(manager, program.companyId, program.id, base);
    let key = pickPartnerKey(base, new Set(taken));
    // A concurrent enrolment may take the same key between our read and insert.
    for (let attempt = 0; attempt < 5; attempt++) {
      if (await this.insert(manager, program, partner, key)) return;
      key = randomPartnerKey(base);
    }
    throw conflict('partner_key_taken', 'Could not find a free partner key; send one explicitly.');
  }

  private async assertKeyFree(
    manager: EntityManager,
    program: Program,
    partnerKey: string,
  ): Promise<void> {
    if (await this.partners.keyTaken(manager, program.companyId, program.id, partnerKey)) {
      throw this.keyTaken(program, partnerKey);
    }
  }

  private keyTaken(program: Program, partnerKey: string) {
    return conflict(
      'partner_key_taken',
      `Another partner of ${program.name} already has the key "${partnerKey}".`,
    );
  }
}
