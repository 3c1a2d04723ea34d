/**
 * `npm run openapi:generate`: writes the OpenAPI document (openapi/openapi.json) and the
 * client's types (clients/typescript/src/schema.ts) from the current code, without servers.
 * Any change to the API runs it and commits both files; the contract tests fail until then.
 *
 * A breaking change against the committed document (a removed route, field or enum value, a
 * newly required parameter) is refused unless `--accept-breaking` says it is intended, so the
 * change shows up in review as a deliberate edit of openapi/openapi.json.
 *
 * `--check` writes nothing and exits 1 when either file is stale (for CI or a pre-commit hook).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { buildOpenApiDocumentOffline, serializeOpenApiDocument } from './build-openapi-document.js';
import { findBreakingChanges } from './find-breaking-changes.js';
import { generateClientSchema } from './generate-client-schema.js';
import { OPENAPI_FILES } from './openapi-files.js';

async function readIfExists(path: string): Promise<string | null> {
  return existsSync(path) ? readFile(path, 'utf8') : null;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { check: { type: 'boolean' }, 'accept-breaking': { type: 'boolean' } },
  });
  const document = await buildOpenApiDocumentOffline();
  const outputs = [
    { path: OPENAPI_FILES.document, text: serializeOpenApiDocument(document) },
    { path: OPENAPI_FILES.clientSchema, text: await generateClientSchema(document) },
  ];

  const committed = await readIfExists(OPENAPI_FILES.document);
  const breaking = committed ? findBreakingChanges(JSON.parse(committed) as object, document) : [];
  if (breaking.length) {
    console.error(`Breaking changes against ${relative(process.cwd(), OPENAPI_FILES.document)}:`);
    for (const change of breaking) console.error(`  - ${change.description} (${change.path})`);
    if (!values['accept-breaking'] && !values.check) {
      console.error('Nothing written. Re-run with --accept-breaking if this is intended.');
      return 1;
    }
  }

  let stale = 0;
  for (const { path, text } of outputs) {
    const name = relative(process.cwd(), path);
    if ((await readIfExists(path)) === text) {
      console.log(`${name}: up to date`);
      continue;
    }
    stale++;
    if (values.check) {
      console.error(`${name}: stale — run npm run openapi:generate`);
    } else {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text);
      console.log(`${name}: written`);
    }
  }
  return values.check && (stale || breaking.length) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
