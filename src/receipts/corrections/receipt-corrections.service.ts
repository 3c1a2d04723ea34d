import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, ErrorCode } from '../../common/errors/index.js';
import type { FieldError } from '../../common/pipes/validation.pipe.js';
import { assertFinished, ReceiptChanges, receiptNotFound } from '../changes/receipt-changes.js';
import {
  type ReceiptAcceptedDto,
  ReceiptResponseDto,
  receiptLinks,
} from '../dto/receipt.response.dto.js';
import { ReceiptJobsProducer } from '../jobs/receipt-jobs.producer.js';
import type { PatchReceiptDto } from '../dto/patch-receipt.dto.js';
import {
  type HistoryChange,
  type HistoryEntry,
  HistoryAction,
  ReceiptHistoryRepository,
} from '../history/receipt-history.repository.js';
import { ReceiptEntity } from '../receipt.entity.js';
import { ReceiptStatus } from '../receipt-status.js';
import { ReceiptsRepository } from '../receipts.repository.js';
import {
  CORRECTABLE_FIELDS,
  type Corrections,
  emptyRecord,
  MONEY_FIELDS,
} from '../records/corrections.js';
import { minorUnits } from '../records/currencies.js';
import { finaliseRecord } from '../records/finalise-record.js';
import { TagsRepository } from '../tags/tags.repository.js';
import { WebhookEmitter } from '../../webhooks/webhook-emitter.js';
import { assertIfMatch } from './etag.js';

/**
 * What a user does to a receipt's content from the API: corrections (with If-Match),
 * confirmation, tags, "not a duplicate" — each one change through ReceiptChanges.
 */
@Injectable()
export class ReceiptCorrectionsService {
  constructor(
    private readonly changes: ReceiptChanges,
    private readonly receipts: ReceiptsRepository,
    private readonly tags: TagsRepository,
    private readonly trail: ReceiptHistoryRepository,
    private readonly jobs: ReceiptJobsProducer,
    private readonly webhooks: WebhookEmitter,
  ) {}

  async patch(
    id: string,
    ownerId: string,
    ifMatch: string | undefined,
    patch: PatchReceiptDto,
  ): Promise<ReceiptResponseDto> {
    const fieldPatch = pickFields(patch);
    const corrected = await this.changes.apply(id, ownerId, ownerId, async (m, receipt) => {
      assertIfMatch(ifMatch, receipt.id, receipt.version);
      assertFinished(receipt);

      const changes: HistoryChange[] = [];
      const update: Partial<ReceiptEntity> = {};
      const hasFields = Object.keys(fieldPatch).length > 0;
      if (hasFields || (patch.category !== undefined && receipt.record)) {
        validateAgainstCurrency(fieldPatch, receipt);
        const before = receipt.record ?? emptyRecord();
        const corrections: Corrections = { ...receipt.corrections, ...fieldPatch };
        const context = {
          corrections,
          confirmedAt: receipt.confirmedAt,
          category: patch.category !== undefined ? patch.category : receipt.category,
          categorySource: patch.category !== undefined ? ('user' as const) : receipt.categorySource,
        };
        const finalised = finaliseRecord(before, context);
        Object.assign(update, finalised, { corrections });
        // A failed receipt typed in by hand has a record now; the old failure no longer applies.
        if (hasFields) Object.assign(update, { errorCode: null, errorMessage: null });
        for (const field of Object.keys(fieldPatch) as (keyof Corrections)[]) {
          const old = field === 'lineItems' ? before.lineItems : before[field].value;
          changes.push(correction(field, old, finalised.record[field]));
        }
      } else if (patch.category !== undefined) {
        Object.assign(update, { category: patch.category, categorySource: 'user' });
      }
      if (patch.category !== undefined) {
        changes.push(correction('category', receipt.category, patch.category));
      }
      if (patch.note !== undefined) {
        update.note = patch.note;
        changes.push(correction('note', receipt.note, patch.note));
      }
      if (Object.keys(update).length) await m.update(ReceiptEntity, { id }, update);
      if (patch.tags !== undefined) {
        const stored = await this.tags.setForReceipt(m, ownerId, id, patch.tags ?? []);
        changes.push(correction('tags', receipt.tags, stored));
      }
      return changes;
    });
    // Subscribers hear of corrected fields, not of notes, tags or categories.
    if (Object.keys(fieldPatch).length) await this.webhooks.emit('receipt.corrected', corrected);
    return ReceiptResponseDto.from(corrected);
  }

  /** The audit trail of the owner's receipt (also while it is in the trash). */
  async history(id: string, ownerId: string): Promise<HistoryEntry[]> {
    if (!(await this.receipts.existsForOwner(id, ownerId))) throw receiptNotFound();
    return this.trail.listForOwner(id, ownerId);
  }

