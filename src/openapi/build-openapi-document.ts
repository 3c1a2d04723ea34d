import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument } from '../bootstrap/swagger.js';
import { useDocumentationEnv } from '../config/documentation-env.js';

/**
 * The same document `/docs-json` serves, built without servers: preview mode resolves the
 * module graph and reads the controllers' metadata but instantiates no provider, so nothing
 * connects to PostgreSQL or Redis.
 */
export async function buildOpenApiDocumentOffline(): Promise<OpenAPIObject> {
  useDocumentationEnv();
  const { AppModule } = await import('../app.module.js');
  const app = await NestFactory.create(AppModule, { preview: true, logger: false });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** Stable text of a document: two-space JSON with a final newline, as committed. */
export function serializeOpenApiDocument(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
