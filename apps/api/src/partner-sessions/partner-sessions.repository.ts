import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { tenantCondition } from '../common/database/tenant-condition';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import type { ApplicationMode } from '../programs/program.entity';

/** A partner with its partnership in one program (null when not enrolled there). */
export interface SessionPartnerRow {
  id: string;
  name: string;
  email: string;
  status: string;
  partnership_status: string | null;
}

/** A program as minting a session reads it: whether it is live and open to new partners. */
export interface SessionProgramRow {
  id: string;
  name: string;
  archived_at: Date | null;
  applications: ApplicationMode;
  application_domains: string[];
}

/** The live program behind a publishable key, with what sign-in pages and emails show. */
export interface SignInProgramRow {
  id: string;
  company_id: string;
  name: string;
  allowed_origins: string[];
  company_name: string;
  brand_color: string | null;
  logo_version: string | null;
  default_locale: string;
}

/** A partner actively enrolled in the program. */
export interface SignInPartnerRow {
  id: string;
  name: string;
  email: string;
  status: 'invited' | 'active';
  email_locale: string | null;
}

export interface SignInCodeRow {
  id: string;
  code_hash: string;
  attempts: number;
  expired: boolean;
  consumed_at: Date | null;
}

/** Partners, programs and sign-in codes as partner sign-in reads and writes them. */
/** The partner and program of a partner session. */
export interface SessionIdentityRow {
  partner_id: string;
  partner_name: string;
  partner_email: string;
  program_id: string;
  program_name: string;
}

@Injectable()
export class PartnerSessionsRepository {
  constructor(private readonly db: DataSource) {}

  async program(companyId: string, id: string): Promise<SessionProgramRow | null> {
    const rows: SessionProgramRow[] = await this.db.query(
      `SELECT id, name, archived_at, applications, application_domains
         FROM programs WHERE company_id = $1 AND id = $2`,
      [companyId, id],
    );
    return rows[0] ?? null;
  }

  /** The company's partner with this (lower-cased) email, with its partnership in the program. */
  async partnerByEmail(
    companyId: string,
    programId: string,
    email: string,
    manager: EntityManager = this.db.manager,
  ): Promise<SessionPartnerRow | null> {
    const rows: SessionPartnerRow[] = await manager.query(
      `SELECT p.id, p.name, p.email, p.status, ps.status AS partnership_status
         FROM partners p
         LEFT JOIN partnerships ps
           ON ps.partner_id = p.id AND ps.company_id = p.company_id AND ps.program_id = $2
        WHERE p.company_id = $1 AND lower(p.email) = $3`,
      [companyId, programId, email],
    );
    return rows[0] ?? null;
  }

  /** Holds the partner's row until the transaction ends: one enrolment at a time per partner. */
  async lockPartner(manager: EntityManager, companyId: string, partnerId: string): Promise<void> {
    await manager.query(`SELECT id FROM partners WHERE company_id = $1 AND id = $2 FOR UPDATE`, [
      companyId,
      partnerId,
    ]);
  }

  /** The program's partner with this partner key. */
  async partnerByKey(
    companyId: string,
    programId: string,
    partnerKey: string,
  ): Promise<SessionPartnerRow | null> {
    const rows: SessionPartnerRow[] = await this.db.query(
      `SELECT p.id, p.name, p.email, p.status, ps.status AS partnership_status
         FROM partnerships ps JOIN partners p ON p.id = ps.partner_id AND p.company_id = ps.company_id
        WHERE ps.company_id = $1 AND ps.program_id = $2 AND ps.partner_key = $3`,
      [companyId, programId, partnerKey],
    );
    return rows[0] ?? null;
  }

  /** The company's partner, with its partnership in the program if any. */
  async partnerById(
    companyId: string,
    programId: string,
    partnerId: string | undefined,
  ): Promise<SessionPartnerRow | null> {
    const rows: SessionPartnerRow[] = await this.db.query(
      `SELECT p.id, p.name, p.email, p.status, ps.status AS partnership_status
         FROM partners p
         LEFT JOIN partnerships ps
           ON ps.partner_id = p.id AND ps.company_id = p.company_id AND ps.program_id = $2
        WHERE p.company_id = $1 AND p.id = $3`,
      [companyId, programId, partnerId],
    );
    return rows[0] ?? null;
  }

