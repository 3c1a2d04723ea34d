import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppError, ErrorCode } from '../common/errors/index.js';
import type { CreateWebhookDto } from './dto/create-webhook.dto.js';
import type { CreatedWebhookResponseDto } from './dto/created-webhook.response.dto.js';
import { WebhookDeliveryResponseDto } from './dto/webhook-delivery.response.dto.js';
import { WebhookResponseDto } from './dto/webhook.response.dto.js';
import { WebhookTargetGuard } from './delivery/webhook-target-guard.js';
import { newWebhookSecret } from './delivery/webhook-signer.js';
import { WebhookJobsProducer } from './jobs/webhook-jobs.producer.js';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository.js';
import type { WebhookEntity } from './webhook.entity.js';
import { WebhooksRepository } from './webhooks.repository.js';

/** A user's webhooks are few; more would mean a mistake (or abuse) multiplying deliveries. */
export const MAX_WEBHOOKS_PER_USER = 20;
const DELIVERY_LOG_PAGE = 50;

@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly jobs: WebhookJobsProducer,
    private readonly guard: WebhookTargetGuard,
  ) {}

  async create(ownerId: string, input: CreateWebhookDto): Promise<CreatedWebhookResponseDto> {
    const url = this.guard.parse(input.url);
    await this.guard.assertAllowed(url);
    if ((await this.webhooks.countForOwner(ownerId)) >= MAX_WEBHOOKS_PER_USER) {
      throw new AppError(
        ErrorCode.WEBHOOK_LIMIT_REACHED,
        `At most ${MAX_WEBHOOKS_PER_USER} webhooks per user; delete one first`,
      );
    }
    const secret = newWebhookSecret();
    const webhook = await this.webhooks.insert({
      id: randomUUID(),
      ownerId,
      url: url.href,
      events: input.events,
      description: input.description?.trim() || null,
      secret,
    });
    return { ...WebhookResponseDto.from(webhook), secret };
  }

  async list(ownerId: string): Promise<WebhookResponseDto[]> {
    return (await this.webhooks.listForOwner(ownerId)).map((w) => WebhookResponseDto.from(w));
  }

  async get(id: string, ownerId: string): Promise<WebhookResponseDto> {
    return WebhookResponseDto.from(await this.findOwned(id, ownerId));
  }

  async delete(id: string, ownerId: string): Promise<void> {
    if (!(await this.webhooks.deleteForOwner(id, ownerId))) throw webhookNotFound();
  }

  async listDeliveries(id: string, ownerId: string): Promise<WebhookDeliveryResponseDto[]> {
    await this.findOwned(id, ownerId);
    const rows = await this.deliveries.findPageForWebhook(id, DELIVERY_LOG_PAGE);
    return rows.map((d) => WebhookDeliveryResponseDto.from(d));
  }

  /** Sends an earlier event again, as a new delivery with the same event id and body. */
  async redeliver(
    id: string,
    deliveryId: string,
    ownerId: string,
  ): Promise<WebhookDeliveryResponseDto> {
    await this.findOwned(id, ownerId);
    const original = await this.deliveries.findByIdForWebhook(deliveryId, id);
    if (!original) {
      throw new AppError(ErrorCode.WEBHOOK_DELIVERY_NOT_FOUND, 'Delivery not found');
    }
    const copy = { id: randomUUID(), webhookId: id, payload: original.payload };
    await this.deliveries.insertPending([copy]);
    // Read before queueing: a quick worker may deliver it before this answers, and the 202
    // describes what was accepted (pending, no attempts yet), not a race with the worker.
    const row = await this.deliveries.findById(copy.id);
    try {
      await this.jobs.enqueue([copy.id]);
    } catch (error) {
      await this.deliveries.delete(copy.id);
      throw error;
    }
    return WebhookDeliveryResponseDto.from(row!);
  }

  private async findOwned(id: string, ownerId: string): Promise<WebhookEntity> {
    const webhook = await this.webhooks.findByIdForOwner(id, ownerId);
    if (!webhook) throw webhookNotFound();
    return webhook;
  }
}

function webhookNotFound(): AppError {
  return new AppError(ErrorCode.WEBHOOK_NOT_FOUND, 'Webhook not found');
}
