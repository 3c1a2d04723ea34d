import { ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AppError, ErrorCode } from '../../common/errors/index.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { BearerAuthGuard } from '../../auth/bearer-auth.guard.js';
import { ReceiptsRepository } from '../receipts.repository.js';
import { EventsTokenService } from './events-token.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The events route takes either the usual bearer access token or, for EventSource, a
 * receipt-scoped `?token=` from POST /v1/receipts/{id}/events-token. It also checks that the
 * receipt is the caller's: an SSE handler has sent its 200 before any await in it resolves,
 * so a 404 must be decided here, before the handler runs.
 */
@Injectable()
export class EventsAuthGuard extends BearerAuthGuard {
  constructor(
    private readonly tokens: EventsTokenService,
    private readonly receipts: ReceiptsRepository,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const receiptId = String(req.params.id);
    const token = req.query.token;
    if (token === undefined) {
      await super.canActivate(context);
    } else {
      if (typeof token !== 'string')
        throw new AppError(ErrorCode.UNAUTHORIZED, 'The events token is invalid or expired');
      req.user = await this.tokens.verify(token, receiptId);
    }
    const ownerId = (req.user as AuthUser).id;
    if (!UUID.test(receiptId) || !(await this.receipts.findByIdForOwner(receiptId, ownerId))) {
      throw new AppError(ErrorCode.RECEIPT_NOT_FOUND, 'Receipt not found');
    }
    return true;
  }
}
