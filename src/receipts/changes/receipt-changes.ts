import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, ErrorCode } from '../../common/errors/index.js';
import {
  type HistoryChange,
  ReceiptHistoryRepository,
} from '../history/receipt-history.repository.js';
import { ReceiptCache } from '../receipt-cache.js';
import { ReceiptEntity } from '../receipt.entity.js';
import { ReceiptStatus } from '../receipt-status.js';
import { ReceiptsRepository } from '../receipts.repository.js';

const UNFINISHED: readonly string[] = [ReceiptStatus.QUEUED, ReceiptStatus.PROCESSING];

export function receiptNotFound(): AppError {
  return new AppError(ErrorCode.RECEIPT_NOT_FOUND, 'Receipt not found');
}

/** Corrections and re-extraction would race the worker's save: refused until it has finished. */
export function assertFinished(receipt: ReceiptEntity): void {
  if (UNFINISHED.includes(receipt.status)) {
    throw new AppError(
      ErrorCode.RECEIPT_BUSY,
      `The receipt is ${receipt.status}; wait until it has finished`,
    );
  }
}

/**
 * The one way a user's (or an admin command's) change is applied to a receipt: in one
 * transaction with the row locked, its audit trail written in the same transaction; then the
 * duplicate flag is re-derived and the cached copy dropped. A failure leaves nothing
 * half-written. Shared by the API (corrections) and the worker (re-extraction).
 */
@Injectable()
export class ReceiptChanges {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly receipts: ReceiptsRepository,
    private readonly trail: ReceiptHistoryRepository,
    private readonly cache: ReceiptCache,
  ) {}

  /**
   * Applies `work` to the owner's receipt (not in the trash) and returns the fresh row.
   * `ownerId` null is an admin command acting on any receipt; `actorId` is who is recorded.
   */
  async apply(
    id: string,
    ownerId: string | null,
    actorId: string | null,
    work: (m: EntityManager, receipt: ReceiptEntity) => Promise<HistoryChange[]>,
  ): Promise<ReceiptEntity> {
    await this.db.transaction(async (m) => {
      const query = m
        .createQueryBuilder(ReceiptEntity, 'r')
        .setLock('pessimistic_write')
        .where('r.id = :id AND r.deleted_at IS NULL', { id });
      if (ownerId) query.andWhere('r.owner_id = :ownerId', { ownerId });
      const receipt = await query.getOne();
      if (!receipt) throw receiptNotFound();
      const changes = await work(m, receipt);
      await this.trail.record(m, id, actorId, changes);
    });
    await this.receipts.flagPossibleDuplicate(id);
    await this.cache.invalidate(id);
    const fresh = await this.receipts.findById(id);
    if (!fresh) throw receiptNotFound();
    return fresh;
  }
}
