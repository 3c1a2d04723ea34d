import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser } from '../../auth/current-user.decorator.js';
import { RequiresScope } from '../../auth/requires-scope.decorator.js';
import { ReceiptStatsDto } from '../dto/receipt-stats.response.dto.js';
import { ReceiptStatsQuery } from '../dto/receipt-stats.query.js';
import { ReceiptSearchService } from '../search/receipt-search.service.js';

/** Registered before ReceiptsController, so `stats` is not taken for a receipt id. */
@ApiTags('receipts: finding and totalling')
@ApiBearerAuth()
@Controller('v1/receipts/stats')
export class ReceiptStatsController {
  constructor(private readonly search: ReceiptSearchService) {}

  @RequiresScope('receipts:read')
  @Get()
  @ApiOperation({
    summary: 'Totals per currency: count, sum of totals and tax, average, groups, top merchants',
    description:
      'Takes the same filters as GET /v1/receipts. Amounts in different currencies are never added ' +
      'together; receipts in the trash are left out.',
  })
  @ApiOkResponse({ type: ReceiptStatsDto })
  @ApiUnprocessableEntityResponse({
    description: 'VALIDATION_FAILED: a bad filter, from after to, minTotal above maxTotal',
  })
  stats(
    @CurrentUser() user: AuthUser,
    @Query() query: ReceiptStatsQuery,
  ): Promise<ReceiptStatsDto> {
    return this.search.stats(user.id, query);
  }
}
