import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { AppError, ErrorCode } from '../../common/errors/index.js';
import { EventsTokenService } from './events-token.service.js';

/**
 * The events route takes either the usual bearer access token or, for EventSource, a
 * receipt-scoped `?token=` from POST /v1/receipts/{id}/events-token.
 */
@Injectable()
export class EventsAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly tokens: EventsTokenService) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const token = req.query.token;
    if (token === undefined) return (await super.canActivate(context)) as boolean;
    if (typeof token !== 'string') throw new AppError(ErrorCode.UNAUTHORIZED, 'The events token is invalid or expired');
    const ownerId = await this.tokens.verify(token, String(req.params.id));
    req.user = { id: ownerId, email: '', sessionId: '' };
    return true;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    // A failure inside the strategy (database down) is not an authentication failure.
    if (error instanceof Error && !('status' in error)) throw error;
    if (!user) throw new AppError(ErrorCode.UNAUTHORIZED, 'A valid access token is required');
    return user;
  }
}
