/**
 * Imported first by every entry point (API, worker, CLI, migrations), so an unsupported Node
 * refuses with a message instead of crashing: native add-ons built for Node 24 (argon2) segfault
 * when loaded by Node 20. ES modules run in import order, so nothing below the import is
 * evaluated by then. Node 24 is what the project is built, tested and shipped on (the `node`
 * devDependency, the Docker image); package.json's `engines` says the same, and
 * runtime-guard.spec.ts keeps the three in step.
 */
export const MINIMUM_NODE_MAJOR = 24;

export function unsupportedRuntimeMessage(version: string, execPath: string): string | undefined {
  const major = Number.parseInt(version.replace(/^v/, ''), 10);
  if (major >= MINIMUM_NODE_MAJOR) return undefined;
  return (
    `Receipt Vault needs Node.js ${MINIMUM_NODE_MAJOR} or newer, but this is ${version} (${execPath}).\n` +
    `Run it through npm (\`npm run dev\`, \`npm start\`, \`npm run cli\`), which uses the project's own ` +
    `Node from node_modules/.bin/node, or install Node.js ${MINIMUM_NODE_MAJOR}.`
  );
}

const refusal = unsupportedRuntimeMessage(process.version, process.execPath);
if (refusal) {
  process.stderr.write(`${refusal}\n`);
  process.exit(1);
}
