import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { SORT_KEYS, type SortKey, type SortOrder } from '../search/receipt-sort.js';
import { queryBoolean } from './query-transforms.js';
import { ReceiptFiltersQuery } from './receipt-filters.query.js';

export class ListReceiptsQuery extends ReceiptFiltersQuery {
  @ApiPropertyOptional({
    enum: SORT_KEYS,
    description:
      'Default: `relevance` with `q`, else `created`. `relevance` ranks the newest 1,000 matches when more ' +
      'match. `date` and `total` put receipts without one last (descending); `confidence` ascending is the ' +
      'review queue (least certain first).',
  })
  @IsOptional()
  @IsIn(SORT_KEYS)
  sort?: SortKey;

  @ApiPropertyOptional({
    enum: ['asc', 'desc'],
    description: 'Default: asc for merchant and confidence, desc otherwise',
  })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: SortOrder;

  @ApiPropertyOptional({
    description:
      '`nextCursor` of the previous page: pages stay correct while new receipts arrive. Only valid with ' +
      'the same filters and sort.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20, description: 'Page size' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({
    default: false,
    description:
      'true: `total` counts every match exactly (`totalExact: true`), at the cost of a count over all of ' +
      'them on every page (hundreds of milliseconds at 100,000 receipts). Otherwise matches are counted up ' +
      'to 1,000 and `totalExact` is false when there are more. The deprecated page form always counts exactly.',
  })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'includeTotal must be true or false' })
  includeTotal?: boolean;

  @ApiPropertyOptional({
    minimum: 1,
    default: 1,
    deprecated: true,
    description:
      'Deprecated: offset paging (slow deep down, shifts as receipts arrive). Use cursor.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 100,
    default: 20,
    deprecated: true,
    description: 'Deprecated: the page size of offset paging; same as limit.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}
