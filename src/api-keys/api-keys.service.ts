import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppError, ErrorCode } from '../common/errors/index.js';
import { ActiveApiKeys } from './active-api-keys.js';
import { hashApiKey, newApiKey, visiblePrefixOf } from './api-key-secret.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import type { CreateApiKeyDto } from './dto/create-api-key.dto.js';
import { ApiKeyResponseDto } from './dto/api-key.response.dto.js';
import type { CreatedApiKeyResponseDto } from './dto/created-api-key.response.dto.js';

/** Enough for every script and integration a person runs; more means keys are being sprayed. */
export const MAX_USABLE_API_KEYS_PER_USER = 50;
/** An expiry further away than this is almost certainly a typo (year 20270). */
const MAX_LIFETIME_MS = 10 * 366 * 24 * 3600 * 1000;

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly apiKeys: ApiKeysRepository,
    private readonly active: ActiveApiKeys,
  ) {}

  async create(ownerId: string, input: CreateApiKeyDto): Promise<CreatedApiKeyResponseDto> {
    const now = new Date();
    const expiresAt = input.expiresAt === undefined ? null : new Date(input.expiresAt);
    if (expiresAt && (expiresAt <= now || expiresAt.getTime() - now.getTime() > MAX_LIFETIME_MS)) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'The request is not valid', {
        details: [
          {
            field: 'expiresAt',
            messages: ['expiresAt must be in the future, at most 10 years away'],
          },
        ],
      });
    }
    if ((await this.apiKeys.countUsableForOwner(ownerId, now)) >= MAX_USABLE_API_KEYS_PER_USER) {
      throw new AppError(
        ErrorCode.API_KEY_LIMIT_REACHED,
        `At most ${MAX_USABLE_API_KEYS_PER_USER} usable API keys per user; revoke one first`,
      );
    }
    const key = newApiKey();
    const row = await this.apiKeys.insert({
      id: randomUUID(),
      ownerId,
      name: input.name.trim(),
      prefix: visiblePrefixOf(key),
      keyHash: hashApiKey(key),
      scopes: input.scopes,
      expiresAt,
    });
    return { ...ApiKeyResponseDto.from(row), key };
  }

  async list(ownerId: string): Promise<ApiKeyResponseDto[]> {
    return (await this.apiKeys.listForOwner(ownerId)).map((k) => ApiKeyResponseDto.from(k));
  }

  /** Revoked for good, on every replica at once; revoking again is harmless. */
  async revoke(id: string, ownerId: string): Promise<void> {
    const keyHash = await this.apiKeys.revokeForOwner(id, ownerId, new Date());
    if (!keyHash) throw apiKeyNotFound();
    await this.active.forget([keyHash]);
  }
}

export function apiKeyNotFound(): AppError {
  return new AppError(ErrorCode.API_KEY_NOT_FOUND, 'API key not found');
}
