// Which Node the project's scripts run on. Plain JavaScript with no dependencies: the launcher
// uses it before anything is installed, possibly on an older system Node.
//
// The project runs on the Node of its `node` devDependency (node_modules/.bin/node), whatever
// `node` is first on PATH: native add-ons are built for it (argon2 built for Node 24 segfaults
// when Node 20 loads it), and every tool is tested on it.
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The major version package.json's `engines.node` asks for (">=24" → 24). */
export const MINIMUM_NODE_MAJOR = (() => {
  const { engines } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const match = /^>=\s*(\d+)/.exec(engines?.node ?? '');
  if (!match) throw new Error(`package.json engines.node must read ">=N", not ${engines?.node}`);
  return Number(match[1]);
})();

export const majorOf = (version) => Number.parseInt(version.replace(/^v/, ''), 10);

/** The project's own Node binary (resolved), or undefined before `npm ci` installed it. */
export function projectNode() {
  try {
    return realpathSync(join(ROOT, 'node_modules', '.bin', 'node'));
  } catch {
    return undefined;
  }
}

/** Why `version` cannot run the project, or undefined when it can. */
export function unsupportedNodeMessage(version = process.version, execPath = process.execPath) {
  if (majorOf(version) >= MINIMUM_NODE_MAJOR) return undefined;
  return (
    `Receipt Vault needs Node.js ${MINIMUM_NODE_MAJOR} or newer, but this is ${version} (${execPath}).\n` +
    `Use \`npm run dev\` or \`npm test\`: they install and use the project's own Node ` +
    `(node_modules/.bin/node), whichever Node is on your PATH.`
  );
}
