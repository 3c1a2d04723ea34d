import { type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import type { ApiKeyScope } from '../api-keys/api-key-scopes.js';
import { ActiveApiKeys } from '../api-keys/active-api-keys.js';
import { AppError, ErrorCode } from '../common/errors/index.js';
import { apiKeyFrom } from './api-key-credential.js';
import { REQUIRED_SCOPE_KEY } from './requires-scope.decorator.js';
import { ApiKeyThrottlerGuard } from './throttling/api-key-throttler.guard.js';

/**
 * Authenticates the caller — an API key (`X-API-Key` or `Bearer rv_…`) or else the bearer
 * access token (the `jwt` strategy) — and turns every rejection into a 401 error body. A key
 * must hold the scope the route declares with @RequiresScope (403 INSUFFICIENT_SCOPE); routes
 * that declare none are for signed-in users only (403 SESSION_REQUIRED). Each key is then
 * rate-limited on its own. The guards of the app extend this one.
 */
@Injectable()
export class BearerAuthGuard extends AuthGuard('jwt') {
  // Property injection: the guards that extend this one keep their own constructors.
  @Inject(Reflector) protected readonly reflector!: Reflector;
  @Inject(ActiveApiKeys) private readonly apiKeys!: ActiveApiKeys;
  @Inject(ApiKeyThrottlerGuard) private readonly keyThrottler!: ApiKeyThrottlerGuard;

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const key = apiKeyFrom(req);
    if (key === undefined) return (await super.canActivate(context)) as boolean;

    const user = await this.apiKeys.authenticate(key);
    req.user = user;
    const scope = this.reflector.getAllAndOverride<ApiKeyScope | undefined>(REQUIRED_SCOPE_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!scope) {
      throw new AppError(
        ErrorCode.SESSION_REQUIRED,
        'API keys cannot be used here; this needs a signed-in user',
      );
    }
    if (!user.apiKey?.scopes.includes(scope)) {
      throw new AppError(ErrorCode.INSUFFICIENT_SCOPE, `This API key lacks the scope ${scope}`, {
        details: { requiredScope: scope },
      });
    }
    return this.keyThrottler.canActivate(context);
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    // A failure inside the strategy (database down) is not an authentication failure.
    if (error instanceof Error && !('status' in error)) throw error;
    if (!user) throw new AppError(ErrorCode.UNAUTHORIZED, 'A valid access token is required');
    return user;
  }
}
