// Finds (or, as root with apt, installs) Debian's redis-server and runs it for the dev stack and
// the test suite. Nothing here needs an npm package: PING is spoken over a raw socket.
import { spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { isPortFree, launchOnFreePort } from './ports.mjs';
import { guardDirectory, releaseDirectory } from './reaper.mjs';
import { clearLeftoverServer, quietLog, spawnServer } from './server-process.mjs';

const HOST = '127.0.0.1';

/** An error whose message is a complete one-line instruction for the user. */
export class RedisUnavailableError extends Error {}

function findExecutable(name, dirs) {
  for (const dir of dirs) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function findRedisServer() {
  const dirs = [
    ...(process.env.PATH ?? '').split(delimiter).filter(Boolean),
    '/usr/bin',
    '/usr/sbin',
    '/usr/local/bin',
  ];
  return findExecutable('redis-server', dirs);
}

function run(command, args, env) {
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
      .trim()
      .split('\n')
      .slice(-15)
      .join('\n');
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.error?.message ?? output}`);
  }
}

// Debian starts a packaged service right after installing it; we want only the servers we run
// ourselves. A policy-rc.d that answers 101 ("action forbidden") stops invoke-rc.d and
// deb-systemd-invoke from starting it; one the machine already has is left alone.
const POLICY_RC_D = '/usr/sbin/policy-rc.d';

function installRedisServer() {
  process.stderr.write('redis-server is not installed; installing it with apt-get (once)...\n');
  const addedPolicy = !existsSync(POLICY_RC_D);
  if (addedPolicy) {
    writeFileSync(
      POLICY_RC_D,
      '#!/bin/sh\n# Added by Receipt Vault while installing redis-server.\nexit 101\n',
    );
    chmodSync(POLICY_RC_D, 0o755);
  }
  try {
    run('apt-get', ['update', '-qq']);
    // Waits for, rather than fails on, another apt/dpkg run (a second checkout installing too).
    run(
      'apt-get',
      [
        'install',
        '-y',
        '-qq',
        '-o',
        'DPkg::Lock::Timeout=120',
        '--no-install-recommends',
        'redis-server',
      ],
      {
        DEBIAN_FRONTEND: 'noninteractive',
      },
    );
  } finally {
    if (addedPolicy) rmSync(POLICY_RC_D, { force: true });
  }
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
  const isRoot = process.getuid?.() === 0;
  if (isRoot && findExecutable('apt-get', ['/usr/bin', '/bin'])) {
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
    async teardown() {
      await server.stop();
      if (throwaway) {
        rmSync(dir, { recursive: true, force: true });
        releaseDirectory(dir);
      }
    },
  };
}
