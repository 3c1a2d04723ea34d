import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser } from '../../auth/current-user.decorator.js';
import { apiKeyNotFound, ApiKeysService } from '../api-keys.service.js';
import { CreateApiKeyDto } from '../dto/create-api-key.dto.js';
import { ApiKeyResponseDto } from '../dto/api-key.response.dto.js';
import { CreatedApiKeyResponseDto } from '../dto/created-api-key.response.dto.js';

const SESSION_ONLY = 'SESSION_REQUIRED: API keys cannot manage API keys';

/** No @RequiresScope: managing keys needs a signed-in user, never a key. */
@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiOperation({
    summary: 'Create a scoped API key; the key is in this answer only',
    description:
      'Send the key as `X-API-Key: rv_…` or `Authorization: Bearer rv_…`. Each key is rate-limited on its own ' +
      '(API_KEY_RATE_LIMIT requests per API_KEY_RATE_TTL_SECONDS).',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyResponseDto })
  @ApiUnprocessableEntityResponse({
    description:
      'VALIDATION_FAILED: blank or long name, no or unknown scopes, expiresAt not ISO 8601 or not in the future',
  })
  @ApiConflictResponse({ description: 'API_KEY_LIMIT_REACHED' })
  @ApiForbiddenResponse({ description: SESSION_ONLY })
  create(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateApiKeyDto,
  ): Promise<CreatedApiKeyResponseDto> {
    return this.apiKeys.create(user.id, body);
  }

  @Get()
  @ApiOperation({
    summary: 'Your API keys, revoked and expired ones included (never the keys themselves)',
  })
  @ApiOkResponse({ type: [ApiKeyResponseDto] })
  @ApiForbiddenResponse({ description: SESSION_ONLY })
  list(@CurrentUser() user: AuthUser): Promise<ApiKeyResponseDto[]> {
    return this.apiKeys.list(user.id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key: it stops working at once' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'API_KEY_NOT_FOUND (also for other users’ keys)' })
  @ApiForbiddenResponse({ description: SESSION_ONLY })
  revoke(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => apiKeyNotFound() })) id: string,
  ): Promise<void> {
    return this.apiKeys.revoke(id, user.id);
  }
}
