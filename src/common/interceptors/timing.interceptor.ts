import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import { Observable, finalize } from 'rxjs';
import type { AllConfig } from '../../config/configuration.js';
import { redactUrl } from '../../logging/redact-url.js';

/**
 * Times every handler and reports it as `Server-Timing: app;dur=…`. `finalize` (not `tap`)
 * runs on errors too, so failing requests are timed and slow failures are logged.
 */
@Injectable()
export class TimingInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Timing');
  private readonly slowMs: number;

  constructor(config: ConfigService<AllConfig, true>) {
    this.slowMs = config.getOrThrow('app', { infer: true }).slowRequestMs;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const started = process.hrtime.bigint();
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const elapsedMs = () => Number(process.hrtime.bigint() - started) / 1e6;

    return next.handle().pipe(
      finalize(() => {
        // finalize runs before Nest writes the body (or the filter writes the error), so
        // the header still fits; streamed responses (SSE) have sent theirs already.
        const ms = elapsedMs();
        if (!res.headersSent) res.setHeader('Server-Timing', `app;dur=${ms.toFixed(1)}`);
        if (ms > this.slowMs) {
          this.logger.warn(
            { method: req.method, url: redactUrl(req.originalUrl), ms: Math.round(ms) },
            'Slow request',
          );
        }
      }),
    );
  }
}
