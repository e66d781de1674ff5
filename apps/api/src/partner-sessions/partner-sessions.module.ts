import { Module } from '@nestjs/common';
import { PartnersModule } from '../partners/partners.module';
import { PartnerSessionsController } from './partner-sessions.controller';
import { PartnerSessionsRepository } from './partner-sessions.repository';
import { PartnerSessionsService } from './partner-sessions.service';
import { PartnerSignInController } from './partner-sign-in.controller';
import { PartnerSignInService } from './partner-sign-in.service';

/** Partner sessions: minted by a company's server, or signed into with an emailed code. */
@Module({
  imports: [PartnersModule],
  controllers: [PartnerSessionsController, PartnerSignInController],
  providers: [PartnerSessionsRepository, PartnerSessionsService, PartnerSignInService],
  exports: [PartnerSessionsService, PartnerSignInService],
})
export class PartnerSessionsModule {}
