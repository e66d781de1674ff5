import { Module } from '@nestjs/common';
import { PartnerSessionsModule } from '../partner-sessions/partner-sessions.module';
import { PartnersModule } from '../partners/partners.module';
import { ProgramsModule } from '../programs/programs.module';
import { ApplicationDecisions } from './application-decisions.service';
import { ApplicationsController, TeamNotificationsController } from './applications.controller';
import { ApplicationsRepository } from './applications.repository';
import { ApplyService } from './apply.service';
import { PublicApplicationsController } from './public-applications.controller';

/** Applying to join a program, and the company's inbox of applications (ADR 0020). */
@Module({
  imports: [ProgramsModule, PartnersModule, PartnerSessionsModule],
  controllers: [PublicApplicationsController, ApplicationsController, TeamNotificationsController],
  providers: [ApplyService, ApplicationDecisions, ApplicationsRepository],
})
export class ApplicationsModule {}
