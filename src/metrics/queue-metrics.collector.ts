import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Redis } from 'ioredis';
import { CacheKeys } from '../cache/cache-keys.js';
import { REDIS_CLIENT } from '../cache/redis.constants.js';
import type { AllConfig } from '../config/configuration.js';
import { QueueRegistry } from '../queues/queue-registry.js';
import { Metrics } from './metrics.service.js';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'paused'] as const;

/**
 * Queue depth and live workers, read from Redis at scrape time. Served by the API only:
 * every worker would report the same shared numbers, N times over.
 */
@Injectable()
export class QueueMetricsCollector implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly queues: QueueRegistry,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly keys: CacheKeys,
    private readonly config: ConfigService<AllConfig, true>,
  ) {}

  onModuleInit(): void {
    const queues = this.queues;
    this.metrics.gauge(
      'rv_queue_jobs',
      'Jobs per queue and state (waiting, active, delayed, failed, completed, paused)',
      ['queue', 'state'],
      async function () {
        this.reset();
        await Promise.all(
          queues.all().map(async (queue) => {
            const counts = await queue.getJobCounts().catch(() => null);
            if (!counts) return;
            const byState = counts as unknown as Record<string, number>;
            for (const state of STATES) this.set({ queue: queue.name, state }, byState[state] ?? 0);
          }),
        );
      },
    );
    const redis = this.redis;
    const key = this.keys.workerHeartbeats();
    const { workerStaleAfterMs } = this.config.getOrThrow('queue', { infer: true });
    this.metrics.gauge(
      'rv_workers_alive',
      'Worker processes with a heartbeat within WORKER_STALE_AFTER_MS',
      [],
      async function () {
        const alive = await redis
          .zcount(key, Date.now() - workerStaleAfterMs, '+inf')
          .catch(() => null);
        if (alive !== null) this.set(alive);
      },
    );
  }
}
