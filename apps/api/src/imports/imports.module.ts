import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { JobsService } from '../jobs/jobs.service';
import { LeadsModule } from '../leads/leads.module';
import { StorageModule } from '../storage/storage.module';
import { IMPORT_QUEUE, type ImportJobData } from './import-jobs';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';
import { LeadTemplatesController } from './lead-templates.controller';
import { ImportProcessor } from './processing/import-processor';
import { ImportRecovery } from './processing/import-recovery';
import { ImportRowsRepository } from './processing/import-rows.repository';
import { ImportRunsRepository } from './processing/import-runs.repository';

// Long enough for any allowed file; a dead worker's import is resumed by ImportRecovery, not by
// waiting for this to expire.
const IMPORT_JOB_EXPIRY_SECONDS = 60 * 60;

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
export class ImportsModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly processor: ImportProcessor,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register<ImportJobData>(
      IMPORT_QUEUE,
      {
        // Transient failures (database restarts, deadlocks past the batch retries) run again;
        // the run resumes after the last committed batch.
        retryLimit: 5,
        retryDelay: 5,
        retryBackoff: true,
        expireInSeconds: IMPORT_JOB_EXPIRY_SECONDS,
      },
      (job) => this.processor.process(job.data.importId),
      this.config.importWorkerConcurrency,
    );
  }
}
