import { Injectable } from '@nestjs/common';
import { AppError, ErrorCode } from '../../common/errors/index.js';
import { ReceiptsRepository } from '../receipts.repository.js';
import { EventsTokenService } from './events-token.service.js';
import { OwnedEventsAuthGuard } from './owned-events-auth.guard.js';

/** Opens a receipt's event stream: bearer token or a receipt-scoped `?token=`, owner only. */
@Injectable()
export class EventsAuthGuard extends OwnedEventsAuthGuard {
  protected readonly kind = 'receipt';

  constructor(
    tokens: EventsTokenService,
    private readonly receipts: ReceiptsRepository,
  ) {
    super(tokens);
  }

  protected async isOwned(id: string, ownerId: string): Promise<boolean> {
    return (await this.receipts.findByIdForOwner(id, ownerId)) !== null;
  }

  protected notFound(): AppError {
    return new AppError(ErrorCode.RECEIPT_NOT_FOUND, 'Receipt not found');
  }
}
