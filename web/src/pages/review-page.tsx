import { useEffect, useState } from 'preact/hooks';
import { ErrorAlert } from '../components/error-alert';
import { ApiError, api, type ReceiptHit as Receipt } from '../api/api';
import { dateAndTotal, receiptTitle } from '../format';
import { followLink } from '../router';

/** How many unsure receipts one screen shows; the rest follow as these are confirmed. */
const QUEUE_SIZE = 100;

/**
 * Receipts whose extraction needs a human look, least confident first: open one to fix it beside
 * the image, or confirm it as it is from here.
 */
export function ReviewPage() {
  const [queue, setQueue] = useState<{
    items: Receipt[];
    total: number;
    totalExact: boolean;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = async () => {
    try {
      const page = await api.listReceipts({
        status: 'needs_review',
        sort: 'confidence',
        order: 'asc',
        limit: QUEUE_SIZE,
      });
      setQueue({ items: page.items, total: page.total, totalExact: page.totalExact });
      setError(null);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The queue could not be loaded.');
    }
  };

  useEffect(() => {
    void load();
  }, []);

  const confirmOne = async (receipt: Receipt) => {
    try {
      await api.confirm(receipt.id);
      setNotice(`Confirmed ${receiptTitle(receipt)}.`);
    } catch (caught) {
      setNotice(caught instanceof ApiError ? caught.message : 'Could not confirm.');
    }
    await load();
  };

  return (
    <section>
      <h1 tabIndex={-1}>Review</h1>
      <p class="hint">
        Receipts whose numbers do not add up or miss a total or date, least sure first.
      </p>
      <p class="count" role="status">
        {queue === null
          ? 'Loading…'
          : queue.total === 0
            ? 'Nothing to review.'
            : `${queue.totalExact ? '' : 'More than '}${queue.total} to review`}
        {notice ? ` · ${notice}` : ''}
      </p>
      <ErrorAlert message={error} />
      {queue && queue.items.length > 0 && (
        <ul class="review" aria-label="Receipts to review">
          {queue.items.map((receipt) => {
            const title = receiptTitle(receipt);
            return (
              <li key={receipt.id} data-receipt-id={receipt.id}>
                <div class="review-head">
                  <a href={`/receipts/${receipt.id}`} onClick={followLink}>
                    {title}
                  </a>
                  <span>{dateAndTotal(receipt.summary)}</span>
                </div>
                <ul class="review-issues">
                  {receipt.reviewIssues.map((issue) => (
                    <li key={issue}>{issue}</li>
                  ))}
                </ul>
                <button
                  type="button"
                  class="secondary"
                  aria-label={`Confirm as correct: ${title}`}
                  onClick={() => void confirmOne(receipt)}
                >
                  Confirm as correct
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
