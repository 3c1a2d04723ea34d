import {
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/decorators/public.decorator.js';
import type { AllConfig } from '../../config/configuration.js';
import { AdminGuard } from '../admin.guard.js';
import { clearAdminCookie, setAdminCookie } from './admin-cookie.js';
import { LOGIN_PAGE } from './login-page.js';

/** The browser side of bull-board's protection: a login form and the admin cookie. */
@ApiExcludeController()
@Controller('admin')
export class AdminSessionController {
  constructor(private readonly config: ConfigService<AllConfig, true>) {}

  @Public()
  @Get('login')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  loginPage(): string {
    return LOGIN_PAGE;
  }

  /** Bearer token of an admin in, the same token out as the HttpOnly admin cookie. */
  @Post('session')
  @HttpCode(204)
  @UseGuards(AdminGuard)
  startSession(@Req() req: Request, @Res({ passthrough: true }) res: Response): void {
    const token = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    const ttl = this.config.getOrThrow('auth', { infer: true }).accessTtlSeconds;
    setAdminCookie(req, res, token, ttl);
  }

  @Public()
  @Delete('session')
  @HttpCode(204)
  endSession(@Res({ passthrough: true }) res: Response): void {
    clearAdminCookie(res);
  }
}
