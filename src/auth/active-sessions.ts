import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Redis } from 'ioredis';
import { CacheKeys } from '../cache/cache-keys.js';
import { REDIS_CLIENT } from '../cache/redis.constants.js';
import { AppError, ErrorCode } from '../common/errors/index.js';
import type { AllConfig } from '../config/configuration.js';
import type { AuthUser } from './auth-user.js';
import { SessionsRepository } from './sessions.repository.js';

interface CachedSession {
  userId: string;
  email: string;
}

/**
 * Is this login session still live, and whose is it? Asked on every authenticated request,
 * so the answer from PostgreSQL is kept in Redis for a short while (SESSION_CACHE_TTL_SECONDS,
 * never past the session's own end). Logout and refresh-token reuse delete the entry as they
 * revoke the session, so "logged out" still takes effect at once on every API replica. When
 * Redis is down or frozen the check falls back to PostgreSQL: slower, never wrong.
 */
@Injectable()
export class ActiveSessions {
  private readonly logger = new Logger(ActiveSessions.name);

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly keys: CacheKeys,
    private readonly sessions: SessionsRepository,
    private readonly config: ConfigService<AllConfig, true>,
  ) {}

  /** The caller, when `sessionId` is a live session of user `userId`; otherwise null. */
  async find(userId: string, sessionId: string): Promise<AuthUser | null> {
    const key = this.keys.session(sessionId);
    let cacheUsable = true;
    try {
      const raw = await this.redis.get(key);
      if (raw) {
        const cached = JSON.parse(raw) as CachedSession;
        return cached.userId === userId ? { id: userId, email: cached.email, sessionId } : null;
      }
    } catch (error) {
      // Do not wait on Redis a second time for this request.
      cacheUsable = false;
      this.logger.debug(`session cache read skipped: ${(error as Error).message}`);
    }

    const now = new Date();
    const live = await this.sessions.findActiveSession(userId, sessionId, now);
    if (!live) return null;
    if (cacheUsable) {
      const ttlMs = Math.min(
        this.config.getOrThrow('auth', { infer: true }).sessionCacheTtlSeconds * 1000,
        live.expiresAt.getTime() - now.getTime(),
      );
      const value: CachedSession = { userId: live.userId, email: live.email };
      if (ttlMs > 0) {
        await this.redis.set(key, JSON.stringify(value), 'PX', ttlMs).catch(() => undefined);
      }
    }
    return { id: live.userId, email: live.email, sessionId };
  }

  /**
   * Ends sessions (already revoked in PostgreSQL) for every replica now. A Redis failure here
   * is a 503: answering "logged out" while a cached entry could still admit the token would be
   * a lie; the revocation is idempotent, so the client simply retries.
   */
  async forget(sessionIds: string[]): Promise<void> {
    if (!sessionIds.length) return;
    try {
      await this.redis.del(...sessionIds.map((id) => this.keys.session(id)));
    } catch (error) {
      throw new AppError(
        ErrorCode.DEPENDENCY_UNAVAILABLE,
        'The session could not be ended everywhere, try again shortly',
        { cause: error, retryAfterSeconds: 2 },
      );
    }
  }
}
