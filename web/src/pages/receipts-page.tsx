import type { ReceiptStatus } from '@receipt-vault/client';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api, type ExportQuery, type ListQuery, type ReceiptHit } from '../api/api';
import { ExportButtons } from '../components/export-buttons';
import { CATEGORIES } from '../components/receipt-form';
import { UploadPanel } from '../components/upload-panel';
import { STATUS_LABELS, formatDate, formatMoney, receiptTitle } from '../format';
import { followLink } from '../router';

const PAGE_SIZE = 20;
const TYPING_DELAY_MS = 250;

type Sort = NonNullable<ListQuery['sort']>;

/** Everything the filter form holds, as text; empty means "any". */
interface Filters {
  q: string;
  status: ReceiptStatus | '';
  from: string;
  to: string;
  minTotal: string;
  maxTotal: string;
  category: string;
  tag: string;
  sort: `${Sort}:${'asc' | 'desc'}` | '';
}

const NO_FILTERS: Filters = {
  q: '',
  status: '',
  from: '',
  to: '',
  minTotal: '',
  maxTotal: '',
  category: '',
  tag: '',
  sort: '',
};

const SORTS: { value: Filters['sort']; label: string }[] = [
  { value: '', label: 'Best match / newest' },
  { value: 'created:desc', label: 'Newest upload' },
  { value: 'date:desc', label: 'Receipt date, newest' },
  { value: 'date:asc', label: 'Receipt date, oldest' },
  { value: 'total:desc', label: 'Total, highest' },
  { value: 'total:asc', label: 'Total, lowest' },
  { value: 'merchant:asc', label: 'Merchant, A–Z' },
  { value: 'confidence:asc', label: 'Least certain first' },
];

/** The filters alone, as both the list and the exports take them. */
function filterQuery(filters: Filters): ExportQuery {
  return {
    q: filters.q.trim(),
    status: filters.status || undefined,
    from: filters.from,
    to: filters.to,
    minTotal: filters.minTotal.trim(),
    maxTotal: filters.maxTotal.trim(),
    category: (filters.category || undefined) as ListQuery['category'],
    tag: filters.tag.trim() ? [filters.tag.trim()] : undefined,
  };
}

function toQuery(filters: Filters, cursor?: string): ListQuery {
  const [sort, order] = filters.sort ? (filters.sort.split(':') as [Sort, 'asc' | 'desc']) : [];
  return {
    ...filterQuery(filters),
    sort,
    order,
    cursor,
    limit: PAGE_SIZE,
  };
}

interface Listing {
  items: ReceiptHit[];
  total: number;
  /** False when more match than `total` (the API counts up to 1,000). */
  totalExact: boolean;
  nextCursor: string | null;
}