  /** Accepts the record as it is: completed, with who and when. */
  async confirm(id: string, ownerId: string): Promise<ReceiptResponseDto> {
    return this.change(id, ownerId, async (m, receipt) => {
      assertFinished(receipt);
      if (!receipt.record) {
        throw new AppError(
          ErrorCode.RECEIPT_NOT_EXTRACTED,
          'The receipt has no record to confirm; correct its fields or reprocess it first',
        );
      }
      await m.update(
        ReceiptEntity,
        { id },
        { status: ReceiptStatus.COMPLETED, confirmedAt: () => 'now()', confirmedBy: ownerId },
      );
      return [
        {
          action: HistoryAction.CONFIRM,
          field: 'status',
          oldValue: receipt.status,
          newValue: ReceiptStatus.COMPLETED,
        },
      ];
    });
  }

  /**
   * Queues a re-extraction (the parser runs in the worker; the API never loads it) → 202.
   * Refused at once when the receipt is unfinished or has no OCR text kept.
   */
  async requestReextract(
    id: string,
    ownerId: string,
    requestId?: string,
  ): Promise<ReceiptAcceptedDto> {
    const receipt = await this.receipts.findByIdForOwner(id, ownerId);
    if (!receipt) throw receiptNotFound();
    assertFinished(receipt);
    if (!(await this.receipts.hasOcrLines(id))) {
      throw new AppError(
        ErrorCode.RECEIPT_NOT_EXTRACTED,
        'No OCR text is kept for this receipt; reprocess it instead',
      );
    }
    await this.jobs.enqueueReextract(id, ownerId, requestId);
    return { id, status: receipt.status, links: receiptLinks(id) };
  }

  async addTag(id: string, ownerId: string, name: string): Promise<ReceiptResponseDto> {
    return this.change(id, ownerId, async (m, receipt) => {
      const stored = await this.tags.setForReceipt(m, ownerId, id, [...receipt.tags, name]);
      return [correction('tags', receipt.tags, stored)];
    });
  }

  async removeTag(id: string, ownerId: string, name: string): Promise<ReceiptResponseDto> {
    return this.change(id, ownerId, async (m, receipt) => {
      const kept = receipt.tags.filter((tag) => tag.toLowerCase() !== name.trim().toLowerCase());
      if (kept.length === receipt.tags.length) {
        throw new AppError(ErrorCode.TAG_NOT_FOUND, 'The receipt has no such tag');
      }
      const stored = await this.tags.setForReceipt(m, ownerId, id, kept);
      return [correction('tags', receipt.tags, stored)];
    });
  }

  /** Clears the possible-duplicate flag for good. */
  async markNotDuplicate(id: string, ownerId: string): Promise<ReceiptResponseDto> {
    return this.change(id, ownerId, async (m, receipt) => {
      await m.update(ReceiptEntity, { id }, { possibleDuplicateOf: null, notDuplicate: true });
      return [
        {
          action: HistoryAction.NOT_DUPLICATE,
          field: 'possibleDuplicateOf',
          oldValue: receipt.possibleDuplicateOf,
          newValue: null,
        },
      ];
    });
  }

  private async change(
    id: string,
    ownerId: string,
    work: (m: EntityManager, receipt: ReceiptEntity) => Promise<HistoryChange[]>,
  ): Promise<ReceiptResponseDto> {
    return ReceiptResponseDto.from(await this.changes.apply(id, ownerId, ownerId, work));
  }
}

function pickFields(patch: PatchReceiptDto): Corrections {
  const picked: Corrections = {};
  for (const field of CORRECTABLE_FIELDS) {
    if (patch[field] !== undefined) picked[field] = patch[field];
  }
  if (patch.lineItems !== undefined) {
    picked.lineItems = (patch.lineItems ?? []).map(
      ({ description, quantity, unitPrice, amount }) => ({
        description,
        quantity,
        unitPrice,
        amount,
      }),
    );
  }
  return picked;
}

function correction(field: string, oldValue: unknown, newValue: unknown): HistoryChange {
  const value =
    newValue && typeof newValue === 'object' && 'value' in newValue ? newValue.value : newValue;
  return { action: HistoryAction.CORRECT, field, oldValue: oldValue ?? null, newValue: value };
}

/**
 * Amounts may not carry more decimals than the currency's minor unit (2 for EUR, 0 for JPY,
 * 3 for BHD; 2 when the currency is unknown), and dates must exist.
 */
function validateAgainstCurrency(patch: Corrections, receipt: ReceiptEntity): void {
  const errors: FieldError[] = [];
  const currency = patch.currency !== undefined ? patch.currency : receipt.currency;
  const allowed = currency ? minorUnits(currency) : 2;
  const decimals = (value: string) => value.split('.')[1]?.length ?? 0;
  const check = (field: string, value: string | null | undefined) => {
    if (value && decimals(value) > allowed) {
      errors.push({
        field,
        messages: [
          `${field} has more decimals than ${currency ?? 'the currency'} allows (${allowed})`,
        ],
      });
    }
  };
  for (const field of MONEY_FIELDS) check(field, patch[field]);
  patch.lineItems?.forEach((item, index) => {
    check(`lineItems.${index}.unitPrice`, item.unitPrice);
    check(`lineItems.${index}.amount`, item.amount);
  });
  if (patch.date) {
    const [y, mo, d] = patch.date.split('-').map(Number);
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
      errors.push({ field: 'date', messages: ['date is not a real calendar day'] });
    }
  }
  if (errors.length) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, 'The request is not valid', {
      details: errors,
    });
  }
}
