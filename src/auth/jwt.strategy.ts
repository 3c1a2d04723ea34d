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
import { SessionsRepository } from './sessions.repository.js';

/**
 * RFC 8725: the algorithm is pinned (a token's own `alg`, `kid` or `jku` never chooses the
 * key), and `iss`, `aud` and `exp` are required. The user and the session are looked up on
 * every request, so a deleted user or a logged-out session stops working at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: ConfigService<AllConfig, true>,
    private readonly sessions: SessionsRepository,
  ) {
    const auth = config.getOrThrow('auth', { infer: true });
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: auth.jwtSecret,
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
    const user = await this.sessions.findActiveUser(payload.sub, payload.sid, new Date());
    return user ? { id: user.id, email: user.email, sessionId: payload.sid } : false;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(value: string): boolean {
  return UUID.test(value);
}
