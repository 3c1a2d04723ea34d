import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThan, Repository } from 'typeorm';
import type { OcrLine } from '../ocr/ocr.types.js';
import type { FinalisedRecord } from './records/finalise-record.js';
import { ReceiptEntity, type ReceiptTimings } from './receipt.entity.js';
import { TagsRepository } from './tags/tags.repository.js';
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

export interface CompletedReceipt {
  finalised: FinalisedRecord;
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
    private readonly tags: TagsRepository,
  ) {}

  /**
   * Inserts the row, status `queued`, and its tags in one transaction. Without tags the one
   * INSERT is atomic by itself: no BEGIN/COMMIT round trips, and no read-back (the caller
   * knows what it inserted) — three of an upload's five database round trips.
   */
  async insertQueued(receipt: NewReceipt): Promise<void> {
    const timings: ReceiptTimings = { queuedAt: new Date().toISOString() };
    const row = { ...receipt, status: ReceiptStatus.QUEUED, stage: null, progress: 0, timings };
    if (!receipt.tags.length) {
      await this.receipts.insert(row);
      return;
    }
    await this.receipts.manager.transaction(async (m) => {
      await m.insert(ReceiptEntity, row);
      await this.tags.setForReceipt(m, receipt.ownerId, receipt.id, receipt.tags);
    });
  }

  findById(id: string): Promise<ReceiptEntity | null> {
    return this.receipts.findOneBy({ id });
  }

  /** A receipt of this owner that is not in the trash. */
  findByIdForOwner(id: string, ownerId: string): Promise<ReceiptEntity | null> {
    return this.receipts.findOneBy({ id, ownerId, deletedAt: IsNull() });
  }

  /** Whether the owner has this receipt, in the trash or not. */
  existsForOwner(id: string, ownerId: string): Promise<boolean> {
    return this.receipts.existsBy({ id, ownerId });
  }

  /** Whether OCR lines of a finished run are kept (re-extraction needs them). */
  async hasOcrLines(id: string): Promise<boolean> {
    const rows: unknown[] = await this.receipts.query(
      `SELECT 1 FROM receipts WHERE id = $1 AND jsonb_array_length(coalesce(ocr_lines, '[]')) > 0`,
      [id],
    );
    return rows.length > 0;
  }

  /** Finished receipts with OCR lines kept, outside the trash: what `reextract --all` visits. */
  async countReextractable(): Promise<number> {
    const [row] = await this.receipts.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM receipts
        WHERE status IN ('completed', 'needs_review') AND deleted_at IS NULL AND ocr_lines IS NOT NULL`,
    );
    return row.n;
  }

  /** The next batch of those, in id order (a keyset, so receipts added meanwhile are fine). */
  async findReextractableAfter(after: string | undefined, limit: number): Promise<string[]> {
    const rows = await this.receipts.query<{ id: string }[]>(
      `SELECT id FROM receipts
        WHERE status IN ('completed', 'needs_review') AND deleted_at IS NULL AND ocr_lines IS NOT NULL
          AND id > $1
        ORDER BY id LIMIT $2`,
      [after ?? '00000000-0000-0000-0000-000000000000', limit],
    );
    return rows.map((row) => row.id);
  }

  findBySha256ForOwner(ownerId: string, sha256: string): Promise<ReceiptEntity | null> {
    return this.receipts.findOneBy({ ownerId, sha256 });
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
    const result = await this.receipts.update(
      { id, status: ReceiptStatus.PROCESSING },
      {
        ...done.finalised,
        stage: null,
        progress: 100,
        ocrText: done.text,
        ocrLines: done.lines,
        pages: done.pages,
        engine: done.engine,
        timings: done.timings,
        finishedAt: () => 'now()',
      },
    );
    if (result.affected !== 1) return false;
    await this.flagPossibleDuplicate(id);
    return true;
  }

  /**
   * Points a receipt at an older one of the same owner with the same merchant, date, currency
   * and total (or clears the flag when there is none). Only the newer of two is flagged, and a
   * receipt the user marked as not a duplicate is left alone.
   */
  async flagPossibleDuplicate(id: string): Promise<void> {
    await this.receipts.query(
      `UPDATE receipts r
          SET possible_duplicate_of = (
            SELECT o.id FROM receipts o
             WHERE o.owner_id = r.owner_id AND o.id <> r.id AND o.deleted_at IS NULL
               AND coalesce(o.receipt_date, '0001-01-01'::date) = r.receipt_date
               AND coalesce(lower(o.merchant_name), '') = lower(r.merchant_name)
               AND o.currency = r.currency AND o.total = r.total
               AND (o.created_at, o.id) < (r.created_at, r.id)
             ORDER BY o.created_at, o.id
             LIMIT 1)
        WHERE r.id = $1 AND NOT r.not_duplicate
          AND (r.possible_duplicate_of IS NOT NULL
               OR (r.merchant_name IS NOT NULL AND r.receipt_date IS NOT NULL
                   AND r.currency IS NOT NULL AND r.total IS NOT NULL))`,
      [id],
    );
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
        progress: 100,
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
