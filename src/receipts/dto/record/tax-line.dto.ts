import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'TaxLine', description: 'A tax line as printed' })
export class TaxLineDto {
  @ApiProperty({ example: 'VAT 20%' })
  label: string;

  @ApiPropertyOptional({
    example: '20.00',
    description: 'Percent as a decimal string, when printed',
  })
  rate?: string;

  @ApiProperty({ example: '7.08', description: 'Decimal string' })
  amount: string;
}
