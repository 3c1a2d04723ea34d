import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AllConfig } from '../../config/configuration.js';
import { receiptNotFound } from '../changes/receipt-changes.js';
import { ReceiptResponseDto } from '../dto/receipt.response.dto.js';
import type { TrashPageDto } from '../dto/trash.response.dto.js';
import { ReceiptEvents } from '../events/receipt-events.js';
import { HistoryAction, ReceiptHistoryRepository } from '../history/receipt-history.repository.js';
import { ReceiptCache } from '../receipt-cache.js';
import { ReceiptsRepository } from '../receipts.repository.js';
import { fingerprintOf, SearchCursorCodec } from '../search/search-cursor.js';
import { FileStorage } from '../storage/file-storage.js';
import { type PurgedReceipt, TrashRepository } from './trash.repository.js';

/** Receipts purged per statement: bounds the transaction and the files removed per step. */
const PURGE_BATCH = 200;
const DAY_MS = 86_400_000;
const TRASH_FINGERPRINT = fingerprintOf('trash');

/**
 * The trash: deleting a receipt hides it (from lists, search, stats, exports and tags), the
 * user can restore it, and it is purged — row, search entry, file, cache entry and event log —
 * once it has been in the trash for TRASH_RETENTION_DAYS, or at once on request.
 */
@Injectable()
export class TrashService {
  private readonly logger = new Logger(TrashService.name);
  private readonly cursors: SearchCursorCodec;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly trash: TrashRepository,
    private readonly receipts: ReceiptsRepository,
    private readonly trail: ReceiptHistoryRepository,
    private readonly storage: FileStorage,
    private readonly cache: ReceiptCache,
    private readonly events: ReceiptEvents,
    private readonly config: ConfigService<AllConfig, true>,
  ) {
    this.cursors = new SearchCursorCodec(config.getOrThrow('auth', { infer: true }).jwtSecret);
  }

  async moveToTrash(id: string, ownerId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      if (!(await this.trash.moveToTrash(m, id, ownerId))) throw receiptNotFound();
      await this.trail.record(m, id, ownerId, [
        { action: HistoryAction.TRASH, field: null, oldValue: null, newValue: null },
      ]);
    });
    await this.cache.invalidate(id);
  }

  async restore(id: string, ownerId: string): Promise<ReceiptResponseDto> {
    await this.db.transaction(async (m) => {
      if (!(await this.trash.restore(m, id, ownerId))) throw receiptNotFound();
      await this.trail.record(m, id, ownerId, [
        { action: HistoryAction.RESTORE, field: null, oldValue: null, newValue: null },
      ]);
    });
    await this.cache.invalidate(id);
    const receipt = await this.receipts.findById(id);
    if (!receipt) throw receiptNotFound();
    return ReceiptResponseDto.from(receipt);
  }

  async list(ownerId: string, limit: number, cursor?: string): Promise<TrashPageDto> {
    const after = cursor ? this.cursors.decode(cursor, TRASH_FINGERPRINT) : undefined;
    const rows = await this.trash.listForOwner(
      ownerId,
      limit + 1,
      after && { deletedAt: after.value, id: after.id },
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const retentionMs = this.retentionDays() * DAY_MS;
    return {
      items: page.map((r) => ({
        ...ReceiptResponseDto.from(r),
        purgeAfter: new Date(r.deletedAt!.getTime() + retentionMs).toISOString(),
      })),
      nextCursor:
        rows.length > limit && last
          ? this.cursors.encode(
              { value: last.deletedAt!.toISOString(), id: last.id },
              TRASH_FINGERPRINT,
            )
          : null,
    };
  }

  /** Deletes the owner's receipt for good, in the trash or not. */
  async purge(id: string, ownerId: string): Promise<void> {
    const purged = await this.trash.purgeForOwner(id, ownerId);
    if (!purged) throw receiptNotFound();
    await this.cleanUp([purged]);
  }

  /** Purges every receipt trashed longer than the retention; returns how many. */
  async purgeExpired(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.retentionDays() * DAY_MS);
    let total = 0;
    for (;;) {
      const purged = await this.trash.purgeTrashedBefore(before, PURGE_BATCH);
      await this.cleanUp(purged);
      total += purged.length;
      if (purged.length < PURGE_BATCH) return total;
    }
  }

  /** What lives outside PostgreSQL: the file, the cached copy and the event log. */
  async cleanUp(purged: readonly PurgedReceipt[]): Promise<void> {
    for (const receipt of purged) {
      await this.cache.invalidate(receipt.id);
      await Promise.all([
        this.storage.delete(receipt.storageKey).catch((error: Error) => {
          this.logger.error(`file of purged receipt ${receipt.id} not removed: ${error.message}`);
        }),
        this.events.forget(receipt.id),
      ]);
    }
  }

  private retentionDays(): number {
    return this.config.getOrThrow('storage', { infer: true }).trashRetentionDays;
  }
}
