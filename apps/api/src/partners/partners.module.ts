import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module';
import { PartnersController } from './partners.controller';
import { PartnersRepository } from './partners.repository';
import { PartnersService } from './partners.service';
import { PartnershipsService } from './partnerships.service';
import { ProgramPartnersController } from './program-partners.controller';

@Module({
  imports: [ProgramsModule],
  controllers: [PartnersController, ProgramPartnersController],
  providers: [PartnersService, PartnershipsService, PartnersRepository],
  exports: [PartnersService, PartnershipsService, PartnersRepository],
})
export class PartnersModule {}
