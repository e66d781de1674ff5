import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PartnerOnly } from '../common/auth/auth.decorators';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import {
  type NotificationPreferencesDto,
  notificationPreferencesSchema,
  type UpdateNotificationPreferencesBody,
  updateNotificationPreferencesBody,
} from './notification-preferences.dto';
import { NotificationPreferencesService } from './notification-preferences.service';

@ApiTags('notifications')
@Controller('v1/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @PartnerOnly()
  @Get()
  @ApiOperation({
    summary: 'Get your email preferences',
    description:
      "The signed-in partner's email switches (lead stage changes, imports, commissions, messages) and email language, with the program's default language it falls back to. Partner sessions only. Read-only.",
  })
  @ApiOkResponse({ standardSchema: notificationPreferencesSchema })
  getNotificationPreferences(@Scope() scope: TenantScope): Promise<NotificationPreferencesDto> {
    return this.preferences.get(scope);
  }

  @PartnerOnly()
  @Patch()
  @ApiOperation({
    summary: 'Change your email preferences',
    description:
      "Turns kinds of email on or off for the signed-in partner, and sets the language of every email the partner gets (sign-in codes, lead updates, import results, commissions, messages); `emailLocale: null` returns to the program's default. Omitted fields keep their value. Partner sessions only.",
  })
  @ApiOkResponse({ standardSchema: notificationPreferencesSchema })
  updateNotificationPreferences(
    @Scope() scope: TenantScope,
    @Body({ schema: updateNotificationPreferencesBody })
    body: UpdateNotificationPreferencesBody,
  ): Promise<NotificationPreferencesDto> {
    return this.preferences.update(scope, body);
  }
}
