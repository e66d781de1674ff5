import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CompanyPrincipal } from '../common/auth/principal';
import type { UserRole } from '../common/auth/user-role';
import { type Page, pageLimit, toPage } from '../common/pagination/cursor';
import { conflict, notFound } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { AccountsRepository } from './accounts.repository';
import { assertMayManageRole } from './team-rules';
import { User } from './user.entity';
import { toUserDto, type UserDto } from './users.dto';

/** The company's team: list, change roles, remove people. */
@Injectable()
export class UsersService {
  constructor(
    private readonly db: DataSource,
    private readonly accounts: AccountsRepository,
  ) {}

  async list(
    scope: TenantScope,
    query: { limit?: number; cursor?: string },
  ): Promise<Page<UserDto>> {
    const limit = pageLimit(query.limit);
    const rows = await this.accounts.listUsers(scope, { limit, cursor: query.cursor });
    return toPage(
      rows,
      limit,
      (row) =>
        toUserDto({
          id: row.id,
          name: row.name,
          email: row.email,
          role: row.role,
          createdAt: row.created_at,
          lastSignInAt: row.last_sign_in_at,
        }),
      (row) => [row.created_key, row.id],
    );
  }

  async changeRole(
    scope: TenantScope,
    principal: CompanyPrincipal,
    id: string,
    role: UserRole,
  ): Promise<UserDto> {
    return this.db.transaction(async (manager) => {
      const user = await this.lockTeamAndFind(manager, scope, id);
      assertMayManageRole(principal, user.role);
      assertMayManageRole(principal, role);
      if (user.role === 'owner' && role !== 'owner') await this.assertNotLastOwner(manager, scope);
      if (user.role !== role) {
        await manager.update(User, scope.company({ id }), { role });
        user.role = role;
      }
      return toUserDto(user);
    });
  }

  async remove(scope: TenantScope, principal: CompanyPrincipal, id: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const user = await this.lockTeamAndFind(manager, scope, id);
      assertMayManageRole(principal, user.role);
      if (user.role === 'owner') await this.assertNotLastOwner(manager, scope);
      // Their sessions go with them (ON DELETE CASCADE): signed out everywhere at once.
      await manager.delete(User, scope.company({ id }));
    });
  }

  /**
   * Team changes of one company run one at a time (company row lock), so two admins demoting
   * the two last owners at once cannot leave the company without one.
   */
  private async lockTeamAndFind(
    manager: EntityManager,
    scope: TenantScope,
    id: string,
  ): Promise<User> {
    await this.accounts.lockCompany(manager, scope.companyId);
    const user = await manager.findOne(User, { where: scope.company({ id }) });
    if (!user) throw notFound('User');
    return user;
  }

  private async assertNotLastOwner(manager: EntityManager, scope: TenantScope): Promise<void> {
    const owners = await manager.count(User, { where: scope.company({ role: 'owner' as const }) });
    if (owners <= 1) {
      throw conflict(
        'last_owner',
        'A company needs at least one owner. Make someone else an owner first.',
      );
    }
  }
}
