import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppError, ErrorCode } from '../../common/errors/index.js';
import type { FieldError } from '../../common/pipes/validation.pipe.js';
import type { AllConfig } from '../../config/configuration.js';
import type { ListReceiptsQuery } from '../dto/list-receipts.query.js';
import type { ReceiptFiltersQuery } from '../dto/receipt-filters.query.js';
import { ReceiptResponseDto } from '../dto/receipt.response.dto.js';
import type { ReceiptSearchPageDto } from '../dto/receipt-search.response.dto.js';
import type { ReceiptStatsDto } from '../dto/receipt-stats.response.dto.js';
import type { ReceiptStatsQuery } from '../dto/receipt-stats.query.js';
import { ReceiptSearchRepository } from './receipt-search.repository.js';
import { ReceiptStatsRepository } from './receipt-stats.repository.js';
import { SORTS, type SortKey } from './receipt-sort.js';
import { TOTAL_COUNT_CAP } from './search-limits.js';
import { fingerprintOf, SearchCursorCodec } from './search-cursor.js';

const DEFAULT_LIMIT = 20;
/** A search term needs a letter or digit: anything else is only punctuation or operators. */
const SEARCHABLE = /[\p{L}\p{N}]/u;

function invalid(details: FieldError[]): AppError {
  return new AppError(ErrorCode.VALIDATION_FAILED, 'The request is not valid', { details });
}

/** The filters as the cursor fingerprint sees them (paging fields excluded). */
function filtersOf(query: ReceiptFiltersQuery): ReceiptFiltersQuery {
  const { q, from, to, minTotal, maxTotal, currency, merchant, tag, category, status } = query;
  const { hasIssues, duplicates } = query;
  return {
    q,
    from,
    to,
    minTotal,
    maxTotal,
    currency,
    merchant,
    tag,
    category,
    status,
    hasIssues,
    duplicates,
  };
}

/** Cross-field rules the DTO cannot express; each broken rule is a 422 with the field. */
export function assertFiltersCoherent(query: ReceiptFiltersQuery): void {
  const errors: FieldError[] = [];
  if (query.q !== undefined && !SEARCHABLE.test(query.q)) {
    errors.push({ field: 'q', messages: ['q must contain a letter or a digit'] });
  }
  if (query.from && query.to && query.from > query.to) {
    errors.push({ field: 'from', messages: ['from must not be after to'] });
  }
  if (query.minTotal && query.maxTotal && Number(query.minTotal) > Number(query.maxTotal)) {
    errors.push({ field: 'minTotal', messages: ['minTotal must not be above maxTotal'] });
  }
  for (const field of ['from', 'to'] as const) {
    const value = query[field];
    if (value && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
      errors.push({ field, messages: [`${field} is not a real calendar day`] });
    }
  }
  if (errors.length) throw invalid(errors);
}

@Injectable()
export class ReceiptSearchService {
  private readonly cursors: SearchCursorCodec;

  constructor(
    private readonly search: ReceiptSearchRepository,
    private readonly statsRepository: ReceiptStatsRepository,
    config: ConfigService<AllConfig, true>,
  ) {
    this.cursors = new SearchCursorCodec(config.getOrThrow('auth', { infer: true }).jwtSecret);
  }

  async list(ownerId: string, query: ListReceiptsQuery): Promise<ReceiptSearchPageDto> {
    assertFiltersCoherent(query);
    const sort: SortKey = query.sort ?? (query.q ? 'relevance' : 'created');
    if (sort === 'relevance' && !query.q) {
      throw invalid([{ field: 'sort', messages: ['sort=relevance needs q'] }]);
    }
    if (query.cursor && query.page) {
      throw invalid([{ field: 'cursor', messages: ['use either cursor or page, not both'] }]);
    }
    const order = query.order ?? SORTS[sort].defaultOrder;
    const limit = query.limit ?? query.pageSize ?? DEFAULT_LIMIT;
    const filters = filtersOf(query);
    const fingerprint = fingerprintOf({ filters, sort, order });
    const after = query.cursor ? this.cursors.decode(query.cursor, fingerprint) : undefined;
    const page = query.page ?? 1;

    // One row more than asked tells whether another page follows.
    const { hits, count, floor } = await this.search.findPage(ownerId, {
      filters,
      sort,
      order,
      limit: limit + 1,
      after,
      offset: query.page ? (page - 1) * limit : undefined,
      // The page form numbers pages, so it keeps its exact count.
      countUpTo: query.includeTotal || query.page ? undefined : TOTAL_COUNT_CAP,
    });
    const pageHits = hits.slice(0, limit);
    const last = pageHits.at(-1);
    return {
      items: pageHits.map((hit) => ({
        ...ReceiptResponseDto.from(hit.receipt),
        snippet: hit.snippet,
      })),
      nextCursor:
        hits.length > limit && last
          ? this.cursors.encode(
              { value: last.sortValue, id: last.receipt.id, ...(floor ? { floor } : {}) },
              fingerprint,
            )
          : null,
      total: count.total,
      totalExact: count.exact,
      page,
      pageSize: limit,
    };
  }

  async stats(ownerId: string, query: ReceiptStatsQuery): Promise<ReceiptStatsDto> {
    assertFiltersCoherent(query);
    const { totals, groups, topMerchants } = await this.statsRepository.stats(
      ownerId,
      filtersOf(query),
      query.groupBy,
    );
    const strip = <T extends { currency: string | null }>({ currency: _c, ...rest }: T) => rest;
    return {
      groupBy: query.groupBy,
      currencies: totals.map((total) => ({
        ...total,
        groups: groups.filter((g) => g.currency === total.currency).map(strip),
        topMerchants: topMerchants.filter((m) => m.currency === total.currency).map(strip),
      })),
    };
  }
}
