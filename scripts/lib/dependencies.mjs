// Installs npm dependencies when node_modules is missing or does not match package-lock.json,
// so `npm run dev` and `npm test` work on a fresh clone. launch.mjs runs it before anything is
// installed, possibly on the system Node 20, so it is plain JavaScript with no dependencies.
//
// npm keeps a copy of the lock entries it installed in node_modules/.package-lock.json; comparing
// that with package-lock.json is exact and cheap, and stays right after a manual `npm install`
// (a stamp file of our own would not).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT as root, unsupportedNodeMessage } from './node-runtime.mjs';

function readLockPackages(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8')).packages ?? {};
  } catch {
    return undefined;
  }
}

const libc = process.report?.getReport().header.glibcVersionRuntime ? 'glibc' : 'musl';

// An optional package may legitimately be absent (another platform's prebuilt binary, or one
// whose install failed harmlessly), except a prebuilt binary built for this very machine:
// PostgreSQL, sharp and SWC ship that way, and node_modules copied from another OS lacks them.
function isThisPlatformsBinary(entry) {
  const matches = (list, value) => Array.isArray(list) && list.includes(value);
  return (
    matches(entry.os, process.platform) &&
    matches(entry.cpu, process.arch) &&
    (!entry.libc || matches(entry.libc, libc))
  );
}

function sameEntry(wanted, installed) {
  return ['version', 'resolved', 'integrity', 'link'].every(
    (key) => wanted[key] === installed[key],
  );
}

/** Returns why node_modules is out of date, or undefined when it matches the lockfile. */
function staleReason() {
  const wanted = readLockPackages(join(root, 'package-lock.json'));
  if (!wanted) return 'package-lock.json is missing or unreadable';
  const installed = readLockPackages(join(root, 'node_modules', '.package-lock.json'));
  if (!installed) return 'node_modules is missing';
  for (const [path, entry] of Object.entries(wanted)) {
    if (path === '') continue; // the project itself
    const present = installed[path];
    if (!present) {
      if (entry.optional && !isThisPlatformsBinary(entry)) continue;
      return `${path} is not installed`;
    }
    if (!sameEntry(entry, present)) return `${path} differs from package-lock.json`;
  }
  for (const path of Object.keys(installed)) {
    if (!(path in wanted)) return `${path} is no longer in package-lock.json`;
  }
  return undefined;
}

/** Runs `npm ci` when node_modules does not match package-lock.json; throws when it fails. */
export function installDependencies() {
  const reason = staleReason();
  if (!reason) return;
  // npm on an older Node warns about every package that wants a newer one (hundreds of lines on
  // Node 20); those warnings are expected, as the install brings the project's own Node.
  const oldNode = unsupportedNodeMessage() !== undefined;
  console.log(
    `Installing dependencies (${reason}): npm ci${oldNode ? ` (on Node ${process.version}, warnings hidden)` : ''}`,
  );
  const result = spawnSync('npm', ['ci', ...(oldNode ? ['--loglevel=error'] : [])], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.error) throw new Error(`Could not run npm: ${result.error.message}`);
  if (result.status !== 0)
    throw new Error(`npm ci failed (${result.signal ?? `exit code ${result.status}`}).`);
}
