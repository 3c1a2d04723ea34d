import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, Repository } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';
import type { ApiKeyScope } from './api-key-scopes.js';
import { ApiKeyEntity } from './api-key.entity.js';

export interface NewApiKey {
  id: string;
  ownerId: string;
  name: string;
  prefix: string;
  keyHash: string;
  scopes: ApiKeyScope[];
  expiresAt: Date | null;
}

/** What authenticating a key needs to know, found by the key's hash. */
export interface ApiKeyHolder {
  id: string;
  ownerId: string;
  email: string;
  scopes: ApiKeyScope[];
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** lastUsedAt is a hint for its owner, not an audit log: one write a minute is plenty. */
const LAST_USED_RESOLUTION = '1 minute';

/** API keys; every method that serves a user is scoped to its owner. */
@Injectable()
export class ApiKeysRepository {
  constructor(@InjectRepository(ApiKeyEntity) private readonly rows: Repository<ApiKeyEntity>) {}

  async insert(key: NewApiKey): Promise<ApiKeyEntity> {
    await this.rows.insert(key);
    return this.rows.findOneByOrFail({ id: key.id });
  }

  /** Keys that still work (not revoked, not expired). */
  async countUsableForOwner(ownerId: string, now: Date): Promise<number> {
    return this.rows.count({
      where: [
        { ownerId, revokedAt: IsNull(), expiresAt: IsNull() },
        { ownerId, revokedAt: IsNull(), expiresAt: MoreThan(now) },
      ],
    });
  }

  listForOwner(ownerId: string): Promise<ApiKeyEntity[]> {
    return this.rows.find({ where: { ownerId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * Revokes one of the owner's keys (again is a no-op) and gives back its hash, so the cached
   * validity can be dropped; null when the owner has no such key.
   */
  async revokeForOwner(id: string, ownerId: string, now: Date): Promise<string | null> {
    const [rows] = await this.rows.query<[{ key_hash: string }[], number]>(
      `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $3)
       WHERE id = $1 AND owner_id = $2 RETURNING key_hash`,
      [id, ownerId, now],
    );
    return rows[0]?.key_hash ?? null;
  }

  findByHash(keyHash: string): Promise<ApiKeyHolder | null> {
    return this.rows
      .createQueryBuilder('key')
      .innerJoin(UserEntity, 'owner', 'owner.id = key.owner_id')
      .select([
        'key.id AS id',
        'key.owner_id AS "ownerId"',
        'owner.email AS email',
        'key.scopes AS scopes',
        'key.expires_at AS "expiresAt"',
        'key.revoked_at AS "revokedAt"',
      ])
      .where('key.key_hash = :keyHash', { keyHash })
      .getRawOne<ApiKeyHolder>()
      .then((row) => row ?? null);
  }

  /** Records a use, unless one was recorded in the last minute (then nothing is written). */
  async touch(id: string, now: Date): Promise<void> {
    await this.rows.query(
      `UPDATE api_keys SET last_used_at = $2
       WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '${LAST_USED_RESOLUTION}')`,
      [id, now],
    );
  }
}
