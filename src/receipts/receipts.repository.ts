import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThan, Repository } from 'typeorm';
import type { OcrLine } from '../ocr/ocr.types.js';
import type { ReceiptRecord } from '../ocr/parsing/receipt-record.js';
import { ReceiptEntity, type ReceiptTimings } from './receipt.entity.js';
import {
  type FailureCode,
  type ReceiptStage,
  ReceiptStatus,
  TERMINAL_STATUSES,
} from './receipt-status.js';

export interface NewReceipt {
  id: string;
  ownerId: string;
  originalFilename: string | null;
  note: string | null;
  tags: string[];
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  pages: number | null;
}

export interface ReceiptPageQuery {
  status?: ReceiptStatus;
  q?: string;
  page: number;
  pageSize: number;
}

export interface CompletedReceipt {
  status: typeof ReceiptStatus.COMPLETED | typeof ReceiptStatus.NEEDS_REVIEW;
  record: ReceiptRecord;
  reviewIssues: string[];
  text: string;
  lines: OcrLine[];
  pages: number;
  engine: string;
  timings: ReceiptTimings;
}

const UNFINISHED = [ReceiptStatus.QUEUED, ReceiptStatus.PROCESSING];

/**
 * Every query that serves a user is scoped to its owner in the method itself
 * (`…ForOwner`), so another user's receipt is simply not found.
 */
@Injectable()
export class ReceiptsRepository {
  constructor(
    @InjectRepository(ReceiptEntity) private readonly receipts: Repository<ReceiptEntity>,
  ) {}

  async insertQueued(receipt: NewReceipt): Promise<ReceiptEntity> {
    const timings: ReceiptTimings = { queuedAt: new Date().toISOString() };
    await this.receipts.insert({
      ...receipt,
      status: ReceiptStatus.QUEUED,
      stage: null,
      progress: 0,
      timings,
    });
    return (await this.findById(receipt.id))!;
  }

  findById(id: string): Promise<ReceiptEntity | null> {
    return this.receipts.findOneBy({ id });
  }

  findByIdForOwner(id: string, ownerId: string): Promise<ReceiptEntity | null> {
    return this.receipts.findOneBy({ id, ownerId });
  }

  findBySha256ForOwner(ownerId: string, sha256: string): Promise<ReceiptEntity | null> {
    return this.receipts.findOneBy({ ownerId, sha256 });
  }

  async findPageForOwner(
    ownerId: string,
    query: ReceiptPageQuery,
  ): Promise<{ items: ReceiptEntity[]; total: number }> {
    const qb = this.receipts.createQueryBuilder('r').where('r.owner_id = :ownerId', { ownerId });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.q) {
      // ILIKE with the wildcards of the search term escaped, so `%` and `_` match literally.
      const term = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        '(r.merchant_name ILIKE :term OR r.original_filename ILIKE :term OR r.note ILIKE :term)',
        { term },
      );
    }
    const [items, total] = await qb
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /** Deletes and returns the row (for file and cache clean-up), or null when not the owner's. */
  async deleteForOwner(id: string, ownerId: string): Promise<ReceiptEntity | null> {
    const result = await this.receipts
      .createQueryBuilder()
      .delete()
      .where('id = :id AND owner_id = :ownerId', { id, ownerId })
      .returning(['id', 'storageKey'])
      .execute();
    const raw = (result.raw as { id: string; storage_key: string }[])[0];
    return raw ? ({ id: raw.id, storageKey: raw.storage_key } as ReceiptEntity) : null;
  }

  /** Undoes an upload whose job could not be queued. */
  async deleteById(id: string): Promise<void> {
    await this.receipts.delete({ id });
  }

  /** Puts a finished receipt back in the queue; null when it is still queued or processing. */
  async markQueuedForReprocess(id: string, ownerId: string): Promise<ReceiptEntity | null> {
    const result = await this.receipts
      .createQueryBuilder()
      .update()
      .set({
        status: ReceiptStatus.QUEUED,
        stage: null,
        progress: 0,
        attempts: 0,
        errorCode: null,
        errorMessage: null,
        startedAt: null,
        finishedAt: null,
        timings: { queuedAt: new Date().toISOString() },
      })
      .where('id = :id AND owner_id = :ownerId AND status IN (:...terminal)', {
        id,
        ownerId,
        terminal: TERMINAL_STATUSES,
      })
      .execute();
    return result.affected === 1 ? this.findById(id) : null;
  }

  /** Claims a receipt for a processing attempt; null when it is gone or already finished. */
  async markProcessing(id: string, attempt: number): Promise<ReceiptEntity | null> {
    const result = await this.receipts
      .createQueryBuilder()
      .update()
      .set({
        status: ReceiptStatus.PROCESSING,
        stage: null,
        progress: 0,
        attempts: attempt,
        startedAt: () => 'now()',
        errorCode: null,
        errorMessage: null,
      })
      .where('id = :id AND status IN (:...unfinished)', { id, unfinished: UNFINISHED })
      .execute();
    return result.affected === 1 ? this.findById(id) : null;
  }

  async markStage(
    id: string,
    stage: ReceiptStage,
    progress: number,
    timings: ReceiptTimings,
  ): Promise<boolean> {
    const result = await this.receipts.update(
      { id, status: ReceiptStatus.PROCESSING },
      { stage, progress: Math.round(progress * 100), timings },
    );
    return result.affected === 1;
  }

  async markCompleted(id: string, done: CompletedReceipt): Promise<boolean> {
    const { record } = done;
    const result = await this.receipts.update(
      { id, status: ReceiptStatus.PROCESSING },
      {
        status: done.status,
        stage: null,
        progress: 100,
        record,
        reviewIssues: done.reviewIssues,
        merchantName: record.merchantName.value,
        receiptDate: record.date.value,
        currency: record.currency.value,
        total: record.total.value,
        ocrText: done.text,
        ocrLines: done.lines,
        pages: done.pages,
        engine: done.engine,
        timings: done.timings,
        finishedAt: () => 'now()',
      },
    );
    return result.affected === 1;
  }

  async markFailed(
    id: string,
    code: FailureCode,
    message: string,
    timings?: ReceiptTimings,
  ): Promise<boolean> {
    const result = await this.receipts.update(
      { id, status: In(UNFINISHED) },
      {
        status: ReceiptStatus.FAILED,
        stage: null,
        errorCode: code,
        errorMessage: message,
        finishedAt: () => 'now()',
        ...(timings ? { timings } : {}),
      },
    );
    return result.affected === 1;
  }

  /** A failed attempt that will be retried: back to queued, with the reason kept for display. */
  async markRetrying(id: string, code: FailureCode, message: string): Promise<boolean> {
    const result = await this.receipts.update(
      { id, status: ReceiptStatus.PROCESSING },
      {
        status: ReceiptStatus.QUEUED,
        stage: null,
        progress: 0,
        errorCode: code,
        errorMessage: message,
      },
    );
    return result.affected === 1;
  }

  /** Unfinished receipts not touched since `before`, oldest first, for the reconciler. */
  findUnfinishedSince(before: Date, limit: number): Promise<ReceiptEntity[]> {
    return this.receipts.find({
      where: { status: In(UNFINISHED), updatedAt: LessThan(before) },
      order: { updatedAt: 'ASC' },
      take: limit,
    });
  }
}
