import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser } from '../../auth/current-user.decorator.js';
import { RequiresScope } from '../../auth/requires-scope.decorator.js';
import { ReceiptResponseDto } from '../dto/receipt.response.dto.js';
import { TrashPageDto } from '../dto/trash.response.dto.js';
import { TrashQuery } from '../dto/trash.query.js';
import { TrashService } from '../trash/trash.service.js';
import { RECEIPT_ID } from './receipt-id.pipe.js';

@ApiTags('receipts: trash')
@ApiBearerAuth()
@Controller('v1')
export class TrashController {
  constructor(private readonly trash: TrashService) {}

  @RequiresScope('receipts:read')
  @Get('trash')
  @ApiOperation({
    summary: 'Receipts in the trash, most recently deleted first',
    description:
      'DELETE /v1/receipts/{id} moves a receipt here; it is purged for good TRASH_RETENTION_DAYS later ' +
      '(see purgeAfter), or at once with DELETE …?permanent=true.',
  })
  @ApiOkResponse({ type: TrashPageDto })
  @ApiBadRequestResponse({ description: 'INVALID_CURSOR' })
  list(@CurrentUser() user: AuthUser, @Query() query: TrashQuery): Promise<TrashPageDto> {
    return this.trash.list(user.id, query.limit, query.cursor);
  }

  @RequiresScope('receipts:write')
  @Post('receipts/:id/restore')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take a receipt out of the trash' })
  @ApiOkResponse({ type: ReceiptResponseDto })
  @ApiNotFoundResponse({ description: 'RECEIPT_NOT_FOUND: not in your trash' })
  restore(
    @CurrentUser() user: AuthUser,
    @Param('id', RECEIPT_ID) id: string,
  ): Promise<ReceiptResponseDto> {
    return this.trash.restore(id, user.id);
  }
}
