import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { AppError, ErrorCode } from '../common/errors/index.js';

/**
 * Authenticates the bearer access token (the `jwt` strategy) and turns every rejection into
 * the 401 UNAUTHORIZED error body; the guards of the app extend it.
 */
@Injectable()
export class BearerAuthGuard extends AuthGuard('jwt') {
  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    // A failure inside the strategy (database down) is not an authentication failure.
    if (error instanceof Error && !('status' in error)) throw error;
    if (!user) throw new AppError(ErrorCode.UNAUTHORIZED, 'A valid access token is required');
    return user;
  }
}
