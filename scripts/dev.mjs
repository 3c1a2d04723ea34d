import './lib/require-node.mjs';
// `npm run dev`: the whole stack from one command, started by launch.mjs (which installs what
// is missing and runs us on the project's Node). Starts a local PostgreSQL and Redis unless
// DATABASE_URL / REDIS_URL point elsewhere (their data lives in .data/ and survives restarts;
// as root, PostgreSQL's may live elsewhere, see lib/postgres-access.mjs), builds, migrates,
// runs the API and one worker, and stops everything it started, in reverse order, on Ctrl-C or
// SIGTERM (exit 0) or when any part dies unexpectedly (exit 1).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { styleText } from 'node:util';
import { isPortFree } from './lib/ports.mjs';
import { startPostgres } from './lib/postgres.mjs';
import { RedisUnavailableError, startRedis } from './lib/redis.mjs';
import { spawnServer } from './lib/server-process.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = join(ROOT, '.data');
const DEV_DATABASE = 'receipt_vault';
// Off the standard ports, so a system PostgreSQL or Redis does not get in the way; when taken
// anyway (a second checkout running), any free port will do: the apps get the URLs from us.
const DEV_POSTGRES_PORT = 54329;
const DEV_REDIS_PORT = 63799;
const LIVE_TIMEOUT_MS = 60_000;
// Above the app's default SHUTDOWN_GRACE_MS (10 s), so a clean shutdown is never cut short.
const APP_STOP_TIMEOUT_MS = 20_000;

/** What has been started, stage by stage; shutdown stops the latest stage first. */
const stages = [];
let shuttingDown = false;

const useColor = process.stdout.isTTY;
const paint = (style, text) => (useColor ? styleText(style, text) : text);
const say = (message) => console.log(`${paint('dim', '›')} ${message}`);
/** Relative inside the checkout; absolute outside it (PostgreSQL's data may live elsewhere). */
const shortPath = (path) => {
  const inside = relative(ROOT, path);
  return inside.startsWith('..') || isAbsolute(inside) ? path : inside || '.';
};

async function shutdown(exitCode) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const stage of stages.reverse()) {
    say(`Stopping ${stage.map((part) => part.name).join(' and ')}...`);
    await Promise.all(stage.map((part) => part.stop()));
  }
  say('Stopped.');
  process.exit(exitCode);
}

// A Ctrl-C reaches npm, the shell and us together, and npm forwards its copy: expect the signal
// twice and ignore repeats. Our servers run in their own process groups and wait for our order.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    void shutdown(0);
  });
}

// `kill <pid of npm>` (an IDE's stop button) reaches only npm and the `sh -c` it runs us in,
// which dies without passing the signal on; being handed to another parent is our cue instead.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) void shutdown(0);
}, 500).unref();

/** Stops everything when a part dies on its own; what it printed last says why. */
function watch(part, exited, describeExit) {
  void exited.then((exit) => {
    if (shuttingDown) return;
    console.error(paint('red', describeExit(exit)));
    void shutdown(1);
  });
  return part;
}

function runStep(description, command, args, env) {
  say(description);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`}).`),
        );
    });
  });
}

async function localPostgres() {
  // As root, a checkout the server user cannot enter keeps this cluster outside; see postgres-access.mjs.
  const postgres = await startPostgres({
    dataDir: join(DATA_DIR, 'postgres'),
    port: DEV_POSTGRES_PORT,
  });
  stages.push([
    watch({ name: 'PostgreSQL', stop: postgres.stop }, postgres.exited(), postgres.describeExit),
  ]);
  await postgres.ensureDatabase(DEV_DATABASE);
  say(`PostgreSQL on ${postgres.host}:${postgres.port}, data in ${shortPath(postgres.dataDir)}`);
  return postgres.url(DEV_DATABASE);
}

