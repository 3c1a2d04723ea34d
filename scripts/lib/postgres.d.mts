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
  /** Persistent cluster folder; omitted for a throwaway cluster in a temporary folder. */
  dataDir?: string;
  /** Used when free; otherwise, or when omitted, any free port. */
  port?: number;
  onLog?: (line: string) => void;
}

export declare function startPostgres(options?: StartPostgresOptions): Promise<PostgresServer>;
