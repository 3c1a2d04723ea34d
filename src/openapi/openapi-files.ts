import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from both `src/openapi` (tests) and `dist/src/openapi` (the CLI). */
function repositoryRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return here.includes(`${join('dist', 'src')}`)
    ? join(here, '..', '..', '..')
    : join(here, '..', '..');
}

/** The committed artefacts `npm run openapi:generate` writes. */
export const OPENAPI_FILES = {
  /** The OpenAPI document of main: the reference for the breaking-change check. */
  document: join(repositoryRoot(), 'openapi', 'openapi.json'),
  /** Types generated from it by openapi-typescript, used by the client in clients/typescript. */
  clientSchema: join(repositoryRoot(), 'clients', 'typescript', 'src', 'schema.ts'),
};
