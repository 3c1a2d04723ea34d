import type { OpenAPIObject } from '@nestjs/swagger';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

const HEADER = `/**
 * Generated from the Receipt Vault OpenAPI document by openapi-typescript.
 * Do not edit: run \`npm run openapi:generate\` in the repository root.
 */

`;

const BLOB = ts.factory.createTypeReferenceNode('Blob');

/** The TypeScript types (`paths`, `components`, `operations`) of a document. */
export async function generateClientSchema(document: OpenAPIObject): Promise<string> {
  // openapi-typescript takes a plain JSON object; structuredClone keeps it from touching ours.
  const ast = await openapiTS(structuredClone(document) as Parameters<typeof openapiTS>[0], {
    silent: true,
    // Uploads take a file, not a string: `format: binary` becomes a Blob (a File is one).
    transform: (schema) => (schema.format === 'binary' ? BLOB : undefined),
  });
  return HEADER + astToString(ast);
}
