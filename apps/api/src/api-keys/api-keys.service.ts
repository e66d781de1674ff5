import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UserPrincipal } from '../common/auth/principal';
import { API_KEY_PREFIX } from '../common/auth/principal.resolver';
import { PrincipalCache } from '../common/auth/principal-cache';
import { hashToken, randomToken } from '../common/auth/tokens';
import { decodeCursor, type Page, pageLimit, toPage } from '../common/pagination/cursor';
import { notFound } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { ApiKey } from './api-key.entity';
import { type ApiKeyDto, type CreatedApiKeyDto, toApiKeyDto } from './api-keys.dto';

// `sk_` + 8 characters: enough to tell keys apart in a list, far too little to guess the rest.
const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;

/** Secret API keys for a company's servers. Stored as SHA-256 digests; shown once. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly db: DataSource,
    private readonly principals: PrincipalCache,
  ) {}

  async create(scope: TenantScope, user: UserPrincipal, name: string): Promise<CreatedApiKeyDto> {
    const key = randomToken(API_KEY_PREFIX, 32);
    const repository = this.db.getRepository(ApiKey);
    const saved = await repository.save(
      repository.create({
        companyId: scope.companyId,
        name,
        prefix: key.slice(0, DISPLAY_PREFIX_LENGTH),
        keyHash: hashToken(key),
        createdBy: user.userId,
        lastUsedAt: null,
        revokedAt: null,
      }),
    );
    return { ...toApiKeyDto(saved), key };
  }

  async list(
    scope: TenantScope,
    query: { limit?: number; cursor?: string },
  ): Promise<Page<ApiKeyDto>> {
    const limit = pageLimit(query.limit);
    const params: unknown[] = [];
    const where = [scope.sql('k', params, { owned: false })];
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, 2);
      params.push(createdAt, id);
      where.push(
        `(k.created_at, k.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(limit + 1);
    const rows: {
      id: string;
      company_id: string;
      name: string;
      prefix: string;
      created_by: string | null;
      created_at: Date;
      last_used_at: Date | null;
      revoked_at: Date | null;
      created_key: string;
    }[] = await this.db.query(
      `SELECT k.id, k.company_id, k.name, k.prefix, k.created_by, k.created_at, k.last_used_at,
              k.revoked_at, k.created_at::text AS created_key
         FROM api_keys k
        WHERE ${where.join(' AND ')}
        ORDER BY k.created_at DESC, k.id DESC LIMIT $${params.length}`,
      params,
    );
    return toPage(
      rows,
      limit,
      (row) =>
        toApiKeyDto({
          id: row.id,
          companyId: row.company_id,
          name: row.name,
          prefix: row.prefix,
          keyHash: '',
          createdBy: row.created_by,
          createdAt: row.created_at,
          lastUsedAt: row.last_used_at,
          revokedAt: row.revoked_at,
        }),
      (row) => [row.created_key, row.id],
    );
  }

  /** Revokes a key: the next request with it gets 401. Revoking twice is a no-op. */
  async revoke(scope: TenantScope, id: string): Promise<void> {
    const repository = this.db.getRepository(ApiKey);
    const key = await repository.findOne({ where: scope.company({ id }) });
    if (!key) throw notFound('API key');
    if (!key.revokedAt) await repository.update(scope.company({ id }), { revokedAt: new Date() });
    this.principals.forgetApiKey(scope.companyId, id);
  }
}
