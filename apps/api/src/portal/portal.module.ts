import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module';
import { PortalController } from './portal.controller';
import { PortalRepository } from './portal.repository';

@Module({
  imports: [ProgramsModule],
  controllers: [PortalController],
  providers: [PortalRepository],
})
export class PortalModule {}
