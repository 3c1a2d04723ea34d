import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** A rectangle on a page: image pixels (after EXIF rotation) or PDF points, origin top-left. */
@ApiSchema({
  name: 'SourceBox',
  description:
    'A rectangle on a page: image pixels (after EXIF rotation) or PDF points, origin top-left',
})
export class SourceBoxDto {
  @ApiProperty({ example: 42 })
  x0: number;

  @ApiProperty({ example: 1710 })
  y0: number;

  @ApiProperty({ example: 980 })
  x1: number;

  @ApiProperty({ example: 1756 })
  y1: number;
}
