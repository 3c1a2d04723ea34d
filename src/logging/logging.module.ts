import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ClsServiceManager } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import pretty from 'pino-pretty';
import type { AllConfig } from '../config/configuration.js';
import { pickRequestId, REQUEST_ID_HEADER } from '../common/request-context/request-id.js';
import { redactQuery, redactUrl } from './redact-url.js';
import { activeTraceIds } from '../tracing/tracer.js';

/**
 * pino everywhere: JSON in production, pretty in dev. The request id comes from the request
 * context (nestjs-cls), so lines logged by services and by worker jobs carry it too, not only
 * the access log.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AllConfig, true>) => {
        const app = config.getOrThrow('app', { infer: true });
        const options: Options = {
          level: app.logLevel,
          genReqId: (req: IncomingMessage, res: ServerResponse) =>
            (res.getHeader(REQUEST_ID_HEADER) as string | undefined) ??
            pickRequestId(req.headers['x-request-id']),
          customAttributeKeys: { reqId: 'requestId' },
          // HTTP request loggers already carry the id as a binding; everything else (service
          // code outside a request, worker jobs) gets it from the request context.
          // With tracing on, the active trace and span ids too, so a log line leads to its trace.
          mixin: (
            _merge: object,
            _level: number,
            logger: { bindings(): Record<string, unknown> },
          ) => {
            const ids = activeTraceIds() ?? {};
            if (logger.bindings().requestId) return ids;
            const cls = ClsServiceManager.getClsService();
            const requestId = cls.isActive() ? cls.getId() : undefined;
            return requestId ? { requestId, ...ids } : ids;
          },
          redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
          // The URL carries its query string: a token sent as `?token=` (the SSE events token,
          // or an access token sent wrongly) must not reach the log in clear.
          serializers: {
            req: (req: { url?: string; query?: unknown }) => {
              if (req.url) req.url = redactUrl(req.url);
              req.query = redactQuery(req.query);
              return req;
            },
          },
          autoLogging: {
            ignore: (req: IncomingMessage) => req.url?.startsWith('/health') ?? false,
          },
          quietReqLogger: true,
        };
        // Pretty output is formatted in-process and written synchronously: pino's transport
        // thread would hang shutdown for the whole grace period once stdout's reader is gone.
        return {
          pinoHttp:
            app.logFormat === 'pretty'
              ? [options, pretty({ singleLine: true, translateTime: 'SYS:HH:MM:ss.l', sync: true })]
              : options,
        };
      },
    }),
  ],
})
export class LoggingModule {}
