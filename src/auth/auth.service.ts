import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppError, ErrorCode } from '../common/errors/index.js';
import type { AllConfig } from '../config/configuration.js';
import { normaliseEmail } from '../users/normalise-email.js';
import type { UserEntity } from '../users/user.entity.js';
import { UsersRepository } from '../users/users.repository.js';
import { AccessTokenService } from './access-token.service.js';
import type { SessionResponseDto } from './dto/session.response.dto.js';
import type { SignedOutSessionsResponseDto } from './dto/signed-out-sessions.response.dto.js';
import type { TokenResponseDto } from './dto/token.response.dto.js';
import { PasswordHasher } from './password-hasher.js';
import { hashRefreshToken, newRefreshToken } from './refresh-token.js';
import { ActiveSessions } from './active-sessions.js';
import { SessionsRepository } from './sessions.repository.js';

const DAY_MS = 86_400_000;
/** The column's size; longer User-Agents are cut (they are a label, not an identifier). */
const MAX_USER_AGENT = 255;

function invalidRefreshToken(): AppError {
  return new AppError(
    ErrorCode.INVALID_REFRESH_TOKEN,
    'The refresh token is invalid, expired or already used',
  );
}

export function sessionNotFound(): AppError {
  return new AppError(ErrorCode.SESSION_NOT_FOUND, 'Session not found');
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly activeSessions: ActiveSessions,
    private readonly hasher: PasswordHasher,
    private readonly accessTokens: AccessTokenService,
    private readonly config: ConfigService<AllConfig, true>,
  ) {}

  async register(email: string, password: string): Promise<UserEntity> {
    return this.users.create(normaliseEmail(email), await this.hasher.hash(password));
  }

  /**
   * Unknown email and wrong password are the same error, after the same amount of work.
   * `userAgent` labels the session in the user's sessions list.
   */
  async login(email: string, password: string, userAgent?: string): Promise<TokenResponseDto> {
    const user = await this.users.findWithHashByEmail(normaliseEmail(email));
    if (!(await this.hasher.verify(user?.passwordHash, password)) || !user) {
      throw new AppError(ErrorCode.INVALID_CREDENTIALS, 'Email or password is incorrect');
    }
    const refresh = newRefreshToken();
    const session = await this.sessions.start(
      user.id,
      refresh.hash,
      this.refreshExpiry(),
      userAgent?.slice(0, MAX_USER_AGENT) || null,
    );
    return this.tokens(user.id, session.id, refresh.token);
  }

  /** `undefined`: a browser session without a usable cookie. */
  async refresh(refreshToken: string | undefined): Promise<TokenResponseDto> {
    if (!refreshToken) throw invalidRefreshToken();
    const next = newRefreshToken();
    const now = new Date();
    const result = await this.sessions.rotate(hashRefreshToken(refreshToken), next.hash, now);
    if (result.outcome === 'reused') {
      // A used token presented again means it leaked: end every token of that login.
      await this.sessions.revoke(result.sessionId, 'token_reuse', now);
      await this.activeSessions.forget([result.sessionId]);
      this.logger.warn({ sessionId: result.sessionId }, 'Refresh token reused; session revoked');
    }
    if (result.outcome !== 'rotated') throw invalidRefreshToken();
    return this.tokens(result.session.userId, result.session.id, next.token);
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.revoke(sessionId, 'logout', new Date());
    await this.activeSessions.forget([sessionId]);
  }

  async listSessions(userId: string, currentSessionId: string): Promise<SessionResponseDto[]> {
    const live = await this.sessions.findLiveForOwner(userId, new Date());
    return live.map((session) => ({
      id: session.id,
      createdAt: session.createdAt.toISOString(),
      lastRenewedAt: session.lastRenewedAt.toISOString(),
      expiresAt: session.expiresAt.toISOString(),
      userAgent: session.userAgent,
      current: session.id === currentSessionId,
    }));
  }

  /** Ends one of the user's sessions; someone else's is answered like a missing one. */
  async endSession(userId: string, sessionId: string): Promise<void> {
    if (!(await this.sessions.revokeForOwner(userId, sessionId, new Date()))) {
      throw sessionNotFound();
    }
    await this.activeSessions.forget([sessionId]);
  }

  /** "Sign out everywhere else": every session of the user but the one asking. */
  async endOtherSessions(
    userId: string,
    currentSessionId: string,
  ): Promise<SignedOutSessionsResponseDto> {
    const ended = await this.sessions.revokeOthersForOwner(userId, currentSessionId, new Date());
    await this.activeSessions.forget(ended);
    return { signedOut: ended.length };
  }

  private async tokens(
    userId: string,
    sessionId: string,
    refreshToken: string,
  ): Promise<TokenResponseDto> {
    return {
      accessToken: await this.accessTokens.sign(userId, sessionId),
      tokenType: 'Bearer',
      expiresIn: this.accessTokens.ttlSeconds,
      refreshToken,
    };
  }

  private refreshExpiry(): Date {
    return new Date(
      Date.now() + this.config.getOrThrow('auth', { infer: true }).refreshTtlDays * DAY_MS,
    );
  }
}
