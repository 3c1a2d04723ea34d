import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type SelectQueryBuilder } from 'typeorm';
import type { ReceiptFiltersQuery } from '../dto/receipt-filters.query.js';
import { ReceiptEntity } from '../receipt.entity.js';
import { applyReceiptFilters, TSQUERY_SQL } from './receipt-filters.js';
import { RELEVANCE_EXPRESSION, SORTS, type SortKey, type SortOrder } from './receipt-sort.js';
import type { CursorPosition } from './search-cursor.js';

export interface SearchPageRequest {
  filters: ReceiptFiltersQuery;
  sort: SortKey;
  order: SortOrder;
  limit: number;
  /** Keyset position to continue after. */
  after?: CursorPosition;
  /** Offset paging (deprecated form). */
  offset?: number;
  withTotal: boolean;
}

export interface SearchHit {
  receipt: ReceiptEntity;
  /** The sort key's value as PostgreSQL prints it, for the next cursor. */
  sortValue: string;
  snippet: string | null;
}

// ts_headline options: one short fragment, marked with « » (plain text: the snippet comes from
// OCR text a user controls, so it must never be rendered as HTML).
const HEADLINE_OPTIONS =
  'StartSel=«, StopSel=», MaxWords=18, MinWords=6, MaxFragments=1, FragmentDelimiter=" … "';

/** Search queries of one owner's receipts; every filter and sort is served by an index. */
@Injectable()
export class ReceiptSearchRepository {
  constructor(
    @InjectRepository(ReceiptEntity) private readonly receipts: Repository<ReceiptEntity>,
  ) {}

  /** The filtered query of `receipts r`, for callers that read it their own way (exports). */
  filtered(ownerId: string, filters: ReceiptFiltersQuery): SelectQueryBuilder<ReceiptEntity> {
    return applyReceiptFilters(this.receipts.createQueryBuilder('r'), ownerId, filters);
  }

  sortExpression(sort: SortKey): string {
    return sort === 'relevance'
      ? RELEVANCE_EXPRESSION.replace(':tsquery', TSQUERY_SQL)
      : SORTS[sort].expression;
  }

  /** The query of one page (without the total), as findPage runs it; the bench explains it. */
  pageQuery(
    ownerId: string,
    request: Omit<SearchPageRequest, 'withTotal'>,
  ): SelectQueryBuilder<ReceiptEntity> {
    const { filters, sort, order, limit } = request;
    const key = this.sortExpression(sort);
    const direction = order === 'asc' ? 'ASC' : 'DESC';
    const qb = this.filtered(ownerId, filters);
    qb.addSelect(`(${key})::text`, 'sort_value');
    if (filters.q) {
      qb.addSelect(
        `ts_headline('simple', concat_ws(' · ', r.merchant_name, r.note, r.ocr_text), ${TSQUERY_SQL}, '${HEADLINE_OPTIONS}')`,
        'snippet',
      );
    }
    if (request.after) {
      const type = SORTS[sort].type;
      qb.andWhere(
        `(${key}, r.id) ${order === 'asc' ? '>' : '<'} (:afterValue::${type}, :afterId::uuid)`,
        { afterValue: request.after.value, afterId: request.after.id },
      );
    }
    qb.orderBy(key, direction).addOrderBy('r.id', direction).limit(limit);
    if (request.offset) qb.offset(request.offset);
    return qb;
  }

  async findPage(
    ownerId: string,
    request: SearchPageRequest,
  ): Promise<{ hits: SearchHit[]; total: number | null }> {
    const total = request.withTotal
      ? await this.filtered(ownerId, request.filters).getCount()
      : null;
    const qb = this.pageQuery(ownerId, request);
    const { entities, raw } = await qb.getRawAndEntities<{
      sort_value: string;
      snippet?: string;
    }>();
    const hits = entities.map((receipt, index) => ({
      receipt,
      sortValue: raw[index].sort_value,
      snippet: raw[index].snippet ?? null,
    }));
    return { hits, total };
  }
}
