import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type SelectQueryBuilder } from 'typeorm';
import type { ReceiptFiltersQuery } from '../dto/receipt-filters.query.js';
import { ReceiptEntity } from '../receipt.entity.js';
import { applyReceiptFilters, TSQUERY_SQL } from './receipt-filters.js';
import { RELEVANCE_EXPRESSION, SORTS, type SortKey, type SortOrder } from './receipt-sort.js';
import type { CursorPosition } from './search-cursor.js';
import { RANKED_MATCHES_CAP } from './search-limits.js';

export interface SearchPageRequest {
  filters: ReceiptFiltersQuery;
  sort: SortKey;
  order: SortOrder;
  limit: number;
  /** Keyset position to continue after. */
  after?: CursorPosition;
  /** Offset paging (deprecated form). */
  offset?: number;
  /** Count matches up to this many (one more tells there are more); none: count them all. */
  countUpTo?: number;
}

/**
 * The matches a relevance-ordered search ranks: ranking reads every candidate's row, so it is
 * bounded to the newest `RANKED_MATCHES_CAP` matches instead of all of them.
 */
export interface RankingWindow {
  ids: string[];
  /** More matched than were ranked. */
  more: boolean;
  /**
   * Creation time (as PostgreSQL prints it) of the oldest ranked match: later pages rank the
   * matches created since then, so receipts arriving meanwhile cannot push one of the first
   * page's candidates out of the window.
   */
  floor: string | null;
}

export interface MatchCount {
  total: number;
  /** False when more than `countUpTo` match and `total` is that bound. */
  exact: boolean;
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

  /**
   * The newest `size` + 1 matches (one more tells whether there are more), or with `floor`
   * every match created since then. Served by `receipts_owner_created_idx`.
   */
  rankingWindowQuery(
    ownerId: string,
    filters: ReceiptFiltersQuery,
    size: number,
    floor?: string,
  ): SelectQueryBuilder<ReceiptEntity> {
    const qb = this.filtered(ownerId, filters)
      .select('r.id', 'id')
      .addSelect('r.created_at::text', 'created');
    if (floor) return qb.andWhere('r.created_at >= :floor::timestamptz', { floor });
    return qb
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(size + 1);
  }

  async rankingWindow(
    ownerId: string,
    filters: ReceiptFiltersQuery,
    size: number,
    floor?: string,
  ): Promise<RankingWindow> {
    const rows = await this.rankingWindowQuery(ownerId, filters, size, floor).getRawMany<{
      id: string;
      created: string;
    }>();
    if (floor) return { ids: rows.map((r) => r.id), more: true, floor };
    const ranked = rows.slice(0, size);
    return {
      ids: ranked.map((r) => r.id),
      more: rows.length > size,
      floor: ranked.at(-1)?.created ?? null,
    };
  }

  /**
   * The query of one page (without the total), as findPage runs it; the bench explains it.
   * `ranked`: with the relevance sort, the ids of the ranking window.
   */
  pageQuery(
    ownerId: string,
    request: Omit<SearchPageRequest, 'countUpTo'>,
    ranked?: string[],
  ): SelectQueryBuilder<ReceiptEntity> {
    const { filters, sort, order, limit } = request;
    const key = this.sortExpression(sort);
    const direction = order === 'asc' ? 'ASC' : 'DESC';
    // The window's rows already matched every filter, so they are looked up by id (a join,
    // which the planner serves from the primary key; `id = ANY(…)` it tested against every
    // entry of another owner-first index, 90 ms at 100,000 receipts).
    const qb = ranked
      ? this.filtered(ownerId, { ...filters, q: undefined })
          .innerJoin('(SELECT unnest(CAST(:ranked AS uuid[])) AS id)', 'w', 'w.id = r.id', {
            ranked,
          })
          .setParameter('q', filters.q)
      : this.filtered(ownerId, filters);
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

  /**
   * How many receipts match, counting at most `upTo` + 1 of them when given: a bounded count
   * stops after that many index entries, while an exact one visits every match.
   */
  async countMatches(
    ownerId: string,
    filters: ReceiptFiltersQuery,
    upTo?: number,
  ): Promise<MatchCount> {
    const matches = this.filtered(ownerId, filters).select('1');
    if (upTo !== undefined) matches.limit(upTo + 1);
    const [sql, params] = matches.getQueryAndParameters();
    const [{ count }] = await this.receipts.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM (${sql}) matches`,
      params,
    );
    return upTo !== undefined && count > upTo
      ? { total: upTo, exact: false }
      : { total: count, exact: true };
  }

  async findPage(
    ownerId: string,
    request: SearchPageRequest,
  ): Promise<{ hits: SearchHit[]; count: MatchCount; floor: string | null }> {
    const window =
      request.sort === 'relevance'
        ? await this.rankingWindow(
            ownerId,
            request.filters,
            RANKED_MATCHES_CAP,
            request.after?.floor,
          )
        : undefined;
    // A first window is the bounded count too: the same index entries answer both.
    const count =
      window && !request.after?.floor && request.countUpTo === RANKED_MATCHES_CAP
        ? { total: window.ids.length, exact: !window.more }
        : await this.countMatches(ownerId, request.filters, request.countUpTo);
    const qb = this.pageQuery(ownerId, request, window?.ids);
    const { entities, raw } = await qb.getRawAndEntities<{
      sort_value: string;
      snippet?: string;
    }>();
    const hits = entities.map((receipt, index) => ({
      receipt,
      sortValue: raw[index].sort_value,
      snippet: raw[index].snippet ?? null,
    }));
    return { hits, count, floor: window?.floor ?? null };
  }
}
