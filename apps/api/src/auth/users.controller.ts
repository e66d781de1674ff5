import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod/mini';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import type { CompanyPrincipal } from '../common/auth/principal';
import type { Page } from '../common/pagination/cursor';
import { problemSchema } from '../common/problem/problem.schema';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
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

  /** The company's users, oldest first. */
  @Get()
  @ApiOkResponse({ standardSchema: userPageSchema })
  listUsers(
    @Scope() scope: TenantScope,
    @Query({ schema: listUsersQuery }) query: z.infer<typeof listUsersQuery>,
  ): Promise<Page<UserDto>> {
    return this.users.list(scope, query);
  }

  /** Changes a user's role. Only owners grant or remove `owner`; the last owner stays one. */
  @Roles('owner', 'admin')
  @Patch(':id')
  @ApiOkResponse({ standardSchema: userSchema })
  @ApiResponse({ status: 403, standardSchema: problemSchema, description: '`insufficient_role`' })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  @ApiResponse({ status: 409, standardSchema: problemSchema, description: '`last_owner`' })
  updateUser(
    @Scope() scope: TenantScope,
    @CurrentPrincipal() principal: CompanyPrincipal,
    @Param('id', { schema: uuidSchema }) id: string,
    @Body({ schema: updateUserBody }) body: z.infer<typeof updateUserBody>,
  ): Promise<UserDto> {
    return this.users.changeRole(scope, principal, id, body.role);
  }

  /** Removes a user from the company; their sessions end at once. */
  @Roles('owner', 'admin')
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiResponse({ status: 403, standardSchema: problemSchema, description: '`insufficient_role`' })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  @ApiResponse({ status: 409, standardSchema: problemSchema, description: '`last_owner`' })
  async deleteUser(
    @Scope() scope: TenantScope,
    @CurrentPrincipal() principal: CompanyPrincipal,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<void> {
    await this.users.remove(scope, principal, id);
  }
}
