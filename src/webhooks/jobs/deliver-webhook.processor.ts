import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import {
  WebhookDeliveryService,
  type DeliveryOutcome,
} from '../delivery/webhook-delivery.service.js';
import { type DeliverWebhookPayload, WEBHOOKS_QUEUE, WebhookJob } from './webhook-jobs.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The queue adapter for deliveries; provided only by the worker module. */
@Processor(WEBHOOKS_QUEUE)
export class DeliverWebhookProcessor {
  constructor(private readonly delivery: WebhookDeliveryService) {}

  // Deliveries wait on the network, not the CPU: several at once cost little.
  @Process({ name: WebhookJob.DELIVER, concurrency: 4 })
  async handle(job: Job<DeliverWebhookPayload>): Promise<DeliveryOutcome> {
    const { deliveryId } = job.data ?? {};
    if (typeof deliveryId !== 'string' || !UUID.test(deliveryId)) {
      await job.discard();
      throw new Error('malformed job payload');
    }
    const attempt = job.attemptsMade + 1;
    return this.delivery.deliver(deliveryId, attempt, attempt < (job.opts.attempts ?? 1));
  }
}
