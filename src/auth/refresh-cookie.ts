import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import type { AllConfig } from '../config/configuration.js';

export const REFRESH_COOKIE = 'rv_refresh';
/** Sent only to the auth routes, so no other request (an image, an upload) ever carries it. */
const COOKIE_PATH = '/v1/auth';
const DAY_MS = 86_400_000;

/**
 * The refresh token of a browser session (issue 12), kept where page scripts cannot read it:
 * an httpOnly cookie, SameSite=Strict (never sent by another site's request), Secure in
 * production. The web app holds only the short-lived access token, in memory.
 *
 * SameSite=Strict still lets a sibling subdomain (same site, other origin) send it; the Fetch
 * Metadata header closes that gap: a browser request that is not same-origin gets no cookie
 * read. Clients that send no `Sec-Fetch-Site` (scripts, curl) are not browsers and have no
 * ambient cookies to abuse.
 */
@Injectable()
export class RefreshCookie {
  constructor(private readonly config: ConfigService<AllConfig, true>) {}

  private get secure(): boolean {
    return this.config.getOrThrow('app', { infer: true }).nodeEnv === 'production';
  }

  write(res: Response, token: string): void {
    res.cookie(REFRESH_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.secure,
      path: COOKIE_PATH,
      maxAge: this.config.getOrThrow('auth', { infer: true }).refreshTtlDays * DAY_MS,
    });
  }

  clear(res: Response): void {
    res.clearCookie(REFRESH_COOKIE, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.secure,
      path: COOKIE_PATH,
    });
  }

  /** The cookie's token, when present and sent by a same-origin (or non-browser) request. */
  read(req: Request): string | undefined {
    const site = req.get('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin') return undefined;
    for (const part of (req.get('cookie') ?? '').split(';')) {
      const separator = part.indexOf('=');
      if (separator < 0 || part.slice(0, separator).trim() !== REFRESH_COOKIE) continue;
      const value = part.slice(separator + 1).trim();
      try {
        return decodeURIComponent(value) || undefined;
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
}
