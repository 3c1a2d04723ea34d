import { useEffect, useState } from 'preact/hooks';
import { ErrorAlert } from '../components/error-alert';
import { api, errorMessage, type TrashedReceipt } from '../api/api';
import { dateAndTotal, formatDate, receiptTitle } from '../format';

interface Listing {
  items: TrashedReceipt[];
  nextCursor: string | null;
}

/**
 * Deleted receipts wait here until they are purged (TRASH_RETENTION_DAYS on the server): restore
 * one, or delete it for good now.
 */
export function TrashPage() {
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = async (cursor?: string) => {
    try {
      const page = await api.trash(cursor);
      setListing((current) => ({
        items: cursor && current ? [...current.items, ...page.items] : page.items,
        nextCursor: page.nextCursor,
      }));
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught, 'The trash could not be loaded.'));
    }
  };

  useEffect(() => {
    void load();
  }, []);

  const act = async (receipt: TrashedReceipt, action: () => Promise<unknown>, done: string) => {
    setNotice(null);
    try {
      await action();
      setNotice(`${done}: ${receiptTitle(receipt)}.`);
    } catch (caught) {
      // Already restored or purged (another tab, or the purger): the reload below shows that.
      setNotice(errorMessage(caught));
    }
    await load();
  };

  const purge = (receipt: TrashedReceipt) => {
    if (!confirm(`Delete ${receiptTitle(receipt)} for good? This cannot be undone.`)) return;
    void act(receipt, () => api.deleteReceipt(receipt.id, { permanent: true }), 'Deleted for good');
  };

  return (
    <section>
      <h1 tabIndex={-1}>Trash</h1>
      <p class="hint">
        Deleted receipts stay here for a while before they are removed for good. They do not appear
        in searches, statistics or exports.
      </p>
      <p class="count" role="status">
        {listing === null
          ? 'Loading…'
          : listing.items.length === 0
            ? 'The trash is empty.'
            : `${listing.items.length}${listing.nextCursor ? '+' : ''} in the trash`}
        {notice ? ` · ${notice}` : ''}
      </p>
      <ErrorAlert message={error} />
      {listing && listing.items.length > 0 && (
        <ul class="trash" aria-label="Deleted receipts">
          {listing.items.map((receipt) => {
            const title = receiptTitle(receipt);
            return (
              <li key={receipt.id} data-receipt-id={receipt.id}>
                <div class="trash-head">
                  <strong>{title}</strong>
                  <span>{dateAndTotal(receipt.summary)}</span>
                </div>
                <p class="hint">
                  Deleted {formatDate(receipt.deletedAt)}; removed for good after{' '}
                  {formatDate(receipt.purgeAfter)}.
                </p>
                <div class="actions">
                  <button
                    type="button"
                    class="secondary"
                    aria-label={`Restore ${title}`}
                    onClick={() =>
                      void act(receipt, () => api.restoreReceipt(receipt.id), 'Restored')
                    }
                  >
                    Restore
                  </button>
                  <button
                    type="button"
                    class="danger"
                    aria-label={`Delete for good: ${title}`}
                    onClick={() => purge(receipt)}
                  >
                    Delete for good
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {listing?.nextCursor && (
        <button type="button" class="secondary" onClick={() => void load(listing.nextCursor!)}>
          Show more
        </button>
      )}
    </section>
  );
}
