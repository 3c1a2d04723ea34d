import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ReceiptFiltersQuery } from '../dto/receipt-filters.query.js';
import { SORTS } from './receipt-sort.js';

/**
 * The search's tsquery from free text: the words PostgreSQL's own parser finds in `q`, each
 * as a prefix, all required. Built in SQL from the parser's output (the stripped tsvector's
 * text, `'a' 'b'` → `'a':* & 'b':*`), so no input — tsquery operators, quotes, backslashes —
 * can make it fail. Only immutable functions of the parameter: the planner folds it to a
 * constant and estimates how many receipts match (a subquery here hid that, and every search
 * was planned as if few receipts matched).
 */
export const TSQUERY_SQL = `to_tsquery('simple', replace(regexp_replace(
  strip(to_tsvector('simple', replace(:q, E'\\\\', ' ')))::text, '''( |$)', ''':*\\1', 'g'), ':* ', ':* & '))`;

/**
 * Applies the owner scope, the trash rule and every filter to a query over `receipts r`.
 * Range filters use the same expressions as the sort indexes so those indexes serve them.
 */
export function applyReceiptFilters<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  ownerId: string,
  f: ReceiptFiltersQuery,
): SelectQueryBuilder<T> {
  qb.where('r.owner_id = :ownerId', { ownerId }).andWhere('r.deleted_at IS NULL');
  if (f.q) qb.andWhere(`r.search @@ ${TSQUERY_SQL}`, { q: f.q });
  if (f.status) qb.andWhere('r.status = :status', { status: f.status });
  if (f.from || f.to) qb.andWhere('r.receipt_date IS NOT NULL');
  if (f.from) qb.andWhere(`${SORTS.date.expression} >= :from::date`, { from: f.from });
  if (f.to) qb.andWhere(`${SORTS.date.expression} <= :to::date`, { to: f.to });
  if (f.minTotal || f.maxTotal) qb.andWhere('r.total IS NOT NULL');
  if (f.minTotal) {
    qb.andWhere(`${SORTS.total.expression} >= :minTotal::numeric`, { minTotal: f.minTotal });
  }
  if (f.maxTotal) {
    qb.andWhere(`${SORTS.total.expression} <= :maxTotal::numeric`, { maxTotal: f.maxTotal });
  }
  if (f.currency) qb.andWhere('r.currency = :currency', { currency: f.currency });
  if (f.merchant) {
    qb.andWhere(`${SORTS.merchant.expression} = lower(:merchant)`, { merchant: f.merchant.trim() });
  }
  if (f.category) qb.andWhere('r.category = :category', { category: f.category });
  if (f.hasIssues !== undefined)
    qb.andWhere('r.has_issues = :hasIssues', { hasIssues: f.hasIssues });
  if (f.duplicates !== undefined) {
    qb.andWhere(`r.possible_duplicate_of IS ${f.duplicates ? 'NOT NULL' : 'NULL'}`);
  }
  const tags = [...new Set((f.tag ?? []).map((t) => t.trim().toLowerCase()))];
  if (tags.length) {
    // Every tag must match: receipts linked to as many of the named tags as were asked for.
    qb.andWhere(
      `r.id IN (SELECT rt.receipt_id FROM receipt_tags rt JOIN tags t ON t.id = rt.tag_id
                 WHERE t.owner_id = :ownerId AND lower(t.name) IN (:...tags)
                 GROUP BY rt.receipt_id HAVING count(*) = :tagCount)`,
      { tags, tagCount: tags.length },
    );
  }
  return qb;
}
