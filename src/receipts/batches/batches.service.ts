import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppError, ErrorCode, statusForCode } from '../../common/errors/index.js';
import {
  type BatchAcceptedDto,
  type BatchCountsDto,
  type BatchEntryDto,
  BatchReceiptStatus,
  type BatchResponseDto,
  batchLinks,
} from '../dto/batch.response.dto.js';
import { ReceiptsService } from '../receipts.service.js';
import { TrashService } from '../trash/trash.service.js';
import type { BatchEntity, BatchEntry } from './batch.entity.js';
import type { BatchPart } from './batch-part.js';
import { BatchesRepository } from './batches.repository.js';

function batchNotFound(): AppError {
  return new AppError(ErrorCode.BATCH_NOT_FOUND, 'Batch not found');
}

/** A refusal that belongs to one file (its type, size, pages …), not to the whole batch. */
function isFileRefusal(error: unknown): error is AppError {
  return (
    error instanceof AppError &&
    error.code !== ErrorCode.DEPENDENCY_UNAVAILABLE &&
    statusForCode(error.code) < 500
  );
}

function refused(part: BatchPart, error: AppError): BatchEntryDto {
  return {
    index: part.index,
    filename: part.filename,
    error: { code: error.code, message: error.message },
  };
}

/**
 * Batch uploads: each staged part is accepted exactly as a single upload (ReceiptsService), one
 * after another, and the batch is recorded with one entry per part. A refused file is an
 * entry with its error; a dependency failing part-way refuses the whole batch and undoes the
 * receipts it had created, so a retry starts clean.
 */
@Injectable()
export class BatchesService {
  private readonly logger = new Logger(BatchesService.name);

  constructor(
    private readonly batches: BatchesRepository,
    private readonly receipts: ReceiptsService,
    private readonly trash: TrashService,
  ) {}

  /** Accepts the parts; every staged file is consumed (committed or removed) by ReceiptsService. */
  async accept(ownerId: string, parts: BatchPart[], requestId?: string): Promise<BatchAcceptedDto> {
    const id = randomUUID();
    const entries: BatchEntryDto[] = [];
    const created: string[] = [];
    try {
      for (const part of parts) {
        if (!part.upload) {
          entries.push(refused(part, part.error!));
          continue;
        }
        try {
          const { body, duplicate } = await this.receipts.accept(ownerId, part.upload, requestId);
          if (!duplicate) created.push(body.id);
          entries.push({
            index: part.index,
            filename: part.filename,
            id: body.id,
            status: body.status,
            ...(duplicate ? { duplicateOf: body.id } : {}),
          });
        } catch (error) {
          if (!isFileRefusal(error)) throw error;
          entries.push(refused(part, error));
        }
      }
      await this.batches.insert({ id, ownerId, entries: entries.map(toStored) }, created);
    } catch (error) {
      await this.undo(created, ownerId);
      throw error;
    }
    return { batchId: id, receipts: entries, links: batchLinks(id) };
  }

  async get(id: string, ownerId: string): Promise<BatchResponseDto> {
    return this.summarise(await this.findOwned(id, ownerId));
  }

  async findOwned(id: string, ownerId: string): Promise<BatchEntity> {
    const batch = await this.batches.findByIdForOwner(id, ownerId);
    if (!batch) throw batchNotFound();
    return batch;
  }

  /** The batch with the current status of each of its receipts and the counts per status. */
  async summarise(batch: BatchEntity): Promise<BatchResponseDto> {
    const ids = receiptIdsOf(batch);
    const states = await this.batches.receiptStatesForOwner(batch.ownerId, ids);
    const statusById = new Map(states.map((s) => [s.id, s.status]));
    const counts: BatchCountsDto = {
      queued: 0,
      processing: 0,
      completed: 0,
      needs_review: 0,
      failed: 0,
      deleted: 0,
      refused: 0,
    };
    const receipts = batch.entries.map((entry): BatchEntryDto => {
      if (!entry.id) {
        counts.refused++;
        return { index: entry.index, filename: entry.filename, error: entry.error };
      }
      const status = statusById.get(entry.id) ?? BatchReceiptStatus.DELETED;
      counts[status]++;
      return { ...entry, status };
    });
    return {
      id: batch.id,
      createdAt: batch.createdAt.toISOString(),
      total: batch.entries.length,
      done: counts.queued === 0 && counts.processing === 0,
      counts,
      receipts,
      links: batchLinks(batch.id),
    };
  }

  /** Best effort: a receipt that cannot be removed now stays an ordinary accepted receipt. */
  private async undo(created: string[], ownerId: string): Promise<void> {
    for (const receiptId of created) {
      await this.trash.purge(receiptId, ownerId).catch((error: Error) => {
        this.logger.warn(`receipt ${receiptId} of a failed batch kept: ${error.message}`);
      });
    }
  }
}

/** The distinct receipts a batch names (a file repeated in one batch names one receipt twice). */
export function receiptIdsOf(batch: BatchEntity): string[] {
  return [...new Set(batch.entries.flatMap((e) => (e.id ? [e.id] : [])))];
}

/** Statuses change; the entry keeps what does not. */
function toStored(entry: BatchEntryDto): BatchEntry {
  const { status: _status, ...stored } = entry;
  return stored;
}
