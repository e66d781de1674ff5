import { Global, Module } from '@nestjs/common';
import { EmailOutboxRepository } from './email-outbox.repository';
import { MailOutboxService } from './mail-outbox.service';
import { MailSenderService } from './mail-sender.service';
import { NotificationContextRepository } from './notification-context.repository';
import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationsListener } from './notifications.listener';
import { PartnerEmailsService } from './partner-emails.service';
import { PartnerPreferencesRepository } from './partner-preferences.repository';
import { UnsubscribeController } from './unsubscribe.controller';
import { UnsubscribeService } from './unsubscribe.service';

/** Emails: the outbox (global, so any feature can queue one), the sender, and event → email. */
@Global()
@Module({
  controllers: [UnsubscribeController, NotificationPreferencesController],
  providers: [
    EmailOutboxRepository,
    MailOutboxService,
    MailSenderService,
    NotificationContextRepository,
    NotificationsListener,
    NotificationPreferencesService,
    PartnerPreferencesRepository,
    PartnerEmailsService,
    UnsubscribeService,
  ],
  exports: [MailOutboxService],
})
export class NotificationsModule {}
