import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ClsService } from 'nestjs-cls';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser } from '../../auth/current-user.decorator.js';
import { RequiresScope } from '../../auth/requires-scope.decorator.js';
import { ReceiptCorrectionsService } from '../corrections/receipt-corrections.service.js';
import { etagOf } from '../corrections/etag.js';
import { TagNameDto } from '../dto/add-tag.dto.js';
import { PatchReceiptDto } from '../dto/patch-receipt.dto.js';
import { ReceiptHistoryDto, ReceiptHistoryEntryDto } from '../dto/receipt-history.response.dto.js';
import { ReceiptAcceptedDto, ReceiptResponseDto } from '../dto/receipt.response.dto.js';
import { RECEIPT_ID } from './receipt-id.pipe.js';

const NOT_FOUND = 'RECEIPT_NOT_FOUND (also for other users’ receipts and receipts in the trash)';
const WITH_ETAG = { ETag: { description: 'The new ETag', schema: { type: 'string' } } };

@ApiTags('receipts: corrections and review')
@ApiBearerAuth()
@Controller('v1/receipts')
export class ReceiptCorrectionsController {
  constructor(
    private readonly corrections: ReceiptCorrectionsService,
    private readonly cls: ClsService,
  ) {}

  @RequiresScope('receipts:write')
  @Patch(':id')
  @ApiOperation({
    summary: 'Correct a receipt (JSON merge-patch); needs If-Match',
    description:
      'Members present are set (`null` = no value); `lineItems` and `tags` replace the lists. Corrected fields get ' +
      '`source: "user"` and confidence 1 and survive reprocessing and re-extraction. The arithmetic checks run ' +
      'again, so the receipt may move between `needs_review` and `completed`. Every change is in the history.',
  })
  @ApiConsumes('application/merge-patch+json', 'application/json')
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag from GET' })
  @ApiBody({ type: PatchReceiptDto })
  @ApiOkResponse({ type: ReceiptResponseDto, headers: WITH_ETAG })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'RECEIPT_BUSY: still queued or processing' })
  @ApiPreconditionFailedResponse({ description: 'PRECONDITION_FAILED: the ETag is not current' })
  @ApiResponse({ status: 428, description: 'PRECONDITION_REQUIRED: If-Match is missing' })
  @ApiUnprocessableEntityResponse({
    description:
      'VALIDATION_FAILED: unknown field, wrong type, bad date or time, negative or over-precise amount ' +
      '(more decimals than the currency allows), unknown currency or category',
  })
  async patch(
    @CurrentUser() user: AuthUser,
    @Param('id', RECEIPT_ID) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() patch: PatchReceiptDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReceiptResponseDto> {
    return withEtag(res, await this.corrections.patch(id, user.id, ifMatch, patch));
  }

  @RequiresScope('receipts:read')
  @Get(':id/history')
  @ApiOperation({ summary: 'The audit trail: field, old, new, who, when (oldest first)' })
  @ApiOkResponse({ type: ReceiptHistoryDto })
  @ApiNotFoundResponse({ description: 'RECEIPT_NOT_FOUND (also for other users’ receipts)' })
  async history(
    @CurrentUser() user: AuthUser,
    @Param('id', RECEIPT_ID) id: string,
  ): Promise<ReceiptHistoryDto> {
    const entries = await this.corrections.history(id, user.id);
    return { items: entries.map((entry) => ReceiptHistoryEntryDto.from(entry)) };
  }

  @RequiresScope('receipts:write')
  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept the record as it is (status completed, confirmedAt, confirmedBy)',
  })
  @ApiOkResponse({ type: ReceiptResponseDto, headers: WITH_ETAG })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({
    description: 'RECEIPT_BUSY (still processing), RECEIPT_NOT_EXTRACTED (no record)',
  })
  async confirm(
    @CurrentUser() user: AuthUser,
    @Param('id', RECEIPT_ID) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReceiptResponseDto> {
    return withEtag(res, await this.corrections.confirm(id, user.id));
  }

  @RequiresScope('receipts:write')
  @Post(':id/reextract')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Run the parser again over the kept OCR text (no OCR); corrections survive',
    description:
      'Queued for a worker (milliseconds of work); watch the receipt or its events. The history records ' +
      'the old and new summary.',
  })
  @ApiAcceptedResponse({ type: ReceiptAcceptedDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({
    description: 'RECEIPT_BUSY (still processing), RECEIPT_NOT_EXTRACTED (no OCR text kept)',
  })
  @ApiServiceUnavailableResponse({
    description: 'DEPENDENCY_UNAVAILABLE (queue), with Retry-After',
  })
  reextract(
    @CurrentUser() user: AuthUser,
    @Param('id', RECEIPT_ID) id: string,
  ): Promise<ReceiptAcceptedDto> {
    return this.corrections.requestReextract(id, user.id, this.cls.getId());
  }

  @RequiresScope('receipts:write')
  @Post(':id/not-duplicate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Clear the possible-duplicate flag (it is not set again)' })
  @ApiOkResponse({ type: ReceiptResponseDto, headers: WITH_ETAG })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async notDuplicate(
    @CurrentUser() user: AuthUser,
    @Param('id', RECEIPT_ID) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReceiptResponseDto> {
    return withEtag(res, await this.corrections.markNotDuplicate(id, user.id));
  }

  @RequiresScope('receipts:write')
  @Post(':id/tags')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add a tag to a receipt (created when new; case-insensitive)' })
  @ApiOkResponse({ type: ReceiptResponseDto, headers: WITH_ETAG })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiUnprocessableEntityResponse({ description: 'VALIDATION_FAILED' })
  async addTag(
    @CurrentUser() user: AuthUser,
    @Param('id', RECEIPT_ID) id: string,
    @Body() body: TagNameDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReceiptResponseDto> {
    return withEtag(res, await this.corrections.addTag(id, user.id, body.name));
  }

  @RequiresScope('receipts:write')
  @Delete(':id/tags/:name')
  @ApiOperation({ summary: 'Take a tag off a receipt (the tag itself stays)' })
  @ApiOkResponse({ type: ReceiptResponseDto, headers: WITH_ETAG })
  @ApiNotFoundResponse({ description: `${NOT_FOUND}; TAG_NOT_FOUND: the receipt has no such tag` })
  async removeTag(
    @CurrentUser() user: AuthUser,
    @Param('id', RECEIPT_ID) id: string,
    @Param('name') name: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReceiptResponseDto> {
    return withEtag(res, await this.corrections.removeTag(id, user.id, name));
  }
}

function withEtag(res: Response, body: ReceiptResponseDto): ReceiptResponseDto {
  res.setHeader('ETag', etagOf(body.id, body.version));
  return body;
}
