// Types for redis.mjs, so the TypeScript test harness can use it.
import type { ServerExit } from './server-process.mjs';

export declare class RedisUnavailableError extends Error {}

export interface RedisServer {
  host: string;
  port: number;
  url: string;
  dataDir: string;
  exited(): Promise<ServerExit>;
  describeExit(exit: ServerExit): string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** SIGSTOP: connections stay open, nothing is answered (what a partition looks like). */
  freeze(): void;
  /** SIGCONT after freeze(). */
  thaw(): void;
  teardown(): Promise<void>;
}

export interface StartRedisOptions {
  /** Persistent data folder; omitted for a throwaway server in a temporary folder. */
  dataDir?: string;
  /** Used when free; otherwise, or when omitted, any free port. */
  port?: number;
  onLog?: (line: string) => void;
}

export declare function findRedisServer(): string | undefined;
export declare function ensureRedisServer(): string;
export declare function pingRedis(
  port: number,
  options?: { host?: string; timeoutMs?: number },
): Promise<boolean>;
export declare function startRedis(options?: StartRedisOptions): Promise<RedisServer>;
