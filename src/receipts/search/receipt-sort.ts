/**
 * Sort keys of the receipt list. Each is an expression that is never NULL (missing values are
 * folded to the low end), so keyset pagination can compare `(key, id)` rows, and each matches
 * an index of migration 1764490000000 character for character (the planner matches index
 * expressions structurally): change one, change both.
 */
export const SORT_KEYS = [
  'date',
  'total',
  'created',
  'merchant',
  'confidence',
  'relevance',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = 'asc' | 'desc';

interface SortDefinition {
  /** SQL over the alias `r`. */
  expression: string;
  /** The SQL type a cursor's text value is cast back to. */
  type: string;
  defaultOrder: SortOrder;
}

/** Where `relevance` needs the query: `:tsquery` is replaced by the search's tsquery. */
export const RELEVANCE_EXPRESSION = 'ts_rank(r.search, :tsquery)';

export const SORTS: Record<SortKey, SortDefinition> = {
  date: {
    expression: "coalesce(r.receipt_date, '0001-01-01'::date)",
    type: 'date',
    defaultOrder: 'desc',
  },
  total: {
    expression: 'coalesce(r.total, -1000000000000::numeric)',
    type: 'numeric',
    defaultOrder: 'desc',
  },
  created: { expression: 'r.created_at', type: 'timestamptz', defaultOrder: 'desc' },
  merchant: {
    expression: "coalesce(lower(r.merchant_name), '')",
    type: 'text',
    defaultOrder: 'asc',
  },
  // The review queue: least certain first; a receipt without a record counts as 0.
  confidence: { expression: 'coalesce(r.confidence, 0)', type: 'numeric', defaultOrder: 'asc' },
  relevance: { expression: RELEVANCE_EXPRESSION, type: 'real', defaultOrder: 'desc' },
};
