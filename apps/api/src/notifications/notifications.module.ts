import { Global, Module } from '@nestjs/common';
import { MailOutboxService } from './mail-outbox.service';
import { MailSenderService } from './mail-sender.service';

@Global()
@Module({
  providers: [MailOutboxService, MailSenderService],
  exports: [MailOutboxService],
})
export class NotificationsModule {}
