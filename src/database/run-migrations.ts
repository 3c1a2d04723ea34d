import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './database-options.js';

async function withDataSource<T>(url: string, work: (ds: DataSource) => Promise<T>): Promise<T> {
  const dataSource = new DataSource({
    ...buildDataSourceOptions({ url, poolSize: 1 }),
    logging: ['error'],
  });
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** Applies every pending migration; returns the names applied. */
export async function runMigrations(url: string): Promise<string[]> {
  return withDataSource(url, async (ds) =>
    (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name),
  );
}

/** Reverts the most recent migration. */
export async function revertLastMigration(url: string): Promise<void> {
  await withDataSource(url, (ds) => ds.undoLastMigration({ transaction: 'each' }));
}
