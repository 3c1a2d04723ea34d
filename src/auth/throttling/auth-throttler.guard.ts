import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';
import { normaliseEmail } from '../../users/normalise-email.js';
import { THROTTLE_BY_API_KEY } from './api-key-throttler.guard.js';

export const THROTTLE_BY_IP = 'ip';
export const THROTTLE_BY_ACCOUNT = 'account';

/**
 * Login and register are limited twice: per client IP (one host trying many accounts) and per
 * account (many hosts trying one account). Applied only to those routes, not globally.
 */
@Injectable()
export class AuthThrottlerGuard extends ThrottlerGuard {
  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    // The per-key limit is ApiKeyThrottlerGuard's (same module, same storage).
    this.throttlers = this.throttlers.filter((t) => t.name !== THROTTLE_BY_API_KEY);
  }

  protected override async getTracker(req: Request): Promise<string> {
    return req.ip ?? req.socket.remoteAddress ?? 'unknown';
  }
}

/** Tracker for the per-account limit: the normalised email of the body, if any. */
export function accountTracker(req: Record<string, unknown>): string {
  const body = req.body as { email?: unknown } | undefined;
  const email = typeof body?.email === 'string' ? normaliseEmail(body.email).slice(0, 254) : '';
  return email ? `email:${email}` : `ip:${String((req as unknown as Request).ip)}`;
}
