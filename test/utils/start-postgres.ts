import { startPostgres as startServer } from '../../scripts/lib/postgres.mjs';

export interface PostgresHandle {
  host: string;
  port: number;
  user: string;
  password: string;
  /** A postgres:// URL for `database` on this server. */
  url(database: string): string;
  /** Shuts the server down; its data and port are kept for start(). */
  stop(): Promise<void>;
  /** Brings a stopped server back on the same port with the same data. */
  start(): Promise<void>;
  /** Stops the server and deletes its data. */
  teardown(): Promise<void>;
}

/**
 * A throwaway PostgreSQL cluster in a temporary folder on a free port, with durability off for
 * speed. Tests that simulate a database outage start their own with this; everything else
 * shares the one global setup started (see createTestDatabase).
 */
export function startPostgres(): Promise<PostgresHandle> {
  return startServer();
}
