import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { ReceiptFiltersQuery } from '../dto/receipt-filters.query.js';
import { ReceiptEntity } from '../receipt.entity.js';
import { applyReceiptFilters } from './receipt-filters.js';

export const STATS_GROUPS = ['month', 'week', 'merchant', 'category', 'tag'] as const;
export type StatsGroup = (typeof STATS_GROUPS)[number];

export interface Aggregate {
  currency: string | null;
  count: number;
  sumTotal: string | null;
  sumTax: string | null;
  averageTotal: string | null;
}

export interface GroupAggregate extends Aggregate {
  key: string | null;
}

export interface MerchantAggregate extends Aggregate {
  merchant: string;
}

/** Group keys over the filtered rows `f` (month and week by the receipt's date, ISO weeks). */
const GROUP_KEY: Record<StatsGroup, string> = {
  month: `to_char(f.receipt_date, 'YYYY-MM')`,
  week: `to_char(f.receipt_date, 'IYYY-"W"IW')`,
  merchant: `min(f.merchant_name) OVER (PARTITION BY f.currency, lower(f.merchant_name))`,
  category: 'f.category',
  tag: 't.name',
};

/** Named aggregates, rounded to the largest scale of the amounts they average. */
const AGGREGATES = `count(*)::int AS count, sum(f.total)::text AS sum_total, sum(f.tax_total)::text AS sum_tax,
  round(avg(f.total), coalesce(max(scale(f.total)), 2))::text AS average_total`;

/** Most groups listed per currency (merchants and tags can be many; the largest come first). */
export const MAX_GROUPS_PER_CURRENCY = 100;
const TOP_MERCHANTS = 5;

interface AggregateRow {
  currency: string | null;
  count: number;
  sum_total: string | null;
  sum_tax: string | null;
  average_total: string | null;
}

function aggregate(row: AggregateRow): Aggregate {
  return {
    currency: row.currency,
    count: row.count,
    sumTotal: row.sum_total,
    sumTax: row.sum_tax,
    averageTotal: row.average_total,
  };
}

/**
 * Totals of the filtered receipts, always per currency: amounts in different currencies are
 * never added together. Receipts without a total are counted but add nothing.
 */
@Injectable()
export class ReceiptStatsRepository {
  constructor(
    @InjectRepository(ReceiptEntity) private readonly receipts: Repository<ReceiptEntity>,
  ) {}

  async stats(
    ownerId: string,
    filters: ReceiptFiltersQuery,
    groupBy: StatsGroup,
  ): Promise<{ totals: Aggregate[]; groups: GroupAggregate[]; topMerchants: MerchantAggregate[] }> {
    const [inner, params] = applyReceiptFilters(
      this.receipts.createQueryBuilder('r'),
      ownerId,
      filters,
    )
      .select([
        'r.id AS id',
        'r.currency AS currency',
        'r.total AS total',
        'r.tax_total AS tax_total',
        'r.receipt_date AS receipt_date',
        'r.merchant_name AS merchant_name',
        'r.category AS category',
      ])
      .getQueryAndParameters();
    const base = `WITH f AS (${inner})`;

    const totals: AggregateRow[] = await this.receipts.query(
      `${base} SELECT f.currency, ${AGGREGATES} FROM f GROUP BY f.currency ORDER BY f.currency NULLS LAST`,
      params,
    );

    const tagJoin =
      groupBy === 'tag'
        ? 'JOIN receipt_tags rt ON rt.receipt_id = f.id JOIN tags t ON t.id = rt.tag_id'
        : '';
    // Time groups in time order; the others largest first.
    const order =
      groupBy === 'month' || groupBy === 'week'
        ? 'g.key NULLS LAST'
        : 'g.sum_total::numeric DESC NULLS LAST, g.count DESC, g.key';
    const groups: (AggregateRow & { key: string | null })[] = await this.receipts.query(
      `${base}, keyed AS (SELECT f.*, ${GROUP_KEY[groupBy]} AS key FROM f ${tagJoin})
       SELECT * FROM (
         SELECT g.*, row_number() OVER (PARTITION BY g.currency ORDER BY ${order}) AS rank
           FROM (SELECT f.currency, f.key, ${AGGREGATES} FROM keyed f GROUP BY f.currency, f.key) g
       ) ranked
       WHERE rank <= ${MAX_GROUPS_PER_CURRENCY}
       ORDER BY currency NULLS LAST, rank`,
      params,
    );

    const merchants: (AggregateRow & { merchant: string })[] = await this.receipts.query(
      `${base}
       SELECT * FROM (
         SELECT g.*, row_number() OVER (PARTITION BY g.currency ORDER BY g.sum_total::numeric DESC NULLS LAST, g.count DESC) AS rank
           FROM (SELECT f.currency, min(f.merchant_name) AS merchant, ${AGGREGATES}
                   FROM f WHERE f.merchant_name IS NOT NULL
                  GROUP BY f.currency, lower(f.merchant_name)) g
       ) ranked
       WHERE rank <= ${TOP_MERCHANTS}
       ORDER BY currency NULLS LAST, rank`,
      params,
    );

    return {
      totals: totals.map(aggregate),
      groups: groups.map((row) => ({ ...aggregate(row), key: row.key })),
      topMerchants: merchants.map((row) => ({ ...aggregate(row), merchant: row.merchant })),
    };
  }
}
