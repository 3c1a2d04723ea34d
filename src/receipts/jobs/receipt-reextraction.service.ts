import { Injectable } from '@nestjs/common';
import { AppError, ErrorCode } from '../../common/errors/index.js';
import { parseReceipt } from '../../ocr/parsing/parse-receipt.js';
import type { ReceiptRecord } from '../../ocr/parsing/receipt-record.js';
import { assertFinished, ReceiptChanges } from '../changes/receipt-changes.js';
import { ReceiptEvents } from '../events/receipt-events.js';
import { HistoryAction } from '../history/receipt-history.repository.js';
import { ReceiptEntity } from '../receipt.entity.js';
import { finaliseRecord } from '../records/finalise-record.js';

/** The latest plausible purchase date, as the worker's extraction uses: tomorrow. */
function tomorrow(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

function summaryOf(record: ReceiptRecord | null): Record<string, string | null> | null {
  if (!record) return null;
  return {
    merchantName: record.merchantName.value,
    date: record.date.value,
    total: record.total.value,
    currency: record.currency.value,
  };
}

/**
 * Runs only the parser again over the OCR lines kept from the last run (no image work, no
 * OCR), then lays the user's corrections over the new record, so a better parser improves old
 * receipts without touching what users fixed. Worker and admin CLI only: the API never loads
 * the parser.
 */
@Injectable()
export class ReceiptReextraction {
  constructor(
    private readonly changes: ReceiptChanges,
    private readonly events: ReceiptEvents,
  ) {}

  /** `actorId` null: the admin command, acting on any owner's receipt. */
  async reextract(
    id: string,
    ownerId: string | null,
    actorId: string | null,
  ): Promise<ReceiptEntity> {
    const fresh = await this.changes.apply(id, ownerId, actorId, async (m, receipt) => {
      assertFinished(receipt);
      const kept = await m
        .createQueryBuilder(ReceiptEntity, 'r')
        .select(['r.id', 'r.ocrLines'])
        .where('r.id = :id', { id })
        .getOne();
      const lines = kept?.ocrLines;
      if (!lines?.length) {
        throw new AppError(
          ErrorCode.RECEIPT_NOT_EXTRACTED,
          'No OCR text is kept for this receipt; reprocess it instead',
          { permanent: true },
        );
      }
      let parsed: ReceiptRecord;
      try {
        parsed = parseReceipt(
          lines.map((line) => ({ text: line.text, confidence: line.confidence })),
          { latestDate: tomorrow() },
        );
      } catch (error) {
        throw new AppError(
          ErrorCode.EXTRACTION_FAILED,
          'The receipt fields could not be extracted.',
          {
            cause: error,
            permanent: true,
          },
        );
      }
      const finalised = finaliseRecord(parsed, receipt);
      await m.update(ReceiptEntity, { id }, { ...finalised, errorCode: null, errorMessage: null });
      return [
        {
          action: HistoryAction.REEXTRACT,
          field: null,
          oldValue: { status: receipt.status, summary: summaryOf(receipt.record) },
          newValue: { status: finalised.status, summary: summaryOf(finalised.record) },
        },
      ];
    });
    // A re-extracted receipt is always finished (completed or needs_review).
    await this.events.publish(id, fresh.status as 'completed' | 'needs_review', {
      receiptId: id,
      status: fresh.status,
      stage: null,
      progress: 100,
      error: null,
    });
    return fresh;
  }
}
