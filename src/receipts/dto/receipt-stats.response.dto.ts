import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { STATS_GROUPS, type StatsGroup } from '../search/receipt-stats.repository.js';

@ApiSchema({ name: 'StatsAggregate', description: 'Totals of a set of receipts in one currency' })
export class StatsAggregateDto {
  @ApiProperty({ description: 'Receipts, with or without a total' })
  count: number;

  @ApiProperty({ nullable: true, type: String, example: '1234.50', description: 'Sum of totals' })
  sumTotal: string | null;

  @ApiProperty({ nullable: true, type: String, example: '98.10', description: 'Sum of tax totals' })
  sumTax: string | null;

  @ApiProperty({ nullable: true, type: String, example: '41.15', description: 'Average total' })
  averageTotal: string | null;
}

@ApiSchema({ name: 'StatsGroup' })
export class StatsGroupDto extends StatsAggregateDto {
  @ApiProperty({
    nullable: true,
    type: String,
    example: '2024-03',
    description: 'Month (YYYY-MM), ISO week (YYYY-Www), merchant, category or tag; null: none',
  })
  key: string | null;
}

@ApiSchema({ name: 'StatsMerchant' })
export class StatsMerchantDto extends StatsAggregateDto {
  @ApiProperty()
  merchant: string;
}

@ApiSchema({ name: 'CurrencyStats', description: 'Everything for one currency' })
export class CurrencyStatsDto extends StatsAggregateDto {
  @ApiProperty({ nullable: true, type: String, example: 'EUR', description: 'null: not read' })
  currency: string | null;

  @ApiProperty({ type: [StatsGroupDto], description: 'At most 100, largest (or earliest) first' })
  groups: StatsGroupDto[];

  @ApiProperty({ type: [StatsMerchantDto], description: 'The five largest by sum of totals' })
  topMerchants: StatsMerchantDto[];
}

@ApiSchema({ name: 'ReceiptStats' })
export class ReceiptStatsDto {
  @ApiProperty({ enum: STATS_GROUPS })
  groupBy: StatsGroup;

  @ApiProperty({
    type: [CurrencyStatsDto],
    description: 'One entry per currency: amounts in different currencies are never added',
  })
  currencies: CurrencyStatsDto[];
}
