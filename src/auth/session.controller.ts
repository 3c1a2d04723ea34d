import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/decorators/public.decorator.js';
import { AuthService } from './auth.service.js';
import { AccessTokenResponseDto } from './dto/access-token.response.dto.js';
import { CredentialsDto } from './dto/credentials.dto.js';
import type { TokenResponseDto } from './dto/token.response.dto.js';
import { RefreshCookie } from './refresh-cookie.js';
import { AuthThrottlerGuard } from './throttling/auth-throttler.guard.js';

/**
 * Browser sessions (the web app, issue 12): the same sessions as login/refresh, but the refresh
 * token travels only in an httpOnly cookie, so page scripts never hold it. Sign out with
 * POST /v1/auth/logout, which also clears the cookie.
 */
@ApiTags('auth')
@Controller('v1/auth/session')
export class SessionController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookie: RefreshCookie,
  ) {}

  @Public()
  @UseGuards(AuthThrottlerGuard)
  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in from a browser: an access token, and the refresh token as a cookie',
    description:
      'Sets `rv_refresh` (httpOnly, SameSite=Strict, Path=/v1/auth, Secure in production); the body has ' +
      'no refresh token. Renew with POST /v1/auth/session/refresh.',
  })
  @ApiOkResponse({ type: AccessTokenResponseDto })
  @ApiUnauthorizedResponse({
    description: 'INVALID_CREDENTIALS (same for unknown email and wrong password)',
  })
  @ApiUnprocessableEntityResponse({ description: 'VALIDATION_FAILED' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with Retry-After' })
  async signIn(
    @Body() body: CredentialsDto,
    @Res({ passthrough: true }) res: Response,
    @Req() req: Request,
  ): Promise<AccessTokenResponseDto> {
    const tokens = await this.auth.login(body.email, body.password, req.get('user-agent'));
    return this.inCookie(tokens, res);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Renew a browser session: rotates the cookie, returns a new access token',
    description:
      'Reads the cookie only from same-origin browser requests (`Sec-Fetch-Site`). Reusing an old cookie ' +
      'revokes the whole session.',
  })
  @ApiOkResponse({ type: AccessTokenResponseDto })
  @ApiUnauthorizedResponse({ description: 'INVALID_REFRESH_TOKEN (also when there is no cookie)' })
  async refresh(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AccessTokenResponseDto> {
    return this.inCookie(await this.auth.refresh(this.cookie.read(req)), res);
  }

  private inCookie(tokens: TokenResponseDto, res: Response): AccessTokenResponseDto {
    this.cookie.write(res, tokens.refreshToken);
    return {
      accessToken: tokens.accessToken,
      tokenType: tokens.tokenType,
      expiresIn: tokens.expiresIn,
    };
  }
}
