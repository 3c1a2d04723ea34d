import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ReceiptEntity } from '../receipt.entity.js';
import type { ReceiptStatus } from '../receipt-status.js';
import { BatchEntity, type BatchEntry } from './batch.entity.js';

export interface BatchReceiptState {
  id: string;
  status: ReceiptStatus;
}

/** Batches and the state of their receipts, always scoped to the owner. */
@Injectable()
export class BatchesRepository {
  constructor(
    @InjectRepository(BatchEntity) private readonly batches: Repository<BatchEntity>,
    @InjectRepository(ReceiptEntity) private readonly receipts: Repository<ReceiptEntity>,
  ) {}

  /**
   * Records a batch and marks the receipts it created, in one transaction: a batch is seen
   * whole or not at all.
   */
  async insert(batch: { id: string; ownerId: string; entries: BatchEntry[] }, created: string[]) {
    await this.batches.manager.transaction(async (m) => {
      await m.insert(BatchEntity, batch);
      if (created.length) {
        await m.update(
          ReceiptEntity,
          { id: In(created), ownerId: batch.ownerId },
          {
            batchId: batch.id,
          },
        );
      }
    });
  }

  findByIdForOwner(id: string, ownerId: string): Promise<BatchEntity | null> {
    return this.batches.findOneBy({ id, ownerId });
  }

  /** The current status of the owner's receipts among `ids` (trashed ones included). */
  async receiptStatesForOwner(ownerId: string, ids: string[]): Promise<BatchReceiptState[]> {
    if (!ids.length) return [];
    return this.receipts.find({
      select: { id: true, status: true },
      where: { ownerId, id: In(ids) },
    });
  }
}
