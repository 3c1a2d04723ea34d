import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError, ErrorCode } from '../common/errors/index.js';
import { AdminAccess } from './admin-access.service.js';

/** After the global JWT guard: a signed-in user who is not an admin gets 403 FORBIDDEN. */
@Injectable()
export class AdminGuard implements CanActivate {
  constructor(private readonly access: AdminAccess) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const user = context.switchToHttp().getRequest<Request & { user?: AuthUser }>().user;
    if (!user) throw new AppError(ErrorCode.UNAUTHORIZED, 'A valid access token is required');
    if (!(await this.access.isAdmin(user)))
      throw new AppError(ErrorCode.FORBIDDEN, 'Only administrators may do this');
    return true;
  }
}
