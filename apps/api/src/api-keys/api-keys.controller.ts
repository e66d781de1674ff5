import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { z } from 'zod/mini';
import { requireUser } from '../auth/require-user';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import type { CompanyPrincipal } from '../common/auth/principal';
import type { Page } from '../common/pagination/cursor';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
import { ApiProblems } from '../openapi/api-problems';
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

  @Post()
  @ApiOperation({
    summary: 'Create an API key',
    description:
      "Creates a secret key `sk_…` for your servers, with the company's full rights. The answer is the only time the key is shown; only its prefix is stored in the clear. Needs a signed-in owner or admin (cookie session), not an API key.",
  })
  @ApiProblems('user_session_required')
  @HttpCode(201)
  @ApiCreatedResponse({ standardSchema: createdApiKeySchema })
  createApiKey(
    @Scope() scope: TenantScope,
    @CurrentPrincipal() principal: CompanyPrincipal,
    @Body({ schema: createApiKeyBody }) body: z.infer<typeof createApiKeyBody>,
  ): Promise<CreatedApiKeyDto> {
    return this.apiKeys.create(scope, requireUser(principal), body.name);
  }

  @Get()
  @ApiOperation({
    summary: 'List API keys',
    description:
      "The company's API keys, newest first: name, prefix, who created it and when it was last used — never the key itself. Read-only; owners and admins.",
  })
  @ApiOkResponse({ standardSchema: apiKeyPageSchema })
  listApiKeys(
    @Scope() scope: TenantScope,
    @Query({ schema: listApiKeysQuery }) query: z.infer<typeof listApiKeysQuery>,
  ): Promise<Page<ApiKeyDto>> {
    return this.apiKeys.list(scope, query);
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Revoke an API key',
    description:
      'Revokes a key at once: every request with it answers 401 from now on. Needs a signed-in owner or admin.',
  })
  @ApiProblems('not_found', 'user_session_required')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked.' })
  async revokeApiKey(
    @Scope() scope: TenantScope,
    @CurrentPrincipal() principal: CompanyPrincipal,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<void> {
    requireUser(principal);
    await this.apiKeys.revoke(scope, id);
  }
}
