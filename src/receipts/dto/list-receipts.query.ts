import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ReceiptStatus } from '../receipt-status.js';

export class ListReceiptsQuery {
  @ApiPropertyOptional({ enum: Object.values(ReceiptStatus), enumName: 'ReceiptStatus' })
  @IsOptional()
  @IsIn(Object.values(ReceiptStatus))
  status?: ReceiptStatus;

  @ApiPropertyOptional({ description: 'Text in the merchant name, filename or note' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize: number = 20;
}
