import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Page } from '../common/pagination/cursor';
import { problemSchema } from '../common/problem/problem.schema';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES } from './webhook-event-types';
import {
  type CreateWebhookEndpointBody,
  createWebhookEndpointBody,
  type ListWebhookDeliveriesQuery,
  listWebhookDeliveriesQuery,
  type UpdateWebhookEndpointBody,
  updateWebhookEndpointBody,
  type WebhookDeliveryDto,
  type WebhookEndpointDto,
  type WebhookEndpointWithSecretDto,
  webhookDeliveryPageSchema,
  webhookDeliverySchema,
  webhookEndpointListSchema,
  webhookEndpointSchema,
  webhookEndpointWithSecretSchema,
  webhookEventTypeListSchema,
} from './webhooks.dto';

@ApiTags('webhooks')
@Controller('v1')
export class WebhookEndpointsController {
  constructor(
    private readonly endpoints: WebhookEndpointsService,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  /** The events an endpoint can subscribe to (payloads: the `WebhookEvent` schemas). */
  @Get('webhook-event-types')
  @ApiOkResponse({ standardSchema: webhookEventTypeListSchema })
  listWebhookEventTypes() {
    return {
      data: WEBHOOK_EVENT_TYPES.map((type) => ({
        type,
        description: WEBHOOK_EVENT_DESCRIPTIONS[type],
      })),
    };
  }

  @Get('webhook-endpoints')
  @ApiOkResponse({ standardSchema: webhookEndpointListSchema })
  listWebhookEndpoints(@Scope() scope: TenantScope): Promise<{ data: WebhookEndpointDto[] }> {
    return this.endpoints.list(scope);
  }

  /**
   * Subscribes a URL to events. The answer carries the signing secret — the only time it is
   * shown. The URL must be public: private, loopback and link-local addresses are refused.
   */
  @Post('webhook-endpoints')
  @ApiCreatedResponse({ standardSchema: webhookEndpointWithSecretSchema })
  @ApiResponse({ status: 409, standardSchema: problemSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  createWebhookEndpoint(
    @Scope() scope: TenantScope,
    @Body({ schema: createWebhookEndpointBody }) body: CreateWebhookEndpointBody,
  ): Promise<WebhookEndpointWithSecretDto> {
    return this.endpoints.create(scope, body);
  }

  @Get('webhook-endpoints/:id')
  @ApiOkResponse({ standardSchema: webhookEndpointSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  getWebhookEndpoint(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<WebhookEndpointDto> {
    return this.endpoints.get(scope, id);
  }

  @Patch('webhook-endpoints/:id')
  @ApiOkResponse({ standardSchema: webhookEndpointSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  updateWebhookEndpoint(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
    @Body({ schema: updateWebhookEndpointBody }) body: UpdateWebhookEndpointBody,
  ): Promise<WebhookEndpointDto> {
    return this.endpoints.update(scope, id, body);
  }

  @Delete('webhook-endpoints/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted, with its delivery log.' })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  async deleteWebhookEndpoint(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<void> {
    await this.endpoints.remove(scope, id);
  }

  /** A new signing secret (shown once). The old one keeps signing, as a second signature, for 24 h. */
  @Post('webhook-endpoints/:id/rotate-secret')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: webhookEndpointWithSecretSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  rotateWebhookEndpointSecret(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<WebhookEndpointWithSecretDto> {
    return this.endpoints.rotateSecret(scope, id);
  }

  /** The endpoint's deliveries, newest first, each with every attempt. */
  @Get('webhook-endpoints/:id/deliveries')
  @ApiOkResponse({ standardSchema: webhookDeliveryPageSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  listWebhookDeliveries(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
    @Query({ schema: listWebhookDeliveriesQuery }) query: ListWebhookDeliveriesQuery,
  ): Promise<Page<WebhookDeliveryDto>> {
    return this.deliveries.list(scope, id, query);
  }

  /** Queues the delivery again now, with a fresh run of retries. */
  @Post('webhook-deliveries/:id/resend')
  @HttpCode(202)
  @ApiResponse({ status: 202, standardSchema: webhookDeliverySchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  resendWebhookDelivery(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<WebhookDeliveryDto> {
    return this.deliveries.resend(scope, id);
  }
}
