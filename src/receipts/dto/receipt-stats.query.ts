import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { STATS_GROUPS, type StatsGroup } from '../search/receipt-stats.repository.js';
import { ReceiptFiltersQuery } from './receipt-filters.query.js';

export class ReceiptStatsQuery extends ReceiptFiltersQuery {
  @ApiPropertyOptional({
    enum: STATS_GROUPS,
    default: 'month',
    description: 'month and week by receipt date (ISO weeks); tag counts a receipt once per tag',
  })
  @IsOptional()
  @IsIn(STATS_GROUPS)
  groupBy: StatsGroup = 'month';
}
