import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { repeatEvery } from '../common/timers/repeat';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { AnalyticsRepository } from './analytics.repository';

/**
 * Folds every company's lead-count changes into the dashboard's rollups on a timer (ADR 0022).
 * The dashboard folds before it reads, so this is not for correctness: without it a company
 * whose team never opens the dashboard would grow its change table by a row per submission
 * for ever, and the first dashboard view after a quiet month would pay for the whole month.
 * Runs in every worker process; folds of one company are serialised by an advisory lock, and
 * each moves only what it deletes, so two workers folding at once count nothing twice.
 */
@Injectable()
export class LeadCountsFolder implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('analytics');
  private stop: (() => void) | null = null;

  constructor(
    private readonly repository: AnalyticsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runWorkers) return;
    this.stop = repeatEvery(this.config.leadCountsFoldIntervalSeconds, () => this.foldAll());
  }

  beforeApplicationShutdown(): void {
    this.stop?.();
    this.stop = null;
  }

  /** Folds the changes of every company that has some; returns how many companies it folded. */
  async foldAll(): Promise<number> {
    let folded = 0;
    try {
      for (const companyId of await this.repository.companiesWithLeadCountChanges()) {
        await this.repository.foldLeadCounts(companyId);
        folded++;
      }
    } catch (error) {
      this.logger.warn(
        `Folding lead counts failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return folded;
  }
}
