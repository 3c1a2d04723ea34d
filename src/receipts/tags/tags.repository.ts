import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface TagWithCount {
  id: string;
  name: string;
  count: number;
  createdAt: Date;
}

/**
 * Tags are per user and case-insensitive ("Fuel" and "fuel" are one tag; the first spelling
 * is kept). `receipt_tags` is the truth; `receipts.tags` is the receipt's display copy, kept in
 * step in the same transaction because the search document is generated from it.
 */
@Injectable()
export class TagsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async listForOwner(ownerId: string): Promise<TagWithCount[]> {
    const rows: { id: string; name: string; count: string; created_at: Date }[] =
      await this.db.query(
        `SELECT t.id, t.name, t.created_at, count(r.id) AS count
           FROM tags t
           LEFT JOIN receipt_tags rt ON rt.tag_id = t.id
           LEFT JOIN receipts r ON r.id = rt.receipt_id AND r.deleted_at IS NULL
          WHERE t.owner_id = $1
          GROUP BY t.id
          ORDER BY lower(t.name)`,
        [ownerId],
      );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      count: Number(r.count),
      createdAt: r.created_at,
    }));
  }

  async receiptIdsForOwner(id: string, ownerId: string): Promise<string[]> {
    const rows: { receipt_id: string }[] = await this.db.query(
      `SELECT rt.receipt_id FROM receipt_tags rt JOIN tags t ON t.id = rt.tag_id
        WHERE t.id = $1 AND t.owner_id = $2`,
      [id, ownerId],
    );
    return rows.map((row) => row.receipt_id);
  }

  /** Renames a tag; false when another tag of the owner already has the name. */
  async renameForOwner(
    id: string,
    ownerId: string,
    name: string,
  ): Promise<'renamed' | 'not_found' | 'taken'> {
    return this.db.transaction(async (m) => {
      const clash: unknown[] = await m.query(
        `SELECT 1 FROM tags WHERE owner_id = $1 AND lower(name) = lower($2) AND id <> $3`,
        [ownerId, name, id],
      );
      if (clash.length) return 'taken';
      const [, affected] = await m.query<[unknown, number]>(
        `UPDATE tags SET name = $3 WHERE id = $1 AND owner_id = $2`,
        [id, ownerId, name],
      );
      if (!affected) return 'not_found';
      await this.refreshDisplayCopies(m, `rt.tag_id = $1`, [id]);
      return 'renamed';
    });
  }

  /** Deletes a tag and takes it off every receipt; false when it is not the owner's. */
  async deleteForOwner(id: string, ownerId: string): Promise<string[] | null> {
    return this.db.transaction(async (m) => {
      const receipts: { receipt_id: string }[] = await m.query(
        `SELECT rt.receipt_id FROM receipt_tags rt JOIN tags t ON t.id = rt.tag_id
          WHERE t.id = $1 AND t.owner_id = $2`,
        [id, ownerId],
      );
      const [, affected] = await m.query<[unknown, number]>(
        `DELETE FROM tags WHERE id = $1 AND owner_id = $2`,
        [id, ownerId],
      );
      if (!affected) return null;
      const ids = receipts.map((r) => r.receipt_id);
      if (ids.length) await this.refreshDisplayCopies(m, `r.id = ANY($1)`, [ids], true);
      return ids;
    });
  }

  /**
   * Makes `names` the receipt's tags (creating missing tags, reusing existing spellings) and
   * returns the stored spellings, in the order given. Runs inside the caller's transaction.
   */
  async setForReceipt(
    m: EntityManager,
    ownerId: string,
    receiptId: string,
    names: readonly string[],
  ): Promise<string[]> {
    const unique = dedupe(names);
    const tags = await this.ensureTags(m, ownerId, unique);
    await m.query(`DELETE FROM receipt_tags WHERE receipt_id = $1`, [receiptId]);
    if (tags.length) {
      await m.query(`INSERT INTO receipt_tags (receipt_id, tag_id) SELECT $1, unnest($2::uuid[])`, [
        receiptId,
        tags.map((t) => t.id),
      ]);
    }
    const spellings = tags.map((t) => t.name);
    await m.query(`UPDATE receipts SET tags = $2 WHERE id = $1`, [receiptId, spellings]);
    return spellings;
  }

  private async ensureTags(
    m: EntityManager,
    ownerId: string,
    names: readonly string[],
  ): Promise<{ id: string; name: string }[]> {
    if (!names.length) return [];
    // ON CONFLICT on the lower(name) index: concurrent requests adding the same tag both win.
    await m.query(
      `INSERT INTO tags (owner_id, name) SELECT $1, unnest($2::text[])
       ON CONFLICT (owner_id, lower(name)) DO NOTHING`,
      [ownerId, names],
    );
    const rows: { id: string; name: string }[] = await m.query(
      `SELECT id, name FROM tags WHERE owner_id = $1 AND lower(name) = ANY($2::text[])`,
      [ownerId, names.map((n) => n.toLowerCase())],
    );
    const byLower = new Map(rows.map((row) => [row.name.toLowerCase(), row]));
    return names.map((n) => byLower.get(n.toLowerCase())!).filter(Boolean);
  }

  /** Rewrites receipts' display copy of their tags from `receipt_tags`. */
  private async refreshDisplayCopies(
    m: EntityManager,
    where: string,
    params: unknown[],
    byReceipt = false,
  ): Promise<void> {
    const selection = byReceipt
      ? `SELECT r.id FROM receipts r WHERE ${where}`
      : `SELECT rt.receipt_id FROM receipt_tags rt WHERE ${where}`;
    await m.query(
      `UPDATE receipts r SET tags = coalesce(
         (SELECT array_agg(t.name ORDER BY lower(t.name)) FROM receipt_tags rt2
            JOIN tags t ON t.id = rt2.tag_id WHERE rt2.receipt_id = r.id), '{}')
        WHERE r.id IN (${selection})`,
      params,
    );
  }
}

/** Trimmed, empty ones dropped, first spelling of each case-insensitive name kept. */
export function dedupe(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    const key = name.toLowerCase();
    if (!name || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}
