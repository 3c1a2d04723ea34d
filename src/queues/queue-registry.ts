import { getQueueToken } from '@nestjs/bull';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Queue } from 'bull';

// `BullQueue_<name>`: how @nestjs/bull names every queue provider. Matching the token, not
// the instance's shape, keeps request-scoped proxies (nestjs-cls) from being touched.
const QUEUE_TOKEN_PREFIX = getQueueToken('x').slice(0, -1);

/**
 * Every Bull queue registered in this process (`BullModule.registerQueue`), found by looking
 * at the providers, so metrics, the admin routes and bull-board cover a queue added later
 * (webhooks, …) without being told about it.
 */
@Injectable()
export class QueueRegistry implements OnApplicationBootstrap {
  private queues = new Map<string, Queue>();

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    this.refresh();
  }

  all(): Queue[] {
    if (!this.queues.size) this.refresh();
    return [...this.queues.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  find(name: string): Queue | undefined {
    if (!this.queues.size) this.refresh();
    return this.queues.get(name);
  }

  private refresh(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const { token, instance } = wrapper as { token: unknown; instance: unknown };
      if (typeof token !== 'string' || !token.startsWith(QUEUE_TOKEN_PREFIX) || !instance) continue;
      const queue = instance as Queue;
      this.queues.set(queue.name, queue);
    }
  }
}
