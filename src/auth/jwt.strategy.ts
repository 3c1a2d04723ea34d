import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AllConfig } from '../config/configuration.js';
import {
  ACCESS_TOKEN_TYPE,
  type AccessTokenClaims,
  JWT_ALGORITHM,
} from './access-token.service.js';
import type { AuthUser } from './auth-user.js';
import { ActiveSessions } from './active-sessions.js';

/**
 * RFC 8725: the algorithm is pinned (a token's own `alg`, `kid` or `jku` never chooses the
 * key), and `iss`, `aud` and `exp` are required. The session is checked on every request
 * (ActiveSessions: Redis, then PostgreSQL), so a logged-out session stops working at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: ConfigService<AllConfig, true>,
    private readonly sessions: ActiveSessions,
  ) {
    const auth = config.getOrThrow('auth', { infer: true });
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails, with
      // a thrown exception) to parse it as a public key on every single verification — a few
      // percent of the API's CPU under load (issue 8.12, measured with --cpu-prof).
      secretOrKey: createSecretKey(Buffer.from(auth.jwtSecret, 'utf8')) as unknown as string,
      algorithms: [JWT_ALGORITHM],
      issuer: auth.issuer,
      audience: auth.audience,
      ignoreExpiration: false,
      jsonWebTokenOptions: { maxAge: `${auth.accessTtlSeconds}s` },
    });
  }

  async validate(
    payload: Partial<AccessTokenClaims> & { exp?: number },
  ): Promise<AuthUser | false> {
    if (
      payload.typ !== ACCESS_TOKEN_TYPE ||
      !payload.sub ||
      !payload.sid ||
      typeof payload.exp !== 'number'
    ) {
      return false;
    }
    if (!isUuid(payload.sub) || !isUuid(payload.sid)) return false;
    return (await this.sessions.find(payload.sub, payload.sid)) ?? false;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(value: string): boolean {
  return UUID.test(value);
}
