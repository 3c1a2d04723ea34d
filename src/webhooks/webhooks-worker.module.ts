import { Module } from '@nestjs/common';
import { WebhookDeliveryService } from './delivery/webhook-delivery.service.js';
import { DeliverWebhookProcessor } from './jobs/deliver-webhook.processor.js';
import { WebhooksModule } from './webhooks.module.js';

/** The deliveries consumer; imported by the worker root only. */
@Module({
  imports: [WebhooksModule],
  providers: [WebhookDeliveryService, DeliverWebhookProcessor],
})
export class WebhooksWorkerModule {}
