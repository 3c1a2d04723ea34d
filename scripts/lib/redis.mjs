// Finds (or, as root with apt, installs) Debian's redis-server and runs it for the dev stack and
// the test suite. Nothing here needs an npm package: PING is spoken over a raw socket.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { aptInstall, canAptInstall, findExecutable } from './apt.mjs';
import { isPortFree, launchOnFreePort } from './ports.mjs';
import { guardDirectory, releaseDirectory } from './reaper.mjs';
import { clearLeftoverServer, quietLog, spawnServer } from './server-process.mjs';

const HOST = '127.0.0.1';

/** An error whose message is a complete one-line instruction for the user. */
export class RedisUnavailableError extends Error {}

export function findRedisServer() {
  return findExecutable('redis-server');
}

function installRedisServer() {
  aptInstall(['redis-server']);
  // On a systemd machine the unit was still enabled for the next boot.
  if (existsSync('/run/systemd/system')) {
    spawnSync('systemctl', ['disable', '--now', 'redis-server'], { stdio: 'ignore' });
  }
}

/**
 * The path of redis-server, installing Debian's package first when it is missing and we are
 * root with apt-get. Otherwise throws a RedisUnavailableError with a one-line hint.
 */
export function ensureRedisServer() {
  const found = findRedisServer();
  if (found) return found;
  if (canAptInstall()) {
    installRedisServer();
    const installed = findRedisServer();
    if (installed) return installed;
  }
  throw new RedisUnavailableError(
    'redis-server is not installed: run `sudo apt-get install redis-server`, or set REDIS_URL to a Redis you already have.',
  );
}

/** True when a Redis server answers PING at host:port within timeoutMs. */
export function pingRedis(port, { host = HOST, timeoutMs = 1_000 } = {}) {
  return new Promise((resolvePing) => {
    const socket = connect({ host, port });
    let reply = '';
    const finish = (ok) => {
      socket.destroy();
      resolvePing(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) finish(reply.startsWith('+PONG'));
    });
  });
}

/**
 * Starts redis-server on 127.0.0.1 and waits until it answers PING.
 *
 * Without `dataDir` the server is throwaway (for tests): a temporary folder, no snapshots, no
 * append-only file, a free port; teardown() removes the folder. With `dataDir` it keeps its
 * snapshot there across restarts (for the dev stack), after stopping a server an earlier run left
 * running there. It listens on `port` when that is free, otherwise on any free port.
 *
 * stop() shuts the server down but keeps its folder and port, so start() brings the same server
 * back at the same URL: tests use that to simulate an outage.
 */
export async function startRedis({ dataDir, port, onLog = quietLog('redis') } = {}) {
  const binary = ensureRedisServer();
  const throwaway = dataDir === undefined;
  const dir = throwaway ? mkdtempSync(join(tmpdir(), 'receipt-vault-redis-')) : resolve(dataDir);
  if (throwaway) guardDirectory(dir);
  else mkdirSync(dir, { recursive: true });
  const pidFile = join(dir, 'redis-server.pid');
  const persistence = throwaway ? ['--save', '', '--appendonly', 'no'] : ['--appendonly', 'no'];

  let server;
  let currentPort;

  async function launch(chosenPort) {
    const child = spawnServer({
      name: `redis-server on port ${chosenPort}`,
      command: binary,
      args: [
        '--port',
        String(chosenPort),
        '--bind',
        HOST,
        '--dir',
        dir,
        '--pidfile',
        pidFile,
        ...persistence,
      ],
      cwd: dir,
      stopSignal: 'SIGTERM',
      onLog,
    });
    try {
      await child.waitUntilReady(() => pingRedis(chosenPort, { timeoutMs: 250 }), {
        timeoutMs: 10_000,
      });
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
      throw new Error(`Cannot restart redis-server: port ${currentPort} on ${HOST} is now in use.`);
    }
    server = await launch(currentPort);
  }

  try {
    if (!throwaway)
      await clearLeftoverServer({
        name: 'redis-server',
        pidFile,
        dataDir: dir,
        stopSignal: 'SIGTERM',
      });
    ({ port: currentPort, server } = await launchOnFreePort(launch, port));
  } catch (error) {
    if (throwaway) {
      rmSync(dir, { recursive: true, force: true });
      releaseDirectory(dir);
    }
    throw error;
  }

  return {
    host: HOST,
    port: currentPort,
    url: `redis://${HOST}:${currentPort}`,
    dataDir: dir,
    /** Resolves when the server exits for any reason, including stop(). */
    exited: () => server.exited,
    describeExit: (info) => server.describeExit(info),
    start,
    async stop() {
      await server.stop();
    },
    /** SIGSTOP: the server keeps its connections but answers nothing (a network partition). */
    freeze() {
      if (server.pid) process.kill(server.pid, 'SIGSTOP');
    },
    thaw() {
      if (server.pid) process.kill(server.pid, 'SIGCONT');
    },
    async teardown() {
      await server.stop();
      if (throwaway) {
        rmSync(dir, { recursive: true, force: true });
        releaseDirectory(dir);
      }
    },
  };
}
