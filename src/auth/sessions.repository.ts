import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';
import { AuthSessionEntity } from './auth-session.entity.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';

export interface LiveSession {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  lastRenewedAt: Date;
  userAgent: string | null;
}

export type ConsumeResult =
  | { outcome: 'rotated'; session: AuthSessionEntity }
  | { outcome: 'unknown' | 'expired' }
  | { outcome: 'reused'; sessionId: string };

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Starts a session with its first refresh token. */
  async start(
    userId: string,
    tokenHash: string,
    expiresAt: Date,
    userAgent: string | null,
  ): Promise<AuthSessionEntity> {
    return this.db.transaction(async (tx) => {
      const session = await tx.save(
        tx.create(AuthSessionEntity, { userId, expiresAt, userAgent, revokedAt: null }),
      );
      await tx.save(tx.create(RefreshTokenEntity, { sessionId: session.id, tokenHash, expiresAt }));
      return session;
    });
  }

  /**
   * Uses a refresh token exactly once and stores its successor in the same transaction.
   * The `used_at IS NULL` update is the lock: of two concurrent uses, one rotates and the
   * other is treated as a reuse, which revokes the family (RFC 6819 §5.2.2.3).
   */
  async rotate(tokenHash: string, nextHash: string, now: Date): Promise<ConsumeResult> {
    return this.db.transaction(async (tx) => {
      const token = await tx.findOneBy(RefreshTokenEntity, { tokenHash });
      if (!token) return { outcome: 'unknown' };
      const session = await tx.findOneBy(AuthSessionEntity, { id: token.sessionId });
      if (!session || session.revokedAt) return { outcome: 'reused', sessionId: token.sessionId };
      if (token.expiresAt <= now || session.expiresAt <= now) return { outcome: 'expired' };
      const claimed = await tx.update(
        RefreshTokenEntity,
        { id: token.id, usedAt: IsNull() },
        { usedAt: now },
      );
      if (claimed.affected !== 1) return { outcome: 'reused', sessionId: token.sessionId };
      await tx.save(
        tx.create(RefreshTokenEntity, {
          sessionId: session.id,
          tokenHash: nextHash,
          expiresAt: token.expiresAt,
        }),
      );
      return { outcome: 'rotated', session };
    });
  }

  async revoke(sessionId: string, reason: 'logout' | 'token_reuse', now: Date): Promise<void> {
    await this.db
      .getRepository(AuthSessionEntity)
      .update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: now, revokedReason: reason });
  }

  /** The owner's sessions that still work, most recently renewed first. */
  async findLiveForOwner(userId: string, now: Date): Promise<LiveSession[]> {
    return this.db
      .getRepository(AuthSessionEntity)
      .createQueryBuilder('session')
      .innerJoin(RefreshTokenEntity, 'token', 'token.session_id = session.id')
      .select('session.id', 'id')
      .addSelect('session.created_at', 'createdAt')
      .addSelect('session.expires_at', 'expiresAt')
      .addSelect('session.user_agent', 'userAgent')
      .addSelect('MAX(token.created_at)', 'lastRenewedAt')
      .where('session.user_id = :userId', { userId })
      .andWhere('session.revoked_at IS NULL AND session.expires_at > :now', { now })
      .groupBy('session.id')
      .orderBy('"lastRenewedAt"', 'DESC')
      .addOrderBy('session.id')
      .getRawMany<LiveSession>();
  }

  /** Signs out one of the owner's live sessions; false when there is no such session of theirs. */
  async revokeForOwner(userId: string, sessionId: string, now: Date): Promise<boolean> {
    const result = await this.db
      .getRepository(AuthSessionEntity)
      .update(
        { id: sessionId, userId, revokedAt: IsNull(), expiresAt: MoreThan(now) },
        { revokedAt: now, revokedReason: 'logout' },
      );
    return result.affected === 1;
  }

  /** Signs out every live session of the owner but `keepId`; returns the ids it ended. */
  async revokeOthersForOwner(userId: string, keepId: string, now: Date): Promise<string[]> {
    const result = await this.db
      .createQueryBuilder()
      .update(AuthSessionEntity)
      .set({ revokedAt: now, revokedReason: 'logout' })
      .where('user_id = :userId AND id <> :keepId', { userId, keepId })
      .andWhere('revoked_at IS NULL AND expires_at > :now', { now })
      .returning('id')
      .execute();
    return (result.raw as { id: string }[]).map((row) => row.id);
  }

  /**
   * The user behind an access token and when the session ends, if the user still exists and
   * the session is live.
   */
  async findActiveSession(
    userId: string,
    sessionId: string,
    now: Date,
  ): Promise<{ userId: string; email: string; expiresAt: Date } | null> {
    const row = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .innerJoin(AuthSessionEntity, 'session', 'session.user_id = user.id')
      .select(['user.id AS "userId"', 'user.email AS email', 'session.expires_at AS "expiresAt"'])
      .where('user.id = :userId AND session.id = :sessionId', { userId, sessionId })
      .andWhere('session.revoked_at IS NULL AND session.expires_at > :now', { now })
      .getRawOne<{ userId: string; email: string; expiresAt: Date }>();
    return row ?? null;
  }
}
