import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { queryBoolean } from './query-transforms.js';
import { ReceiptFiltersQuery } from './receipt-filters.query.js';

export class ExportQuery extends ReceiptFiltersQuery {
  @ApiPropertyOptional({
    default: false,
    description: 'Start the CSV with a UTF-8 byte order mark, so Excel reads accents right',
  })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'bom must be true or false' })
  bom: boolean = false;
}
