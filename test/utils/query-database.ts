import pg from 'pg';

/** Runs one SQL statement on a fresh connection (for checking or arranging rows directly). */
export async function queryDatabase<T extends pg.QueryResultRow = any>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
