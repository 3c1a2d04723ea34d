import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'ArithmeticChecks', description: 'Whether the amounts add up' })
export class ArithmeticChecksDto {
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'Line items add up to the subtotal; null when either is missing',
  })
  itemsMatchSubtotal: boolean | null;

  @ApiProperty({
    type: Boolean,
    nullable: true,
    description:
      'subtotal (or the items’ sum) + tax + tip − discount = total (tax possibly included in the prices); null when the total or every base is missing',
  })
  totalsAdd: boolean | null;

  @ApiProperty({
    type: [String],
    example: ['Line items add up to 12.40, the subtotal is 12.90'],
    description: 'Why the receipt needs a human look; empty when nothing is suspect',
  })
  issues: string[];
}
