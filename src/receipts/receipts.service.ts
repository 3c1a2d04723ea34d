import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AppError, ErrorCode } from '../common/errors/index.js';
import type { AllConfig } from '../config/configuration.js';
import { inspectFile } from '../files/file-inspector.js';
import {
  type ReceiptAcceptedDto,
  ReceiptResponseDto,
  receiptLinks,
} from './dto/receipt.response.dto.js';
import { ReceiptEvents } from './events/receipt-events.js';
import { ReceiptJobsProducer } from './jobs/receipt-jobs.producer.js';
import { ReceiptCache, type ReceiptJson } from './receipt-cache.js';
import type { ReceiptEntity } from './receipt.entity.js';
import { isTerminal, ReceiptStatus } from './receipt-status.js';
import { ReceiptsRepository } from './receipts.repository.js';
import { FileStorage } from './storage/file-storage.js';
import { TrashService } from './trash/trash.service.js';
import type { StagedUpload } from './staged-upload.js';

export interface UploadOutcome {
  body: ReceiptAcceptedDto;
  duplicate: boolean;
}

export interface OriginalFile {
  stream: Readable;
  mimeType: string;
  filename: string;
  sizeBytes: number;
}

const UNIQUE_VIOLATION = '23505';

/** The answer to an upload of bytes this user already uploaded: the existing receipt. */
function duplicateOf(existing: ReceiptEntity): UploadOutcome {
  const { id, status } = existing;
  return { body: { id, status, duplicateOf: id, links: receiptLinks(id) }, duplicate: true };
}

function notFound(): AppError {
  return new AppError(ErrorCode.RECEIPT_NOT_FOUND, 'Receipt not found');
}

@Injectable()
export class ReceiptsService {
  private readonly logger = new Logger(ReceiptsService.name);

  constructor(
    private readonly receipts: ReceiptsRepository,
    private readonly storage: FileStorage,
    private readonly jobs: ReceiptJobsProducer,
    private readonly cache: ReceiptCache,
    private readonly events: ReceiptEvents,
    private readonly config: ConfigService<AllConfig, true>,
    private readonly trash: TrashService,
  ) {}

  /** Throws DEPENDENCY_UNAVAILABLE when the queue cannot take a job, before any byte is read. */
  assertAcceptingUploads(): void {
    this.jobs.assertAvailable();
  }

  /**
   * Accepts a staged upload: check it, then commit file → row → job, undoing the earlier
   * steps when a later one fails, so a failure leaves nothing half-made. The staging file is
   * always consumed (committed or removed).
   */
  async accept(ownerId: string, upload: StagedUpload, requestId?: string): Promise<UploadOutcome> {
    const limits = this.config.getOrThrow('storage', { infer: true });

    let committedKey: string | undefined;
    try {
      const inspection = await inspectFile(upload.tempPath, limits, upload.detected);
      const existing = await this.receipts.findBySha256ForOwner(ownerId, upload.sha256);
      if (existing) {
        await this.storage.discardTemp(upload.tempPath);
        // Uploading a receipt that is in the trash again takes it out of the trash.
        if (existing.deletedAt) await this.trash.restore(existing.id, ownerId);
        return duplicateOf(existing);
      }

      const id = randomUUID();
      const key = `${ownerId}/${id}.${upload.detected.extension}`;
      await this.storage.commit(upload.tempPath, key);
      committedKey = key;
      try {
        await this.receipts.insertQueued({
          id,
          ownerId,
          originalFilename: upload.filename,
          note: upload.note,
          tags: upload.tags,
          mimeType: inspection.mimeType,
          sizeBytes: upload.sizeBytes,
          sha256: upload.sha256,
          storageKey: key,
          pages: inspection.kind === 'pdf' ? inspection.pages : null,
        });
      } catch (error) {
        // Two identical uploads at once: the other one won; answer with it.
        if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
          const winner = await this.receipts.findBySha256ForOwner(ownerId, upload.sha256);
          if (winner) {
            await this.storage.delete(key);
            committedKey = undefined;
            return duplicateOf(winner);
          }
        }
        throw error;
      }

      try {
        await this.jobs.enqueueNew(id, requestId);
      } catch (error) {
        await this.receipts.deleteById(id);
        throw error;
      }
      committedKey = undefined;
      const status = ReceiptStatus.QUEUED;
      return { body: { id, status, links: receiptLinks(id) }, duplicate: false };
    } catch (error) {
      await this.storage.discardTemp(upload.tempPath).catch(() => undefined);
      if (committedKey) await this.storage.delete(committedKey).catch(() => undefined);
      throw error;
    }
  }

  /**
   * A receipt as its JSON text (what Express would make of the DTO): a cache hit is sent as
   * stored, never parsed and serialised again.
   */
  async get(id: string, ownerId: string): Promise<ReceiptJson> {
    const cached = await this.cache.get(id, ownerId);
    if (cached.state === 'hit') return cached.receipt;
    const receipt = await this.receipts.findByIdForOwner(id, ownerId);
    if (!receipt) throw notFound();
    const body = ReceiptResponseDto.from(receipt);
    const answer: ReceiptJson = { id, version: body.version, json: JSON.stringify(body) };
    if (isTerminal(receipt.status) && cached.state === 'miss') {
      await this.cache.set(ownerId, answer);
    }
    return answer;
  }

  /** The row itself, checked for ownership (for routes that need more than the DTO). */
  async findOwned(id: string, ownerId: string): Promise<ReceiptEntity> {
    const receipt = await this.receipts.findByIdForOwner(id, ownerId);
    if (!receipt) throw notFound();
    return receipt;
  }

  /** Moves the receipt to the trash, or with `permanent` deletes it (and its file) at once. */
  async delete(id: string, ownerId: string, permanent: boolean): Promise<void> {
    if (permanent) await this.trash.purge(id, ownerId);
    else await this.trash.moveToTrash(id, ownerId);
  }

  async reprocess(id: string, ownerId: string, requestId?: string): Promise<ReceiptAcceptedDto> {
    const receipt = await this.findOwned(id, ownerId);
    // Ask Redis before changing the row: a frozen server must get a 503 with nothing changed,
    // not a receipt re-queued behind the client's back.
    await this.jobs.assertResponsive();
    const queued = await this.receipts.markQueuedForReprocess(id, ownerId);
    if (!queued) {
      throw new AppError(
        ErrorCode.RECEIPT_BUSY,
        `The receipt is ${receipt.status}; wait until it has finished`,
      );
    }
    await this.cache.invalidate(id);
    // If the queue refuses, the reconciler finds the queued receipt without a job and
    // enqueues it, so the request can still report the failure honestly.
    await this.jobs.enqueue(id, requestId);
    await this.events.publish(id, 'queued', {
      receiptId: id,
      status: queued.status,
      stage: null,
      progress: 0,
    });
    return { id, status: queued.status, links: receiptLinks(id) };
  }

  async openFile(id: string, ownerId: string): Promise<OriginalFile> {
    const receipt = await this.findOwned(id, ownerId);
    const extension = receipt.storageKey.split('.').pop() ?? 'bin';
    return {
      stream: this.storage.openRead(receipt.storageKey),
      mimeType: receipt.mimeType,
      filename: receipt.originalFilename ?? `receipt-${receipt.id}.${extension}`,
      sizeBytes: receipt.sizeBytes,
    };
  }
}
