import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, type ReceiptStats } from '../api/api';
import { BarChart } from '../components/bar-chart';
import { formatMoney } from '../format';

const TOP_MERCHANTS = 5;

/**
 * Spending per month and the top merchants, one section per currency: amounts in different
 * currencies are never added together.
 */
export function StatsPage() {
  const [stats, setStats] = useState<ReceiptStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [range, setRange] = useState({ from: '', to: '' });

  useEffect(() => {
    api.stats({ from: range.from || undefined, to: range.to || undefined }).then(
      (result) => {
        setStats(result);
        setError(null);
      },
      (caught: unknown) =>
        setError(caught instanceof ApiError ? caught.message : 'The totals could not be loaded.'),
    );
  }, [range]);

  return (
    <section>
      <h1 tabIndex={-1}>Spending</h1>
      <form class="filters" onSubmit={(event) => event.preventDefault()}>
        <div>
          <label for="stats-from">From</label>
          <input
            id="stats-from"
            type="date"
            value={range.from}
            onChange={(event) => setRange({ ...range, from: event.currentTarget.value })}
          />
        </div>
        <div>
          <label for="stats-to">To</label>
          <input
            id="stats-to"
            type="date"
            value={range.to}
            onChange={(event) => setRange({ ...range, to: event.currentTarget.value })}
          />
        </div>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {stats === null && !error && <p aria-busy="true">Loading…</p>}
      {stats?.currencies.length === 0 && <p>No receipts with a total in this period.</p>}
      {stats?.currencies.map((entry) => {
        const currency = entry.currency;
        const label = currency ?? 'No currency';
        return (
          <section key={label} class="currency-stats" aria-labelledby={`stats-${label}`}>
            <h2 id={`stats-${label}`}>
              {currency ? '' : 'No currency: '}
              {formatMoney(entry.sumTotal, currency)} in {entry.count} receipt
              {entry.count === 1 ? '' : 's'}
            </h2>
            <BarChart
              title={`${label} per month`}
              bars={entry.groups.map((group) => ({
                label: group.key ?? 'No date',
                value: Number(group.sumTotal ?? 0),
                text: formatMoney(group.sumTotal, currency),
              }))}
            />
            <h3>Top merchants</h3>
            <ol class="top-merchants">
              {entry.topMerchants.slice(0, TOP_MERCHANTS).map((merchant) => (
                <li key={merchant.merchant}>
                  <span>{merchant.merchant}</span>
                  <span>
                    {formatMoney(merchant.sumTotal, currency)} ({merchant.count})
                  </span>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </section>
  );
}
