import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { conflict, notFound, ProblemException } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import type { WebhookEventType } from './webhook-event-types';
import { newWebhookSecret, PREVIOUS_SECRET_GRACE_HOURS } from './webhook-secrets';
import { WebhookSubscriptions } from './webhook-subscriptions';
import { assertDeliverableUrl, WebhookUrlRefused } from './webhook-url-guard';
import type {
  CreateWebhookEndpointBody,
  UpdateWebhookEndpointBody,
  WebhookEndpointDto,
  WebhookEndpointWithSecretDto,
} from './webhooks.dto';
import { WebhooksRepository } from './webhooks.repository';

export const MAX_WEBHOOK_ENDPOINTS = 20;

export function toEndpointDto(endpoint: WebhookEndpoint): WebhookEndpointDto {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.events as WebhookEventType[],
    enabled: endpoint.enabled,
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
  };
}

/** A company's webhook endpoints. The secret is returned only by create and rotate. */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly subscriptions: WebhookSubscriptions,
    private readonly webhooks: WebhooksRepository,
  ) {}

  private get repository() {
    return this.db.getRepository(WebhookEndpoint);
  }

  async list(scope: TenantScope): Promise<{ data: WebhookEndpointDto[] }> {
    const endpoints = await this.repository.find({
      where: scope.company(),
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return { data: endpoints.map(toEndpointDto) };
  }

  async find(scope: TenantScope, id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.repository.findOne({ where: scope.company({ id }) });
    if (!endpoint) throw notFound('Webhook endpoint');
    return endpoint;
  }

  async get(scope: TenantScope, id: string): Promise<WebhookEndpointDto> {
    return toEndpointDto(await this.find(scope, id));
  }

  async create(
    scope: TenantScope,
    body: CreateWebhookEndpointBody,
  ): Promise<WebhookEndpointWithSecretDto> {
    const url = await this.checkUrl(body.url);
    const count = await this.repository.count({ where: scope.company() });
    if (count >= MAX_WEBHOOK_ENDPOINTS) {
      throw conflict(
        'webhook_endpoint_limit',
        `A company can have at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints. Delete one first.`,
      );
    }
    const secret = newWebhookSecret();
    const endpoint = await this.repository.save(
      this.repository.create({
        companyId: scope.companyId,
        url,
        description: body.description || null,
        events: body.events,
        secret,
        enabled: true,
      }),
    );
    this.subscriptions.forget(scope.companyId);
    return { ...toEndpointDto(endpoint), secret };
  }

  async update(
    scope: TenantScope,
    id: string,
    body: UpdateWebhookEndpointBody,
  ): Promise<WebhookEndpointDto> {
    const endpoint = await this.find(scope, id);
    if (body.url !== undefined) endpoint.url = await this.checkUrl(body.url);
    if (body.events !== undefined) endpoint.events = body.events;
    if (body.description !== undefined) endpoint.description = body.description || null;
    if (body.enabled !== undefined) endpoint.enabled = body.enabled;
    const saved = await this.repository.save(endpoint);
    this.subscriptions.forget(scope.companyId);
    return toEndpointDto(saved);
  }

  async remove(scope: TenantScope, id: string): Promise<void> {
    const result = await this.repository.delete(scope.company({ id }));
    this.subscriptions.forget(scope.companyId);
    if (!result.affected) throw notFound('Webhook endpoint');
  }

  /** A new secret; the old one still signs (as a second signature) for 24 hours. */
  async rotateSecret(scope: TenantScope, id: string): Promise<WebhookEndpointWithSecretDto> {
    const secret = newWebhookSecret();
    const rotated = await this.webhooks.rotateSecret(
      scope.companyId,
      id,
      secret,
      PREVIOUS_SECRET_GRACE_HOURS,
    );
    if (!rotated) throw notFound('Webhook endpoint');
    return { ...(await this.get(scope, id)), secret };
  }

  private async checkUrl(raw: string): Promise<string> {
    try {
      return (await assertDeliverableUrl(raw, this.config.webhookAllowPrivate)).toString();
    } catch (error) {
      if (!(error instanceof WebhookUrlRefused)) throw error;
      throw new ProblemException(422, error.code, error.message, {
        errors: [{ field: 'url', code: error.code, message: `url: ${error.message}` }],
      });
    }
  }
}
