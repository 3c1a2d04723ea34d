import { Injectable } from '@nestjs/common';
import { ActiveApiKeys } from '../api-keys/active-api-keys.js';
import { ActiveSessions } from '../auth/active-sessions.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AppError, ErrorCode } from '../common/errors/index.js';
import { streamQuery } from '../receipts/exports/database-cursor.js';
import { TagsRepository } from '../receipts/tags/tags.repository.js';
import type { PurgedReceipt } from '../receipts/trash/trash.repository.js';
import { TrashService } from '../receipts/trash/trash.service.js';
import { UserResponseDto } from '../users/user.response.dto.js';
import { UsersRepository } from '../users/users.repository.js';

/**
 * Everything a user owns, as data: a full JSON export, and account deletion that removes the
 * rows (user, sessions, receipts with their search entries, tags, history), the files, the
 * cache entries and the event logs.
 */
@Injectable()
export class AccountDataService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly tags: TagsRepository,
    private readonly trash: TrashService,
    private readonly activeSessions: ActiveSessions,
    private readonly activeApiKeys: ActiveApiKeys,
  ) {}

  /**
   * One JSON document, streamed from a database cursor: the account, the tags, the batch
   * uploads (each with its entries as answered), and every receipt (the trash too) with its record, corrections, OCR text and lines, and history, as
   * stored (snake_case columns). Original files are in GET /v1/exports/receipts.zip.
   */
  async exportAll(userId: string): Promise<Readable> {
    const user = await this.users.findById(userId);
    if (!user) throw new AppError(ErrorCode.UNAUTHORIZED, 'A valid access token is required');
    const tags = await this.tags.listForOwner(userId);
    const batches: { id: string; entries: unknown[]; created_at: Date }[] = await this.db.query(
      `SELECT id, entries, created_at FROM batches WHERE owner_id = $1 ORDER BY created_at, id`,
      [userId],
    );
    const db = this.db;
    async function* document(): AsyncGenerator<string> {
      const head = {
        exportedAt: new Date().toISOString(),
        user: UserResponseDto.from(user!),
        tags: tags.map((tag) => ({ id: tag.id, name: tag.name, createdAt: tag.createdAt })),
        batches: batches.map((b) => ({ id: b.id, createdAt: b.created_at, entries: b.entries })),
      };
      yield `${JSON.stringify(head).slice(0, -1)},"receipts":[`;
      let first = true;
      const rows = streamQuery<{ receipt: Record<string, unknown> }>(
        db,
        `SELECT to_jsonb(r) - 'search' - 'has_issues'
                || jsonb_build_object('history', coalesce(
                     (SELECT jsonb_agg(to_jsonb(h) - 'receipt_id' ORDER BY h.id)
                        FROM receipt_history h WHERE h.receipt_id = r.id), '[]')) AS receipt
           FROM receipts r WHERE r.owner_id = $1 ORDER BY r.created_at, r.id`,
        [userId],
        100,
      );
      for await (const batch of rows) {
        const parts = batch.map((row) => JSON.stringify(row.receipt));
        yield (first ? '' : ',') + parts.join(',');
        first = false;
      }
      yield ']}';
    }
    return Readable.from(document(), { objectMode: false });
  }

  /** Deletes the account and all it owns; its tokens stop working at once. */
  async deleteAccount(userId: string): Promise<void> {
    const { purged, sessionIds, keyHashes } = await this.db.transaction(async (m) => {
      const receipts: { id: string; storage_key: string }[] = await m.query(
        `SELECT id, storage_key FROM receipts WHERE owner_id = $1 FOR UPDATE`,
        [userId],
      );
      const sessions: { id: string }[] = await m.query(
        `SELECT id FROM auth_sessions WHERE user_id = $1`,
        [userId],
      );
      const keys: { key_hash: string }[] = await m.query(
        `SELECT key_hash FROM api_keys WHERE owner_id = $1`,
        [userId],
      );
      // Sessions, refresh tokens, API keys, receipts, tags and history go with the user
      // (ON DELETE CASCADE).
      await m.query(`DELETE FROM users WHERE id = $1`, [userId]);
      return {
        purged: receipts.map((r): PurgedReceipt => ({ id: r.id, storageKey: r.storage_key })),
        sessionIds: sessions.map((s) => s.id),
        keyHashes: keys.map((k) => k.key_hash),
      };
    });
    // Session and API key validity is cached in Redis: drop it, or the deleted account's tokens
    // and keys would keep working until the entries expire.
    await this.activeSessions.forget(sessionIds);
    await this.activeApiKeys.forget(keyHashes);
    await this.trash.cleanUp(purged);
  }
}
