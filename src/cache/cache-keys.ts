/**
 * The only place Redis keys and channels are built, so a prefix change or a key layout
 * change cannot miss a caller.
 */
export class CacheKeys {
  constructor(private readonly prefix: string) {}

  receipt(id: string): string {
    return `${this.prefix}:receipt:${id}`;
  }

  receiptEvents(id: string): string {
    return `${this.prefix}:receipt-events:${id}`;
  }

  receiptEventLog(id: string): string {
    return `${this.prefix}:receipt-event-log:${id}`;
  }

  workerHeartbeats(): string {
    return `${this.prefix}:workers:heartbeat`;
  }

  /** Validity of one login session (see ActiveSessions). */
  session(sessionId: string): string {
    return `${this.prefix}:session:${sessionId}`;
  }

  /** Validity of one API key, by the key's SHA-256 (see ActiveApiKeys). */
  apiKey(keyHash: string): string {
    return `${this.prefix}:api-key:${keyHash}`;
  }

  /** Present while an API key's lastUsedAt is fresh enough not to be written again. */
  apiKeyUsed(keyId: string): string {
    return `${this.prefix}:api-key-used:${keyId}`;
  }

  throttle(key: string): string {
    return `${this.prefix}:throttle:${key}`;
  }

  /** Held by the one worker running a reconciler pass. */
  reconcilerLock(): string {
    return `${this.bullPrefix()}:reconciler-lock`;
  }

  /** An upload's Idempotency-Key, per user (the key itself is hashed: any length, no key injection). */
  idempotency(ownerId: string, keyHash: string): string {
    return `${this.prefix}:idempotency:${ownerId}:${keyHash}`;
  }

  bullPrefix(): string {
    return `${this.prefix}:bull`;
  }
}
