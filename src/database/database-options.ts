import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations.js';

export interface DatabaseSettings {
  url: string;
  poolSize?: number;
  connectTimeoutMs?: number;
}

/**
 * The one definition of the TypeORM connection, shared by the app, the worker and the
 * migration CLI. Entities and migrations are listed, not globbed, so the same options work
 * from compiled JS and from TypeScript under the test runner.
 */
export function buildDataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    extra: {
      max: settings.poolSize ?? 10,
      connectionTimeoutMillis: settings.connectTimeoutMs ?? 2000,
      // A broken connection must not hang a request: fail the query and let the pool recover.
      query_timeout: 30_000,
      application_name: 'receipt-vault',
    },
  };
}
