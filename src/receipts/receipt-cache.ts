import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Redis } from 'ioredis';
import { CacheKeys } from '../cache/cache-keys.js';
import { REDIS_CLIENT } from '../cache/redis.constants.js';
import type { AllConfig } from '../config/configuration.js';
import { Metrics } from '../metrics/metrics.service.js';

/** A receipt as `GET /v1/receipts/{id}` answers it: the JSON text and what its ETag needs. */
export interface ReceiptJson {
  id: string;
  version: number;
  json: string;
}

/** `<ownerId> <version>\n<JSON body>`: the owner and version are read without parsing the body. */
const ENTRY = /^([0-9a-f-]{36}) (\d+)\n/;

/**
 * Read-through cache of finished receipts (unfinished ones change every second and are read
 * from PostgreSQL). Every write deletes the entry; when Redis is down, reads fall back to
 * PostgreSQL and writes skip the cache. The body is kept as the JSON text the API sends, so a
 * hit is answered without parsing and serialising it again (bench/RESULTS.md, Nov 30).
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
  ): Promise<{ state: 'hit'; receipt: ReceiptJson } | { state: 'miss' | 'unavailable' }> {
    try {
      const raw = await this.redis.get(this.keys.receipt(id));
      // An entry in another shape (written by an older release) is a miss, then overwritten.
      const head = raw ? ENTRY.exec(raw) : null;
      const hit = head?.[1] === ownerId;
      this.metrics.cacheRequests.inc({ cache: 'receipt', result: hit ? 'hit' : 'miss' });
      if (!hit) return { state: 'miss' };
      const json = raw!.slice(head[0].length);
      return { state: 'hit', receipt: { id, version: Number(head[2]), json } };
    } catch (error) {
      this.metrics.cacheRequests.inc({ cache: 'receipt', result: 'error' });
      this.logger.debug(`cache read skipped: ${(error as Error).message}`);
      return { state: 'unavailable' };
    }
  }

  async set(ownerId: string, receipt: ReceiptJson): Promise<void> {
    const ttl = this.config.getOrThrow('redis', { infer: true }).cacheTtlSeconds;
    const value = `${ownerId} ${receipt.version}\n${receipt.json}`;
    await this.redis.set(this.keys.receipt(receipt.id), value, 'EX', ttl).catch(() => undefined);
  }

  async invalidate(id: string): Promise<void> {
    await this.redis.del(this.keys.receipt(id)).catch((error: Error) => {
      // The entry will expire on its own; a stale read is bounded by the TTL.
      this.logger.warn(`cache entry ${id} not invalidated: ${error.message}`);
    });
  }
}
