import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CompanyPrincipal } from '../common/auth/principal';
import { hashToken, randomToken } from '../common/auth/tokens';
import type { UserRole } from '../common/auth/user-role';
import { type Page, pageLimit, toPage } from '../common/pagination/cursor';
import { conflict, notFound } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { MailOutboxService } from '../notifications/mail-outbox.service';
import { AccountsRepository } from './accounts.repository';
import { Invitation } from './invitation.entity';
import { invitationEmail } from './invitation-email';
import { type InvitationDto, type InvitationStatus, toInvitationDto } from './invitations.dto';
import { assertMayManageRole } from './team-rules';

export const INVITATION_TTL_SECONDS = 7 * 24 * 60 * 60;

/** Inviting people to the company's team by email. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly db: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly mail: MailOutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(
    scope: TenantScope,
    principal: CompanyPrincipal,
    input: { email: string; role: UserRole },
  ): Promise<InvitationDto & { acceptUrl: string }> {
    assertMayManageRole(principal, input.role);
    return this.db.transaction(async (manager) => {
      // Serialises team changes of the company (see UsersService).
      const companyName = await this.accounts.lockCompany(manager, scope.companyId);
      const taken = await this.accounts.companyOfEmail(manager, input.email);
      if (taken) {
        throw taken === scope.companyId
          ? conflict('already_member', `${input.email} is already in your team.`)
          : conflict(
              'email_taken',
              `${input.email} already has a Leadbridge account with another company; one account belongs to one company.`,
            );
      }
      // Inviting again replaces the earlier link, so only the newest email works.
      await this.accounts.revokeOpenInvitations(manager, scope.companyId, input.email);
      const token = randomToken();
      const invitation = await manager.save(
        manager.create(Invitation, {
          companyId: scope.companyId,
          email: input.email,
          role: input.role,
          tokenHash: hashToken(token),
          invitedBy: principal.kind === 'user' ? principal.userId : null,
          expiresAt: new Date(Date.now() + INVITATION_TTL_SECONDS * 1000),
          acceptedAt: null,
          revokedAt: null,
        }),
      );
      const acceptUrl = `${this.config.publicUrl}/accept-invite?token=${encodeURIComponent(token)}`;
      await this.mail.enqueue(
        manager,
        invitationEmail({
          companyId: scope.companyId,
          invitationId: invitation.id,
          to: input.email,
          role: input.role,
          companyName: companyName ?? 'your company',
          inviterName: principal.kind === 'user' ? principal.name : null,
          acceptUrl,
          expiresAt: invitation.expiresAt,
        }),
      );
      return { ...toInvitationDto(invitation), acceptUrl };
    });
  }

  async list(
    scope: TenantScope,
    query: { limit?: number; cursor?: string; status?: InvitationStatus },
  ): Promise<Page<InvitationDto>> {
    const limit = pageLimit(query.limit);
    const rows = await this.accounts.listInvitations(scope, {
      limit,
      cursor: query.cursor,
      status: query.status,
    });
    return toPage(
      rows,
      limit,
      (row) =>
        toInvitationDto({
          id: row.id,
          companyId: row.company_id,
          email: row.email,
          role: row.role,
          tokenHash: '',
          invitedBy: row.invited_by,
          expiresAt: row.expires_at,
          acceptedAt: row.accepted_at,
          revokedAt: row.revoked_at,
          createdAt: row.created_at,
        }),
      (row) => [row.created_key, row.id],
    );
  }

  /** Revokes a pending invitation (its link stops working); revoking twice is a no-op. */
  async revoke(scope: TenantScope, principal: CompanyPrincipal, id: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const invitation = await manager.findOne(Invitation, {
        where: scope.company({ id }),
        lock: { mode: 'pessimistic_write' },
      });
      if (!invitation) throw notFound('Invitation');
      assertMayManageRole(principal, invitation.role);
      if (invitation.acceptedAt) {
        throw conflict(
          'invitation_accepted',
          'This invitation was already accepted. Remove the user from the team instead.',
        );
      }
      if (!invitation.revokedAt) {
        await manager.update(Invitation, scope.company({ id }), { revokedAt: new Date() });
      }
    });
  }
}
