import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { JobsService } from '../../jobs/jobs.service';
import { IMPORT_QUEUE, type ImportJobData } from '../import-jobs';
import { IMPORT_SETTINGS, type ImportSettings } from '../import-settings';
import { importLockKey, returnedRows } from './import-locks';

/**
 * Resumes imports whose worker died. pg-boss would retry such a job only after its expiry (an
 * hour, so long imports are not cut short) plus a maintenance round; a `processing` import whose
 * advisory lock is free has no worker at all, so this sweep (at start-up, then every
 * `recoveryIntervalSeconds`) re-queues it right away. Holding the lock while re-queueing keeps a
 * worker from starting on it in between.
 */
@Injectable()
export class ImportRecovery implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('imports');
  private timer: NodeJS.Timeout | null = null;
  private sweeping = false;

  constructor(
    private readonly db: DataSource,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(IMPORT_SETTINGS) private readonly settings: ImportSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runWorkers) return;
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.settings.recoveryIntervalSeconds * 1000);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Re-queues every orphaned import; returns how many. */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    let resumed = 0;
    try {
      const orphans: { id: string }[] = await this.db.query(
        `SELECT id FROM imports WHERE status = 'processing' ORDER BY started_at LIMIT 100`,
      );
      for (const { id } of orphans) {
        const requeued = await this.db.transaction(async (manager) => {
          const [lock] = (await manager.query(
            `SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked`,
            [importLockKey(id)],
          )) as { locked: boolean }[];
          if (!lock?.locked) return false;
          const updated = returnedRows<{ id: string }>(
            await manager.query(
              `UPDATE imports SET status = 'queued' WHERE id = $1 AND status = 'processing' RETURNING id`,
              [id],
            ),
          );
          if (updated.length === 0) return false;
          const job: ImportJobData = { importId: id };
          await this.jobs.send(IMPORT_QUEUE, job, {}, manager);
          return true;
        });
        if (requeued) resumed++;
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
}
