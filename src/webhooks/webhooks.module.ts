import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AllConfig } from '../config/configuration.js';
import { HostResolver } from './delivery/host-resolver.js';
import { WebhookTargetGuard } from './delivery/webhook-target-guard.js';
import { WebhookJobsProducer } from './jobs/webhook-jobs.producer.js';
import { WebhooksQueueModule } from './jobs/webhooks-queue.module.js';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository.js';
import { WebhookDeliveryEntity } from './webhook-delivery.entity.js';
import { WebhookEmitter } from './webhook-emitter.js';
import { WebhookEntity } from './webhook.entity.js';
import { WebhooksRepository } from './webhooks.repository.js';

/** What the API and the worker share about webhooks: rows, the queue, the emitter, the guard. */
@Module({
  imports: [TypeOrmModule.forFeature([WebhookEntity, WebhookDeliveryEntity]), WebhooksQueueModule],
  providers: [
    WebhooksRepository,
    WebhookDeliveriesRepository,
    WebhookJobsProducer,
    WebhookEmitter,
    HostResolver,
    {
      provide: WebhookTargetGuard,
      inject: [HostResolver, ConfigService],
      useFactory: (resolver: HostResolver, config: ConfigService<AllConfig, true>) =>
        new WebhookTargetGuard(resolver, config.getOrThrow('webhooks', { infer: true })),
    },
  ],
  exports: [
    WebhooksRepository,
    WebhookDeliveriesRepository,
    WebhookJobsProducer,
    WebhookEmitter,
    WebhookTargetGuard,
  ],
})
export class WebhooksModule {}
