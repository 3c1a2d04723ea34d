import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** What happened to a receipt, as recorded in its audit trail. */
export const HistoryAction = {
  CORRECT: 'correct',
  CONFIRM: 'confirm',
  TAG: 'tag',
  REEXTRACT: 'reextract',
  TRASH: 'trash',
  RESTORE: 'restore',
  NOT_DUPLICATE: 'not_duplicate',
} as const;
export type HistoryAction = (typeof HistoryAction)[keyof typeof HistoryAction];

export interface HistoryChange {
  action: HistoryAction;
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
}

export interface HistoryEntry extends HistoryChange {
  id: string;
  actorId: string | null;
  at: Date;
}

@Injectable()
export class ReceiptHistoryRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Records changes inside the caller's transaction, so a change and its trail commit together. */
  async record(
    m: EntityManager,
    receiptId: string,
    actorId: string | null,
    changes: readonly HistoryChange[],
  ): Promise<void> {
    if (!changes.length) return;
    await m.query(
      `INSERT INTO receipt_history (receipt_id, actor_id, action, field, old_value, new_value)
       SELECT $1, $2, c.action, c.field, c.old_value, c.new_value
         FROM jsonb_to_recordset($3::jsonb)
           AS c(action text, field text, old_value jsonb, new_value jsonb)`,
      [
        receiptId,
        actorId,
        JSON.stringify(
          changes.map((c) => ({
            action: c.action,
            field: c.field,
            old_value: c.oldValue ?? null,
            new_value: c.newValue ?? null,
          })),
        ),
      ],
    );
  }

  /** The trail of a receipt of this owner (trash included), oldest first. */
  async listForOwner(receiptId: string, ownerId: string): Promise<HistoryEntry[]> {
    const rows: {
      id: string;
      actor_id: string | null;
      action: HistoryAction;
      field: string | null;
      old_value: unknown;
      new_value: unknown;
      created_at: Date;
    }[] = await this.db.query(
      `SELECT h.id, h.actor_id, h.action, h.field, h.old_value, h.new_value, h.created_at
         FROM receipt_history h JOIN receipts r ON r.id = h.receipt_id
        WHERE h.receipt_id = $1 AND r.owner_id = $2
        ORDER BY h.id`,
      [receiptId, ownerId],
    );
    return rows.map((r) => ({
      id: r.id,
      actorId: r.actor_id,
      action: r.action,
      field: r.field,
      oldValue: r.old_value,
      newValue: r.new_value,
      at: r.created_at,
    }));
  }
}
