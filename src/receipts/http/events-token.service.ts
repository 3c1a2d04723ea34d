import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { AppError, ErrorCode } from '../../common/errors/index.js';
import type { AllConfig } from '../../config/configuration.js';
import { ActiveSessions } from '../../auth/active-sessions.js';
import { type AuthUser, sessionIdOf } from '../../auth/auth-user.js';

export const EVENTS_TOKEN_TTL_SECONDS = 300;

/** What an events token opens: one receipt's stream, or one batch's. */
export type EventsTokenKind = 'receipt' | 'batch';

interface EventsTokenClaims {
  sub: string;
  /** The login session it was issued in: logging out ends the token too. */
  sid: string;
  /** The receipt or batch id. */
  rid: string;
  typ: `${EventsTokenKind}-events`;
}

/**
 * Browsers' EventSource cannot send an Authorization header, and a long-lived access token
 * must never travel in a URL (it lands in logs and history). These tokens are short-lived,
 * name one receipt (or one batch, by their type), and carry their own audience, so they open
 * that event stream and nothing else.
 */
@Injectable()
export class EventsTokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: ConfigService<AllConfig, true>,
    private readonly sessions: ActiveSessions,
  ) {}

  issue(owner: AuthUser, id: string, kind: EventsTokenKind = 'receipt'): Promise<string> {
    const auth = this.config.getOrThrow('auth', { infer: true });
    const claims: EventsTokenClaims = {
      sub: owner.id,
      sid: sessionIdOf(owner),
      rid: id,
      typ: `${kind}-events`,
    };
    return this.jwt.signAsync(claims, {
      secret: auth.jwtSecret,
      algorithm: 'HS256',
      issuer: auth.issuer,
      audience: `${auth.audience}:events`,
      expiresIn: EVENTS_TOKEN_TTL_SECONDS,
    });
  }

  /** The owner, when the token is valid for this receipt (or batch) and its session is still live. */
  async verify(token: string, id: string, kind: EventsTokenKind = 'receipt'): Promise<AuthUser> {
    const auth = this.config.getOrThrow('auth', { infer: true });
    try {
      const claims = await this.jwt.verifyAsync<EventsTokenClaims>(token, {
        secret: auth.jwtSecret,
        algorithms: ['HS256'],
        issuer: auth.issuer,
        audience: `${auth.audience}:events`,
      });
      if (
        claims.typ === `${kind}-events` &&
        claims.rid === id &&
        typeof claims.sub === 'string' &&
        typeof claims.sid === 'string'
      ) {
        const owner = await this.sessions.find(claims.sub, claims.sid);
        if (owner) return owner;
      }
    } catch {
      // fall through: any verification failure is the same 401
    }
    throw new AppError(ErrorCode.UNAUTHORIZED, 'The events token is invalid or expired');
  }
}
