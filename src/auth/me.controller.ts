import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { UserResponseDto } from '../users/user.response.dto.js';
import { UsersRepository } from '../users/users.repository.js';
import { AppError, ErrorCode } from '../common/errors/index.js';
import type { AuthUser } from './auth-user.js';
import { CurrentUser } from './current-user.decorator.js';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('v1/me')
export class MeController {
  constructor(private readonly users: UsersRepository) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiUnauthorizedResponse({ description: 'UNAUTHORIZED' })
  async me(@CurrentUser() user: AuthUser): Promise<UserResponseDto> {
    const found = await this.users.findById(user.id);
    if (!found) throw new AppError(ErrorCode.UNAUTHORIZED, 'A valid access token is required');
    return UserResponseDto.from(found);
  }
}
