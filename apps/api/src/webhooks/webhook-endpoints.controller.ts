import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Page } from '../common/pagination/cursor';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
import { ApiProblems } from '../openapi/api-problems';
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

  @Get('webhook-event-types')
  @ApiOperation({
    summary: 'List webhook event types',
    description:
      'The events an endpoint can subscribe to, with their payload schemas (`WebhookEvent`). Read-only.',
  })
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
  @ApiOperation({
    summary: 'List webhook endpoints',
    description:
      "The company's endpoints with their events and status (never the secret). Read-only.",
  })
  @ApiOkResponse({ standardSchema: webhookEndpointListSchema })
  listWebhookEndpoints(@Scope() scope: TenantScope): Promise<{ data: WebhookEndpointDto[] }> {
    return this.endpoints.list(scope);
  }

  @Post('webhook-endpoints')
  @ApiOperation({
    summary: 'Add a webhook endpoint',
    description:
      'Subscribes a URL to events. The answer carries the signing secret — the only time it is shown. The URL must be public: private, loopback and link-local addresses are refused.',
  })
  @ApiProblems(
    'webhook_endpoint_limit',
    'webhook_url_invalid',
    'webhook_url_not_allowed',
    'webhook_url_unresolvable',
  )
  @ApiCreatedResponse({ standardSchema: webhookEndpointWithSecretSchema })
  createWebhookEndpoint(
    @Scope() scope: TenantScope,
    @Body({ schema: createWebhookEndpointBody }) body: CreateWebhookEndpointBody,
  ): Promise<WebhookEndpointWithSecretDto> {
    return this.endpoints.create(scope, body);
  }

  @Get('webhook-endpoints/:id')
  @ApiOperation({
    summary: 'Get a webhook endpoint',
    description: 'One endpoint with its events and status. Read-only.',
  })
  @ApiProblems('not_found')
  @ApiOkResponse({ standardSchema: webhookEndpointSchema })
  getWebhookEndpoint(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<WebhookEndpointDto> {
    return this.endpoints.get(scope, id);
  }

  @Patch('webhook-endpoints/:id')
  @ApiOperation({
    summary: 'Change a webhook endpoint',
    description:
      "Changes an endpoint's URL, events, description or enabled switch (a new URL is checked like on creation).",
  })
  @ApiProblems(
    'not_found',
    'webhook_url_invalid',
    'webhook_url_not_allowed',
    'webhook_url_unresolvable',
  )
  @ApiOkResponse({ standardSchema: webhookEndpointSchema })
  updateWebhookEndpoint(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
    @Body({ schema: updateWebhookEndpointBody }) body: UpdateWebhookEndpointBody,
  ): Promise<WebhookEndpointDto> {
    return this.endpoints.update(scope, id, body);
  }

  @Delete('webhook-endpoints/:id')
  @ApiOperation({
    summary: 'Delete a webhook endpoint',
    description: 'Deletes the endpoint; pending deliveries to it are dropped.',
  })
  @ApiProblems('not_found')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted, with its delivery log.' })
  async deleteWebhookEndpoint(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<void> {
    await this.endpoints.remove(scope, id);
  }

  @Post('webhook-endpoints/:id/rotate-secret')
  @ApiOperation({
    summary: 'Rotate a webhook signing secret',
    description:
      'A new signing secret (shown once). The old one keeps signing, as a second signature, for 24 hours.',
  })
  @ApiProblems('not_found')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: webhookEndpointWithSecretSchema })
  rotateWebhookEndpointSecret(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<WebhookEndpointWithSecretDto> {
    return this.endpoints.rotateSecret(scope, id);
  }

  @Get('webhook-endpoints/:id/deliveries')
  @ApiOperation({
    summary: "List an endpoint's deliveries",
    description:
      "The endpoint's deliveries, newest first, each with every attempt (status, response, duration). Read-only.",
  })
  @ApiProblems('not_found')
  @ApiOkResponse({ standardSchema: webhookDeliveryPageSchema })
  listWebhookDeliveries(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
    @Query({ schema: listWebhookDeliveriesQuery }) query: ListWebhookDeliveriesQuery,
  ): Promise<Page<WebhookDeliveryDto>> {
    return this.deliveries.list(scope, id, query);
  }

  @Post('webhook-deliveries/:id/resend')
  @ApiOperation({
    summary: 'Resend a webhook delivery',
    description: 'Queues the delivery again now, with a fresh run of retries.',
  })
  @ApiProblems('not_found')
  @HttpCode(202)
  @ApiResponse({ status: 202, standardSchema: webhookDeliverySchema })
  resendWebhookDelivery(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<WebhookDeliveryDto> {
    return this.deliveries.resend(scope, id);
  }
}
