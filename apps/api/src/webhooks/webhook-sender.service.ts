import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { JobsService } from '../jobs/jobs.service';
import { postWebhook, type WebhookHttpResult } from './webhook-http';
import { WEBHOOK_QUEUE, type WebhookJob } from './webhook-queue';
import { signWebhook } from './webhook-secrets';
import { assertDeliverableUrl, WebhookUrlRefused } from './webhook-url-guard';
import { type DeliveryToSend, WebhooksRepository } from './webhooks.repository';

export const WEBHOOK_TIMEOUT_MS = 10_000;
const USER_AGENT = 'Leadbridge-Webhooks/1.0 (+https://leadbridge.dev/docs/webhooks)';

/**
 * Delivers one webhook attempt and schedules the next. Retries are our own jobs (not pg-boss
 * retries) so each attempt's outcome, the delivery's state and the next attempt's job are
 * written in one transaction, on the schedule in config (about a day, then `failed`).
 */
@Injectable()
export class WebhookSenderService implements OnModuleInit {
  private readonly logger = new Logger('webhooks');

  constructor(
    private readonly db: DataSource,
    private readonly jobs: JobsService,
    private readonly webhooks: WebhooksRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get maxAttempts(): number {
    return this.config.webhookRetryDelaysSeconds.length + 1;
  }

  async onModuleInit(): Promise<void> {
    await this.jobs.register<WebhookJob>(
      WEBHOOK_QUEUE,
      // pg-boss retries only cover a crash or a database error mid-attempt.
      { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 60 },
      (job) => this.deliver(job.data),
      4,
    );
  }

  async deliver(job: WebhookJob): Promise<void> {
    const delivery = await this.webhooks.findDeliveryToSend(job.deliveryId);
    if (delivery?.status !== 'pending' || delivery.attempts !== job.expectedAttempts) {
      return;
    }
    const result = delivery.enabled
      ? await this.attempt(delivery)
      : { statusCode: null, latencyMs: 0, responseExcerpt: null, error: 'Endpoint is disabled' };
    await this.record(delivery, job, result, delivery.enabled);
  }

  private async attempt(delivery: DeliveryToSend): Promise<WebhookHttpResult> {
    let url: URL;
    try {
      url = await assertDeliverableUrl(delivery.url, this.config.webhookAllowPrivate);
    } catch (error) {
      const message = error instanceof WebhookUrlRefused ? error.message : String(error);
      return {
        statusCode: null,
        latencyMs: 0,
        responseExcerpt: null,
        error: `Refused: ${message}`,
      };
    }
    const { payload } = delivery;
    // Top-level order as documented (jsonb does not keep key order); what is sent is what is signed.
    const body = JSON.stringify({
      id: payload.id,
      type: payload.type,
      createdAt: payload.createdAt,
      data: payload.data,
    });
    const timestamp = new Date();
    const secrets = [delivery.secret];
    if (delivery.previous_secret && delivery.previous_secret_valid) {
      secrets.push(delivery.previous_secret);
    }
    return postWebhook(
      url,
      body,
      {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        'webhook-id': payload.id,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': signWebhook(secrets, payload.id, timestamp, body),
      },
      { timeoutMs: WEBHOOK_TIMEOUT_MS, allowPrivate: this.config.webhookAllowPrivate },
    );
  }

  private async record(
    delivery: DeliveryToSend,
    job: WebhookJob,
    result: WebhookHttpResult,
    retryable: boolean,
  ): Promise<void> {
    const succeeded =
      result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const delays = this.config.webhookRetryDelaysSeconds;
    const retry = !succeeded && retryable && job.attempt < this.maxAttempts;
    const delaySeconds = delays[job.attempt - 1] ?? delays[delays.length - 1] ?? 60;
    const nextAt = retry ? new Date(Date.now() + delaySeconds * 1000) : null;
    const status = succeeded ? 'succeeded' : retry ? 'pending' : 'failed';
    await this.db.transaction(async (manager) => {
      // Guarded by the attempt count: a job that lost a race writes nothing.
      const counted = await this.webhooks.markAttempted(
        manager,
        { id: delivery.id, expectedAttempts: job.expectedAttempts },
        { status, statusCode: result.statusCode, nextAttemptAt: nextAt },
      );
      if (!counted) return;
      await this.webhooks.insertAttempt(
        manager,
        { id: delivery.id, companyId: delivery.company_id },
        result,
      );
      if (retry && nextAt) {
        const next: WebhookJob = {
          deliveryId: delivery.id,
          attempt: job.attempt + 1,
          expectedAttempts: job.expectedAttempts + 1,
        };
        await this.jobs.send(WEBHOOK_QUEUE, next, { startAfter: nextAt }, manager);
      }
    });
    if (status === 'failed') {
      this.logger.warn(`webhook delivery ${delivery.id} failed after ${job.attempt} attempt(s)`);
    }
  }
}
