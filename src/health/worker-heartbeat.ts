import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { hostname } from 'node:os';
import { Redis } from 'ioredis';
import { CacheKeys } from '../cache/cache-keys.js';
import { REDIS_CLIENT } from '../cache/redis.constants.js';
import type { AllConfig } from '../config/configuration.js';
import { Metrics } from '../metrics/metrics.service.js';

/**
 * Worker side of the "a worker is alive" readiness check: each worker process records the
 * time it was last alive in one sorted set (member = worker id, score = epoch ms).
 */
@Injectable()
export class WorkerHeartbeat implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHeartbeat.name);
  private readonly workerId = `${hostname()}:${process.pid}`;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly keys: CacheKeys,
    private readonly config: ConfigService<AllConfig, true>,
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    const { heartbeatMs } = this.config.getOrThrow('queue', { infer: true });
    void this.beat();
    this.timer = setInterval(() => void this.beat(), heartbeatMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.redis.zrem(this.keys.workerHeartbeats(), this.workerId).catch(() => undefined);
  }

  private async beat(): Promise<void> {
    const key = this.keys.workerHeartbeats();
    const now = Date.now();
    try {
      // Forget workers silent for an hour so the set cannot grow without bound.
      await this.redis
        .multi()
        .zadd(key, now, this.workerId)
        .zremrangebyscore(key, 0, now - 3_600_000)
        .exec();
      this.metrics.heartbeats.inc();
    } catch (error) {
      this.logger.debug(`heartbeat not recorded: ${(error as Error).message}`);
    }
  }
}
