import { Injectable } from '@nestjs/common';
import { AppError, ErrorCode } from '../../common/errors/index.js';
import { BatchesRepository } from '../batches/batches.repository.js';
import { EventsTokenService } from './events-token.service.js';
import { OwnedEventsAuthGuard } from './owned-events-auth.guard.js';

/** Opens a batch's event stream: bearer token or a batch-scoped `?token=`, owner only. */
@Injectable()
export class BatchEventsAuthGuard extends OwnedEventsAuthGuard {
  protected readonly kind = 'batch';

  constructor(
    tokens: EventsTokenService,
    private readonly batches: BatchesRepository,
  ) {
    super(tokens);
  }

  protected async isOwned(id: string, ownerId: string): Promise<boolean> {
    return (await this.batches.findByIdForOwner(id, ownerId)) !== null;
  }

  protected notFound(): AppError {
    return new AppError(ErrorCode.BATCH_NOT_FOUND, 'Batch not found');
  }
}
