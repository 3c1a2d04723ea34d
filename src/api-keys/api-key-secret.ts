import { createHash, randomBytes } from 'node:crypto';

/** Recognisable in logs and by secret scanners (GitHub, gitleaks custom rules). */
export const API_KEY_PREFIX = 'rv_';
/** `rv_` + base64url of 32 random bytes. */
const API_KEY_PATTERN = /^rv_[A-Za-z0-9_-]{43}$/;
/** Characters of the key kept in clear for listing: `rv_` and the first 8 of the secret. */
const VISIBLE_LENGTH = API_KEY_PREFIX.length + 8;

/** A new key: 256 random bits, shown to its owner once. */
export function newApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

export function isWellFormedApiKey(value: string): boolean {
  return API_KEY_PATTERN.test(value);
}

/**
 * SHA-256, not a slow password hash: the key is 256 random bits, so there is nothing to
 * guess, and the check runs on every request.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The part of a key shown in lists, enough for its owner to tell keys apart. */
export function visiblePrefixOf(key: string): string {
  return key.slice(0, VISIBLE_LENGTH);
}