export function ReceiptsPage() {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [listing, setListing] = useState<Listing | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const generation = useRef(0);

  const load = useCallback(
    async (cursor?: string) => {
      const mine = cursor ? generation.current : ++generation.current;
      setLoading(true);
      try {
        const result = await api.listReceipts(toQuery(filters, cursor));
        // A newer search started meanwhile: its answer wins.
        if (mine !== generation.current) return;
        setListing((current) => ({
          items: cursor && current ? [...current.items, ...result.items] : result.items,
          total: result.total,
          totalExact: result.totalExact,
          nextCursor: result.nextCursor,
        }));
        setError(null);
      } catch (caught) {
        if (mine !== generation.current) return;
        setError(
          caught instanceof ApiError && caught.code === 'VALIDATION_FAILED'
            ? 'Check the filters: dates as YYYY-MM-DD, amounts like 12.50, “from” before “to”.'
            : caught instanceof ApiError
              ? caught.message
              : 'The list could not be loaded.',
        );
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [filters],
  );

  useEffect(() => {
    const timer = setTimeout(() => void load(), TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [load]);

  const nextCursor = listing?.nextCursor ?? null;
  const loadMore = () => {
    if (nextCursor && !loading) void load(nextCursor);
  };

  // Infinite scroll: the next page loads as the end of the list comes into view.
  useEffect(() => {
    const target = sentinel.current;
    if (!target || !nextCursor) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) loadMore();
    });
    observer.observe(target);
    return () => observer.disconnect();
  });

  const set = (name: keyof Filters) => (event: Event) =>
    setFilters({ ...filters, [name]: (event.currentTarget as HTMLInputElement).value });
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  // Sorting changes the order, not which receipts there are.
  const narrowed = JSON.stringify({ ...filters, sort: '' }) !== JSON.stringify(NO_FILTERS);

  return (
    <>
      <h1 tabIndex={-1}>Receipts</h1>
      <UploadPanel onFinished={() => void load()} />
      <section aria-labelledby="list-heading" class="listing">
        <h2 id="list-heading">Your receipts</h2>
        <form class="filters" role="search" onSubmit={(event) => event.preventDefault()}>
          <div class="wide">
            <label for="search">Search</label>
            <input
              id="search"
              type="search"
              placeholder="Merchant, item, address, note, tag…"
              value={filters.q}
              onInput={set('q')}
            />
          </div>
          <div>
            <label for="sort">Sort</label>
            <select id="sort" value={filters.sort} onChange={set('sort')}>
              {SORTS.map(({ value, label }) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <details class="more-filters wide">
            <summary>More filters</summary>
            <div class="filter-grid">
              <div>
                <label for="status">Status</label>
                <select id="status" value={filters.status} onChange={set('status')}>
                  <option value="">Any</option>
                  {Object.entries(STATUS_LABELS).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label for="category">Category</label>
                <select id="category" value={filters.category} onChange={set('category')}>
                  <option value="">Any</option>
                  {CATEGORIES.map((category) => (
                    <option key={category} value={category}>
                      {category}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label for="tag">Tag</label>
                <input id="tag" value={filters.tag} onInput={set('tag')} />
              </div>
              <div>
                <label for="from">Date from</label>
                <input id="from" type="date" value={filters.from} onChange={set('from')} />
              </div>
              <div>
                <label for="to">Date to</label>
                <input id="to" type="date" value={filters.to} onChange={set('to')} />
              </div>
              <div>
                <label for="min-total">Total at least</label>
                <input
                  id="min-total"
                  inputMode="decimal"
                  value={filters.minTotal}
                  onInput={set('minTotal')}
                />
              </div>
              <div>
                <label for="max-total">Total at most</label>
                <input
                  id="max-total"
                  inputMode="decimal"
                  value={filters.maxTotal}
                  onInput={set('maxTotal')}
                />
              </div>
            </div>
            {filtered && (
              <button type="button" class="secondary" onClick={() => setFilters(NO_FILTERS)}>
                Clear filters
              </button>
            )}
          </details>
        </form>
        <p class="count" role="status">
          {listing === null
            ? 'Loading…'
            : listing.total === 0
              ? filtered
                ? 'No receipts match.'
                : 'No receipts yet. Add one above.'
              : listing.totalExact
                ? `${listing.total} receipt${listing.total === 1 ? '' : 's'}`
                : `More than ${listing.total} receipts`}
        </p>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {listing && listing.total > 0 && (
          <ExportButtons query={filterQuery(filters)} filtered={narrowed} />
        )}
        {listing && listing.items.length > 0 && (
          <ul class="receipts" aria-label="Receipts">
            {listing.items.map((receipt) => (
              <ReceiptRow key={receipt.id} receipt={receipt} />
            ))}
          </ul>
        )}
        <div ref={sentinel} />
        {nextCursor && (
          <button type="button" class="secondary" onClick={loadMore} disabled={loading}>
            {loading ? 'Loading…' : 'Show more'}
          </button>
        )}
      </section>
    </>
  );
}

/** The search snippet marks matches with « »: shown as <mark>, never as HTML. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/«|»/);
  return (
    <span class="snippet">
      {parts.map((part, index) => (index % 2 === 1 ? <mark key={index}>{part}</mark> : part))}
    </span>
  );
}

function ReceiptRow({ receipt }: { receipt: ReceiptHit }) {
  const { summary } = receipt;
  const title = receiptTitle(receipt);
  return (
    <li class="receipt-row" data-receipt-id={receipt.id}>
      <a href={`/receipts/${receipt.id}`} onClick={followLink}>
        <span class="merchant">{title}</span>
        <span class="total">{formatMoney(summary.total, summary.currency)}</span>
        <span class="date">
          {formatDate(summary.date)}
          {receipt.tags.length > 0 && ` · ${receipt.tags.join(', ')}`}
        </span>
        <span class={`badge ${receipt.status}`}>{STATUS_LABELS[receipt.status]}</span>
        {receipt.snippet && <Snippet text={receipt.snippet} />}
      </a>
    </li>
  );
}
