import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { returnedRows } from '../common/database/returned-rows';
import { notFound } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import type { NotificationPreferences } from '../partners/partner.entity';
import { PARTNER_EMAIL_KINDS, wantsEmail } from './notification-kinds';
import type { NotificationPreferencesDto } from './notification-preferences.dto';

function toDto(preferences: NotificationPreferences | null): NotificationPreferencesDto {
  const dto = {} as NotificationPreferencesDto;
  for (const kind of PARTNER_EMAIL_KINDS) dto[kind] = wantsEmail(preferences, kind);
  return dto;
}

/** A partner's own email switches (the unsubscribe links flip the same switches). */
@Injectable()
export class NotificationPreferencesService {
  constructor(private readonly db: DataSource) {}

  async get(scope: TenantScope): Promise<NotificationPreferencesDto> {
    const rows: { notification_preferences: NotificationPreferences }[] = await this.db.query(
      `SELECT notification_preferences FROM partners WHERE company_id = $1 AND id = $2`,
      [scope.companyId, scope.partnerId],
    );
    const row = rows[0];
    if (!row) throw notFound('Partner');
    return toDto(row.notification_preferences);
  }

  async update(
    scope: TenantScope,
    patch: Partial<NotificationPreferencesDto>,
  ): Promise<NotificationPreferencesDto> {
    const changes: Record<string, boolean> = {};
    for (const kind of PARTNER_EMAIL_KINDS) {
      const value = patch[kind];
      if (value !== undefined) changes[kind] = value;
    }
    const rows = returnedRows<{ notification_preferences: NotificationPreferences }>(
      await this.db.query(
        `UPDATE partners SET notification_preferences = notification_preferences || $3::jsonb, updated_at = now()
        WHERE company_id = $1 AND id = $2 RETURNING notification_preferences`,
        [scope.companyId, scope.partnerId, JSON.stringify(changes)],
      ),
    );
    const row = rows[0];
    if (!row) throw notFound('Partner');
    return toDto(row.notification_preferences);
  }
}
