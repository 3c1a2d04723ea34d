import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { queryBoolean } from './query-transforms.js';

export class DeleteReceiptQuery {
  @ApiPropertyOptional({
    default: false,
    description: 'Delete now (row, file, cache, search entry) instead of moving to the trash',
  })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'permanent must be true or false' })
  permanent: boolean = false;
}
