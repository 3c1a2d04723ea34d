import { ExecutionContext, Injectable } from '@nestjs/common';
import { IS_PUBLIC_KEY } from '../common/decorators/public.decorator.js';
import { BearerAuthGuard } from './bearer-auth.guard.js';

/** Global: every route needs a valid access token or API key unless it is marked `@Public()`. */
@Injectable()
export class JwtAuthGuard extends BearerAuthGuard {
  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    return isPublic ? Promise.resolve(true) : super.canActivate(context);
  }
}
