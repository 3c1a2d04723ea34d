import { ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { AppError, ErrorCode } from '../../common/errors/index.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { BearerAuthGuard } from '../../auth/bearer-auth.guard.js';
import type { EventsTokenKind, EventsTokenService } from './events-token.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An events route takes the usual bearer access token, an API key with `receipts:read`, or,
 * for EventSource, a `?token=` from the matching …/events-token route. It also checks that the receipt or batch
 * is the caller's: an SSE handler has sent its 200 before any await in it resolves, so a 404
 * must be decided here, before the handler runs.
 */
export abstract class OwnedEventsAuthGuard extends BearerAuthGuard {
  protected abstract readonly kind: EventsTokenKind;

  constructor(private readonly tokens: EventsTokenService) {
    super();
  }

  /** Whether `id` names something of `ownerId` that has an event stream. */
  protected abstract isOwned(id: string, ownerId: string): Promise<boolean>;

  /** The 404 for a missing (or another user's) receipt or batch. */
  protected abstract notFound(): AppError;

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const id = String(req.params.id);
    const token = req.query.token;
    if (token === undefined) {
      await super.canActivate(context);
    } else {
      if (typeof token !== 'string')
        throw new AppError(ErrorCode.UNAUTHORIZED, 'The events token is invalid or expired');
      req.user = await this.tokens.verify(token, id, this.kind);
    }
    const ownerId = (req.user as AuthUser).id;
    if (!UUID.test(id) || !(await this.isOwned(id, ownerId))) throw this.notFound();
    return true;
  }
}
