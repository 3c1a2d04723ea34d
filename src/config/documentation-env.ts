/**
 * Settings that let the app's modules be constructed, never started, so the OpenAPI document
 * can be built without PostgreSQL or Redis (`npm run openapi:generate`, CI on a bare machine).
 * The document does not depend on configuration; the URLs below name nothing and are never
 * connected to, because the app is created in preview mode. Values already set are kept.
 */
const PLACEHOLDERS: Record<string, string> = {
  DATABASE_URL: 'postgres://docs:docs@127.0.0.1:1/openapi_only',
  REDIS_URL: 'redis://127.0.0.1:1',
  JWT_SECRET: 'openapi-document-generation-only-never-used-to-sign',
  LOG_LEVEL: 'silent',
};

export function useDocumentationEnv(): void {
  for (const [name, value] of Object.entries(PLACEHOLDERS)) process.env[name] ??= value;
}
