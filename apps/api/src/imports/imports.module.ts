import { Module } from '@nestjs/common';
import { LeadsModule } from '../leads/leads.module';
import { StorageModule } from '../storage/storage.module';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';
import { LeadTemplatesController } from './lead-templates.controller';
import { ImportProcessor } from './processing/import-processor';
import { ImportRecovery } from './processing/import-recovery';
import { ImportRowsRepository } from './processing/import-rows.repository';
import { ImportRunsRepository } from './processing/import-runs.repository';

@Module({
  imports: [StorageModule, LeadsModule],
  controllers: [ImportsController, LeadTemplatesController],
  providers: [
    ImportsService,
    ImportsRepository,
    ImportRowsRepository,
    ImportRunsRepository,
    ImportProcessor,
    ImportRecovery,
  ],
})
export class ImportsModule {}
