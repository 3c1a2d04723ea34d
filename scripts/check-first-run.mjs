// What a newcomer does first, checked from outside: a fresh clone (no node_modules) in a private
// folder (mode 0700, like root's home), then `npm run dev` with the system's older Node first on
// PATH. Passes when the API answers /health/live and serves /docs, the dev launcher, API and
// worker all run on the project's Node, the built entry points refuse the older Node with a
// message (no crash), and Ctrl-C stops every process the run started. With --then-test it then
// runs `npm test` in the same clone, the same way, and checks that it ran on the project's Node.
//
//   node scripts/check-first-run.mjs [--ref <commit>] [--then-test] [--open-folder]
//
// It clones the committed state (HEAD, or --ref), not the working tree. --open-folder makes the
// folder 0755 instead, to look at the runtime alone. Plain JavaScript with
// no dependencies: CI runs it on a machine where nothing is installed yet.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { MINIMUM_NODE_MAJOR, ROOT, majorOf } from './lib/node-runtime.mjs';
import { DEV_DATA_ROOT } from './lib/postgres-access.mjs';

const READY_TIMEOUT_MS = 6 * 60_000; // npm ci, build, migrations, boot, on a busy 2-core machine
const STOP_TIMEOUT_MS = 60_000;
const GUARDED_ENTRY_POINTS = ['dist/src/main.js', 'dist/src/worker.js', 'dist/src/cli.js'];

const { values: options } = parseArgs({
  options: {
    ref: { type: 'string', default: 'HEAD' },
    'then-test': { type: 'boolean' },
    'open-folder': { type: 'boolean' },
  },
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const startedAt = Date.now();
const say = (message) =>
  console.log(`[first-run ${Math.round((Date.now() - startedAt) / 1000)} s] ${message}`);

class CheckFailed extends Error {}
function check(condition, message) {
  if (!condition) throw new CheckFailed(message);
}

function nodeVersion(binary) {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** A Node older than the project's, as a newcomer's machine has: ours, or the system's. */
function olderNode() {
  if (majorOf(process.version) < MINIMUM_NODE_MAJOR) return process.execPath;
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node']) {
    const version = nodeVersion(candidate);
    if (version && majorOf(version) < MINIMUM_NODE_MAJOR) return candidate;
  }
  return undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** pid → parent pid, for every process we may look at. */
function processTable() {
  const table = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] !== 'Z') table.set(Number(entry), Number(fields[1]));
    } catch {
      // gone meanwhile
    }
  }
  return table;
}

function descendantsOf(rootPid) {
  const table = processTable();
  const found = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, parent] of table) {
      if (found.has(parent) && !found.has(pid)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  found.delete(rootPid);
  return [...found];
}

function describeProcess(pid) {
  try {
    return {
      pid,
      args: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean),
      exe: realpathSync(`/proc/${pid}/exe`),
    };
  } catch {
    return undefined;
  }
}

const isRunning = (pid) => processTable().has(pid);

/** Runs `npm <args>` in the clone like a terminal would, echoing and keeping its output. */
function startNpm(args, { cwd, env }) {
  // Its own process group, so a Ctrl-C can be sent to the whole group, as a terminal does.
  const child = spawn('npm', args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const run = { child, output: '', exit: undefined };
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (text) => {
      run.output += text;
      process.stdout.write(text.replace(/^(?=.)/gm, '  │ '));
    });
  }
  run.exited = new Promise((resolve) => {
    child.once('error', (error) => resolve((run.exit = { code: null, signal: null, error })));
    child.once('exit', (code, signal) => resolve((run.exit = { code, signal })));
  });
  return run;
}

async function fetchStatus(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return { status: response.status, body: await response.text() };
  } catch {
    return { status: 0, body: '' };
  }
}

