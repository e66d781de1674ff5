import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UserPrincipal } from '../common/auth/principal';
import { API_KEY_PREFIX } from '../common/auth/principal.resolver';
import { PrincipalCache } from '../common/auth/principal-cache';
import { hashToken, randomToken } from '../common/auth/tokens';
import { type Page, pageLimit, toPage } from '../common/pagination/cursor';
import { notFound } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { ApiKey } from './api-key.entity';
import { type ApiKeyDto, type CreatedApiKeyDto, toApiKeyDto } from './api-keys.dto';
import { ApiKeysRepository } from './api-keys.repository';

// `sk_` + 8 characters: enough to tell keys apart in a list, far too little to guess the rest.
const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;

/** Secret API keys for a company's servers. Stored as SHA-256 digests; shown once. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly db: DataSource,
    private readonly keys: ApiKeysRepository,
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
    const rows = await this.keys.list(scope, { limit, cursor: query.cursor });
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
