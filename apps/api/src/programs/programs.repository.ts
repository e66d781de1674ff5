import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeTimeIdCursor, keysetTimestamp } from '../common/database/keyset';
import { tenantCondition } from '../common/database/tenant-condition';
import { type Page, toPage } from '../common/pagination/cursor';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import type { LogoImage } from './logo-image';
import { Program } from './program.entity';

/** Program queries, every one built from the caller's scope. */
@Injectable()
export class ProgramsRepository {
  constructor(private readonly db: DataSource) {}

  /** The company's program with this id, archived or not; null for anyone else's. */
  async find(
    scope: TenantScope,
    id: string,
    manager: EntityManager = this.db.manager,
    lock = false,
  ): Promise<Program | null> {
    return manager.getRepository(Program).findOne({
      where: scope.company({ id }),
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async findByPublishableKey(publishableKey: string): Promise<Program | null> {
    // Public lookup: the key is the credential, so it alone identifies the tenant.
    return this.db.getRepository(Program).findOne({ where: { publishableKey } });
  }

  /** Newest first, keyset on (created_at, id). */
  async list(
    scope: TenantScope,
    options: { limit: number; cursor?: string; archived: boolean },
  ): Promise<Page<Program>> {
    const query = this.db
      .getRepository(Program)
      .createQueryBuilder('g')
      .addSelect(keysetTimestamp('g.created_at'), 'cursor_ts')
      .where('g.company_id = :companyId', { companyId: scope.companyId })
      .andWhere(options.archived ? 'g.archived_at IS NOT NULL' : 'g.archived_at IS NULL')
      .orderBy('g.created_at', 'DESC')
      .addOrderBy('g.id', 'DESC')
      .limit(options.limit + 1);
    if (options.cursor) {
      const { ts, id } = decodeTimeIdCursor(options.cursor);
      query.andWhere('(g.created_at, g.id) < (:ts::timestamptz, :id::uuid)', { ts, id });
    }
    const { entities, raw } = await query.getRawAndEntities<{ cursor_ts: string }>();
    const rows = entities.map((program, index) => ({
      program,
      ts: raw[index]?.cursor_ts ?? '',
    }));
    return toPage(
      rows,
      options.limit,
      (row) => row.program,
      (row) => [row.ts, row.program.id],
    );
  }

  /** Which of these portal addresses programs already use (any company's). */
  async takenSlugs(candidates: string[]): Promise<string[]> {
    const rows: { slug: string }[] = await this.db.query(
      'SELECT slug FROM programs WHERE slug = ANY($1)',
      [candidates],
    );
    return rows.map((row) => row.slug);
  }

  /** Stores (or, with null, removes) the program's logo. */
  async writeLogo(
    manager: EntityManager,
    scope: TenantScope,
    id: string,
    logo: LogoImage | null,
  ): Promise<void> {
    const params: unknown[] = [id, logo?.bytes ?? null, logo?.type ?? null, logo?.version ?? null];
    await manager.query(
      `UPDATE programs g SET logo = $2, logo_type = $3, logo_version = $4
        WHERE g.id = $1 AND ${tenantCondition(scope, 'g', params, { owned: false })}`,
      params,
    );
  }

  /** Archives the program unless it already is. */
  async archive(scope: TenantScope, id: string): Promise<void> {
    const params: unknown[] = [id];
    await this.db.query(
      `UPDATE programs g SET archived_at = now(), updated_at = now(), version = version + 1
        WHERE g.id = $1 AND ${tenantCondition(scope, 'g', params, { owned: false })} AND g.archived_at IS NULL`,
      params,
    );
  }
}