async function main() {
  const oldNode = olderNode();
  if (oldNode) say(`System Node first on PATH: ${oldNode} (${nodeVersion(oldNode)})`);
  else say(`No Node older than ${MINIMUM_NODE_MAJOR} found; checking with ${process.version}.`);

  // mkdtemp makes the folder 0700: the clone is as private as one under root's home.
  const home = mkdtempSync(join(tmpdir(), 'rv-first-run-'));
  if (options['open-folder']) chmodSync(home, 0o755);
  const clone = join(home, 'receipt-vault');
  let postgresData;
  let dev;
  try {
    const commit = spawnSync('git', ['-C', ROOT, 'rev-parse', options.ref], { encoding: 'utf8' });
    check(commit.status === 0, `Unknown ref ${options.ref}: ${commit.stderr}`);
    const sha = commit.stdout.trim();
    const mode = (statSync(home).mode & 0o777).toString(8);
    say(`Cloning ${sha.slice(0, 12)} into ${clone} (folder mode ${mode})`);
    const cloned = spawnSync('git', ['clone', '--quiet', '--no-checkout', ROOT, clone], {
      stdio: 'inherit',
    });
    check(cloned.status === 0, 'git clone failed');
    check(
      spawnSync('git', ['-C', clone, 'checkout', '--quiet', sha], { stdio: 'inherit' }).status ===
        0,
      'git checkout failed',
    );

    const port = await freePort();
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) =>
          !/^npm_/i.test(name) &&
          !['INIT_CWD', 'NODE', 'DATABASE_URL', 'REDIS_URL', 'PORT', 'HOST'].includes(name),
      ),
    );
    // What a newcomer's shell has: the system's Node first, no project's node_modules/.bin.
    env.PATH = [
      ...(oldNode ? [dirname(oldNode)] : []),
      ...(process.env.PATH ?? '')
        .split(delimiter)
        .filter((dir) => !dir.includes(`node_modules${sep}.bin`)),
    ].join(delimiter);
    env.PORT = String(port);

    say(`npm run dev (PORT=${port})`);
    dev = startNpm(['run', 'dev'], { cwd: clone, env });
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while ((await fetchStatus(`${base}/health/live`)).status !== 200) {
      check(
        !dev.exit,
        `npm run dev exited (${dev.exit?.signal ?? `code ${dev.exit?.code}`}) before the API answered /health/live.`,
      );
      check(
        Date.now() < deadline,
        `The API did not answer /health/live within ${READY_TIMEOUT_MS} ms.`,
      );
      await sleep(500);
    }
    postgresData = /PostgreSQL on \S+, data in (\/\S+)/.exec(dev.output)?.[1];
    say('API answers /health/live');

    const docs = await fetchStatus(`${base}/docs`);
    check(docs.status === 200 && /swagger/i.test(docs.body), `/docs answered ${docs.status}`);
    const openapi = await fetchStatus(`${base}/docs-json`);
    check(
      openapi.status === 200 && openapi.body.includes('"openapi"'),
      `/docs-json answered ${openapi.status}`,
    );
    say('/docs and /docs-json served');

    const projectNode = realpathSync(join(clone, 'node_modules', '.bin', 'node'));
    const projectVersion = nodeVersion(projectNode);
    check(
      majorOf(projectVersion ?? 'v0') >= MINIMUM_NODE_MAJOR,
      `node_modules/.bin/node is ${projectVersion}`,
    );
    const processes = descendantsOf(dev.child.pid).map(describeProcess).filter(Boolean);
    const roles = {
      'dev script': 'scripts/dev.mjs',
      api: 'dist/src/main.js',
      worker: 'dist/src/worker.js',
    };
    for (const [role, script] of Object.entries(roles)) {
      // `node <script>`; or `node scripts/launch.mjs <script>` when the launcher, already on the
      // project's Node, imported it (not on a first run with an older Node first on PATH).
      const direct = processes.filter(({ args }) => args[1]?.endsWith(script));
      const imported = processes.filter(
        ({ args }) => args[1]?.endsWith('scripts/launch.mjs') && args[2]?.endsWith(script),
      );
      const matching = direct.length ? direct : imported;
      check(matching.length > 0, `No ${role} process (${script}) found.`);
      for (const { pid, exe } of matching) {
        check(
          exe === projectNode,
          `The ${role} (pid ${pid}) runs on ${exe} (${nodeVersion(exe)}), not the project's ${projectNode}.`,
        );
      }
      say(`${role} runs on ${projectVersion} (${projectNode})`);
    }

    if (oldNode) {
      for (const entryPoint of GUARDED_ENTRY_POINTS) {
        const result = spawnSync(oldNode, [join(clone, entryPoint)], {
          cwd: clone,
          encoding: 'utf8',
          timeout: 30_000,
          env: { PATH: env.PATH },
        });
        check(
          result.status === 1 && result.signal === null && /needs Node\.js \d+/.test(result.stderr),
          `${entryPoint} on ${nodeVersion(oldNode)} should refuse with a message, but ended with ` +
            `${result.signal ?? `code ${result.status}`}:\n${result.stderr}${result.stdout}`,
        );
      }
      say(`${GUARDED_ENTRY_POINTS.join(', ')} refuse ${nodeVersion(oldNode)} with a message`);
    }

    say('Ctrl-C');
    const started = descendantsOf(dev.child.pid);
    process.kill(-dev.child.pid, 'SIGINT');
    const stopDeadline = Date.now() + STOP_TIMEOUT_MS;
    while (started.some(isRunning) || !dev.exit) {
      check(
        Date.now() < stopDeadline,
        `Still running ${STOP_TIMEOUT_MS} ms after Ctrl-C: ${started
          .filter(isRunning)
          .map((pid) => describeProcess(pid)?.args.join(' ') ?? pid)
          .join('; ')}`,
      );
      await sleep(200);
    }
    check(dev.output.includes('Stopped.'), 'npm run dev did not report "Stopped." after Ctrl-C.');
    say(`Ctrl-C stopped all ${started.length} processes`);

    if (options['then-test']) {
      say('npm test');
      const { PORT: _port, ...testEnv } = env;
      const test = startNpm(['test'], { cwd: clone, env: testEnv });
      await test.exited;
      const ranOn = /npm test on Node (v[\d.]+) \(([^)]+)\)/.exec(test.output);
      check(
        ranOn && realpathSync(ranOn[2]) === projectNode,
        "npm test did not run on the project's Node.",
      );
      check(
        test.exit.code === 0,
        `npm test failed (${test.exit.signal ?? `code ${test.exit.code}`}).`,
      );
      say(`npm test passed on ${ranOn[1]}`);
    }
    say('OK');
  } finally {
    if (dev && !dev.exit) {
      process.kill(-dev.child.pid, 'SIGINT');
      await Promise.race([dev.exited, sleep(STOP_TIMEOUT_MS)]);
    }
    rmSync(home, { recursive: true, force: true });
    // As root, the clone's dev cluster lived outside it (see lib/postgres-access.mjs).
    if (postgresData?.startsWith(`${DEV_DATA_ROOT}/`))
      rmSync(dirname(postgresData), { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(
    `[first-run] FAILED: ${error instanceof CheckFailed ? error.message : error.stack}`,
  );
  process.exit(1);
});