  /** An invited partner becomes `active`. */
  async activate(companyId: string, partnerId: string): Promise<void> {
    await this.db.query(
      `UPDATE partners SET status = 'active', updated_at = now()
        WHERE company_id = $1 AND id = $2 AND status = 'invited'`,
      [companyId, partnerId],
    );
  }

  /** The partner and program of a partner session's scope. */
  async sessionIdentity(scope: TenantScope): Promise<SessionIdentityRow | null> {
    const params: unknown[] = [];
    const condition = tenantCondition(scope, 'ps', params);
    const rows: SessionIdentityRow[] = await this.db.query(
      `SELECT p.id AS partner_id, p.name AS partner_name, p.email AS partner_email,
              g.id AS program_id, g.name AS program_name
         FROM partnerships ps
         JOIN partners p ON p.id = ps.partner_id AND p.company_id = ps.company_id
         JOIN programs g ON g.id = ps.program_id AND g.company_id = ps.company_id
        WHERE ${condition}`,
      params,
    );
    return rows[0] ?? null;
  }

  async programByPublishableKey(publishableKey: string): Promise<SignInProgramRow | null> {
    const rows: SignInProgramRow[] = await this.db.query(
      `SELECT g.id, g.company_id, g.name, g.allowed_origins, g.brand_color, g.logo_version,
              g.default_locale, c.name AS company_name
         FROM programs g JOIN companies c ON c.id = g.company_id
        WHERE g.publishable_key = $1 AND g.archived_at IS NULL`,
      [publishableKey],
    );
    return rows[0] ?? null;
  }

  /** The partner with this (lower-cased) email, actively enrolled in the program. */
  async enrolledPartner(
    companyId: string,
    programId: string,
    email: string,
  ): Promise<SignInPartnerRow | null> {
    const rows: SignInPartnerRow[] = await this.db.query(
      `SELECT p.id, p.name, p.email, p.status, p.email_locale
         FROM partners p
         JOIN partnerships ps ON ps.partner_id = p.id AND ps.company_id = p.company_id
        WHERE p.company_id = $1 AND lower(p.email) = $2 AND ps.program_id = $3
          AND ps.status = 'active' AND p.status <> 'archived'`,
      [companyId, email, programId],
    );
    return rows[0] ?? null;
  }

  async insertCode(
    manager: EntityManager,
    code: {
      id: string;
      companyId: string;
      programId: string;
      partnerId: string;
      codeHash: string;
      ttlSeconds: number;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO partner_sign_in_codes (id, company_id, program_id, partner_id, code_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))`,
      [code.id, code.companyId, code.programId, code.partnerId, code.codeHash, code.ttlSeconds],
    );
  }

  /** The partner's newest code in the program, locked. */
  async latestCode(
    manager: EntityManager,
    companyId: string,
    programId: string,
    partnerId: string,
  ): Promise<SignInCodeRow | null> {
    const rows: SignInCodeRow[] = await manager.query(
      `SELECT id, code_hash, attempts, expires_at <= now() AS expired, consumed_at
         FROM partner_sign_in_codes
        WHERE company_id = $1 AND program_id = $2 AND partner_id = $3
        ORDER BY created_at DESC LIMIT 1
        FOR UPDATE`,
      [companyId, programId, partnerId],
    );
    return rows[0] ?? null;
  }

  /** Counts an attempt on the code; `consumed` uses it up. */
  async countAttempt(manager: EntityManager, id: string, consumed: boolean): Promise<void> {
    await manager.query(
      `UPDATE partner_sign_in_codes
          SET attempts = attempts + 1, consumed_at = CASE WHEN $2::boolean THEN now() END
        WHERE id = $1`,
      [id, consumed],
    );
  }
}
