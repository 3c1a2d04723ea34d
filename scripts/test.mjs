import './lib/require-node.mjs';
// `npm test`, run by launch.mjs on the project's Node: lint (ESLint + Prettier), typecheck, then
// every Vitest tier. Arguments (`npm test -- <files or options>`) go to Vitest. Each tool runs on
// this same Node: Vitest directly, the npm scripts through a PATH that starts at node_modules/.bin.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './lib/node-runtime.mjs';

// The npm that started us, on this Node; plain `npm` when run by hand.
const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];

function run([command, ...args]) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.error) {
    console.error(`Could not run ${command}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}

console.log(`npm test on Node ${process.version} (${process.execPath})`);
run([...npm, 'run', 'lint']);
run([...npm, 'run', 'typecheck']);
run([
  process.execPath,
  join(ROOT, 'node_modules', '.bin', 'vitest'),
  'run',
  ...process.argv.slice(2),
]);
