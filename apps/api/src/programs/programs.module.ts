import { Module } from '@nestjs/common';
import { FormFirstLoads } from './form-first-loads';
import { PartnerProgramController } from './partner-program.controller';
import { ProgramConfigService } from './program-config.service';
import { ProgramsController } from './programs.controller';
import { ProgramsRepository } from './programs.repository';
import { ProgramsService } from './programs.service';
import { PublicProgramController } from './public-program.controller';

@Module({
  controllers: [ProgramsController, PublicProgramController, PartnerProgramController],
  providers: [ProgramsService, ProgramsRepository, ProgramConfigService, FormFirstLoads],
  exports: [ProgramsRepository, FormFirstLoads],
})
export class ProgramsModule {}
