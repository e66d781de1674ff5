import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { repeatEvery } from '../../common/timers/repeat';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { JobsService } from '../../jobs/jobs.service';
import { IMPORT_QUEUE, type ImportJobData } from '../import-queue';
import { ImportProcessor } from './import-processor';
import { type ImportOrphan, ImportRunsRepository } from './import-runs.repository';

const NEVER_STARTED =
  'The import could not be started (its background job kept failing). Upload the file again.';

/**
 * Resumes imports whose worker died, and re-queues imports no job will ever start.
 * - `processing` with a free advisory lock: its worker is gone. pg-boss would retry the job only
 *   after its expiry (an hour, so long imports are not cut short) plus a maintenance round.
 * - `queued` with no live pg-boss job: every job for it failed before a worker started it (e.g.
 *   the database was unreachable through all of pg-boss's retries). Each re-queue counts as an
 *   attempt, so one that never starts ends `failed` after IMPORT_MAX_ATTEMPTS, not queued forever.
 * The sweep runs at start-up, then every `importRecoveryIntervalSeconds`. Holding the import's
 * lock while re-queueing keeps a worker from starting on it in between.
 */
@Injectable()
export class ImportRecovery implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('imports');
  private stop: (() => void) | null = null;
  private sweeping = false;

  constructor(
    private readonly db: DataSource,
    private readonly jobs: JobsService,
    private readonly runs: ImportRunsRepository,
    private readonly processor: ImportProcessor,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runWorkers) return;
    void this.sweep();
    this.stop = repeatEvery(this.config.importRecoveryIntervalSeconds, () => this.sweep());
  }

  beforeApplicationShutdown(): void {
    this.stop?.();
    this.stop = null;
  }

  /** Re-queues every orphaned import; returns how many. */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    let resumed = 0;
    try {
      const orphans = await this.runs.orphans(IMPORT_QUEUE);
      for (const orphan of orphans) {
        const outcome = await this.db.transaction((manager) => this.requeue(manager, orphan));
        if (outcome === 'requeued') resumed++;
        if (outcome === 'abandoned') await this.processor.abandon(orphan.id, NEVER_STARTED);
      }
      if (resumed > 0) this.logger.log(`Resumed ${resumed} interrupted import(s)`);
    } catch (error) {
      this.logger.warn(
        `Import recovery sweep failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      this.sweeping = false;
    }
    return resumed;
  }

  private async requeue(
    manager: EntityManager,
    orphan: ImportOrphan,
  ): Promise<'requeued' | 'abandoned' | 'skipped'> {
    if (!(await this.runs.tryLockInTransaction(manager, orphan.id))) return 'skipped';
    // Checked again under the lock: a job may have been queued or started since the list.
    if (orphan.status === 'processing') {
      if (!(await this.runs.requeueProcessing(manager, orphan.id))) return 'skipped';
    } else {
      const row = await this.runs.queuedState(manager, IMPORT_QUEUE, orphan.id);
      if (!row || row.live) return 'skipped';
      if (row.attempts >= this.config.importMaxAttempts) return 'abandoned';
      await this.runs.countAttempt(manager, orphan.id);
    }
    const job: ImportJobData = { importId: orphan.id };
    await this.jobs.send(IMPORT_QUEUE, job, {}, manager);
    return 'requeued';
  }
}
