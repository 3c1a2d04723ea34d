import { Injectable } from '@nestjs/common';
import { AppError, ErrorCode } from '../../common/errors/index.js';
import { TagListDto, TagResponseDto } from '../dto/tag.response.dto.js';
import { ReceiptCache } from '../receipt-cache.js';
import { TagsRepository } from './tags.repository.js';

function notFound(): AppError {
  return new AppError(ErrorCode.TAG_NOT_FOUND, 'Tag not found');
}

@Injectable()
export class TagsService {
  constructor(
    private readonly tags: TagsRepository,
    private readonly cache: ReceiptCache,
  ) {}

  async list(ownerId: string): Promise<TagListDto> {
    const tags = await this.tags.listForOwner(ownerId);
    return { items: tags.map((tag) => TagResponseDto.from(tag)) };
  }

  async rename(id: string, ownerId: string, name: string): Promise<TagResponseDto> {
    const outcome = await this.tags.renameForOwner(id, ownerId, name.trim());
    if (outcome === 'not_found') throw notFound();
    if (outcome === 'taken')
      throw new AppError(ErrorCode.TAG_EXISTS, 'You already have a tag with this name');
    await this.invalidateReceiptsOf(id, ownerId);
    const tag = (await this.tags.listForOwner(ownerId)).find((t) => t.id === id);
    if (!tag) throw notFound();
    return TagResponseDto.from(tag);
  }

  async delete(id: string, ownerId: string): Promise<void> {
    const receipts = await this.tags.deleteForOwner(id, ownerId);
    if (!receipts) throw notFound();
    await Promise.all(receipts.map((receiptId) => this.cache.invalidate(receiptId)));
  }

  private async invalidateReceiptsOf(id: string, ownerId: string): Promise<void> {
    const receipts = await this.tags.receiptIdsForOwner(id, ownerId);
    await Promise.all(receipts.map((receiptId) => this.cache.invalidate(receiptId)));
  }
}
