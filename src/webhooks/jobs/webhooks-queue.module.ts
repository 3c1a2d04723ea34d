import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { WEBHOOKS_QUEUE } from './webhook-jobs.js';

@Module({
  imports: [BullModule.registerQueue({ name: WEBHOOKS_QUEUE })],
  exports: [BullModule],
})
export class WebhooksQueueModule {}
