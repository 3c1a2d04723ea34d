import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import { CacheKeys } from '../cache/cache-keys.js';
import { REDIS_CLIENT } from '../cache/redis.constants.js';
import type { AllConfig } from '../config/configuration.js';
import { ApiKeysModule } from '../api-keys/api-keys.module.js';
import { UsersModule } from '../users/users.module.js';
import { AccessTokenService } from './access-token.service.js';
import { AuthSessionEntity } from './auth-session.entity.js';
import { AuthController } from './auth.controller.js';
import { ActiveSessions } from './active-sessions.js';
import { AuthService } from './auth.service.js';
import { JwtAuthGuard } from './jwt-auth.guard.js';
import { JwtStrategy } from './jwt.strategy.js';
import { MeController } from './me.controller.js';
import { MeSessionsController } from './me-sessions.controller.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshCookie } from './refresh-cookie.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { SessionController } from './session.controller.js';
import { SessionsRepository } from './sessions.repository.js';
import {
  accountTracker,
  THROTTLE_BY_ACCOUNT,
  THROTTLE_BY_IP,
} from './throttling/auth-throttler.guard.js';
import {
  ApiKeyThrottlerGuard,
  apiKeyThrottleKey,
  apiKeyTracker,
  THROTTLE_BY_API_KEY,
} from './throttling/api-key-throttler.guard.js';
import { RedisThrottlerStorage } from './throttling/redis-throttler.storage.js';

@Module({
  imports: [
    UsersModule,
    ApiKeysModule,
    PassportModule,
    JwtModule.register({}),
    TypeOrmModule.forFeature([AuthSessionEntity, RefreshTokenEntity]),
    ThrottlerModule.forRootAsync({
      inject: [ConfigService, REDIS_CLIENT, CacheKeys],
      useFactory: (config: ConfigService<AllConfig, true>, redis: Redis, keys: CacheKeys) => {
        const auth = config.getOrThrow('auth', { infer: true });
        const ttl = auth.throttleTtlSeconds * 1000;
        const throttleLimit = auth.throttleLimit;
        return {
          storage: new RedisThrottlerStorage(redis, keys),
          throttlers: [
            { name: THROTTLE_BY_IP, ttl, limit: throttleLimit },
            { name: THROTTLE_BY_ACCOUNT, ttl, limit: throttleLimit, getTracker: accountTracker },
            {
              name: THROTTLE_BY_API_KEY,
              ttl: auth.apiKeyRateTtlSeconds * 1000,
              limit: auth.apiKeyRateLimit,
              getTracker: apiKeyTracker,
              generateKey: apiKeyThrottleKey,
            },
          ],
        };
      },
    }),
  ],
  controllers: [AuthController, SessionController, MeController, MeSessionsController],
  // The guards that extend BearerAuthGuard (events) need the key check and the key limit too.
  exports: [ActiveSessions, ApiKeysModule, ApiKeyThrottlerGuard],
  providers: [
    AuthService,
    PasswordHasher,
    AccessTokenService,
    RefreshCookie,
    SessionsRepository,
    ActiveSessions,
    JwtStrategy,
    ApiKeyThrottlerGuard,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
})
export class AuthModule {}
