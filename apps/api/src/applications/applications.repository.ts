import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { afterCursor, decodeTimeIdCursor, keysetTimestamp } from '../common/database/keyset';
import { returnedRows } from '../common/database/returned-rows';
import { type Page, toPage } from '../common/pagination/cursor';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { Program } from '../programs/program.entity';
import type { VisibleApplicationStatus } from './applications.dto';
import { PartnerApplication } from './partner-application.entity';

/** The live program behind a publishable key, with what applicant emails show of its company. */
export interface ApplyProgram extends Program {
  companyName: string;
}

export interface ApplicationDetails {
  name: string;
  email: string;
  companyName: string | null;
  website: string | null;
  answers: Record<string, unknown>;
  locale: string;
}

/** Application queries: the public ones by publishable key's program, the rest by scope. */
@Injectable()
export class ApplicationsRepository {
  constructor(private readonly db: DataSource) {}

  async programByPublishableKey(publishableKey: string): Promise<ApplyProgram | null> {
    // Public lookup: the key is the credential, so it alone identifies the tenant.
    const program = await this.db.getRepository(Program).findOne({ where: { publishableKey } });
    if (!program || program.archivedAt) return null;
    return Object.assign(program, {
      companyName: await this.companyName(this.db.manager, program.companyId),
    });
  }

  /** Whether the email belongs to a partner actively enrolled in the program. */
  async isEnrolled(program: Program, email: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM partners p
         JOIN partnerships ps ON ps.partner_id = p.id AND ps.company_id = p.company_id
        WHERE p.company_id = $1 AND lower(p.email) = $2 AND ps.program_id = $3
          AND ps.status = 'active' AND p.status <> 'archived'`,
      [program.companyId, email, program.id],
    );
    return rows.length > 0;
  }

  /**
   * Creates the person's open application, or refreshes it with what they sent now; a fresh
   * code window starts either way. Returns the row id (the code's HMAC is bound to it).
   */
  async upsertOpen(
    manager: EntityManager,
    program: Program,
    details: ApplicationDetails,
    codeTtlSeconds: number,
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO partner_applications
         (company_id, program_id, name, email, company_name, website, answers, locale,
          code_expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() + make_interval(secs => $9))
       ON CONFLICT (program_id, email, company_id) WHERE status IN ('unconfirmed', 'pending')
       DO UPDATE SET name = EXCLUDED.name, company_name = EXCLUDED.company_name,
         website = EXCLUDED.website, answers = EXCLUDED.answers, locale = EXCLUDED.locale,
         code_hash = NULL, code_attempts = 0, code_expires_at = EXCLUDED.code_expires_at,
         updated_at = now()
       RETURNING id`,
      [
        program.companyId,
        program.id,
        details.name,
        details.email,
        details.companyName,
        details.website,
        JSON.stringify(details.answers),
        details.locale,
        codeTtlSeconds,
      ],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error('partner_applications upsert returned no row');
    return id;
  }

