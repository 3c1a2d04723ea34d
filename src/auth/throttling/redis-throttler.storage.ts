import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface.js';
import type { Redis } from 'ioredis';
import { AppError, ErrorCode } from '../../common/errors/index.js';
import type { CacheKeys } from '../../cache/cache-keys.js';

// Fixed window per key plus a block key, in one round trip so concurrent API replicas agree.
// KEYS: hits, block. ARGV: ttl ms, limit, block ms. Returns hits, window ms left, block ms left.
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return { hits, ttl, blocked }
`;

/**
 * Throttler storage on Redis so limits hold across API replicas. (@nest-lab's Redis storage
 * does not declare support for Nest 12; this is the same fixed-window algorithm.)
 * When Redis is down the request is refused with 503 rather than let through unthrottled.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly redis: Redis,
    private readonly keys: CacheKeys,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const base = this.keys.throttle(`${throttlerName}:${key}`);
    let reply: [number, number, number];
    try {
      reply = (await this.redis.eval(
        INCREMENT,
        2,
        `${base}:hits`,
        `${base}:block`,
        ttl,
        limit,
        blockDuration || ttl,
      )) as [number, number, number];
    } catch (error) {
      throw new AppError(
        ErrorCode.DEPENDENCY_UNAVAILABLE,
        'Rate limiting is unavailable, try again shortly',
        {
          cause: error,
          retryAfterSeconds: 2,
        },
      );
    }
    const [totalHits, windowMs, blockMs] = reply;
    return {
      totalHits,
      timeToExpire: Math.max(0, Math.ceil(windowMs / 1000)),
      isBlocked: blockMs > 0,
      timeToBlockExpire: Math.max(0, Math.ceil(blockMs / 1000)),
    };
  }
}
