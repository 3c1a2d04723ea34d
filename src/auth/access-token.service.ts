import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import type { AllConfig } from '../config/configuration.js';

export const ACCESS_TOKEN_TYPE = 'access';
export const JWT_ALGORITHM = 'HS256';

export interface AccessTokenClaims {
  sub: string;
  sid: string;
  typ: typeof ACCESS_TOKEN_TYPE;
}

@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: ConfigService<AllConfig, true>,
  ) {}

  get ttlSeconds(): number {
    return this.config.getOrThrow('auth', { infer: true }).accessTtlSeconds;
  }

  sign(userId: string, sessionId: string): Promise<string> {
    const auth = this.config.getOrThrow('auth', { infer: true });
    const claims: AccessTokenClaims = { sub: userId, sid: sessionId, typ: ACCESS_TOKEN_TYPE };
    return this.jwt.signAsync(claims, {
      secret: auth.jwtSecret,
      algorithm: JWT_ALGORITHM,
      issuer: auth.issuer,
      audience: auth.audience,
      expiresIn: auth.accessTtlSeconds,
      jwtid: randomUUID(),
    });
  }
}
