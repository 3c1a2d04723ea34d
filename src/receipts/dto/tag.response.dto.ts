import { ApiProperty } from '@nestjs/swagger';
import type { TagWithCount } from '../tags/tags.repository.js';

export class TagResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'travel' })
  name: string;

  @ApiProperty({ description: 'Receipts with this tag (the trash not counted)' })
  count: number;

  @ApiProperty()
  createdAt: string;

  static from(tag: TagWithCount): TagResponseDto {
    return { id: tag.id, name: tag.name, count: tag.count, createdAt: tag.createdAt.toISOString() };
  }
}

export class TagListDto {
  @ApiProperty({ type: [TagResponseDto], description: 'By name' })
  items: TagResponseDto[];
}
