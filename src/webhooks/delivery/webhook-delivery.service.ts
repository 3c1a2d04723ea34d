import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AllConfig } from '../../config/configuration.js';
import { WebhookJobsProducer } from '../jobs/webhook-jobs.producer.js';
import { WebhookDeliveriesRepository } from '../webhook-deliveries.repository.js';
import { WebhooksRepository } from '../webhooks.repository.js';
import { sendWebhook } from './webhook-sender.js';
import { signWebhook } from './webhook-signer.js';
import { WebhookTargetGuard } from './webhook-target-guard.js';

export type DeliveryOutcome = 'succeeded' | 'retrying' | 'failed' | 'refused' | 'skipped';

/** Thrown to make Bull retry with backoff; the attempt is already in the log. */
export class DeliveryFailedError extends Error {}

/** One attempt of one delivery: sign, send through the SSRF guard, log what happened. */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger(WebhookDeliveryService.name);

  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly jobs: WebhookJobsProducer,
    private readonly guard: WebhookTargetGuard,
    private readonly config: ConfigService<AllConfig, true>,
  ) {}

  async deliver(deliveryId: string, attempt: number, willRetry: boolean): Promise<DeliveryOutcome> {
    const delivery = await this.deliveries.findById(deliveryId);
    const webhook = delivery && (await this.webhooks.findWithSecret(delivery.webhookId));
    // The webhook was deleted (its deliveries go with it) or the row never committed.
    if (!delivery || !webhook) return 'skipped';

    const body = JSON.stringify(delivery.payload);
    const headers = signWebhook(webhook.secret, delivery.eventId, body);
    const { timeoutMs } = this.config.getOrThrow('webhooks', { infer: true });
    const result = await sendWebhook(this.guard, webhook.url, body, headers, timeoutMs);

    const outcome: DeliveryOutcome = result.refused
      ? 'refused'
      : result.error === null
        ? 'succeeded'
        : willRetry
          ? 'retrying'
          : 'failed';
    await this.deliveries.recordAttempt(delivery.id, {
      status: outcome,
      attempts: attempt,
      statusCode: result.statusCode,
      durationMs: result.durationMs,
      error: result.error,
      responseBody: result.responseBody,
      nextRetryAt: outcome === 'retrying' ? this.jobs.nextRetryAt(attempt) : null,
    });
    if (outcome === 'retrying') {
      this.logger.warn(
        { deliveryId, attempt, error: result.error },
        'webhook delivery failed; will retry',
      );
      throw new DeliveryFailedError(result.error ?? 'delivery failed');
    }
    if (outcome !== 'succeeded') {
      this.logger.warn(
        { deliveryId, attempt, outcome, error: result.error },
        'webhook not delivered',
      );
    }
    return outcome;
  }
}
