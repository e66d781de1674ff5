import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { afterCursor, decodeTimeIdCursor, keysetTimestamp } from '../common/database/keyset';
import { affectedCount } from '../common/database/returned-rows';
import { tenantCondition } from '../common/database/tenant-condition';
import { type Page, toPage } from '../common/pagination/cursor';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import type { PartnerStatus } from './partner.entity';
import { Partner } from './partner.entity';
import type { PartnershipRow } from './partners.dto';

export interface ListPartnersOptions {
  limit: number;
  cursor?: string;
  q?: string;
  programId?: string;
  status?: PartnerStatus;
}

export interface ProgramPartnerRow extends PartnershipRow {
  partner: Partner;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

const PARTNERSHIP_COLUMNS = `ps.id, ps.program_id, g.name AS program_name, ps.partner_id, ps.partner_key,
        ps.status, ps.created_at`;

/** Partner and partnership queries, every one built from the caller's scope. */
@Injectable()
export class PartnersRepository {
  constructor(private readonly db: DataSource) {}

  async find(
    scope: TenantScope,
    id: string,
    manager: EntityManager = this.db.manager,
  ): Promise<Partner | null> {
    return manager.getRepository(Partner).findOne({ where: scope.company({ id }) });
  }

  /** Newest first; without `status`, archived partners are left out. */
  async list(scope: TenantScope, options: ListPartnersOptions): Promise<Page<Partner>> {
    const query = this.db
      .getRepository(Partner)
      .createQueryBuilder('p')
      .addSelect(keysetTimestamp('p.created_at'), 'cursor_ts')
      .where('p.company_id = :companyId', { companyId: scope.companyId })
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(options.limit + 1);
    if (options.status) query.andWhere('p.status = :status', { status: options.status });
    else query.andWhere(`p.status <> 'archived'`);
    if (options.q) {
      // The expression of partners_search_trgm_idx, so the index serves the search.
      query.andWhere(`lower(p.name || ' ' || p.email) LIKE :q`, {
        q: likePattern(options.q.toLowerCase()),
      });
    }
    if (options.programId) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM partnerships ps
                  WHERE ps.company_id = p.company_id AND ps.partner_id = p.id
                    AND ps.program_id = :programId AND ps.status = 'active')`,
        { programId: options.programId },
      );
    }
    if (options.cursor) {
      const { ts, id } = decodeTimeIdCursor(options.cursor);
      query.andWhere('(p.created_at, p.id) < (:ts::timestamptz, :id::uuid)', { ts, id });
    }
    const { entities, raw } = await query.getRawAndEntities<{ cursor_ts: string }>();
    const rows = entities.map((partner, index) => ({ partner, ts: raw[index]?.cursor_ts ?? '' }));
    return toPage(
      rows,
      options.limit,
      (row) => row.partner,
      (row) => [row.ts, row.partner.id],
    );
  }

  /** Every enrolment of a partner, active first, with program names. */
  async partnershipsOf(
    scope: TenantScope,
    partnerId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<PartnershipRow[]> {
    const params: unknown[] = [partnerId];
    return manager.query(
      `SELECT ${PARTNERSHIP_COLUMNS}
         FROM partnerships ps
         JOIN programs g ON g.id = ps.program_id AND g.company_id = ps.company_id
        WHERE ps.partner_id = $1 AND ${tenantCondition(scope, 'ps', params, { owned: false })}
        ORDER BY ps.status = 'active' DESC, ps.created_at, ps.id`,
      params,
    );
  }

  async partnership(
    scope: TenantScope,
    programId: string,
    partnerId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<PartnershipRow | null> {
    const params: unknown[] = [programId, partnerId];
    const rows: PartnershipRow[] = await manager.query(
      `SELECT ${PARTNERSHIP_COLUMNS}
         FROM partnerships ps
         JOIN programs g ON g.id = ps.program_id AND g.company_id = ps.company_id
        WHERE ps.program_id = $1 AND ps.partner_id = $2 AND ${tenantCondition(scope, 'ps', params, { owned: false })}`,
      params,
    );
    return rows[0] ?? null;
  }

  /** A program's enrolments, newest first, each with its partner. */
  async listForProgram(
    scope: TenantScope,
    programId: string,
    options: { limit: number; cursor?: string; ended: boolean },
  ): Promise<Page<ProgramPartnerRow>> {
    const params: unknown[] = [programId, options.ended ? 'archived' : 'active'];
    let keyset = '';
    if (options.cursor) {
      const after = afterCursor(
        decodeTimeIdCursor(options.cursor),
        { time: 'ps.created_at', id: 'ps.id' },
        params,
      );
      keyset = `AND ${after}`;
    }
    const scoped = tenantCondition(scope, 'ps', params, { owned: false });
    params.push(options.limit + 1);
    const rows: (PartnershipRow & {
      cursor_ts: string;
      p_name: string;
      p_email: string;
      p_status: PartnerStatus;
      p_created_at: Date;
      p_updated_at: Date;
      p_archived_at: Date | null;
    })[] = await this.db.query(
      `SELECT ${PARTNERSHIP_COLUMNS}, ${keysetTimestamp('ps.created_at')} AS cursor_ts,
              p.name AS p_name, p.email AS p_email, p.status AS p_status,
              p.created_at AS p_created_at, p.updated_at AS p_updated_at, p.archived_at AS p_archived_at
         FROM partnerships ps
         JOIN programs g ON g.id = ps.program_id AND g.company_id = ps.company_id
         JOIN partners p ON p.id = ps.partner_id AND p.company_id = ps.company_id
        WHERE ps.program_id = $1 AND ps.status = $2 AND ${scoped} ${keyset}
        ORDER BY ps.created_at DESC, ps.id DESC
        LIMIT $${params.length}`,
      params,
    );
    return toPage(
      rows,
      options.limit,
      (row) => {
        const partner = new Partner();
        Object.assign(partner, {
          id: row.partner_id,
          companyId: scope.companyId,
          name: row.p_name,
          email: row.p_email,
          status: row.p_status,
          createdAt: row.p_created_at,
          updatedAt: row.p_updated_at,
          archivedAt: row.p_archived_at,
        });
        return { ...row, partner };
      },
      (row) => [row.cursor_ts, row.id],
    );
  }

  /** The new partner's id; null when the company already has a partner with this email. */
  async insert(
    manager: EntityManager,
    partner: {
      companyId: string;
      name: string;
      email: string;
      status: PartnerStatus;
      unsubscribeToken: string;
    },
  ): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO partners (company_id, name, email, status, unsubscribe_token)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (company_id, lower(email)) DO NOTHING RETURNING id`,
      [partner.companyId, partner.name, partner.email, partner.status, partner.unsubscribeToken],
    );
    return rows[0]?.id ?? null;
  }

  /** The scope's partner with this email (case-insensitive), other than `exceptId`. */
  async findByEmail(
    scope: TenantScope,
    email: string,
    options: { exceptId?: string; manager?: EntityManager } = {},
  ): Promise<{ id: string; status: PartnerStatus } | null> {
    const params: unknown[] = [email];
    let except = '';
    if (options.exceptId) {
      params.push(options.exceptId);
      except = ` AND p.id <> $${params.length}`;
    }
    const rows: { id: string; status: PartnerStatus }[] = await (
      options.manager ?? this.db.manager
    ).query(
      `SELECT p.id, p.status FROM partners p WHERE lower(p.email) = lower($1)${except}
          AND ${tenantCondition(scope, 'p', params, { owned: false })}`,
      params,
    );
    return rows[0] ?? null;
  }

  /** Archives a partner that is not archived yet; answers whether it did. */
  async archive(scope: TenantScope, id: string): Promise<boolean> {
    const params: unknown[] = [id];
    const archived = affectedCount(
      await this.db.query(
        `UPDATE partners p SET status = 'archived', archived_at = now(), updated_at = now()
          WHERE p.id = $1 AND ${tenantCondition(scope, 'p', params, { owned: false })} AND p.status <> 'archived'`,
        params,
      ),
    );
    return archived > 0;
  }

  /** Enrols again (an archived partnership), under `partnerKey`. */
  async reactivatePartnership(
    manager: EntityManager,
    companyId: string,
    id: string,
    partnerKey: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE partnerships SET status = 'active', partner_key = $3
        WHERE company_id = $1 AND id = $2`,
      [companyId, id, partnerKey],
    );
  }

  async archivePartnership(companyId: string, id: string): Promise<void> {
    await this.db.query(
      `UPDATE partnerships SET status = 'archived' WHERE company_id = $1 AND id = $2`,
      [companyId, id],
    );
  }

  /**
   * False when the partner is already enrolled or the key is taken. ON CONFLICT keeps the
   * transaction usable when it is (a failed INSERT would not).
   */
  async insertPartnership(
    manager: EntityManager,
    partnership: { companyId: string; programId: string; partnerId: string; partnerKey: string },
  ): Promise<boolean> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO partnerships (company_id, program_id, partner_id, partner_key)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id`,
      [partnership.companyId, partnership.programId, partnership.partnerId, partnership.partnerKey],
    );
    return rows.length > 0;
  }

  async isEnrolled(
    manager: EntityManager,
    companyId: string,
    programId: string,
    partnerId: string,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM partnerships WHERE program_id = $1 AND partner_id = $2 AND company_id = $3`,
      [programId, partnerId, companyId],
    );
    return rows.length > 0;
  }

  /** The program's partner keys that are `base` or start with `base-`. */
  async keysLike(
    manager: EntityManager,
    companyId: string,
    programId: string,
    base: string,
  ): Promise<string[]> {
    const rows: { partner_key: string }[] = await manager.query(
      `SELECT partner_key FROM partnerships
        WHERE program_id = $1 AND company_id = $2 AND (partner_key = $3 OR partner_key LIKE $4)`,
      [programId, companyId, base, `${base}-%`],
    );
    return rows.map((row) => row.partner_key);
  }

  async keyTaken(
    manager: EntityManager,
    companyId: string,
    programId: string,
    partnerKey: string,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM partnerships WHERE program_id = $1 AND company_id = $2 AND partner_key = $3`,
      [programId, companyId, partnerKey],
    );
    return rows.length > 0;
  }
}
