import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser } from '../../auth/current-user.decorator.js';
import { RequiresScope } from '../../auth/requires-scope.decorator.js';
import { AppError, ErrorCode } from '../../common/errors/index.js';
import { TagNameDto } from '../dto/add-tag.dto.js';
import { TagListDto, TagResponseDto } from '../dto/tag.response.dto.js';
import { TagsService } from '../tags/tags.service.js';

const TAG_ID = new ParseUUIDPipe({
  exceptionFactory: () => new AppError(ErrorCode.TAG_NOT_FOUND, 'Tag not found'),
});

@ApiTags('tags')
@ApiBearerAuth()
@Controller('v1/tags')
export class TagsController {
  constructor(private readonly tags: TagsService) {}

  @RequiresScope('receipts:read')
  @Get()
  @ApiOperation({ summary: 'Your tags with how many receipts carry each' })
  @ApiOkResponse({ type: TagListDto })
  list(@CurrentUser() user: AuthUser): Promise<TagListDto> {
    return this.tags.list(user.id);
  }

  @RequiresScope('receipts:write')
  @Patch(':tagId')
  @ApiOperation({ summary: 'Rename a tag (on every receipt that has it)' })
  @ApiOkResponse({ type: TagResponseDto })
  @ApiNotFoundResponse({ description: 'TAG_NOT_FOUND (also for other users’ tags)' })
  @ApiConflictResponse({ description: 'TAG_EXISTS: another of your tags has that name' })
  @ApiUnprocessableEntityResponse({ description: 'VALIDATION_FAILED' })
  rename(
    @CurrentUser() user: AuthUser,
    @Param('tagId', TAG_ID) id: string,
    @Body() body: TagNameDto,
  ): Promise<TagResponseDto> {
    return this.tags.rename(id, user.id, body.name);
  }

  @RequiresScope('receipts:write')
  @Delete(':tagId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a tag and take it off every receipt' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'TAG_NOT_FOUND (also for other users’ tags)' })
  delete(@CurrentUser() user: AuthUser, @Param('tagId', TAG_ID) id: string): Promise<void> {
    return this.tags.delete(id, user.id);
  }
}
