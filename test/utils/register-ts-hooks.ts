import { transformSync } from '@swc/core';
import { existsSync, readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Lets a plain `node` child process run the TypeScript sources, for tests that need a real
 * process they can `kill -9` (a clean checkout has no dist/). Load it with
 * `node --import ./test/utils/register-ts-hooks.ts src/worker.ts`: Node strips this file's
 * own types, and the hooks below compile everything else with SWC, as vitest does, because
 * Node's built-in type stripping has no decorators and no decorator metadata, which Nest's
 * dependency injection needs.
 */
registerHooks({
  resolve(specifier, context, nextResolve) {
    // The sources import `./x.js` (NodeNext style) for files that exist as `./x.ts`.
    if (
      context.parentURL?.startsWith('file:') &&
      /^\.{1,2}\//.test(specifier) &&
      specifier.endsWith('.js')
    ) {
      const js = new URL(specifier, context.parentURL);
      const ts = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
      if (!existsSync(fileURLToPath(js)) && existsSync(fileURLToPath(ts))) {
        return { url: ts.href, format: 'module', shortCircuit: true };
      }
    }
    return nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    if (!url.startsWith('file:') || !url.endsWith('.ts') || url.includes('/node_modules/')) {
      return nextLoad(url, context);
    }
    const filename = fileURLToPath(url);
    const { code } = transformSync(readFileSync(filename, 'utf8'), {
      filename,
      sourceMaps: 'inline',
      module: { type: 'es6' },
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: {
          legacyDecorator: true,
          decoratorMetadata: true,
          useDefineForClassFields: false,
        },
        keepClassNames: true,
      },
    });
    return { format: 'module', source: code, shortCircuit: true };
  },
});