async function localRedis() {
  const dataDir = join(DATA_DIR, 'redis');
  const redis = await startRedis({ dataDir, port: DEV_REDIS_PORT });
  stages.push([watch({ name: 'Redis', stop: redis.stop }, redis.exited(), redis.describeExit)]);
  say(`Redis on ${redis.host}:${redis.port}, data in ${shortPath(dataDir)}`);
  return redis.url;
}

/** A random secret made once and kept, so dev sessions survive restarts. */
function devJwtSecret() {
  const file = join(DATA_DIR, 'dev-jwt-secret');
  if (!existsSync(file))
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

function startApp(name, args, color, env) {
  const label = paint(color, `${name.padEnd(6)} │`);
  const app = spawnServer({
    name,
    command: process.execPath,
    args,
    cwd: ROOT,
    env,
    stopSignal: 'SIGTERM',
    onLog: (line) => console.log(`${label} ${line}`),
  });
  // Its output is already on screen, so the exit alone is news.
  const describeExit = ({ code, signal }) =>
    `${name} ${signal ? `was killed by ${signal}` : `exited with code ${code}`}.`;
  return watch({ name, stop: () => app.stop(APP_STOP_TIMEOUT_MS), app }, app.exited, describeExit);
}

async function isLive(url) {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1_000) })).ok;
  } catch {
    return false;
  }
}

async function main() {
  const envFile = join(ROOT, '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const port = Number(process.env.PORT ?? 3000);
  if (!(await isPortFree(port))) {
    throw new Error(
      `Port ${port} is already in use (another \`npm run dev\`?). Stop that, or set PORT.`,
    );
  }
  mkdirSync(DATA_DIR, { recursive: true });

  const env = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    // Keep the children's colours although their output reaches the terminal through us.
    ...(useColor ? { FORCE_COLOR: '1' } : {}),
  };
  env.DATABASE_URL ||= await localPostgres();
  env.REDIS_URL ||= await localRedis();
  env.JWT_SECRET ||= devJwtSecret();
  env.STORAGE_DIR ||= join(DATA_DIR, 'storage');
  mkdirSync(env.STORAGE_DIR, { recursive: true });

  await runStep('Building...', 'npm', ['run', '-s', 'build'], env);
  await runStep(
    'Running migrations...',
    process.execPath,
    ['dist/src/database/migration-cli.js', 'run'],
    env,
  );

  const api = startApp('api', ['dist/src/main.js'], 'cyan', env);
  const worker = startApp('worker', ['dist/src/worker.js'], 'magenta', env);
  // The web app is rebuilt into dist/web on every change under web/; the API serves each new
  // build at once (reload the page to see it).
  const web = startApp(
    'web',
    ['node_modules/vite/bin/vite.js', 'build', '--watch', '--config', 'web/vite.config.ts'],
    'yellow',
    // Vite builds for production unless told otherwise; the dev stack's NODE_ENV is the API's.
    { ...env, NODE_ENV: 'production' },
  );
  stages.push([api, worker, web]);

  const host = env.HOST && !['0.0.0.0', '::'].includes(env.HOST) ? env.HOST : '127.0.0.1';
  await api.app.waitUntilReady(() => isLive(`http://${host}:${port}/health/live`), {
    timeoutMs: LIVE_TIMEOUT_MS,
    intervalMs: 200,
  });
  const base = `http://localhost:${port}`;
  console.log(
    [
      '',
      paint('bold', `  Receipt Vault is running (ready in ${process.uptime().toFixed(1)} s)`),
      `    App   ${paint('cyan', `${base}/`)}`,
      `    API   ${paint('cyan', `${base}/v1`)}`,
      `    Docs  ${paint('cyan', `${base}/docs`)}`,
      '  Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  if (shuttingDown) return;
  // A missing redis-server already comes with its one-line fix; anything else gets its message.
  console.error(
    paint(
      'red',
      error instanceof RedisUnavailableError ? error.message : `npm run dev: ${error.message}`,
    ),
  );
  void shutdown(1);
});
