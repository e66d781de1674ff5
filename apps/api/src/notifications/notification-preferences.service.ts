import { isLocale, type Locale } from '@leadbridge/core';
import { Injectable } from '@nestjs/common';
import { notFound } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { PARTNER_EMAIL_KINDS, wantsEmail } from './notification-kinds';
import type {
  NotificationPreferencesDto,
  UpdateNotificationPreferencesBody,
} from './notification-preferences.dto';
import {
  PartnerPreferencesRepository,
  type PreferencesRow,
} from './partner-preferences.repository';

function toDto(row: PreferencesRow): NotificationPreferencesDto {
  const switches = {} as Record<(typeof PARTNER_EMAIL_KINDS)[number], boolean>;
  for (const kind of PARTNER_EMAIL_KINDS) {
    switches[kind] = wantsEmail(row.notification_preferences, kind);
  }
  return {
    ...switches,
    emailLocale: isLocale(row.email_locale) ? row.email_locale : null,
    programLocale: isLocale(row.program_locale) ? row.program_locale : 'en',
  };
}

/**
 * A partner's own email switches (the unsubscribe links flip the same switches) and email
 * language. The language is the partner's, across the company's programs; the fallback shown is
 * the default of the program the partner is signed in to.
 */
@Injectable()
export class NotificationPreferencesService {
  constructor(private readonly preferences: PartnerPreferencesRepository) {}

  async get(scope: TenantScope): Promise<NotificationPreferencesDto> {
    const row = await this.preferences.find(scope);
    if (!row) throw notFound('Partner');
    return toDto(row);
  }

  async update(
    scope: TenantScope,
    patch: UpdateNotificationPreferencesBody,
  ): Promise<NotificationPreferencesDto> {
    const changes: Record<string, boolean> = {};
    for (const kind of PARTNER_EMAIL_KINDS) {
      const value = patch[kind];
      if (value !== undefined) changes[kind] = value;
    }
    const locale: Locale | null | undefined = patch.emailLocale;
    const row = await this.preferences.update(scope, changes, locale);
    if (!row) throw notFound('Partner');
    return toDto(row);
  }
}
