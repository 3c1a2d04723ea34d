import type { ConfigService } from '@nestjs/config';
import type { Response } from 'express';
import { describe, expect, it } from 'vitest';
import type { AllConfig } from '../config/configuration.js';
import { RefreshCookie } from './refresh-cookie.js';

function cookieFor(nodeEnv: string): { name: string; options: Record<string, unknown> } {
  const config = {
    getOrThrow: (area: string) => (area === 'app' ? { nodeEnv } : { refreshTtlDays: 30 }),
  } as unknown as ConfigService<AllConfig, true>;
  let written: { name: string; options: Record<string, unknown> } | undefined;
  const res = {
    cookie: (name: string, _value: string, options: Record<string, unknown>) => {
      written = { name, options };
    },
  } as unknown as Response;
  new RefreshCookie(config).write(res, 'token');
  return written!;
}

describe('RefreshCookie', () => {
  it('is Secure in production only', () => {
    expect(cookieFor('production').options).toMatchObject({
      secure: true,
      httpOnly: true,
      sameSite: 'strict',
      path: '/v1/auth',
      maxAge: 30 * 86_400_000,
    });
    expect(cookieFor('development').options.secure).toBe(false);
  });
});
