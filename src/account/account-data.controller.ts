import { Controller, Delete, Get, HttpCode, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { AccountDataService } from './account-data.service.js';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('v1/me')
export class AccountDataController {
  constructor(private readonly account: AccountDataService) {}

  @Get('export')
  @ApiOperation({
    summary: 'Everything you own as one JSON document',
    description:
      '`{ exportedAt, user, tags, batches, receipts: [...] }`: every receipt (the trash too) as stored — record, ' +
      'corrections, OCR text and lines, timings — with its history. Streamed. The original files are in ' +
      'GET /v1/exports/receipts.zip.',
  })
  @ApiProduces('application/json')
  @ApiOkResponse({ description: 'application/json attachment' })
  async export(@CurrentUser() user: AuthUser): Promise<StreamableFile> {
    const stream = await this.account.exportAll(user.id);
    return new StreamableFile(stream, {
      type: 'application/json; charset=utf-8',
      disposition: `attachment; filename="receipt-vault-export-${new Date().toISOString().slice(0, 10)}.json"`,
    });
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete your account and everything in it',
    description:
      'Removes the account, its sessions (every token stops working at once), receipts, files, tags, ' +
      'history, search entries and cached copies. It cannot be undone: export first.',
  })
  @ApiNoContentResponse()
  delete(@CurrentUser() user: AuthUser): Promise<void> {
    return this.account.deleteAccount(user.id);
  }
}
