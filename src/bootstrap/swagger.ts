import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
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

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Receipt Vault API')
    .setDescription(
      'Upload receipts, get structured records back. Every error has the body ' +
        '`{ statusCode, code, message, requestId, details? }`; send `X-Request-ID` to correlate.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addTag('auth', 'Accounts and tokens')
    .addTag('receipts', 'Upload, watch and read receipts')
    .addTag('webhooks', 'Signed event deliveries to your URLs')
    .addTag('health', 'Kubernetes probes')
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponseDto] });
  documentErrors(document);
  return document;
}

export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: { persistAuthorization: true },
  });
}
