import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/decorators/public.decorator.js';
import { UserResponseDto } from '../users/user.response.dto.js';
import { AuthService } from './auth.service.js';
import { type AuthUser, sessionIdOf } from './auth-user.js';
import { CurrentUser } from './current-user.decorator.js';
import { CredentialsDto } from './dto/credentials.dto.js';
import { RefreshDto } from './dto/refresh.dto.js';
import { TokenResponseDto } from './dto/token.response.dto.js';
import { RefreshCookie } from './refresh-cookie.js';
import { AuthThrottlerGuard } from './throttling/auth-throttler.guard.js';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookie: RefreshCookie,
  ) {}

  @Public()
  @UseGuards(AuthThrottlerGuard)
  @Post('register')
  @ApiOperation({
    summary: 'Create an account (email is case-insensitive; password 10–128 characters)',
  })
  @ApiCreatedResponse({ type: UserResponseDto })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN' })
  @ApiUnprocessableEntityResponse({ description: 'VALIDATION_FAILED, with field details' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with Retry-After' })
  async register(@Body() body: CredentialsDto): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.auth.register(body.email, body.password));
  }

  @Public()
  @UseGuards(AuthThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange email and password for an access token and a refresh token' })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiUnauthorizedResponse({
    description: 'INVALID_CREDENTIALS (same for unknown email and wrong password)',
  })
  @ApiUnprocessableEntityResponse({ description: 'VALIDATION_FAILED' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with Retry-After' })
  login(@Body() body: CredentialsDto, @Req() req: Request): Promise<TokenResponseDto> {
    return this.auth.login(body.email, body.password, req.get('user-agent'));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate a refresh token; reusing an old one revokes the whole session' })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiUnauthorizedResponse({ description: 'INVALID_REFRESH_TOKEN' })
  refresh(@Body() body: RefreshDto): Promise<TokenResponseDto> {
    return this.auth.refresh(body.refreshToken);
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({
    summary: 'End this session: its refresh tokens and access tokens stop working',
    description: 'Also clears the cookie of a browser session (POST /v1/auth/session)',
  })
  @ApiNoContentResponse()
  @ApiUnauthorizedResponse({ description: 'UNAUTHORIZED' })
  logout(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<void> {
    this.cookie.clear(res);
    return this.auth.logout(sessionIdOf(user));
  }
}
