import { type INestApplication, Logger as NestLogger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AllExceptionsFilter } from '../common/filters/all-exceptions.filter.js';
import { TimingInterceptor } from '../common/interceptors/timing.interceptor.js';
import { createValidationPipe } from '../common/pipes/validation.pipe.js';
import { requireJsonBodies } from '../common/request-body/require-json.middleware.js';
import { createRequestContextMiddleware } from '../common/request-context/request-context.module.js';
import type { AllConfig } from '../config/configuration.js';
import { answerClientErrors } from './answer-client-errors.js';
import { serveWebApp } from './serve-web-app.js';
import { createHttpMetricsMiddleware } from '../metrics/http-metrics.middleware.js';
import { Metrics } from '../metrics/metrics.service.js';
import { setupSwagger } from './swagger.js';

/** Everything `main.ts` does to the app besides listening, shared with the tests. */
export function configureApp(app: NestExpressApplication): INestApplication {
  const config = app.get(ConfigService<AllConfig, true>);
  // Before anything else (body parser included) so every response carries the request id.
  app.use(createRequestContextMiddleware());
  app.use(requireJsonBodies);
  answerClientErrors(app.getHttpServer());
  app.use(createHttpMetricsMiddleware(app.get(Metrics)));
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  const { trustProxy, webDir } = config.getOrThrow('app', { infer: true });
  if (trustProxy) app.set('trust proxy', true);
  const { maxUploadBytes } = config.getOrThrow('storage', { infer: true });
  if (!serveWebApp(app, webDir, { maxUploadBytes })) {
    new NestLogger('WebApp').warn(`No web app in ${webDir} (run npm run build); / serves nothing`);
  }
  // Large enough for any JSON this API takes; uploads are multipart and streamed separately.
  // PATCH bodies are JSON merge-patches (RFC 7396); any `+json` type is parsed as JSON.
  app.useBodyParser('json', { limit: '256kb', type: ['application/json', 'application/*+json'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalInterceptors(new TimingInterceptor(config));
  setupSwagger(app);
  return app;
}
