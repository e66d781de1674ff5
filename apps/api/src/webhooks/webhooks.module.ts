import { Module } from '@nestjs/common';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookDispatchListener } from './webhook-dispatch.listener';
import { WebhookEndpointsController } from './webhook-endpoints.controller';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import { WebhookSenderService } from './webhook-sender.service';
import { WebhookSubscriptions } from './webhook-subscriptions';
import { WebhooksRepository } from './webhooks.repository';

@Module({
  controllers: [WebhookEndpointsController],
  providers: [
    WebhookEndpointsService,
    WebhookDeliveriesService,
    WebhookDispatchListener,
    WebhookSenderService,
    WebhookSubscriptions,
    WebhooksRepository,
  ],
})
export class WebhooksModule {}
