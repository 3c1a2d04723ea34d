import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CacheKeys } from './cache/cache-keys.js';
import { BullConnections } from './cache/bull-connections.js';
import { RedisModule } from './cache/redis.module.js';
import { RequestContextModule } from './common/request-context/request-context.module.js';
import type { AllConfig } from './config/configuration.js';
import { AppConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { LoggingModule } from './logging/logging.module.js';
import { MetricsModule } from './metrics/metrics.module.js';

/**
 * Shared by the API and the worker: configuration, request context, logging, metrics,
 * PostgreSQL, Redis and the Bull root connection. What runs on top is decided by the two roots.
 */
@Module({
  imports: [
    AppConfigModule,
    RequestContextModule,
    LoggingModule,
    MetricsModule,
    DatabaseModule,
    RedisModule,
    BullModule.forRootAsync({
      inject: [ConfigService, CacheKeys, BullConnections],
      useFactory: (
        config: ConfigService<AllConfig, true>,
        keys: CacheKeys,
        connections: BullConnections,
      ) => {
        const queue = config.getOrThrow('queue', { infer: true });
        return {
          prefix: keys.bullPrefix(),
          createClient: (type) => connections.create(type),
          settings: {
            // By default a worker killed mid-job loses its lock after 20 s; the next stalled-job
            // check (every 15 s) puts the job back, so it is retried well within two minutes.
            lockDuration: queue.lockDurationMs,
            lockRenewTime: Math.max(100, Math.floor(queue.lockDurationMs / 4)),
            stalledInterval: queue.stalledIntervalMs,
            // Survive a few crashes of the same job before calling it failed for good.
            maxStalledCount: queue.maxStalledCount,
          },
        };
      },
    }),
  ],
  exports: [RedisModule, BullModule],
})
export class CoreModule {}
