import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { ReceiptEntity } from '../receipt.entity.js';

export interface PurgedReceipt {
  id: string;
  storageKey: string;
}

interface PurgedRow {
  id: string;
  storage_key: string;
}

const toPurged = (rows: PurgedRow[]): PurgedReceipt[] =>
  rows.map((row) => ({ id: row.id, storageKey: row.storage_key }));

/** The trash: receipts with `deleted_at` set, hidden everywhere else until restored or purged. */
@Injectable()
export class TrashRepository {
  constructor(
    @InjectRepository(ReceiptEntity) private readonly receipts: Repository<ReceiptEntity>,
  ) {}

  /** Moves the owner's receipt to the trash; false when it is not there to move. */
  async moveToTrash(m: EntityManager, id: string, ownerId: string): Promise<boolean> {
    const result = await m
      .createQueryBuilder(ReceiptEntity, 'r')
      .update()
      .set({ deletedAt: () => 'now()' })
      .where('id = :id AND owner_id = :ownerId AND deleted_at IS NULL', { id, ownerId })
      .execute();
    return result.affected === 1;
  }

  async restore(m: EntityManager, id: string, ownerId: string): Promise<boolean> {
    const result = await m
      .createQueryBuilder(ReceiptEntity, 'r')
      .update()
      .set({ deletedAt: null })
      .where('id = :id AND owner_id = :ownerId AND deleted_at IS NOT NULL', { id, ownerId })
      .execute();
    return result.affected === 1;
  }

  /** The owner's trash, most recently trashed first, after a keyset position. */
  listForOwner(
    ownerId: string,
    limit: number,
    after?: { deletedAt: string; id: string },
  ): Promise<ReceiptEntity[]> {
    const qb = this.receipts
      .createQueryBuilder('r')
      .where('r.owner_id = :ownerId AND r.deleted_at IS NOT NULL', { ownerId });
    if (after) {
      // Cursor values are JavaScript dates: compare at their millisecond precision.
      qb.andWhere(
        `(date_trunc('milliseconds', r.deleted_at), r.id) < (:afterAt::timestamptz, :afterId::uuid)`,
        {
          afterAt: after.deletedAt,
          afterId: after.id,
        },
      );
    }
    return qb
      .orderBy(`date_trunc('milliseconds', r.deleted_at)`, 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limit)
      .getMany();
  }

  /** Deletes the owner's receipt now, in the trash or not; null when there is none. */
  async purgeForOwner(id: string, ownerId: string): Promise<PurgedReceipt | null> {
    // DELETE … RETURNING comes back from TypeORM as [rows, affected].
    const [rows] = await this.receipts.query<[PurgedRow[], number]>(
      `DELETE FROM receipts WHERE id = $1 AND owner_id = $2 RETURNING id, storage_key`,
      [id, ownerId],
    );
    return toPurged(rows)[0] ?? null;
  }

  /**
   * Deletes up to `limit` receipts trashed before `before`. SKIP LOCKED lets several workers
   * purge at once without waiting on each other or deleting a row twice.
   */
  async purgeTrashedBefore(before: Date, limit: number): Promise<PurgedReceipt[]> {
    const [rows] = await this.receipts.query<[PurgedRow[], number]>(
      `DELETE FROM receipts WHERE id IN (
         SELECT id FROM receipts WHERE deleted_at < $1
          ORDER BY deleted_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING id, storage_key`,
      [before, limit],
    );
    return toPurged(rows);
  }
}
