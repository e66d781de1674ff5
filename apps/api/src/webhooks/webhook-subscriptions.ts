import { Inject, Injectable } from '@nestjs/common';
import { TtlCache } from '../common/cache/ttl-cache';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { WebhooksRepository } from './webhooks.repository';

/** Companies whose subscriptions are kept in memory (a bound on memory, not a tuning knob). */
const MAX_COMPANIES = 10_000;

/**
 * Which event types each company's enabled endpoints subscribe to, kept for a few seconds
 * (WEBHOOK_ENDPOINT_CACHE_SECONDS) so that the usual event — one no endpoint wants — costs no
 * query. Endpoint writes in this process forget the company at once; on other replicas a new
 * or re-enabled subscription is seen within the TTL (docs/security.md). The delivery insert
 * itself still reads the endpoints in the event's transaction, so a cached "yes" never sends
 * to a disabled or deleted endpoint.
 */
@Injectable()
export class WebhookSubscriptions {
  private readonly cache: TtlCache<string, ReadonlySet<string>>;

  constructor(
    private readonly webhooks: WebhooksRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cache = new TtlCache(config.webhookEndpointCacheSeconds * 1000, MAX_COMPANIES);
  }

  async wants(companyId: string, eventType: string): Promise<boolean> {
    const types = await this.cache.getOrLoad(companyId, async () => {
      return new Set(await this.webhooks.subscribedEventTypes(companyId));
    });
    return types?.has(eventType) ?? false;
  }

  /** After any write to the company's endpoints (call once it committed). */
  forget(companyId: string): void {
    this.cache.delete(companyId);
  }
}
