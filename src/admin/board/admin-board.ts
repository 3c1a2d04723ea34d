import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import passport from 'passport';
import type { AuthUser } from '../../auth/auth-user.js';
import { AppError, ErrorCode } from '../../common/errors/index.js';
import { QueueRegistry } from '../../queues/queue-registry.js';
import { AdminAccess } from '../admin-access.service.js';
import { readAdminCookie } from './admin-cookie.js';

export const BOARD_PATH = '/admin/queues';
export const LOGIN_PATH = '/admin/login';

/**
 * bull-board (Express adapter) at /admin/queues, over every queue, behind the same checks as
 * the admin API: the `jwt` passport strategy (the bearer header, or the access token the
 * login page put in the admin cookie) and then the admin role. Mounted on the Express app
 * rather than as a Nest route because bull-board is an Express router with its own paths;
 * at module init, which Nest runs after its own routes and before its 404 handler.
 */
@Injectable()
export class AdminBoard implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly queues: QueueRegistry,
    private readonly access: AdminAccess,
  ) {}

  onModuleInit(): void {
    const serverAdapter = new ExpressAdapter().setBasePath(BOARD_PATH);
    createBullBoard({
      queues: this.queues.all().map((queue) => new BullAdapter(queue)),
      serverAdapter,
    });
    const app = this.adapterHost.httpAdapter.getInstance<{
      use(path: string, ...handlers: RequestHandler[]): void;
    }>();
    app.use(BOARD_PATH, this.guard(), serverAdapter.getRouter() as RequestHandler);
  }

  private guard(): RequestHandler {
    return (req: Request, res: Response, next: NextFunction) => {
      const cookie = readAdminCookie(req);
      if (!req.headers.authorization && cookie) req.headers.authorization = `Bearer ${cookie}`;
      const authenticate = passport.authenticate(
        'jwt',
        { session: false },
        (error: unknown, user: AuthUser | false) => {
          if (error) return next(error);
          if (!user) {
            // A person opening the page is sent to the login form; API calls get the 401 body.
            if (req.method === 'GET' && req.accepts(['json', 'html']) === 'html')
              return res.redirect(303, LOGIN_PATH);
            return next(new AppError(ErrorCode.UNAUTHORIZED, 'A valid access token is required'));
          }
          this.access
            .isAdmin(user)
            .then(
              (admin) =>
                admin
                  ? next()
                  : next(new AppError(ErrorCode.FORBIDDEN, 'Only administrators may do this')),
              next,
            );
        },
      ) as RequestHandler;
      authenticate(req, res, next);
    };
  }
}
