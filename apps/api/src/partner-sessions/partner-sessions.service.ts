import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { signPartnerToken } from '../common/auth/tokens';
import { notFound, ProblemException, validationProblem } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { PartnersService } from '../partners/partners.service';
import { PartnershipsService } from '../partners/partnerships.service';
import {
  PARTNER_SESSION_DEFAULT_SECONDS,
  type PartnerIdentityDto,
  type PartnerMeDto,
  type PartnerSessionDto,
  type ProgramIdentityDto,
} from './partner-sessions.dto';
import {
  PartnerSessionsRepository,
  type SessionPartnerRow,
  type SessionProgramRow,
} from './partner-sessions.repository';

/** Mints partner session tokens (signed, stateless; see common/auth/tokens.ts). */
@Injectable()
export class PartnerSessionsService {
  constructor(
    private readonly db: DataSource,
    private readonly repository: PartnerSessionsRepository,
    private readonly partners: PartnersService,
    private readonly partnerships: PartnershipsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A company's server asks for a session for one of its partners in one of its programs. */
  async create(
    scope: TenantScope,
    input: {
      programId: string;
      partnerId?: string;
      partnerKey?: string;
      email?: string;
      name?: string;
      expiresInSeconds?: number;
    },
  ): Promise<PartnerSessionDto> {
    const program = await this.repository.program(scope.companyId, input.programId);
    if (!program) throw notFound('Program');
    if (program.archived_at) {
      throw new ProblemException(
        422,
        'program_archived',
        'This program is archived; its partners cannot sign in.',
      );
    }
    const partner =
      input.email !== undefined
        ? await this.enrolledOnFirstUse(scope, program, input.email, input.name)
        : await this.findPartner(scope, program.id, input);
    if (partner.status === 'archived' || partner.partnership_status !== 'active') {
      throw new ProblemException(
        422,
        'partner_not_enrolled',
        'This partner is not actively enrolled in this program. Enrol them (or restore the enrolment) first.',
      );
    }
    if (partner.status === 'invited') await this.markSignedIn(scope.companyId, partner.id);
    return this.issue(
      scope.companyId,
      { id: partner.id, name: partner.name, email: partner.email },
      { id: program.id, name: program.name },
      input.expiresInSeconds ?? PARTNER_SESSION_DEFAULT_SECONDS,
    );
  }

  /** Signs a token; callers have checked the partner is actively enrolled. */
  issue(
    companyId: string,
    partner: PartnerIdentityDto,
    program: ProgramIdentityDto,
    seconds: number,
  ): PartnerSessionDto {
    const expiresAt = Math.floor(Date.now() / 1000) + seconds;
    const token = signPartnerToken(this.config.appSecret, {
      companyId,
      partnerId: partner.id,
      programId: program.id,
      expiresAt,
    });
    return { token, expiresAt: new Date(expiresAt * 1000).toISOString(), partner, program };
  }

  /** An invited partner becomes `active` with its first session (minted or signed in). */
  async markSignedIn(companyId: string, partnerId: string): Promise<void> {
    await this.repository.activate(companyId, partnerId);
  }

  /** Who the partner session belongs to, for the widget's "signed in as". */
  async me(scope: TenantScope): Promise<PartnerMeDto> {
    const row = await this.repository.sessionIdentity(scope);
    if (!row) throw notFound('Partner');
    return {
      partner: { id: row.partner_id, name: row.partner_name, email: row.partner_email },
      program: { id: row.program_id, name: row.program_name },
    };
  }

  /**
   * The person the company's server vouches for, enrolled in the program if they are not yet
   * and the program takes new partners: the company signed them in, which stands for approval.
   * No invitation email (they are signed in already) and no `partner.approved` event (there is
   * no application; enrolling by invitation sends none either). A partner who was archived or
   * whose enrolment was ended stays out: the company ended it, so only the company resumes it.
   */
  private async enrolledOnFirstUse(
    scope: TenantScope,
    program: SessionProgramRow,
    email: string,
    name: string | undefined,
  ): Promise<SessionPartnerRow> {
    const known = await this.repository.partnerByEmail(scope.companyId, program.id, email);
    if (known && (known.status === 'archived' || known.partnership_status !== null)) return known;
    if (program.applications === 'closed') {
      throw new ProblemException(
        422,
        'partner_not_enrolled',
        `No partner with this email is enrolled in ${program.name}, and the program does not take new partners: invite the partner first, or open the program to applications (\`applications\`: \`approval\` or \`auto\`).`,
      );
    }
    const domain = email.slice(email.lastIndexOf('@') + 1);
    const domains = program.application_domains;
    if (domains.length > 0 && !domains.includes(domain)) {
      throw validationProblem([
        {
          field: 'email',
          code: 'email_domain_not_allowed',
          message: `${program.name} takes new partners only from addresses at ${domains.join(', ')}.`,
        },
      ]);
    }
    return this.db.transaction(async (manager) => {
      const target = await this.partnerships.enrollableProgram(scope, program.id, manager);
      const partner = await this.partners.findOrCreate(manager, scope, {
        name: name ?? email.slice(0, email.lastIndexOf('@')),
        email,
      });
      // Concurrent first uses meet here; the later one finds the enrolment already made.
      await this.repository.lockPartner(manager, scope.companyId, partner.id);
      const current = await this.repository.partnerByEmail(
        scope.companyId,
        program.id,
        email,
        manager,
      );
      if (!current) throw notFound('Partner');
      if (current.status === 'archived' || current.partnership_status !== null) return current;
      await this.partnerships.enroll(manager, scope, target, partner);
      return { ...current, partnership_status: 'active' };
    });
  }

  private async findPartner(
    scope: TenantScope,
    programId: string,
    input: { partnerId?: string; partnerKey?: string },
  ): Promise<SessionPartnerRow> {
    const byKey = input.partnerKey !== undefined;
    const partner =
      input.partnerKey !== undefined
        ? await this.repository.partnerByKey(scope.companyId, programId, input.partnerKey)
        : await this.repository.partnerById(scope.companyId, programId, input.partnerId);
    if (!partner) {
      throw byKey
        ? new ProblemException(404, 'not_found', 'No partner has this partnerKey in this program.')
        : notFound('Partner');
    }
    return partner;
  }
}
