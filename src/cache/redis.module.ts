import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Redis } from 'ioredis';
import type { AllConfig } from '../config/configuration.js';
import { CacheKeys } from './cache-keys.js';
import { REDIS_CLIENT, REDIS_SUBSCRIBER } from './redis.constants.js';
import { redisOptionsFromUrl } from './redis-options.js';

const logger = new Logger('Redis');

/** A client with a quiet error listener: one warning per distinct error, one when it recovers. */
export function createRedisClient(
  url: string,
  kind: 'command' | 'blocking',
  name: string,
  commandTimeoutMs?: number,
): Redis {
  const client = new Redis({
    ...redisOptionsFromUrl(url, kind, commandTimeoutMs),
    connectionName: `receipt-vault:${name}`,
  });
  // Without a listener ioredis prints every reconnect failure as an unhandled error.
  let lastError = '';
  client.on('error', (error: Error) => {
    if (error.message !== lastError) logger.warn(`${name}: ${error.message}`);
    lastError = error.message;
  });
  client.on('ready', () => {
    if (lastError) logger.log(`${name}: connected again`);
    lastError = '';
  });
  return client;
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AllConfig, true>) => {
        const { url, commandTimeoutMs } = config.getOrThrow('redis', { infer: true });
        return createRedisClient(url, 'command', 'client', commandTimeoutMs);
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
      provide: CacheKeys,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AllConfig, true>) =>
        new CacheKeys(config.getOrThrow('redis', { infer: true }).keyPrefix),
    },
  ],
  exports: [REDIS_CLIENT, REDIS_SUBSCRIBER, CacheKeys],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(
    @Inject(REDIS_CLIENT) private readonly client: Redis,
    @Inject(REDIS_SUBSCRIBER) private readonly subscriber: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.client.quit(), this.subscriber.quit()]);
    this.client.disconnect();
    this.subscriber.disconnect();
  }
}
