import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PartnerOnly } from '../common/auth/auth.decorators';
import { problemSchema } from '../common/problem/problem.schema';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import {
  type NotificationPreferencesDto,
  notificationPreferencesSchema,
  updateNotificationPreferencesBody,
} from './notification-preferences.dto';
import { NotificationPreferencesService } from './notification-preferences.service';

@ApiTags('notifications')
@Controller('v1/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  /** The signed-in partner's email switches. */
  @PartnerOnly()
  @Get()
  @ApiOkResponse({ standardSchema: notificationPreferencesSchema })
  @ApiResponse({ status: 403, standardSchema: problemSchema })
  getNotificationPreferences(@Scope() scope: TenantScope): Promise<NotificationPreferencesDto> {
    return this.preferences.get(scope);
  }

  /** Turns kinds of email on or off for the signed-in partner; omitted kinds keep their value. */
  @PartnerOnly()
  @Patch()
  @ApiOkResponse({ standardSchema: notificationPreferencesSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  updateNotificationPreferences(
    @Scope() scope: TenantScope,
    @Body({ schema: updateNotificationPreferencesBody })
    body: Partial<NotificationPreferencesDto>,
  ): Promise<NotificationPreferencesDto> {
    return this.preferences.update(scope, body);
  }
}
