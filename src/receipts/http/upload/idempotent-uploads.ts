import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { CacheKeys } from '../../../cache/cache-keys.js';
import { REDIS_CLIENT } from '../../../cache/redis.constants.js';
import { AppError, ErrorCode } from '../../../common/errors/index.js';
import type { UploadOutcome } from '../../receipts.service.js';

/** How long a key answers with its first response. */
const KEY_TTL_SECONDS = 24 * 3600;
/** A claim dies with its process after this long, so a crash does not block the key for a day. */
const CLAIM_TTL_SECONDS = 120;
/** How long a concurrent request with the same key waits for the first to finish. */
const WAIT_FOR_FIRST_MS = 15_000;
const POLL_MS = 100;
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

interface Stored<T> {
  /** What the request carried: the file's SHA-256, or a batch's fingerprint of its parts. */
  sha256: string;
  outcome?: T;
}

export interface IdempotentOutcome<T = UploadOutcome> {
  outcome: T;
  /** True when this is the stored answer of an earlier request with the same key. */
  replayed: boolean;
}

/**
 * `Idempotency-Key` on uploads: one key of one user stands for one upload for 24 h. Kept in
 * Redis, not PostgreSQL: the entries expire by themselves, `SET NX` makes exactly one of
 * several concurrent requests the one that uploads, and losing them (a Redis flush) costs
 * little, because a retried upload of the same bytes still finds its receipt through the
 * per-user SHA-256 index in PostgreSQL (200 with `duplicateOf`).
 */
@Injectable()
export class IdempotentUploads {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly keys: CacheKeys,
  ) {}

  /**
   * The key from the header, checked before any byte of the body is read.
   * @throws IDEMPOTENCY_KEY_INVALID when present but empty, too long, repeated or not printable ASCII
   */
  static parseKey(header: string | string[] | undefined): string | undefined {
    if (header === undefined) return undefined;
    if (typeof header !== 'string' || !KEY_SHAPE.test(header)) {
      throw new AppError(
        ErrorCode.IDEMPOTENCY_KEY_INVALID,
        'Idempotency-Key must be 1–255 printable ASCII characters, sent once',
      );
    }
    return header;
  }

  /**
   * Runs `upload` once per key (a single upload or a batch): the first request uploads; a later one with the same bytes
   * gets the first one's answer; one with other bytes is refused (IDEMPOTENCY_KEY_REUSED);
   * one that arrives while the first is still running waits for it. A failed upload frees
   * the key, so the client can fix the request and retry with it.
   */
  async run<T = UploadOutcome>(
    ownerId: string,
    key: string,
    sha256: string,
    upload: () => Promise<T>,
  ): Promise<IdempotentOutcome<T>> {
    const redisKey = this.keys.idempotency(ownerId, createHash('sha256').update(key).digest('hex'));
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const claimed = await this.command(() =>
        this.redis.set(redisKey, JSON.stringify({ sha256 }), 'EX', CLAIM_TTL_SECONDS, 'NX'),
      );
      if (claimed === 'OK') {
        let outcome: T;
        try {
          outcome = await upload();
        } catch (error) {
          await this.redis.del(redisKey).catch(() => undefined);
          throw error;
        }
        const stored: Stored<T> = { sha256, outcome };
        await this.command(() =>
          this.redis.set(redisKey, JSON.stringify(stored), 'EX', KEY_TTL_SECONDS),
        );
        return { outcome, replayed: false };
      }

      const raw = await this.command(() => this.redis.get(redisKey));
      // Freed (the first request failed) or expired in between: try to claim it again.
      if (raw === null) continue;
      const stored = JSON.parse(raw) as Stored<T>;
      if (stored.sha256 !== sha256) {
        throw new AppError(
          ErrorCode.IDEMPOTENCY_KEY_REUSED,
          'This Idempotency-Key was used for different files in the last 24 hours',
        );
      }
      if (stored.outcome) return { outcome: stored.outcome, replayed: true };
      if (Date.now() > deadline) {
        throw new AppError(
          ErrorCode.IDEMPOTENCY_REQUEST_IN_PROGRESS,
          'A request with this Idempotency-Key is still being processed',
          { retryAfterSeconds: 2 },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private async command<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new AppError(
        ErrorCode.DEPENDENCY_UNAVAILABLE,
        'Redis is unavailable, try again shortly',
        {
          cause: error,
          retryAfterSeconds: 2,
        },
      );
    }
  }
}
