import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { signPartnerToken } from '../common/auth/tokens';
import { notFound, ProblemException } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import {
  PARTNER_SESSION_DEFAULT_SECONDS,
  type PartnerIdentityDto,
  type PartnerMeDto,
  type PartnerSessionDto,
  type ProgramIdentityDto,
} from './partner-sessions.dto';

interface PartnerRow {
  id: string;
  name: string;
  email: string;
  status: string;
  partnership_status: string | null;
}

/** Mints partner session tokens (signed, stateless; see common/auth/tokens.ts). */
@Injectable()
export class PartnerSessionsService {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A company's server asks for a session for one of its partners in one of its programs. */
  async create(
    scope: TenantScope,
    input: {
      programId: string;
      partnerId?: string;
      partnerKey?: string;
      expiresInSeconds?: number;
    },
  ): Promise<PartnerSessionDto> {
    const programs: { id: string; name: string; archived_at: Date | null }[] = await this.db.query(
      `SELECT id, name, archived_at FROM programs WHERE company_id = $1 AND id = $2`,
      [scope.companyId, input.programId],
    );
    const program = programs[0];
    if (!program) throw notFound('Program');
    if (program.archived_at) {
      throw new ProblemException(
        422,
        'program_archived',
        'This program is archived; its partners cannot sign in.',
      );
    }
    const partner = await this.findPartner(scope, program.id, input);
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
    await this.db.query(
      `UPDATE partners SET status = 'active', updated_at = now()
        WHERE company_id = $1 AND id = $2 AND status = 'invited'`,
      [companyId, partnerId],
    );
  }

  /** Who the partner session belongs to, for the widget's "signed in as". */
  async me(scope: TenantScope): Promise<PartnerMeDto> {
    const params: unknown[] = [];
    const condition = scope.sql('ps', params);
    const rows: {
      partner_id: string;
      partner_name: string;
      partner_email: string;
      program_id: string;
      program_name: string;
    }[] = await this.db.query(
      `SELECT p.id AS partner_id, p.name AS partner_name, p.email AS partner_email,
              g.id AS program_id, g.name AS program_name
         FROM partnerships ps
         JOIN partners p ON p.id = ps.partner_id AND p.company_id = ps.company_id
         JOIN programs g ON g.id = ps.program_id AND g.company_id = ps.company_id
        WHERE ${condition}`,
      params,
    );
    const row = rows[0];
    if (!row) throw notFound('Partner');
    return {
      partner: { id: row.partner_id, name: row.partner_name, email: row.partner_email },
      program: { id: row.program_id, name: row.program_name },
    };
  }

  private async findPartner(
    scope: TenantScope,
    programId: string,
    input: { partnerId?: string; partnerKey?: string },
  ): Promise<PartnerRow> {
    const byKey = input.partnerKey !== undefined;
    const rows: PartnerRow[] = byKey
      ? await this.db.query(
          `SELECT p.id, p.name, p.email, p.status, ps.status AS partnership_status
             FROM partnerships ps JOIN partners p ON p.id = ps.partner_id AND p.company_id = ps.company_id
            WHERE ps.company_id = $1 AND ps.program_id = $2 AND ps.partner_key = $3`,
          [scope.companyId, programId, input.partnerKey],
        )
      : await this.db.query(
          `SELECT p.id, p.name, p.email, p.status, ps.status AS partnership_status
             FROM partners p
             LEFT JOIN partnerships ps
               ON ps.partner_id = p.id AND ps.company_id = p.company_id AND ps.program_id = $2
            WHERE p.company_id = $1 AND p.id = $3`,
          [scope.companyId, programId, input.partnerId],
        );
    const partner = rows[0];
    if (!partner) {
      throw byKey
        ? new ProblemException(404, 'not_found', 'No partner has this partnerKey in this program.')
        : notFound('Partner');
    }
    return partner;
  }
}
