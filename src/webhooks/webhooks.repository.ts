import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ArrayContains, Repository } from 'typeorm';
import type { WebhookEventType } from './webhook-events.js';
import { WebhookEntity } from './webhook.entity.js';

export interface NewWebhook {
  id: string;
  ownerId: string;
  url: string;
  events: WebhookEventType[];
  description: string | null;
  secret: string;
}

/** Webhook subscriptions; every method that serves a user is scoped to its owner. */
@Injectable()
export class WebhooksRepository {
  constructor(@InjectRepository(WebhookEntity) private readonly rows: Repository<WebhookEntity>) {}

  async insert(webhook: NewWebhook): Promise<WebhookEntity> {
    await this.rows.insert(webhook);
    return this.rows.findOneByOrFail({ id: webhook.id });
  }

  countForOwner(ownerId: string): Promise<number> {
    return this.rows.countBy({ ownerId });
  }

  listForOwner(ownerId: string): Promise<WebhookEntity[]> {
    return this.rows.find({ where: { ownerId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findByIdForOwner(id: string, ownerId: string): Promise<WebhookEntity | null> {
    return this.rows.findOneBy({ id, ownerId });
  }

  async deleteForOwner(id: string, ownerId: string): Promise<boolean> {
    const result = await this.rows.delete({ id, ownerId });
    return (result.affected ?? 0) > 0;
  }

  /** The owner's webhooks that subscribed to an event. */
  findSubscribed(ownerId: string, event: WebhookEventType): Promise<WebhookEntity[]> {
    return this.rows.findBy({ ownerId, events: ArrayContains([event]) });
  }

  /** With its signing secret, for the worker that delivers. */
  findWithSecret(id: string): Promise<WebhookEntity | null> {
    return this.rows
      .createQueryBuilder('w')
      .addSelect('w.secret')
      .where('w.id = :id', { id })
      .getOne();
  }
}
