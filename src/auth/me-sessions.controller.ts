import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { sessionIdOf, type AuthUser } from './auth-user.js';
import { AuthService, sessionNotFound } from './auth.service.js';
import { CurrentUser } from './current-user.decorator.js';
import { SessionResponseDto } from './dto/session.response.dto.js';
import { SignedOutSessionsResponseDto } from './dto/signed-out-sessions.response.dto.js';

const NOT_FOUND = 'SESSION_NOT_FOUND: no such live session of yours';
const CACHE_DOWN = 'DEPENDENCY_UNAVAILABLE: could not be ended everywhere yet; retry (idempotent)';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('v1/me/sessions')
export class MeSessionsController {
  constructor(private readonly auth: AuthService) {}

  @Get()
  @ApiOperation({
    summary: 'Your live sessions, most recently used first',
    description: 'Every sign-in that has not signed out or expired; `current` marks this one.',
  })
  @ApiOkResponse({ type: [SessionResponseDto] })
  list(@CurrentUser() user: AuthUser): Promise<SessionResponseDto[]> {
    return this.auth.listSessions(user.id, sessionIdOf(user));
  }

  @Post('sign-out-others')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign out everywhere else',
    description: 'Ends every session but this one: their tokens stop working at once.',
  })
  @ApiOkResponse({ type: SignedOutSessionsResponseDto })
  @ApiServiceUnavailableResponse({ description: CACHE_DOWN })
  signOutOthers(@CurrentUser() user: AuthUser): Promise<SignedOutSessionsResponseDto> {
    return this.auth.endOtherSessions(user.id, sessionIdOf(user));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out one session',
    description: 'Its tokens stop working at once. Ending the current one is the same as logout.',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiServiceUnavailableResponse({ description: CACHE_DOWN })
  signOut(
    @CurrentUser() user: AuthUser,
    // A malformed id names no session: answered exactly as an unknown one.
    @Param('id', new ParseUUIDPipe({ exceptionFactory: sessionNotFound })) id: string,
  ): Promise<void> {
    return this.auth.endSession(user.id, id);
  }
}
