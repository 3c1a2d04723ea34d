import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { ApiKeyScope } from '../api-keys/api-key-scopes.js';

export const REQUIRED_SCOPE_KEY = 'apiKeyScope';
/** Operation extension in the OpenAPI document; `buildOpenApiDocument` turns it into security. */
export const API_KEY_SCOPE_EXTENSION = 'x-api-key-scope';

/**
 * The scope an API key needs for this route (or every route of a controller). Routes without
 * one refuse API keys: only a signed-in user may use them. Sessions (JWT) are never limited by
 * scopes.
 */
export const RequiresScope = (scope: ApiKeyScope) =>
  applyDecorators(
    SetMetadata(REQUIRED_SCOPE_KEY, scope),
    ApiExtension(API_KEY_SCOPE_EXTENSION, scope),
  );
