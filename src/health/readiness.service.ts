import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { Queue } from 'bull';
import { Redis } from 'ioredis';
import { CacheKeys } from '../cache/cache-keys.js';
import { REDIS_CLIENT } from '../cache/redis.constants.js';
import type { AllConfig } from '../config/configuration.js';
import { AppError, ErrorCode } from '../common/errors/index.js';
import { RECEIPTS_QUEUE } from '../receipts/jobs/receipt-jobs.js';
import { FileStorage } from '../receipts/storage/file-storage.js';

/** Readiness: every dependency checked in parallel, each under its own timeout. */
@Injectable()
export class ReadinessService {
  private readonly timeoutMs: number;

  constructor(
    private readonly checks: HealthCheckService,
    private readonly health: HealthIndicatorService,
    private readonly typeorm: TypeOrmHealthIndicator,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @InjectQueue(RECEIPTS_QUEUE) private readonly queue: Queue,
    private readonly keys: CacheKeys,
    private readonly storage: FileStorage,
    private readonly config: ConfigService<AllConfig, true>,
  ) {
    this.timeoutMs = config.getOrThrow('app', { infer: true }).healthCheckTimeoutMs;
  }

  /** Resolves with every check when all are up; otherwise a 503 whose details name each check. */
  async check(): Promise<HealthCheckResult> {
    try {
      return await this.checks.check([
        () => this.database(),
        () => this.redisPing(),
        () => this.queueCounts(),
        () => this.storageWritable(),
        () => this.workerAlive(),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      const down = Object.keys(result.error ?? {});
      throw new AppError(ErrorCode.DEPENDENCY_UNAVAILABLE, `Not ready: ${down.join(', ')} down`, {
        details: result,
      });
    }
  }

  private database() {
    return this.typeorm.pingCheck('database').withTimeout(this.timeoutMs);
  }

  private redisPing() {
    return this.health
      .check('redis')
      .attempt(async () => {
        await this.redis.ping();
      })
      .withTimeout(this.timeoutMs);
  }

  private queueCounts() {
    return this.health
      .check('queue')
      .attempt(async () => {
        const counts = await this.queue.getJobCounts();
        return {
          waiting: counts.waiting,
          active: counts.active,
          delayed: counts.delayed,
          failed: counts.failed,
        };
      })
      .withTimeout(this.timeoutMs);
  }

  private storageWritable() {
    return this.health
      .check('storage')
      .attempt(() => this.storage.probe())
      .withTimeout(this.timeoutMs);
  }

  private workerAlive() {
    const { workerStaleAfterMs } = this.config.getOrThrow('queue', { infer: true });
    return this.health
      .check('worker')
      .attempt(async () => {
        const newest = await this.redis.zrevrange(this.keys.workerHeartbeats(), 0, 0, 'WITHSCORES');
        const lastSeenAt = newest.length === 2 ? Number(newest[1]) : undefined;
        if (lastSeenAt === undefined || Date.now() - lastSeenAt > workerStaleAfterMs) {
          throw new Error(
            lastSeenAt === undefined
              ? 'no worker has reported yet'
              : `no worker heartbeat for ${Math.round((Date.now() - lastSeenAt) / 1000)} s`,
          );
        }
        return { lastSeenAt: new Date(lastSeenAt).toISOString() };
      })
      .withTimeout(this.timeoutMs);
  }
}
