import { startRedis as startServer } from '../../scripts/lib/redis.mjs';

export interface RedisHandle {
  /** redis://127.0.0.1:<port>; stays the same across stop() and start(). */
  url: string;
  /** Shuts the server down; its folder and port are kept for start(). */
  stop(): Promise<void>;
  /** Brings a stopped server back on the same port. */
  start(): Promise<void>;
  /** SIGSTOP: connections stay open and nothing is answered (a frozen server, a partition). */
  freeze(): void;
  /** SIGCONT after freeze(). */
  thaw(): void;
  /** Stops the server and deletes its folder. */
  teardown(): Promise<void>;
}

/**
 * A throwaway redis-server (no persistence) in a temporary folder on a free port. Tests that
 * simulate a Redis outage start their own with this; everything else shares inject('redisUrl').
 */
export function startRedis(): Promise<RedisHandle> {
  return startServer();
}
