import type { RedisOptions } from 'ioredis';

/**
 * Connection options derived from REDIS_URL, shared by Bull and the cache. Request/response
 * clients fail fast when Redis is down (no offline queue that would hang a request) or frozen
 * (a command timeout); Bull's
 * blocking and subscriber clients must retry forever, as Bull requires.
 */
export function redisOptionsFromUrl(
  url: string,
  kind: 'command' | 'blocking' = 'command',
  commandTimeoutMs?: number,
): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  const base: RedisOptions = {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    connectTimeout: 2000,
    // Reconnect quickly at first, then every 2 s at most, so readiness recovers fast.
    retryStrategy: (times) => Math.min(times * 100, 2000),
  };
  if (kind === 'blocking') {
    return { ...base, maxRetriesPerRequest: null, enableReadyCheck: false };
  }
  // A frozen server (SIGSTOP, a network partition) keeps the connection "ready" while no reply
  // ever comes: without a command timeout every request waiting on it would hang.
  return {
    ...base,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: commandTimeoutMs,
  };
}
