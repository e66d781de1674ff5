import { Module } from '@nestjs/common';
import { FormFirstLoadsRepository } from './form-first-loads.repository';
import { PartnerProgramController } from './partner-program.controller';
import { ProgramConfigService } from './program-config.service';
import { ProgramsController } from './programs.controller';
import { ProgramsRepository } from './programs.repository';
import { ProgramsService } from './programs.service';
import { PublicProgramController } from './public-program.controller';

@Module({
  controllers: [ProgramsController, PublicProgramController, PartnerProgramController],
  providers: [ProgramsService, ProgramsRepository, ProgramConfigService, FormFirstLoadsRepository],
  exports: [ProgramsRepository, FormFirstLoadsRepository],
})
export class ProgramsModule {}
