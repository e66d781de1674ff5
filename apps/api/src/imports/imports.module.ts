import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { JobsService } from '../jobs/jobs.service';
import { StorageModule } from '../storage/storage.module';
import { IMPORT_QUEUE, type ImportJobData } from './import-jobs';
import { IMPORT_SETTINGS, type ImportSettings, loadImportSettings } from './import-settings';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';
import { LeadTemplatesController } from './lead-templates.controller';
import { ImportProcessor } from './processing/import-processor';
import { ImportRecovery } from './processing/import-recovery';

// Long enough for any allowed file; a dead worker's import is resumed by ImportRecovery, not by
// waiting for this to expire.
const IMPORT_JOB_EXPIRY_SECONDS = 60 * 60;

@Module({
  imports: [StorageModule],
  controllers: [ImportsController, LeadTemplatesController],
  providers: [
    ImportsService,
    ImportsRepository,
    ImportProcessor,
    ImportRecovery,
    { provide: IMPORT_SETTINGS, useFactory: () => loadImportSettings() },
  ],
})
export class ImportsModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly processor: ImportProcessor,
    @Inject(IMPORT_SETTINGS) private readonly settings: ImportSettings,
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
      this.settings.workerConcurrency,
    );
  }
}
