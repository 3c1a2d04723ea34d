// The first step of `npm run dev` and `npm test`: `node scripts/launch.mjs <script> [args...]`
// installs dependencies when missing or stale, then runs <script> on the project's own Node
// (node_modules/.bin/node, from the `node` devDependency). Plain JavaScript with no
// dependencies: it starts before anything is installed, possibly on the system's Node 20.
//
// Why a launcher: npm runs a script line with `sh -c`, and the shell looks `node` up once,
// before anything is installed. On a fresh clone that was the system's Node, so the second step
// of `node scripts/ensure-deps.mjs && node scripts/dev.mjs` ran on Node 20 right after `npm ci`
// had installed Node 24, and the API it started segfaulted loading argon2 built for Node 24.
// Here the runtime is chosen by path after the install, not by PATH before it.
//
// Already on the project's Node (every run but the first: npm puts node_modules/.bin first on
// PATH), the script is imported into this very process. Otherwise it runs on the project's Node
// as a child that stands in for us: signals are passed on, its exit status becomes ours, and
// it is told to stop if our parent goes away (`kill <pid of npm>` reaches only npm and sh).
import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { installDependencies } from './lib/dependencies.mjs';
import { ROOT, projectNode, unsupportedNodeMessage } from './lib/node-runtime.mjs';

const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function fail(message) {
  console.error(message);
  process.exit(1);
}

const [script, ...args] = process.argv.slice(2);
if (!script) fail('usage: node scripts/launch.mjs <script.mjs> [args...]');
const scriptPath = resolve(ROOT, script);

try {
  installDependencies();
} catch (error) {
  fail(error.message);
}

// Without the devDependency's binary (a platform it has no build for) a recent enough Node on
// PATH will do; an older one is refused here rather than crashing later.
const current = realpathSync(process.execPath);
const runtime = projectNode() ?? current;
if (runtime === current) {
  const refusal = unsupportedNodeMessage();
  if (refusal) fail(refusal);
}

// Whatever the script starts through PATH (npm, tsc, eslint, vitest: `#!/usr/bin/env node`)
// finds the same Node.
const binDir = join(ROOT, 'node_modules', '.bin');
const path = process.env.PATH ?? '';
if (path.split(delimiter)[0] !== binDir) process.env.PATH = `${binDir}${delimiter}${path}`;

if (runtime === current) {
  process.argv = [process.argv[0], scriptPath, ...args];
  await import(pathToFileURL(scriptPath).href);
} else {
  const child = spawn(runtime, [scriptPath, ...args], { stdio: 'inherit' });
  child.once('error', (error) => fail(`Could not start ${runtime}: ${error.message}`));

  const forward = (signal) => child.kill(signal);
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);

  const parentPid = process.ppid;
  const orphanWatch = setInterval(() => {
    if (process.ppid === parentPid) return;
    clearInterval(orphanWatch);
    child.kill('SIGTERM');
  }, 500);
  orphanWatch.unref();

  child.once('exit', (code, signal) => {
    clearInterval(orphanWatch);
    if (signal) {
      // Die the way the child died, so the shell and npm report the same thing.
      for (const forwarded of FORWARDED_SIGNALS) process.off(forwarded, forward);
      process.kill(process.pid, signal);
    } else {
      process.exit(code ?? 1);
    }
  });
}
