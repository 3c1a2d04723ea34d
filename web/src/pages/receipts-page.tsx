import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../api/api';
import type { Receipt, ReceiptStatus } from '@receipt-vault/client';
import { UploadPanel } from '../components/upload-panel';
import { STATUS_LABELS, formatDate, formatMoney } from '../format';
import { followLink } from '../router';

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 250;

interface Filters {
  q: string;
  status: ReceiptStatus | '';
}

interface Listing {
  items: Receipt[];
  total: number;
  page: number;
}

export function ReceiptsPage() {
  const [filters, setFilters] = useState<Filters>({ q: '', status: '' });
  const [listing, setListing] = useState<Listing | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const generation = useRef(0);

  const load = useCallback(
    async (page: number) => {
      const mine = page === 1 ? ++generation.current : generation.current;
      setLoading(true);
      try {
        const result = await api.listReceipts({ ...filters, page, pageSize: PAGE_SIZE });
        // A newer search started meanwhile: its answer wins.
        if (mine !== generation.current) return;
        setListing((current) => ({
          items: page === 1 || !current ? result.items : [...current.items, ...result.items],
          total: result.total,
          page,
        }));
        setError(null);
      } catch (caught) {
        if (mine === generation.current) {
          setError(caught instanceof ApiError ? caught.message : 'The list could not be loaded.');
        }
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [filters],
  );

  useEffect(() => {
    const timer = setTimeout(() => void load(1), filters.q ? SEARCH_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [load]);

  const hasMore = listing !== null && listing.items.length < listing.total;
  const loadMore = () => {
    if (listing && hasMore && !loading) void load(listing.page + 1);
  };

  // Infinite scroll: the next page loads as the end of the list comes into view.
  useEffect(() => {
    const target = sentinel.current;
    if (!target || !hasMore) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) loadMore();
    });
    observer.observe(target);
    return () => observer.disconnect();
  });

  return (
    <>
      <h1 tabIndex={-1}>Receipts</h1>
      <UploadPanel onFinished={() => void load(1)} />
      <section aria-labelledby="list-heading" class="listing">
        <h2 id="list-heading">Your receipts</h2>
        <form class="filters" role="search" onSubmit={(event) => event.preventDefault()}>
          <div>
            <label for="search">Search</label>
            <input
              id="search"
              type="search"
              placeholder="Merchant, file name or note"
              value={filters.q}
              onInput={(event) => setFilters({ ...filters, q: event.currentTarget.value })}
            />
          </div>
          <div>
            <label for="status">Status</label>
            <select
              id="status"
              value={filters.status}
              onChange={(event) =>
                setFilters({ ...filters, status: event.currentTarget.value as Filters['status'] })
              }
            >
              <option value="">Any</option>
              {Object.entries(STATUS_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </form>
        <p class="count" role="status">
          {listing === null
            ? 'Loading…'
            : listing.total === 0
              ? filters.q || filters.status
                ? 'No receipts match.'
                : 'No receipts yet. Add one above.'
              : `${listing.total} receipt${listing.total === 1 ? '' : 's'}`}
        </p>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {listing && listing.items.length > 0 && (
          <ul class="receipts" aria-label="Receipts">
            {listing.items.map((receipt) => (
              <ReceiptRow key={receipt.id} receipt={receipt} />
            ))}
          </ul>
        )}
        <div ref={sentinel} />
        {hasMore && (
          <button type="button" class="secondary" onClick={loadMore} disabled={loading}>
            {loading ? 'Loading…' : 'Show more'}
          </button>
        )}
      </section>
    </>
  );
}

function ReceiptRow({ receipt }: { receipt: Receipt }) {
  const { summary } = receipt;
  const title = summary.merchantName ?? receipt.filename ?? 'Receipt';
  return (
    <li class="receipt-row" data-receipt-id={receipt.id}>
      <a href={`/receipts/${receipt.id}`} onClick={followLink}>
        <span class="merchant">{title}</span>
        <span class="total">{formatMoney(summary.total, summary.currency)}</span>
        <span class="date">{formatDate(summary.date)}</span>
        <span class={`badge ${receipt.status}`}>{STATUS_LABELS[receipt.status]}</span>
      </a>
    </li>
  );
}
