import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { z } from 'zod/mini';
import { requireUser } from '../auth/require-user';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import type { CompanyPrincipal } from '../common/auth/principal';
import type { Page } from '../common/pagination/cursor';
import { problemSchema } from '../common/problem/problem.schema';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
import {
  type ApiKeyDto,
  apiKeyPageSchema,
  type CreatedApiKeyDto,
  createApiKeyBody,
  createdApiKeySchema,
  listApiKeysQuery,
} from './api-keys.dto';
import { ApiKeysService } from './api-keys.service';

/** Owners and admins manage keys from the admin app; a key cannot mint or revoke keys. */
@ApiTags('api-keys')
@Roles('owner', 'admin')
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  /** Creates a secret key `sk_…`. The response is the only time the key is shown. */
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ standardSchema: createdApiKeySchema })
  @ApiResponse({
    status: 403,
    standardSchema: problemSchema,
    description: '`user_session_required`, `insufficient_role`',
  })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  createApiKey(
    @Scope() scope: TenantScope,
    @CurrentPrincipal() principal: CompanyPrincipal,
    @Body({ schema: createApiKeyBody }) body: z.infer<typeof createApiKeyBody>,
  ): Promise<CreatedApiKeyDto> {
    return this.apiKeys.create(scope, requireUser(principal), body.name);
  }

  /** The company's keys, newest first (prefix only, never the key). */
  @Get()
  @ApiOkResponse({ standardSchema: apiKeyPageSchema })
  listApiKeys(
    @Scope() scope: TenantScope,
    @Query({ schema: listApiKeysQuery }) query: z.infer<typeof listApiKeysQuery>,
  ): Promise<Page<ApiKeyDto>> {
    return this.apiKeys.list(scope, query);
  }

  /** Revokes a key at once: requests with it get 401 from now on. */
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiResponse({ status: 403, standardSchema: problemSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  async revokeApiKey(
    @Scope() scope: TenantScope,
    @CurrentPrincipal() principal: CompanyPrincipal,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<void> {
    requireUser(principal);
    await this.apiKeys.revoke(scope, id);
  }
}
