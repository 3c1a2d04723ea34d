import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request } from 'express';
import { AppError, ErrorCode } from '../common/errors/index.js';
import type { AllConfig } from '../config/configuration.js';
import { checkMetricsAccess } from './metrics-token.js';

/** `/metrics` is 404 until METRICS_TOKEN is set, then 401 without that exact bearer token. */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  constructor(private readonly config: ConfigService<AllConfig, true>) {}

  canActivate(context: ExecutionContext): boolean {
    const { token } = this.config.getOrThrow('metrics', { infer: true });
    const req = context.switchToHttp().getRequest<Request>();
    const access = checkMetricsAccess(token, req.headers.authorization);
    if (access === 'disabled') throw new AppError(ErrorCode.NOT_FOUND, 'Not found');
    if (access === 'denied')
      throw new AppError(ErrorCode.UNAUTHORIZED, 'The metrics token is required');
    return true;
  }
}