  async setCode(
    manager: EntityManager,
    companyId: string,
    id: string,
    codeHash: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE partner_applications SET code_hash = $3 WHERE company_id = $1 AND id = $2`,
      [companyId, id, codeHash],
    );
  }

  /** The person's open application with a code to check, locked for the check. */
  async openWithCode(
    manager: EntityManager,
    program: Program,
    email: string,
  ): Promise<(PartnerApplication & { expired: boolean }) | null> {
    const row = await manager
      .getRepository(PartnerApplication)
      .createQueryBuilder('a')
      .addSelect('a.code_expires_at <= now()', 'expired')
      .where('a.company_id = :companyId AND a.program_id = :programId AND a.email = :email', {
        companyId: program.companyId,
        programId: program.id,
        email,
      })
      .andWhere(`a.status IN ('unconfirmed', 'pending') AND a.code_hash IS NOT NULL`)
      .setLock('pessimistic_write')
      .getRawAndEntities<{ expired: boolean }>();
    const entity = row.entities[0];
    return entity ? Object.assign(entity, { expired: row.raw[0]?.expired === true }) : null;
  }

  /** Counts an attempt; a right code is used up. */
  async recordAttempt(
    manager: EntityManager,
    application: PartnerApplication,
    ok: boolean,
  ): Promise<void> {
    await manager.query(
      `UPDATE partner_applications
          SET code_attempts = code_attempts + 1,
              code_hash = CASE WHEN $3::boolean THEN NULL ELSE code_hash END
        WHERE company_id = $1 AND id = $2`,
      [application.companyId, application.id, ok],
    );
  }

  /** Confirmed and waiting for the company; true when it was not confirmed before. */
  async markPending(manager: EntityManager, application: PartnerApplication): Promise<boolean> {
    const rows = returnedRows<{ was: string }>(
      await manager.query(
        `UPDATE partner_applications a
          SET status = 'pending', confirmed_at = coalesce(a.confirmed_at, now()), updated_at = now()
         FROM (SELECT status FROM partner_applications WHERE company_id = $1 AND id = $2) old
        WHERE a.company_id = $1 AND a.id = $2
        RETURNING old.status AS was`,
        [application.companyId, application.id],
      ),
    );
    return rows[0]?.was === 'unconfirmed';
  }

  async markApproved(
    manager: EntityManager,
    application: PartnerApplication,
    partnerId: string,
    decidedBy: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE partner_applications
          SET status = 'approved', partner_id = $3, decided_by = $4, decided_at = now(),
              confirmed_at = coalesce(confirmed_at, now()), code_hash = NULL, updated_at = now()
        WHERE company_id = $1 AND id = $2`,
      [application.companyId, application.id, partnerId, decidedBy],
    );
  }

  async markDeclined(
    manager: EntityManager,
    application: PartnerApplication,
    reason: string | null,
    decidedBy: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE partner_applications
          SET status = 'declined', decline_reason = $3, decided_by = $4, decided_at = now(),
              code_hash = NULL, updated_at = now()
        WHERE company_id = $1 AND id = $2`,
      [application.companyId, application.id, reason, decidedBy],
    );
  }

  /** A confirmed application of the caller's company; null for anyone else's or unconfirmed. */
  async find(
    scope: TenantScope,
    id: string,
    manager: EntityManager = this.db.manager,
    lock = false,
  ): Promise<PartnerApplication | null> {
    const query = manager
      .getRepository(PartnerApplication)
      .createQueryBuilder('a')
      .where('a.company_id = :companyId AND a.id = :id', { companyId: scope.companyId, id })
      .andWhere(`a.status <> 'unconfirmed'`);
    if (lock) query.setLock('pessimistic_write');
    return query.getOne();
  }

  /** Newest confirmed first, keyset on (confirmed_at, id). */
  async list(
    scope: TenantScope,
    options: {
      limit: number;
      cursor?: string;
      status?: VisibleApplicationStatus;
      programId?: string;
    },
  ): Promise<Page<PartnerApplication>> {
    const params: unknown[] = [scope.companyId];
    const where = [`a.company_id = $1`, `a.status <> 'unconfirmed'`];
    if (options.status) {
      params.push(options.status);
      where.push(`a.status = $${params.length}`);
    }
    if (options.programId) {
      params.push(options.programId);
      where.push(`a.program_id = $${params.length}`);
    }
    if (options.cursor) {
      where.push(
        afterCursor(
          decodeTimeIdCursor(options.cursor),
          { time: 'a.confirmed_at', id: 'a.id' },
          params,
        ),
      );
    }
    params.push(options.limit + 1);
    const ids: { id: string; cursor_ts: string }[] = await this.db.query(
      `SELECT a.id, ${keysetTimestamp('a.confirmed_at')} AS cursor_ts
         FROM partner_applications a
        WHERE ${where.join(' AND ')}
        ORDER BY a.confirmed_at DESC, a.id DESC
        LIMIT $${params.length}`,
      params,
    );
    const entities = ids.length
      ? await this.db
          .getRepository(PartnerApplication)
          .createQueryBuilder('a')
          .where('a.company_id = :companyId AND a.id IN (:...ids)', {
            companyId: scope.companyId,
            ids: ids.map((row) => row.id),
          })
          .getMany()
      : [];
    const byId = new Map(entities.map((entity) => [entity.id, entity]));
    const rows = ids.flatMap((row) => {
      const application = byId.get(row.id);
      return application ? [{ application, ts: row.cursor_ts }] : [];
    });
    return toPage(
      rows,
      options.limit,
      (row) => row.application,
      (row) => [row.ts, row.application.id],
    );
  }

  /** The company's name, as applicant emails show it. */
  async companyName(manager: EntityManager, companyId: string): Promise<string> {
    const rows: { name: string }[] = await manager.query(
      `SELECT name FROM companies WHERE id = $1`,
      [companyId],
    );
    return rows[0]?.name ?? '';
  }

  /** Who on the team hears of new applications: owners and admins. */
  async teamRecipients(
    manager: EntityManager,
    companyId: string,
  ): Promise<{ id: string; name: string; email: string }[]> {
    return manager.query(
      `SELECT id, name, email FROM users
        WHERE company_id = $1 AND role IN ('owner', 'admin') ORDER BY created_at, id`,
      [companyId],
    );
  }

  async updateTeamPreferences(
    companyId: string,
    changes: Record<string, boolean>,
  ): Promise<Record<string, boolean>> {
    const rows = returnedRows<{ notification_preferences: Record<string, boolean> }>(
      await this.db.query(
        `UPDATE companies SET notification_preferences = notification_preferences || $2::jsonb,
                updated_at = now()
          WHERE id = $1 RETURNING notification_preferences`,
        [companyId, JSON.stringify(changes)],
      ),
    );
    return rows[0]?.notification_preferences ?? {};
  }

  /** The team's email switches. */
  async teamPreferences(companyId: string, manager: EntityManager = this.db.manager) {
    const rows: { notification_preferences: Record<string, boolean> }[] = await manager.query(
      `SELECT notification_preferences FROM companies WHERE id = $1`,
      [companyId],
    );
    return rows[0]?.notification_preferences ?? {};
  }
}
