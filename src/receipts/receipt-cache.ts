import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Redis } from 'ioredis';
import { CacheKeys } from '../cache/cache-keys.js';
import { REDIS_CLIENT } from '../cache/redis.constants.js';
import type { AllConfig } from '../config/configuration.js';
import { Metrics } from '../metrics/metrics.service.js';
import type { ReceiptResponseDto } from './dto/receipt.response.dto.js';

interface Cached {
  ownerId: string;
  body: ReceiptResponseDto;
}

/**
 * Read-through cache of finished receipts (unfinished ones change every second and are read
 * from PostgreSQL). Every write deletes the entry; when Redis is down, reads fall back to
 * PostgreSQL and writes skip the cache.
 */
@Injectable()
export class ReceiptCache {
  private readonly logger = new Logger(ReceiptCache.name);

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly keys: CacheKeys,
    private readonly config: ConfigService<AllConfig, true>,
    private readonly metrics: Metrics,
  ) {}

  /**
   * The cached body (`hit`), nothing cached (`miss`), or `unavailable` when Redis failed or
   * timed out — then the caller reads PostgreSQL and does not wait on Redis a second time.
   */
  async get(
    id: string,
    ownerId: string,
  ): Promise<{ state: 'hit'; body: ReceiptResponseDto } | { state: 'miss' | 'unavailable' }> {
    try {
      const raw = await this.redis.get(this.keys.receipt(id));
      const cached = raw ? (JSON.parse(raw) as Cached) : null;
      const hit = cached?.ownerId === ownerId;
      this.metrics.cacheRequests.inc({ cache: 'receipt', result: hit ? 'hit' : 'miss' });
      return hit ? { state: 'hit', body: cached.body } : { state: 'miss' };
    } catch (error) {
      this.metrics.cacheRequests.inc({ cache: 'receipt', result: 'error' });
      this.logger.debug(`cache read skipped: ${(error as Error).message}`);
      return { state: 'unavailable' };
    }
  }

  async set(id: string, ownerId: string, body: ReceiptResponseDto): Promise<void> {
    const ttl = this.config.getOrThrow('redis', { infer: true }).cacheTtlSeconds;
    const value: Cached = { ownerId, body };
    await this.redis
      .set(this.keys.receipt(id), JSON.stringify(value), 'EX', ttl)
      .catch(() => undefined);
  }

  async invalidate(id: string): Promise<void> {
    await this.redis.del(this.keys.receipt(id)).catch((error: Error) => {
      // The entry will expire on its own; a stale read is bounded by the TTL.
      this.logger.warn(`cache entry ${id} not invalidated: ${error.message}`);
    });
  }
}
