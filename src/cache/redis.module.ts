import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Redis } from 'ioredis';
import type { AllConfig } from '../config/configuration.js';
import { CacheKeys } from './cache-keys.js';
import { REDIS_CLIENT, REDIS_SUBSCRIBER } from './redis.constants.js';
import { BullConnections } from './bull-connections.js';
import { createRedisClient } from './create-redis-client.js';

@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AllConfig, true>) => {
        const { url, commandTimeoutMs } = config.getOrThrow('redis', { infer: true });
        // Sessions, cache, throttling, events: many small commands from concurrent requests.
        return createRedisClient(url, 'command', 'client', commandTimeoutMs, {
          autoPipelining: true,
        });
      },
    },
    {
      provide: REDIS_SUBSCRIBER,
      inject: [ConfigService],
      // Subscriptions must survive outages: this connection queues while offline.
      useFactory: (config: ConfigService<AllConfig, true>) =>
        createRedisClient(
          config.getOrThrow('redis', { infer: true }).url,
          'blocking',
          'subscriber',
        ),
    },
    {
      provide: BullConnections,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AllConfig, true>) => {
        const { url, commandTimeoutMs } = config.getOrThrow('redis', { infer: true });
        return new BullConnections(url, commandTimeoutMs);
      },
    },
    {
      provide: CacheKeys,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AllConfig, true>) =>
        new CacheKeys(config.getOrThrow('redis', { infer: true }).keyPrefix),
    },
  ],
  exports: [REDIS_CLIENT, REDIS_SUBSCRIBER, CacheKeys, BullConnections],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(
    @Inject(REDIS_CLIENT) private readonly client: Redis,
    @Inject(REDIS_SUBSCRIBER) private readonly subscriber: Redis,
    private readonly bullConnections: BullConnections,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([
      this.client.quit(),
      this.subscriber.quit(),
      this.bullConnections.closeAll(),
    ]);
    this.client.disconnect();
    this.subscriber.disconnect();
  }
}
