import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod/mini';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import type { CompanyPrincipal } from '../common/auth/principal';
import type { Page } from '../common/pagination/cursor';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
import { ApiProblems } from '../openapi/api-problems';
import {
  listUsersQuery,
  type UserDto,
  updateUserBody,
  userPageSchema,
  userSchema,
} from './users.dto';
import { UsersService } from './users.service';

@ApiTags('team')
@Controller('v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({
    summary: 'List users',
    description: "The company's users, oldest first, with their roles. Read-only.",
  })
  @ApiOkResponse({ standardSchema: userPageSchema })
  listUsers(
    @Scope() scope: TenantScope,
    @Query({ schema: listUsersQuery }) query: z.infer<typeof listUsersQuery>,
  ): Promise<Page<UserDto>> {
    return this.users.list(scope, query);
  }

  @Roles('owner', 'admin')
  @Patch(':id')
  @ApiOperation({
    summary: "Change a user's role",
    description:
      "Changes a user's role. Only owners grant or remove `owner`; the last owner stays one (409 `last_owner`). Owners and admins.",
  })
  @ApiProblems('not_found', 'last_owner')
  @ApiOkResponse({ standardSchema: userSchema })
  updateUser(
    @Scope() scope: TenantScope,
    @CurrentPrincipal() principal: CompanyPrincipal,
    @Param('id', { schema: uuidSchema }) id: string,
    @Body({ schema: updateUserBody }) body: z.infer<typeof updateUserBody>,
  ): Promise<UserDto> {
    return this.users.changeRole(scope, principal, id, body.role);
  }

  @Roles('owner', 'admin')
  @Delete(':id')
  @ApiOperation({
    summary: 'Remove a user',
    description:
      'Removes a user from the company; their sessions end at once. The last owner cannot be removed. Owners and admins.',
  })
  @ApiProblems('not_found', 'last_owner')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed.' })
  async deleteUser(
    @Scope() scope: TenantScope,
    @CurrentPrincipal() principal: CompanyPrincipal,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<void> {
    await this.users.remove(scope, principal, id);
  }
}
