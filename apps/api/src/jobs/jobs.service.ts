import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { transactionExecutor } from '../common/database/transaction-executor';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';

export type JobHandler<T> = (job: PgBoss.Job<T>) => Promise<void>;

interface Registration {
  queue: string;
  options: PgBoss.Queue;
  handler: JobHandler<never> | null;
  concurrency: number;
}

/**
 * pg-boss (10.x: the newest line for Node 20) behind a small surface:
 * - `register()` declares a queue and, when this process runs workers, its handler;
 * - `send(…, manager)` enqueues INSIDE the caller's transaction (transactional outbox), so the
 *   job exists if and only if the change that caused it committed.
 */
@Injectable()
export class JobsService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('jobs');
  private readonly boss: PgBoss;
  private readonly registrations = new Map<string, Registration>();
  private started = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.boss = new PgBoss({
      connectionString: config.databaseUrl,
      max: 4,
      application_name: 'leadbridge-jobs',
      // Maintenance and scheduling are cheap; one API replica is enough to do them, but pg-boss
      // coordinates replicas itself.
      supervise: config.runWorkers,
      maintenanceIntervalSeconds: config.jobsMaintenanceIntervalSeconds,
      schedule: false,
    });
    this.boss.on('error', (error) => this.logger.error(error));
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    this.started = true;
  }

  /** Declare a queue (idempotent). Call from a feature module's onModuleInit. */
  async register<T>(
    queue: string,
    options: Omit<PgBoss.Queue, 'name'>,
    handler: JobHandler<T>,
    concurrency = 1,
  ): Promise<void> {
    const existing = await this.boss.getQueue(queue);
    if (existing) await this.boss.updateQueue(queue, { name: queue, ...options });
    else await this.boss.createQueue(queue, { name: queue, ...options });
    this.registrations.set(queue, {
      queue,
      options: { name: queue, ...options },
      handler: handler as JobHandler<never>,
      concurrency,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runWorkers) return;
    for (const registration of this.registrations.values()) {
      const handler = registration.handler;
      if (!handler) continue;
      for (let i = 0; i < registration.concurrency; i++) {
        await this.boss.work<never>(
          registration.queue,
          { batchSize: 1, pollingIntervalSeconds: this.config.nodeEnv === 'production' ? 2 : 0.5 },
          async (jobs) => {
            for (const job of jobs) await handler(job);
          },
        );
      }
    }
  }

  /**
   * Enqueue a job. With `manager` (inside a transaction) it commits or rolls back with it.
   * `singletonKey`/`id` options make enqueueing idempotent where a caller may retry.
   */
  async send<T extends object>(
    queue: string,
    data: T,
    options: PgBoss.SendOptions = {},
    manager?: EntityManager,
  ): Promise<string | null> {
    const db = manager ? transactionExecutor(manager) : undefined;
    const id = await this.boss.send(queue, data, db ? { ...options, db } : options);
    return id;
  }

  /** For tests and health: the underlying pg-boss instance. */
  get instance(): PgBoss {
    return this.boss;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
