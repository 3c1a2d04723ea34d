import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';
import type { AuthUser } from '../auth-user.js';

export const THROTTLE_BY_API_KEY = 'api-key';

function apiKeyIdOf(req: Record<string, unknown>): string | undefined {
  return ((req as unknown as Request).user as AuthUser | undefined)?.apiKey?.id;
}

/** Tracker for the per-key limit: the key's id (set on the request once it authenticated). */
export function apiKeyTracker(req: Record<string, unknown>): string {
  return `key:${apiKeyIdOf(req) ?? 'none'}`;
}

/** One budget per key across all routes, not one per route (the default key names the route). */
export function apiKeyThrottleKey(_context: ExecutionContext, tracker: string, name: string) {
  return `${name}:${tracker}`;
}

/**
 * Limits each API key (API_KEY_RATE_LIMIT per API_KEY_RATE_TTL_SECONDS), so one runaway script
 * cannot starve the owner's other keys or other users. Called by BearerAuthGuard once a key has
 * authenticated; sessions are not limited here. Only the `api-key` throttler applies: the
 * login throttlers of the same module belong to AuthThrottlerGuard.
 */
@Injectable()
export class ApiKeyThrottlerGuard extends ThrottlerGuard {
  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    this.throttlers = this.throttlers.filter((t) => t.name === THROTTLE_BY_API_KEY);
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return !apiKeyIdOf(context.switchToHttp().getRequest<Record<string, unknown>>());
  }
}
