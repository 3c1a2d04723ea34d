import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ReceiptResponseDto } from './receipt.response.dto.js';

@ApiSchema({ name: 'TrashedReceipt', description: 'A receipt in the trash' })
export class TrashedReceiptDto extends ReceiptResponseDto {
  @ApiProperty({
    description: 'When it will be purged for good (TRASH_RETENTION_DAYS after deletedAt)',
  })
  purgeAfter: string;
}

@ApiSchema({ name: 'TrashPage' })
export class TrashPageDto {
  @ApiProperty({ type: [TrashedReceiptDto], description: 'Most recently trashed first' })
  items: TrashedReceiptDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page' })
  nextCursor: string | null;
}
