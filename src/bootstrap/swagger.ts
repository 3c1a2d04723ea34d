import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { API_KEY_SCOPE_EXTENSION } from '../auth/requires-scope.decorator.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';

const ERROR_REF = { $ref: getSchemaPath(ErrorResponseDto) };
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

/**
 * Every operation can fail with the common error body, so it is documented once here rather
 * than on each handler: explicit error responses get the schema, and a `default` response
 * covers the rest.
 */
function documentErrors(document: OpenAPIObject): void {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (Number(status) >= 400 && response && 'description' in response && !response.content) {
          response.content = { 'application/json': { schema: ERROR_REF } };
        }
      }
      operation.responses = {
        ...operation.responses,
        default: {
          description: 'Error: `{ statusCode, code, message, requestId, details? }`',
          content: { 'application/json': { schema: ERROR_REF } },
        },
      };
    }
  }
}

const BEARER_SCHEME = 'bearer';
const API_KEY_SCHEME = 'api-key';

/**
 * Says on every protected operation whether an API key may call it: operations that declare a
 * scope (@RequiresScope) accept the bearer token or a key with that scope; the others accept
 * only a signed-in user's token. OpenAPI 3.0 forbids scope lists on apiKey schemes, so the
 * scope travels in the `x-api-key-scope` extension and the description.
 */
function documentApiKeyScopes(document: OpenAPIObject): void {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!operation?.security?.some((requirement) => BEARER_SCHEME in requirement)) continue;
      const scope = (operation as unknown as Record<string, unknown>)[API_KEY_SCOPE_EXTENSION];
      const note =
        typeof scope === 'string'
          ? `API keys: needs scope \`${scope}\` (403 INSUFFICIENT_SCOPE otherwise).`
          : 'API keys are refused here (403 SESSION_REQUIRED): a signed-in user only.';
      // A new array: Nest shares one security list between the operations of a controller.
      if (typeof scope === 'string')
        operation.security = [...operation.security, { [API_KEY_SCHEME]: [] }];
      operation.description = operation.description ? `${operation.description}\n\n${note}` : note;
    }
  }
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Receipt Vault API')
    .setDescription(
      'Upload receipts, get structured records back. Every error has the body ' +
        '`{ statusCode, code, message, requestId, details? }`; send `X-Request-ID` to correlate.',
    )
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'An access token from POST /v1/auth/login, or an API key (`rv_…`) where the operation accepts one',
      },
      BEARER_SCHEME,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-API-Key',
        description:
          'A scoped API key from POST /v1/api-keys (`rv_…`); also accepted as `Authorization: Bearer rv_…`. Each operation says which scope it needs.',
      },
      API_KEY_SCHEME,
    )
    .addTag('auth', 'Accounts and tokens')
    .addTag('receipts', 'Upload, watch and read receipts')
    .addTag('webhooks', 'Signed event deliveries to your URLs')
    .addTag('api-keys', 'Scoped keys for scripts and integrations')
    .addTag('health', 'Kubernetes probes')
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponseDto] });
  documentErrors(document);
  documentApiKeyScopes(document);
  return document;
}

export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: { persistAuthorization: true },
  });
}
