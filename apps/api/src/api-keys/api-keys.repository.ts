import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { tenantCondition } from '../common/database/tenant-condition';
import { decodeCursor } from '../common/pagination/cursor';
import type { TenantScope } from '../common/tenancy/tenant-scope';

export interface ApiKeyListRow {
  id: string;
  company_id: string;
  name: string;
  prefix: string;
  created_by: string | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  created_key: string;
}

/** The company's API keys (their hashes never leave the resolver). */
@Injectable()
export class ApiKeysRepository {
  constructor(private readonly db: DataSource) {}

  /** Newest first, `limit + 1` rows at most. */
  async list(
    scope: TenantScope,
    page: { limit: number; cursor?: string },
  ): Promise<ApiKeyListRow[]> {
    const params: unknown[] = [];
    const where = [tenantCondition(scope, 'k', params, { owned: false })];
    if (page.cursor) {
      const [createdAt, id] = decodeCursor(page.cursor, 2);
      params.push(createdAt, id);
      where.push(
        `(k.created_at, k.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(page.limit + 1);
    return this.db.query(
      `SELECT k.id, k.company_id, k.name, k.prefix, k.created_by, k.created_at, k.last_used_at,
              k.revoked_at, k.created_at::text AS created_key
         FROM api_keys k
        WHERE ${where.join(' AND ')}
        ORDER BY k.created_at DESC, k.id DESC LIMIT $${params.length}`,
      params,
    );
  }
}
