import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Redis } from 'ioredis';
import type { AuthUser } from '../auth/auth-user.js';
import { CacheKeys } from '../cache/cache-keys.js';
import { REDIS_CLIENT } from '../cache/redis.constants.js';
import { AppError, ErrorCode } from '../common/errors/index.js';
import type { AllConfig } from '../config/configuration.js';
import type { ApiKeyScope } from './api-key-scopes.js';
import { hashApiKey, isWellFormedApiKey } from './api-key-secret.js';
import { ApiKeysRepository } from './api-keys.repository.js';

interface CachedApiKey {
  id: string;
  ownerId: string;
  email: string;
  scopes: ApiKeyScope[];
  /** Epoch ms, or null for a key that never expires. */
  expiresAt: number | null;
}

const LAST_USED_WRITE_EVERY_MS = 60_000;

/**
 * Is this API key live, and whose is it? Asked on every request made with a key, so the answer
 * from PostgreSQL is kept in Redis for SESSION_CACHE_TTL_SECONDS (never past the key's expiry),
 * exactly like ActiveSessions. Revocation deletes the entry, so it takes effect at once on every
 * replica; only live keys are cached. When Redis is down the check falls back to PostgreSQL.
 */
@Injectable()
export class ActiveApiKeys {
  private readonly logger = new Logger(ActiveApiKeys.name);

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly keys: CacheKeys,
    private readonly apiKeys: ApiKeysRepository,
    private readonly config: ConfigService<AllConfig, true>,
  ) {}

  /** The caller behind a live key; a 401 with the reason otherwise. */
  async authenticate(key: string): Promise<AuthUser> {
    if (!isWellFormedApiKey(key)) throw invalidKey();
    const keyHash = hashApiKey(key);
    const now = new Date();
    let found: CachedApiKey | null = null;
    let cacheUsable = true;
    try {
      const raw = await this.redis.get(this.keys.apiKey(keyHash));
      if (raw) found = JSON.parse(raw) as CachedApiKey;
    } catch (error) {
      // Do not wait on Redis a second time for this request.
      cacheUsable = false;
      this.logger.debug(`api key cache read skipped: ${(error as Error).message}`);
    }
    found ??= await this.load(keyHash, now, cacheUsable);
    if (found.expiresAt !== null && found.expiresAt <= now.getTime()) throw expiredKey();
    this.recordUse(found.id, now, cacheUsable);
    return {
      id: found.ownerId,
      email: found.email,
      apiKey: { id: found.id, scopes: found.scopes },
    };
  }

  /**
   * Drops cached validity of keys already revoked (or deleted) in PostgreSQL. A Redis failure
   * is a 503: answering "revoked" while a cached entry still admits the key would be a lie.
   */
  async forget(keyHashes: string[]): Promise<void> {
    if (!keyHashes.length) return;
    try {
      await this.redis.del(...keyHashes.map((hash) => this.keys.apiKey(hash)));
    } catch (error) {
      throw new AppError(
        ErrorCode.DEPENDENCY_UNAVAILABLE,
        'The API key could not be revoked everywhere, try again shortly',
        { cause: error, retryAfterSeconds: 2 },
      );
    }
  }

  private async load(keyHash: string, now: Date, cacheUsable: boolean): Promise<CachedApiKey> {
    const row = await this.apiKeys.findByHash(keyHash);
    if (!row) throw invalidKey();
    if (row.revokedAt) {
      throw new AppError(ErrorCode.API_KEY_REVOKED, 'This API key has been revoked');
    }
    const entry: CachedApiKey = {
      id: row.id,
      ownerId: row.ownerId,
      email: row.email,
      scopes: row.scopes,
      expiresAt: row.expiresAt ? row.expiresAt.getTime() : null,
    };
    const ttlMs = Math.min(
      this.config.getOrThrow('auth', { infer: true }).sessionCacheTtlSeconds * 1000,
      entry.expiresAt === null ? Number.MAX_SAFE_INTEGER : entry.expiresAt - now.getTime(),
    );
    if (cacheUsable && ttlMs > 0) {
      await this.redis
        .set(this.keys.apiKey(keyHash), JSON.stringify(entry), 'PX', ttlMs)
        .catch(() => undefined);
    }
    return entry;
  }

  /**
   * lastUsedAt without a write per request: a Redis marker lets one request a minute through
   * to PostgreSQL, whose own condition keeps it to one write a minute when Redis is down.
   * Not awaited: the request does not wait for bookkeeping, and a failure only loses a hint.
   */
  private recordUse(keyId: string, now: Date, cacheUsable: boolean): void {
    const write = async () => {
      const first = cacheUsable
        ? await this.redis
            .set(this.keys.apiKeyUsed(keyId), '1', 'PX', LAST_USED_WRITE_EVERY_MS, 'NX')
            .catch(() => 'OK')
        : 'OK';
      if (first === 'OK') await this.apiKeys.touch(keyId, now);
    };
    write().catch((error: unknown) =>
      this.logger.debug(`api key lastUsedAt not recorded: ${(error as Error).message}`),
    );
  }
}

function invalidKey(): AppError {
  return new AppError(ErrorCode.API_KEY_INVALID, 'The API key is not valid');
}

function expiredKey(): AppError {
  return new AppError(ErrorCode.API_KEY_EXPIRED, 'This API key has expired');
}
