import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ReceiptResponseDto } from './receipt.response.dto.js';

@ApiSchema({
  name: 'ReceiptSearchHit',
  description: 'A receipt in a list, with its search snippet',
})
export class ReceiptSearchHitDto extends ReceiptResponseDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'With q: a short extract with the matches between « and » (plain text, not HTML)',
  })
  snippet: string | null;
}

@ApiSchema({ name: 'ReceiptPage', description: 'One page of receipts' })
export class ReceiptSearchPageDto {
  @ApiProperty({ type: [ReceiptSearchHitDto] })
  items: ReceiptSearchHitDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;

  @ApiProperty({
    description:
      'Receipts matching the filters, over all pages: exact with `includeTotal=true` or `page`; otherwise ' +
      'counted up to 1,000, and then a lower bound (`totalExact: false`)',
  })
  total: number;

  @ApiProperty({
    description: 'false when more receipts match than `total` says (it is then a lower bound)',
  })
  totalExact: boolean;

  @ApiProperty({ description: 'Deprecated offset paging: the page number (1 in cursor mode)' })
  page: number;

  @ApiProperty({ description: 'The page size (`limit`, or the deprecated `pageSize`)' })
  pageSize: number;
}
