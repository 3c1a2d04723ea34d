import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { redisOptionsFromUrl } from './redis-options.js';

const logger = new Logger('Redis');

/**
 * A client with a quiet error listener: one warning per distinct error, one when it recovers.
 * `autoPipelining` sends the commands of one event-loop turn as one write (ioredis's
 * enableAutoPipelining): under load, the session and cache lookups of many requests share a
 * round trip instead of a syscall each (bench/RESULTS.md, Nov 30). Command timeouts and the
 * fail-fast offline behaviour apply to pipelined commands alike.
 */
export function createRedisClient(
  url: string,
  kind: 'command' | 'blocking',
  name: string,
  commandTimeoutMs?: number,
  { autoPipelining = false }: { autoPipelining?: boolean } = {},
): Redis {
  const client = new Redis({
    ...redisOptionsFromUrl(url, kind, commandTimeoutMs),
    connectionName: `receipt-vault:${name}`,
    enableAutoPipelining: autoPipelining,
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
