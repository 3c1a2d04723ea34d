import type { DataSource } from 'typeorm';

/** Rows fetched per round trip: large enough to be cheap, small enough to keep memory flat. */
export const CURSOR_BATCH = 500;

/**
 * Streams the rows of one query through a server-side cursor (DECLARE … FETCH), on its own
 * connection inside a read-only REPEATABLE READ transaction, so a long export sees one
 * consistent snapshot and holds only one batch in memory. Stopping early (client gone) closes
 * the cursor and gives the connection back.
 */
export async function* streamQuery<T>(
  db: DataSource,
  sql: string,
  params: unknown[],
  batch = CURSOR_BATCH,
): AsyncGenerator<T[]> {
  const runner = db.createQueryRunner();
  await runner.connect();
  let open = false;
  try {
    await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    open = true;
    await runner.query(`DECLARE export_cursor NO SCROLL CURSOR FOR ${sql}`, params);
    for (;;) {
      const rows = (await runner.query(`FETCH ${batch} FROM export_cursor`)) as T[];
      if (rows.length === 0) break;
      yield rows;
    }
    await runner.query('COMMIT');
    open = false;
  } finally {
    if (open) await runner.query('ROLLBACK').catch(() => undefined);
    await runner.release();
  }
}
